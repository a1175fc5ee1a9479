import type { BoardDto, DealStatus, StageDto, StageKind } from '@autofunnel/shared';

/**
 * What the board shows: the deals being worked on (open ones, and the won ones in the won
 * stage), or the lost ones, each in the stage where it was lost.
 */
export type BoardView = 'open' | 'lost';

/** The cache key of one board. */
export interface BoardArgs {
  funnelId: string;
  view: BoardView;
}

/**
 * A board in the RTK Query cache: the API's board plus what the live updates need, the view it
 * was fetched for and the sequence number of the last funnel event applied to it (null when it
 * was loaded while the live connection was down).
 */
export interface LiveBoard extends BoardDto {
  view: BoardView;
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
