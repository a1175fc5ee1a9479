import type { BoardDto, BoardFilter, DealDto, DealStatus, StageDto, StageKind } from '@autofunnel/shared';
import { compactFilter, matchesBoardFilter } from './board-filter';
import { isRotten } from './deal-signals';

/**
 * What the board shows: the deals being worked on (open ones, and the won ones in the won
 * stage), or the lost ones, each in the stage where it was lost.
 */
export type BoardView = 'open' | 'lost';

/** The cache key of one board. */
export interface BoardArgs {
  funnelId: string;
  view: BoardView;
  /** The toolbar's filters (and a swimlane's group value); absent when nothing is filtered. */
  filter?: BoardFilter;
}

/** A board's cache key, with the filter left out when it filters nothing (one key per board). */
export function boardArgs(funnelId: string, view: BoardView, filter?: BoardFilter): BoardArgs {
  const compact = compactFilter(filter);
  return compact ? { funnelId, view, filter: compact } : { funnelId, view };
}

/**
 * A board in the RTK Query cache: the API's board plus what the live updates need, the view and
 * the filter it was fetched for (`me` resolved to the user's id) and the sequence number of the
 * last funnel event applied to it (null when it was loaded while the live connection was down).
 */
export interface LiveBoard extends BoardDto {
  view: BoardView;
  filter: BoardFilter;
  seq: number | null;
}

/** Deals fetched per column and per further page. */
export const BOARD_PAGE_SIZE = 50;

/** The status of the deals a column of `kind` shows in `view`. */
export function columnStatus(kind: StageKind, view: BoardView): DealStatus {
  if (view === 'lost') return 'lost';
  return kind === 'won' ? 'won' : 'open';
}

export function stageById(board: BoardDto, stageId: string): StageDto | undefined {
  return board.funnel.stages.find((stage) => stage.id === stageId);
}

/** Whether a deal of `status` in stage `stageId` has a card on `board`. */
export function showsOnBoard(board: LiveBoard, stageId: string, status: DealStatus): boolean {
  const stage = stageById(board, stageId);
  return stage !== undefined && columnStatus(stage.kind, board.view) === status;
}

/** Whether `deal` belongs on `board` by its filter (live changes take it off or put it on). */
export function passesFilterOf(board: LiveBoard, deal: DealDto, now = Date.now()): boolean {
  return matchesBoardFilter(deal, board.filter, stageById(board, deal.stageId), now);
}

/** Whether `deal` counts among its column's rotten deals on `board`. */
export function rottenOn(board: BoardDto, deal: DealDto, now = Date.now()): boolean {
  return isRotten(deal, stageById(board, deal.stageId), now);
}
