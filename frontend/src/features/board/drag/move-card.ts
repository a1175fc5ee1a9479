import type { DealDto, UserRef } from '@autofunnel/shared';
import { showsOnBoard, stageById, type LiveBoard } from '../board-view';
import { findCard } from '../live/apply-board-event';
import { placeCard, type Neighbours } from './drop-position';

export interface CardMove extends Neighbours {
  dealId: string;
  toStageId: string;
  /** Who moves it: taking an untaken deal out of the unassigned stage makes them responsible. */
  actor: UserRef;
}

const roundMoney = (value: number) => Math.round(value * 100) / 100;

/**
 * The deal as the server will make it after the move, as far as the board can tell: the new
 * stage; no responsible in the unassigned stage, the mover when it had none; won in the won
 * stage, open again out of it; and the next version, so that the echo of an older change is
 * recognised as older.
 */
export function movedDeal(board: LiveBoard, deal: DealDto, move: CardMove): DealDto {
  const target = stageById(board, move.toStageId);
  const next: DealDto = { ...deal, stageId: move.toStageId, version: deal.version + 1 };
  if (target?.kind === 'unassigned') next.responsible = null;
  else if (!deal.responsible) next.responsible = { id: move.actor.id, name: move.actor.name };
  if (target?.kind === 'won' && deal.status === 'open') next.status = 'won';
  if (target && target.kind !== 'won' && deal.status === 'won') next.status = 'open';
  return next;
}

/**
 * Moves a card on the board at once, before the server answers (mutating it: call it on an
 * immer draft). The card goes to the drop place in its new column; counts and sums follow.
 * Returns false when the card is not on this board.
 */
export function moveCardOnBoard(board: LiveBoard, move: CardMove): boolean {
  const found = findCard(board, move.dealId);
  const target = board.columns.find((column) => column.stageId === move.toStageId);
  if (!found || !target) return false;
  const deal = movedDeal(board, found.card, move);
  const amount = Number(deal.amount ?? 0);

  found.column.deals.splice(found.index, 1);
  found.column.count = Math.max(0, found.column.count - 1);
  found.column.amountSum = roundMoney(found.column.amountSum - amount);

  if (showsOnBoard(board, deal.stageId, deal.status)) {
    target.deals = placeCard(target.deals, deal, move);
    target.count += 1;
    target.amountSum = roundMoney(target.amountSum + amount);
  }
  return true;
}
