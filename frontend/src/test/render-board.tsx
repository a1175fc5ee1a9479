import type { ReactElement } from 'react';
import type { DealDto } from '@autofunnel/shared';
import { DndProvider } from 'react-dnd';
import { MemoryRouter } from 'react-router';
import { HTML5Backend } from 'react-dnd-html5-backend';
import { Toasts } from '../components/Toasts';
import { boardApi } from '../features/board/board-api';
import { BoardContext, type BoardContextValue } from '../features/board/board-context';
import type { LiveBoard } from '../features/board/board-view';
import { jsonResponse } from './fetch-mock';
import { installBoardLayout } from './layout';
import { annaRef } from './board-fixtures';
import { dealTypes, signedInAsAnna } from './fixtures';
import { renderWithStore } from './render-with-store';

installBoardLayout();

export const sources = [
  { id: 'src-web', name: 'Website' },
  { id: 'src-phone', name: 'Phone call' },
];

export const users = [
  { id: annaRef.id, name: annaRef.name, email: 'anna@demo.local', role: 'manager', branchId: null },
  { id: 'user-boris', name: 'Boris Ivanov', email: 'boris@demo.local', role: 'manager', branchId: null },
];

/** Answers for the lists every board asks for; null for anything else. */
export function directoryAnswer(path: string): Response | null {
  if (path === '/api/sources') return jsonResponse(sources);
  if (path === '/api/users') return jsonResponse(users);
  if (path === '/api/deal-types') return jsonResponse(dealTypes);
  return null;
}

/**
 * Renders `ui` as part of an open board (a router, drag and drop, the board's context, toasts),
 * signed in as Anna, with `board` already in the RTK Query cache.
 */
export async function renderInBoard(ui: ReactElement, board: LiveBoard, context: Partial<BoardContextValue> = {}) {
  const value: BoardContextValue = {
    args: { funnelId: board.funnel.id, view: board.view },
    funnel: board.funnel,
    me: annaRef,
    readOnly: board.view === 'lost',
    filter: { search: '' },
    boardFilter: {},
    changeFilter: jest.fn(),
    openDeal: jest.fn(),
    ...context,
  };
  const rendered = renderWithStore(
    <MemoryRouter>
      <DndProvider backend={HTML5Backend}>
        <BoardContext.Provider value={value}>
          {ui}
          <Toasts />
        </BoardContext.Provider>
      </DndProvider>
    </MemoryRouter>,
    { auth: signedInAsAnna },
  );
  await rendered.store.dispatch(boardApi.util.upsertQueryData('getBoard', value.args, board));
  // as the board page does: keep the board in the cache while it is shown
  rendered.store.dispatch(boardApi.endpoints.getBoard.initiate(value.args));
  return { ...rendered, context: value };
}

/** The board as it is now in the store's cache. */
export function cachedBoard(store: ReturnType<typeof renderWithStore>['store'], board: LiveBoard): LiveBoard {
  const data = boardApi.endpoints.getBoard.select({ funnelId: board.funnel.id, view: board.view })(store.getState()).data;
  if (!data) throw new Error('the board is not in the cache');
  return data;
}

export function dealIdsIn(board: LiveBoard, stageId: string): string[] {
  return board.columns.find((column) => column.stageId === stageId)?.deals.map((deal: DealDto) => deal.id) ?? [];
}
