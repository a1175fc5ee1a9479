import type { BoardColumnDto, BoardEvent, DealDto, DealStatus } from '@autofunnel/shared';
import { BOARD_EVENT_TYPES, HIDDEN_EVENT_TYPE } from '@autofunnel/shared';
import { isFiltered } from '../board-filter';
import { passesFilterOf, rottenOn, showsOnBoard, stageById, type LiveBoard } from '../board-view';

/**
 * What applying a change did to a board: changed it, left it alone (stale, duplicate, or not
 * about this board), or found it cannot patch it and the board must be fetched again.
 */
export type BoardPatchOutcome = 'applied' | 'ignored' | 'refetch';

/** Where a deal was before a change, for a deal whose card is not loaded (further down a column). */
export interface PreviousPlace {
  stageId: string;
  status: DealStatus;
  amount: number | null;
}

const DEAL_EVENT_TYPES = new Set<string>(BOARD_EVENT_TYPES.filter((type) => type.startsWith('deal.')));
/** Changes to the funnel's shape: the board is fetched again rather than patched. */
const SHAPE_EVENT_TYPES = new Set<string>(['stage.created', 'stage.updated', 'stage.deleted', 'stages.reordered', 'funnel.updated']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A `board:event` payload as the contract describes it (anything else is dropped). */
export function isBoardEvent(value: unknown): value is BoardEvent {
  if (!isObject(value)) return false;
  return (
    typeof value.funnelId === 'string' &&
    typeof value.seq === 'number' &&
    Number.isInteger(value.seq) &&
    typeof value.type === 'string' &&
    (value.deal === undefined || isDeal(value.deal))
  );
}

/** Enough of a DealDto to place its card. */
export function isDeal(value: unknown): value is DealDto {
  if (!isObject(value)) return false;
  return (
    typeof value.id === 'string' &&
    typeof value.stageId === 'string' &&
    typeof value.funnelId === 'string' &&
    typeof value.position === 'string' &&
    typeof value.version === 'number' &&
    typeof value.status === 'string' &&
    isObject(value.contact)
  );
}

export function isDealEvent(event: BoardEvent): event is BoardEvent & { deal: DealDto } {
  return DEAL_EVENT_TYPES.has(event.type) && event.deal !== undefined;
}

const amountOf = (deal: { amount: number | null }) => Number(deal.amount ?? 0);

/** In the trash, or out of view until its long-term follow-up date: on no board. */
export function isOffBoard(deal: Pick<DealDto, 'trashedAt' | 'followUpUntil'>): boolean {
  return Boolean(deal.trashedAt) || Boolean(deal.followUpUntil);
}

/** The events after which a deal that was on no board is back (restored, its follow-up over). */
const RETURN_EVENT_TYPES = new Set<string>(['deal.restored', 'deal.follow_up_returned']);

/** Sums of money stay exact to the cent despite binary floating point. */
const roundMoney = (value: number) => Math.round(value * 100) / 100;

interface FoundCard {
  column: BoardColumnDto;
  index: number;
  card: DealDto;
}

export function findCard(board: LiveBoard, dealId: string): FoundCard | undefined {
  for (const column of board.columns) {
    const index = column.deals.findIndex((deal) => deal.id === dealId);
    if (index >= 0) return { column, index, card: column.deals[index] };
  }
  return undefined;
}

function columnOf(board: LiveBoard, stageId: string): BoardColumnDto | undefined {
  return board.columns.find((column) => column.stageId === stageId);
}

/** Index of the first card whose order key sorts after `position` (keys compare as plain strings). */
export function insertionIndex(deals: readonly DealDto[], position: string): number {
  const index = deals.findIndex((deal) => deal.position > position);
  return index < 0 ? deals.length : index;
}

/** A card leaves a column's figures (`rotten` only when known: a card not loaded is not). */
function takeOut(column: BoardColumnDto, amount: number, rotten = false) {
  column.count = Math.max(0, column.count - 1);
  column.amountSum = roundMoney(column.amountSum - amount);
  if (rotten) column.rottenCount = Math.max(0, column.rottenCount - 1);
}

/**
 * Puts the latest state of `deal` on the board (mutating it: call it on an immer draft): its
 * card leaves wherever it was and goes, by its order key, into its stage's column if the board
 * shows deals like it (its status, and its filter if any); counts, sums and rotten counts follow. A card already at a newer version is left alone,
 * so an echo of an older change never undoes a newer (e.g. optimistic) one. A card that would
 * sort after the last loaded card of a column with more pages is only counted: it arrives with
 * its page.
 */
export function upsertDeal(board: LiveBoard, deal: DealDto, previous?: PreviousPlace): BoardPatchOutcome {
  if (deal.funnelId !== board.funnel.id) return 'ignored';
  const found = findCard(board, deal.id);
  if (found && found.card.version > deal.version) return 'ignored';

  if (found) {
    found.column.deals.splice(found.index, 1);
    takeOut(found.column, amountOf(found.card), rottenOn(board, found.card));
  } else if (previous && showsOnBoard(board, previous.stageId, previous.status)) {
    // Not loaded, yet counted: it sat further down its column.
    const column = columnOf(board, previous.stageId);
    if (column && column.nextCursor !== null) {
      // Filtered, it may not have passed the filter before this change: only the server knows.
      if (isFiltered(board.filter)) return 'refetch';
      takeOut(column, Number(previous.amount ?? 0));
    }
  }

  if (!stageById(board, deal.stageId)) return 'refetch'; // a stage this board does not know yet
  if (isOffBoard(deal) || !showsOnBoard(board, deal.stageId, deal.status) || !passesFilterOf(board, deal)) return 'applied';
  const column = columnOf(board, deal.stageId);
  if (!column) return 'refetch';
  column.count += 1;
  column.amountSum = roundMoney(column.amountSum + amountOf(deal));
  if (rottenOn(board, deal)) column.rottenCount += 1;
  const index = insertionIndex(column.deals, deal.position);
  if (index < column.deals.length || column.nextCursor === null) column.deals.splice(index, 0, deal);
  return 'applied';
}

const stringOr = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

/** Where the event's deal was before the change, read from the event's data. */
export function previousPlace(board: LiveBoard, event: BoardEvent & { deal: DealDto }): PreviousPlace | undefined {
  const { deal } = event;
  const data = event.data ?? {};
  const fromStageId = stringOr(data.fromStageId, deal.stageId);
  // Came back from the trash or from follow-up: it was counted on no board.
  if (RETURN_EVENT_TYPES.has(event.type)) return undefined;
  if (isOffBoard(deal)) {
    // Leaving now: it was on its board until this event (unless its follow-up date only moved).
    const leaving = event.type === 'deal.trashed' || (event.type === 'deal.follow_up_scheduled' && typeof data.from !== 'string');
    // Anything else happening to a deal off the boards (a note on a deal in follow-up...).
    if (!leaving) return undefined;
  }
  switch (event.type) {
    case 'deal.created':
      return undefined;
    case 'deal.moved':
      return { stageId: fromStageId, status: stageById(board, fromStageId)?.kind === 'won' ? 'won' : 'open', amount: deal.amount };
    case 'deal.taken':
    case 'deal.closed':
      return { stageId: fromStageId, status: 'open', amount: deal.amount };
    case 'deal.reopened': {
      const fromStatus = data.fromStatus === 'won' || data.fromStatus === 'lost' ? data.fromStatus : 'lost';
      return { stageId: fromStageId, status: fromStatus, amount: deal.amount };
    }
    case 'deal.updated': {
      const changes = isObject(data.changes) ? data.changes : {};
      const amountChange = isObject(changes.amount) ? changes.amount : undefined;
      const amount = amountChange ? (amountChange.from === null ? null : Number(amountChange.from)) : deal.amount;
      return { stageId: deal.stageId, status: deal.status, amount };
    }
    default:
      return { stageId: fromStageId, status: deal.status, amount: deal.amount };
  }
}

/**
 * `deal.hidden`: the user may no longer see a deal (someone else took it, it went to another
 * branch or the trash). Naming the deal, its card leaves like a trashed one; without a deal id
 * the event is about a deal this user never saw and only keeps the seq counting.
 */
function dropHiddenDeal(board: LiveBoard, event: BoardEvent): BoardPatchOutcome {
  const dealId = event.data?.dealId;
  if (typeof dealId !== 'string') return 'ignored';
  const found = findCard(board, dealId);
  if (found) {
    found.column.deals.splice(found.index, 1);
    takeOut(found.column, amountOf(found.card), rottenOn(board, found.card));
    return 'applied';
  }
  // Not loaded: it may be counted further down a paged column, and only the server knows which.
  return board.columns.some((column) => column.nextCursor !== null) ? 'refetch' : 'ignored';
}

/**
 * Applies one `board:event` to a board (mutating it: call it on an immer draft). Events at or
 * below the board's `seq` are stale or duplicates and change nothing; deal events move the
 * deal's card; changes of stages or the funnel ask for the board to be fetched again.
 */
export function applyBoardEvent(board: LiveBoard, event: BoardEvent): BoardPatchOutcome {
  if (event.funnelId !== board.funnel.id) return 'ignored';
  if (board.seq !== null && event.seq <= board.seq) return 'ignored';
  board.seq = event.seq;
  if (event.type === HIDDEN_EVENT_TYPE) return dropHiddenDeal(board, event);
  if (isDealEvent(event)) return upsertDeal(board, event.deal, previousPlace(board, event));
  if (DEAL_EVENT_TYPES.has(event.type) || SHAPE_EVENT_TYPES.has(event.type)) return 'refetch';
  return 'ignored';
}
