import { createContext, useContext } from 'react';
import type { FunnelDto, UserRef } from '@autofunnel/shared';
import type { BoardArgs } from './board-view';
import type { CardFilter } from './card-filter';

/** What every column and card of one open board needs to know. */
export interface BoardContextValue {
  args: BoardArgs;
  funnel: FunnelDto;
  me: UserRef | null;
  /** Cards cannot be moved (the lost deals' board). */
  readOnly: boolean;
  filter: CardFilter;
  openDeal(dealId: string): void;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoardContext needs a <BoardContext.Provider>');
  return value;
}
