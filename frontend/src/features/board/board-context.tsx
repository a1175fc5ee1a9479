import { createContext, useContext } from 'react';
import type { BoardFilter, FunnelDto, UserRef } from '@autofunnel/shared';
import type { BoardArgs } from './board-view';
import type { CardFilter } from './card-filter';

/** What every column and card of one open board (or one swimlane of it) needs to know. */
export interface BoardContextValue {
  args: BoardArgs;
  funnel: FunnelDto;
  me: UserRef | null;
  /** Cards cannot be moved (the lost deals' board). */
  readOnly: boolean;
  /** The search box, applied to the loaded cards. */
  filter: CardFilter;
  /** The toolbar's filters as the server applies them (the URL's). */
  boardFilter: BoardFilter;
  changeFilter(filter: BoardFilter): void;
  /** The swimlane the columns belong to: a card may only be dropped within its own lane. */
  laneKey?: string;
  openDeal(dealId: string): void;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoardContext needs a <BoardContext.Provider>');
  return value;
}
