import { current, isDraft } from '@reduxjs/toolkit';
import type { BoardColumnDto, DealDto, UserRef } from '@autofunnel/shared';
import { passesFilterOf, rottenOn, showsOnBoard, stageById, type LiveBoard } from '../board-view';
import { findCard, insertionIndex } from '../live/apply-board-event';
import { placeCard, type Neighbours } from './drop-position';

export interface CardMove extends Neighbours {
  dealId: string;
  toStageId: string;
  /** Who moves it: taking an untaken deal out of the unassigned stage makes them responsible. */
  actor: UserRef;
}

const roundMoney = (value: number) => Math.round(value * 100) / 100;

/** Adds (+1) or removes (-1) a loaded card to a column's count, sum and rotten count. */
function count(board: LiveBoard, column: BoardColumnDto, deal: DealDto, sign: 1 | -1) {
  column.count = Math.max(0, column.count + sign);
  column.amountSum = roundMoney(column.amountSum + sign * Number(deal.amount ?? 0));
  if (rottenOn(board, deal)) column.rottenCount = Math.max(0, column.rottenCount + sign);
}

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
 * immer draft). The card goes to the drop place in its new column, or leaves a filtered board
 * it no longer passes (an untaken deal taken by the move); counts and sums follow. Returns the
 * card as moved, or null when the card is not on this board.
 */
export function moveCardOnBoard(board: LiveBoard, move: CardMove): DealDto | null {
  const found = findCard(board, move.dealId);
  const target = board.columns.find((column) => column.stageId === move.toStageId);
  if (!found || !target) return null;
  // From a plain copy: the caller keeps the result after the draft is gone (see undoCardMove).
  const deal = movedDeal(board, isDraft(found.card) ? current(found.card) : found.card, move);

  found.column.deals.splice(found.index, 1);
  count(board, found.column, found.card, -1);

  if (showsOnBoard(board, deal.stageId, deal.status) && passesFilterOf(board, deal)) {
    target.deals = placeCard(target.deals, deal, move);
    count(board, target, deal, 1);
  }
  return deal;
}

/**
 * Puts a card whose move the server refused back where it was (mutating the board): `moved` is
 * what `moveCardOnBoard` made of `original`. Unlike replaying the optimistic patch backwards,
 * this leaves alone whatever else changed on the board meanwhile; a card someone else changed
 * since (another version or stage arrived live) keeps that newer state.
 */
export function undoCardMove(board: LiveBoard, original: DealDto, moved: DealDto): boolean {
  const found = findCard(board, original.id);
  if (found && (found.card.version !== moved.version || found.card.stageId !== moved.stageId)) return false;
  // Placed by the move yet gone now: a live change took it off since.
  if (!found && showsOnBoard(board, moved.stageId, moved.status) && passesFilterOf(board, moved)) return false;
  const home = board.columns.find((column) => column.stageId === original.stageId);
  if (!home) return false;
  if (found) {
    found.column.deals.splice(found.index, 1);
    count(board, found.column, found.card, -1);
  }
  // Columns are in order-key order, and the card kept its key: it goes back to its old place.
  home.deals.splice(insertionIndex(home.deals, original.position), 0, original);
  count(board, home, original, 1);
  return true;
}
