import type { BoardDto, BoardFilter, CursorPage, DealDto, DealStatus } from '@autofunnel/shared';
import { columnStatus, type BoardView, type LiveBoard } from './board-view';
import { findCard } from './live/apply-board-event';

/** The statuses whose boards make up a view. */
export function statusesOfView(view: BoardView): DealStatus[] {
  return view === 'lost' ? ['lost'] : ['open', 'won'];
}

/**
 * One board of the view from the API's boards per status (`boards[i]` has the deals of
 * `statusesOfView(view)[i]`): each stage's column comes from the board of the status it shows.
 * `filter` is what they were fetched with (`me` resolved).
 */
export function mergeBoards(view: BoardView, boards: readonly BoardDto[], seq: number | null, filter: BoardFilter = {}): LiveBoard {
  const statuses = statusesOfView(view);
  const funnel = boards[0].funnel;
  const columns = funnel.stages.map((stage) => {
    const board = boards[statuses.indexOf(columnStatus(stage.kind, view))] ?? boards[0];
    const column = board.columns.find((candidate) => candidate.stageId === stage.id);
    return column ?? { stageId: stage.id, count: 0, amountSum: 0, weightedAmountSum: 0, rottenCount: 0, deals: [], nextCursor: null };
  });
  return { funnel, columns, view, filter, seq };
}

/**
 * Adds a further page of a column (mutating the board: call it on an immer draft). A page
 * asked for with a cursor the column no longer has (the board was fetched again meanwhile) is
 * dropped; deals already on the board at the same or a newer version are not added twice.
 */
export function appendPage(board: LiveBoard, stageId: string, cursor: string, page: CursorPage<DealDto>): boolean {
  const column = board.columns.find((candidate) => candidate.stageId === stageId);
  if (!column || column.nextCursor !== cursor) return false;
  for (const deal of page.items) {
    const found = findCard(board, deal.id);
    if (found && found.card.version >= deal.version) continue;
    if (found) found.column.deals.splice(found.index, 1);
    column.deals.push(deal);
  }
  column.nextCursor = page.nextCursor;
  return true;
}
