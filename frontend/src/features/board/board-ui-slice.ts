import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { DealSortField, DealStatus } from '@autofunnel/shared';

export type BoardLayout = 'kanban' | 'list';

export interface BoardUiState {
  layout: BoardLayout;
  /** Narrows the loaded cards; the other filters live in the URL (see use-board-url). */
  search: string;
  hideEmptyStages: boolean;
  showLost: boolean;
  listSort: DealSortField;
  listOrder: 'asc' | 'desc';
  /** The list's status filter; 'all' for every status. */
  listStatus: DealStatus | 'all';
  /** Deals that just arrived live, shown highlighted for a moment. */
  freshDealIds: string[];
}

export const BOARD_LAYOUT_STORAGE_KEY = 'autofunnel.boardLayout';

function storedLayout(): BoardLayout {
  try {
    return globalThis.localStorage?.getItem(BOARD_LAYOUT_STORAGE_KEY) === 'list' ? 'list' : 'kanban';
  } catch {
    return 'kanban';
  }
}

export function saveLayout(layout: BoardLayout): void {
  try {
    globalThis.localStorage?.setItem(BOARD_LAYOUT_STORAGE_KEY, layout);
  } catch {
    // storage disabled: the choice lasts until the page is closed
  }
}

export function initialBoardUiState(): BoardUiState {
  return {
    layout: storedLayout(),
    search: '',
    hideEmptyStages: false,
    showLost: false,
    listSort: 'createdAt',
    listOrder: 'desc',
    listStatus: 'open',
    freshDealIds: [],
  };
}

export const boardUiSlice = createSlice({
  name: 'boardUi',
  initialState: initialBoardUiState,
  reducers: {
    layoutChosen(state, action: PayloadAction<BoardLayout>) {
      state.layout = action.payload;
    },
    searchChanged(state, action: PayloadAction<string>) {
      state.search = action.payload;
    },
    hideEmptyStagesToggled(state, action: PayloadAction<boolean>) {
      state.hideEmptyStages = action.payload;
    },
    showLostToggled(state, action: PayloadAction<boolean>) {
      state.showLost = action.payload;
      state.listStatus = action.payload ? 'lost' : 'open';
    },
    listSortChanged(state, action: PayloadAction<{ sort: DealSortField; order: 'asc' | 'desc' }>) {
      state.listSort = action.payload.sort;
      state.listOrder = action.payload.order;
    },
    listStatusChanged(state, action: PayloadAction<DealStatus | 'all'>) {
      state.listStatus = action.payload;
    },
    dealsArrived(state, action: PayloadAction<string[]>) {
      for (const id of action.payload) if (!state.freshDealIds.includes(id)) state.freshDealIds.push(id);
    },
    dealsSettled(state, action: PayloadAction<string[]>) {
      state.freshDealIds = state.freshDealIds.filter((id) => !action.payload.includes(id));
    },
  },
  selectors: {
    selectBoardUi: (state) => state,
    selectLayout: (state) => state.layout,
    selectIsFresh: (state, dealId: string) => state.freshDealIds.includes(dealId),
  },
});

export const {
  layoutChosen,
  searchChanged,
  hideEmptyStagesToggled,
  showLostToggled,
  listSortChanged,
  listStatusChanged,
  dealsArrived,
  dealsSettled,
} = boardUiSlice.actions;
export const { selectBoardUi, selectLayout, selectIsFresh } = boardUiSlice.selectors;
