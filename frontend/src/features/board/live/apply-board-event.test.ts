import { createNextState as produce } from '@reduxjs/toolkit';
import type { BoardEvent } from '@autofunnel/shared';
import { board, boardEvent, card, cardIds, column, annaRef } from '../../../test/board-fixtures';
import type { LiveBoard } from '../board-view';
import { applyBoardEvent, isBoardEvent, upsertDeal, type BoardPatchOutcome } from './apply-board-event';

function apply(start: LiveBoard, event: BoardEvent): { next: LiveBoard; outcome: BoardPatchOutcome } {
  let outcome: BoardPatchOutcome = 'ignored';
  const next = produce(start, (draft) => {
    outcome = applyBoardEvent(draft, event);
  });
  return { next, outcome };
}

const a = card('a', 'st-selection', 'a1', { amount: 1000 });
const b = card('b', 'st-selection', 'a3', { amount: 2500 });
const c = card('c', 'st-test-drive', 'a2', { amount: 4000 });
const start = board({ 'st-selection': { deals: [a, b] }, 'st-test-drive': { deals: [c] } }, { seq: 10 });

describe('applyBoardEvent: deal events', () => {
  it('moves a card between columns, placing it by its order key, with counts and sums', () => {
    const moved = { ...a, stageId: 'st-test-drive', position: 'a1V', version: 2 };
    const { next, outcome } = apply(start, boardEvent(11, 'deal.moved', moved, { fromStageId: 'st-selection', toStageId: 'st-test-drive' }));

    expect(outcome).toBe('applied');
    expect(cardIds(next)).toMatchObject({ 'st-selection': ['b'], 'st-test-drive': ['a', 'c'] });
    expect(column(next, 'st-selection')).toMatchObject({ count: 1, amountSum: 2500 });
    expect(column(next, 'st-test-drive')).toMatchObject({ count: 2, amountSum: 5000 });
    expect(next.seq).toBe(11);
    expect(column(next, 'st-test-drive').deals[0]).toBe(moved);
  });

  it('reorders within a column by plain string order of the keys (byte order, not locale)', () => {
    // "Z" < "a" in byte order; a locale compare would say otherwise
    const moved = { ...b, position: 'Zz', version: 2 };
    const { next } = apply(start, boardEvent(11, 'deal.moved', moved, { fromStageId: 'st-selection' }));
    expect(cardIds(next)['st-selection']).toEqual(['b', 'a']);
    expect(column(next, 'st-selection')).toMatchObject({ count: 2, amountSum: 3500 });
  });

  it('inserts a new deal at its place and counts it', () => {
    const created = card('n', 'st-selection', 'a2', { amount: 700 });
    const { next, outcome } = apply(start, boardEvent(11, 'deal.created', created));
    expect(outcome).toBe('applied');
    expect(cardIds(next)['st-selection']).toEqual(['a', 'n', 'b']);
    expect(column(next, 'st-selection')).toMatchObject({ count: 3, amountSum: 4200 });
  });

  it('counts a deal with no amount as zero in the sum', () => {
    const created = card('n', 'st-new', 'a0', { amount: null });
    const { next } = apply(start, boardEvent(11, 'deal.created', created));
    expect(column(next, 'st-new')).toMatchObject({ count: 1, amountSum: 0 });
  });

  it('takes a deal into work: out of unassigned, into the first open stage', () => {
    const untaken = card('u', 'st-new', 'a0', { amount: null });
    const withUntaken = board({ 'st-new': { deals: [untaken] }, 'st-selection': { deals: [a, b] } });
    const taken = { ...untaken, stageId: 'st-selection', position: 'Zz', responsible: annaRef, version: 2 };
    const { next } = apply(withUntaken, boardEvent(11, 'deal.taken', taken, { fromStageId: 'st-new', toStageId: 'st-selection' }));
    expect(cardIds(next)).toMatchObject({ 'st-new': [], 'st-selection': ['u', 'a', 'b'] });
    expect(column(next, 'st-new').count).toBe(0);
    expect(column(next, 'st-selection').deals[0].responsible).toEqual(annaRef);
  });

  it('updates a card in place when only its fields change, and the sum by the new amount', () => {
    const edited = { ...b, amount: 3000, vehicleInterest: 'Kia Sportage', version: 2 };
    const { next } = apply(start, boardEvent(11, 'deal.updated', edited, { changes: { amount: { from: 2500, to: 3000 } } }));
    expect(cardIds(next)['st-selection']).toEqual(['a', 'b']);
    expect(column(next, 'st-selection').deals[1].vehicleInterest).toBe('Kia Sportage');
    expect(column(next, 'st-selection')).toMatchObject({ count: 2, amountSum: 4000 });
  });

  it('drops a deal closed as lost from the open board', () => {
    const lost = { ...c, status: 'lost' as const, lostReason: 'Bought elsewhere', version: 2 };
    const { next, outcome } = apply(start, boardEvent(11, 'deal.closed', lost, { outcome: 'lost', fromStageId: 'st-test-drive' }));
    expect(outcome).toBe('applied');
    expect(cardIds(next)['st-test-drive']).toEqual([]);
    expect(column(next, 'st-test-drive')).toMatchObject({ count: 0, amountSum: 0 });
  });

  it('shows a deal closed as won in the won stage of the open board', () => {
    const won = { ...c, status: 'won' as const, stageId: 'st-delivered', position: 'a0', version: 2 };
    const { next } = apply(start, boardEvent(11, 'deal.closed', won, { outcome: 'won', fromStageId: 'st-test-drive' }));
    expect(cardIds(next)).toMatchObject({ 'st-test-drive': [], 'st-delivered': ['c'] });
    expect(column(next, 'st-delivered')).toMatchObject({ count: 1, amountSum: 4000 });
  });

  it('on the lost board, shows lost deals and drops reopened ones (the status filter)', () => {
    const lostCard = card('l', 'st-test-drive', 'a5', { status: 'lost', lostReason: 'Unreachable' });
    const lostBoard = board({ 'st-test-drive': { deals: [lostCard] } }, { view: 'lost' });

    const openDeal = { ...a, version: 2 };
    expect(apply(lostBoard, boardEvent(11, 'deal.updated', openDeal)).next.columns.every((col) => col.deals.length <= 1)).toBe(true);
    expect(cardIds(apply(lostBoard, boardEvent(11, 'deal.updated', openDeal)).next)['st-selection']).toEqual([]);

    const newlyLost = { ...c, status: 'lost' as const, version: 2 };
    const afterLoss = apply(lostBoard, boardEvent(11, 'deal.closed', newlyLost, { outcome: 'lost', fromStageId: 'st-test-drive' })).next;
    expect(cardIds(afterLoss)['st-test-drive']).toEqual(['c', 'l']);
    expect(column(afterLoss, 'st-test-drive').count).toBe(2);

    const reopened = { ...lostCard, status: 'open' as const, lostReason: null, version: 2 };
    const afterReopen = apply(lostBoard, boardEvent(11, 'deal.reopened', reopened, { fromStatus: 'lost', fromStageId: 'st-test-drive' })).next;
    expect(cardIds(afterReopen)['st-test-drive']).toEqual([]);
    expect(column(afterReopen, 'st-test-drive')).toMatchObject({ count: 0, amountSum: 0 });
  });
});

describe('applyBoardEvent: deals in the trash or in long-term follow-up', () => {
  it('takes a deal moved to the trash off the board, with its count and sum', () => {
    const trashed = { ...b, trashedAt: '2026-11-23T10:00:00.000Z', version: 2 };
    const { next, outcome } = apply(start, boardEvent(11, 'deal.trashed', trashed));
    expect(outcome).toBe('applied');
    expect(cardIds(next)['st-selection']).toEqual(['a']);
    expect(column(next, 'st-selection')).toMatchObject({ count: 1, amountSum: 1000 });
  });

  it('takes a deal put into long-term follow-up off the board', () => {
    const later = { ...c, followUpUntil: '2027-01-12T00:00:00.000Z', version: 2 };
    const { next } = apply(start, boardEvent(11, 'deal.follow_up_scheduled', later, { from: null, until: later.followUpUntil }));
    expect(cardIds(next)['st-test-drive']).toEqual([]);
    expect(column(next, 'st-test-drive')).toMatchObject({ count: 0, amountSum: 0 });
  });

  it('takes a deal further down a paged column off its count when it leaves', () => {
    const paged = board({ 'st-selection': { deals: [a, b], count: 120, amountSum: 500000, nextCursor: 'cursor-1' } });
    const farDown = card('far', 'st-selection', 'b9', { amount: 900, version: 5, trashedAt: '2026-11-23T10:00:00.000Z' });
    const { next } = apply(paged, boardEvent(11, 'deal.trashed', farDown));
    expect(column(next, 'st-selection')).toMatchObject({ count: 119, amountSum: 499100 });
  });

  it.each([
    ['deal.restored', { stageId: 'st-selection', status: 'open' }],
    ['deal.follow_up_returned', { until: '2026-11-23T09:00:00.000Z', deadlineAt: '2026-11-23T12:00:00.000Z', early: false }],
  ] as const)('puts the deal back on %s, counted once', (type, data) => {
    const paged = board({ 'st-selection': { deals: [a, b], count: 120, amountSum: 500000, nextCursor: 'cursor-1' } });
    const back = card('back', 'st-selection', 'a2', { amount: 700, version: 6 });
    const { next, outcome } = apply(paged, boardEvent(11, type, back, data));
    expect(outcome).toBe('applied');
    expect(cardIds(next)['st-selection']).toEqual(['a', 'back', 'b']);
    expect(column(next, 'st-selection')).toMatchObject({ count: 121, amountSum: 500700 });
  });

  it('does not uncount a deal whose follow-up date only moves (it was off the board already)', () => {
    const paged = board({ 'st-selection': { deals: [a, b], count: 120, amountSum: 500000, nextCursor: 'cursor-1' } });
    const later = card('later', 'st-selection', 'b9', { amount: 700, version: 7, followUpUntil: '2027-02-01T00:00:00.000Z' });
    const { next } = apply(paged, boardEvent(11, 'deal.follow_up_scheduled', later, { from: '2027-01-12T00:00:00.000Z', until: later.followUpUntil }));
    expect(column(next, 'st-selection')).toMatchObject({ count: 120, amountSum: 500000 });
  });

  it('neither shows nor uncounts a deal off the board when something else happens to it', () => {
    const paged = board({ 'st-selection': { deals: [a, b], count: 120, amountSum: 500000, nextCursor: 'cursor-1' } });
    const inFollowUp = card('later', 'st-selection', 'a2', { amount: 700, version: 7, followUpUntil: '2027-01-12T00:00:00.000Z' });
    const { next } = apply(paged, boardEvent(11, 'deal.note_added', inFollowUp, { text: 'Call in January' }));
    expect(cardIds(next)['st-selection']).toEqual(['a', 'b']);
    expect(column(next, 'st-selection')).toMatchObject({ count: 120, amountSum: 500000 });
  });

  it('drops a trashed deal the server returned to this user (upsertDeal)', () => {
    const next = produce(start, (draft) => {
      upsertDeal(draft, { ...a, trashedAt: '2026-11-23T10:00:00.000Z', version: 2 });
    });
    expect(cardIds(next)['st-selection']).toEqual(['b']);
  });
});

describe('applyBoardEvent: deals the user may no longer see (deal.hidden)', () => {
  const hidden = (seq: number, data: Record<string, unknown>): BoardEvent => ({ funnelId: start.funnel.id, seq, type: 'deal.hidden', at: '2026-11-23T10:00:00.000Z', actor: null, data });

  it('takes the named deal off the board, with its count and sum, like a trashed one', () => {
    const { next, outcome } = apply(start, hidden(11, { dealId: 'b' }));
    expect(outcome).toBe('applied');
    expect(cardIds(next)['st-selection']).toEqual(['a']);
    expect(column(next, 'st-selection')).toMatchObject({ count: 1, amountSum: 1000 });
    expect(next.seq).toBe(11);
  });

  it('only counts the seq for a deal.hidden about a deal the user never saw', () => {
    const { next, outcome } = apply(start, hidden(11, {}));
    expect(outcome).toBe('ignored');
    expect(cardIds(next)).toEqual(cardIds(start));
    expect(column(next, 'st-selection')).toMatchObject({ count: 2, amountSum: 3500 });
    expect(next.seq).toBe(11);
  });

  it('asks for the board again when the named deal may be counted further down a paged column', () => {
    const paged = board({ 'st-selection': { deals: [a, b], count: 120, amountSum: 500000, nextCursor: 'cursor-1' } });
    expect(apply(paged, hidden(11, { dealId: 'far' })).outcome).toBe('refetch');
    expect(apply(start, hidden(11, { dealId: 'not-on-this-board' })).outcome).toBe('ignored');
  });
});

describe('applyBoardEvent: sequence numbers and versions', () => {
  const moved = { ...a, stageId: 'st-test-drive', position: 'a1V', version: 2 };

  it('ignores an event at or below the seq the board is at (stale or duplicate)', () => {
    for (const seq of [9, 10]) {
      const { next, outcome } = apply(start, boardEvent(seq, 'deal.moved', moved, { fromStageId: 'st-selection' }));
      expect(outcome).toBe('ignored');
      expect(next).toBe(start);
    }
  });

  it('applies an event once: the same event again changes nothing', () => {
    const event = boardEvent(11, 'deal.moved', moved, { fromStageId: 'st-selection' });
    const once = apply(start, event).next;
    const twice = apply(once, event);
    expect(twice.outcome).toBe('ignored');
    expect(twice.next).toBe(once);
    expect(column(once, 'st-test-drive').count).toBe(2);
  });

  it('never lets an older version of a deal replace a newer one (e.g. an optimistic move)', () => {
    const optimistic = board({ 'st-selection': { deals: [b] }, 'st-test-drive': { deals: [{ ...a, stageId: 'st-test-drive', version: 3 }, c] } });
    const echoOfOlder = { ...a, stageId: 'st-selection', version: 2 };
    const { next, outcome } = apply(optimistic, boardEvent(11, 'deal.moved', echoOfOlder, { fromStageId: 'st-test-drive' }));
    expect(outcome).toBe('ignored');
    expect(cardIds(next)).toMatchObject({ 'st-selection': ['b'], 'st-test-drive': ['a', 'c'] });
    expect(next.seq).toBe(11);
  });

  it('lets the echo of the same version replace the optimistic card with the server truth', () => {
    const optimistic = board({ 'st-test-drive': { deals: [c, { ...a, stageId: 'st-test-drive', version: 2, position: 'a1' }] } });
    const truth = { ...a, stageId: 'st-test-drive', version: 2, position: 'a3' };
    const { next } = apply(optimistic, boardEvent(11, 'deal.moved', truth, { fromStageId: 'st-selection' }));
    expect(cardIds(next)['st-test-drive']).toEqual(['c', 'a']);
    expect(column(next, 'st-test-drive').deals[1].position).toBe('a3');
    expect(column(next, 'st-test-drive').count).toBe(2);
  });

  it('applies everything on a board loaded while offline (seq null), by version', () => {
    const offline = { ...start, seq: null };
    const { next, outcome } = apply(offline, boardEvent(3, 'deal.moved', moved, { fromStageId: 'st-selection' }));
    expect(outcome).toBe('applied');
    expect(next.seq).toBe(3);
  });

  it('ignores events of another funnel', () => {
    const other = { ...boardEvent(11, 'deal.moved', moved), funnelId: 'funnel-service' };
    expect(apply(start, other).outcome).toBe('ignored');
  });
});

describe('applyBoardEvent: columns loaded page by page', () => {
  const paged = board({ 'st-selection': { deals: [a, b], count: 120, amountSum: 500000, nextCursor: 'cursor-1' } });

  it('counts, but does not show, a deal that sorts after the last loaded card (it comes with its page)', () => {
    const created = card('n', 'st-selection', 'b9', { amount: 100 });
    const { next } = apply(paged, boardEvent(11, 'deal.created', created));
    expect(cardIds(next)['st-selection']).toEqual(['a', 'b']);
    expect(column(next, 'st-selection')).toMatchObject({ count: 121, amountSum: 500100 });
  });

  it('shows it when it sorts among the loaded cards', () => {
    const created = card('n', 'st-selection', 'a2', { amount: 100 });
    expect(cardIds(apply(paged, boardEvent(11, 'deal.created', created)).next)['st-selection']).toEqual(['a', 'n', 'b']);
  });

  it('takes a deal that moves away from further down a column off the count, using the event data', () => {
    const farDown = card('far', 'st-test-drive', 'a9', { amount: 900, version: 5 });
    const { next } = apply(paged, boardEvent(11, 'deal.moved', farDown, { fromStageId: 'st-selection', toStageId: 'st-test-drive' }));
    expect(column(next, 'st-selection')).toMatchObject({ count: 119, amountSum: 499100 });
    expect(column(next, 'st-test-drive')).toMatchObject({ count: 1, amountSum: 900 });
    expect(cardIds(next)['st-test-drive']).toEqual(['far']);
  });

  it('uses the old amount of an edited deal further down', () => {
    const edited = card('far', 'st-selection', 'b9', { amount: 1500, version: 5 });
    const { next } = apply(paged, boardEvent(11, 'deal.updated', edited, { changes: { amount: { from: 1000, to: 1500 } } }));
    expect(column(next, 'st-selection')).toMatchObject({ count: 120, amountSum: 500500 });
  });
});

describe('applyBoardEvent: changes to the funnel', () => {
  it.each(['stage.created', 'stage.updated', 'stage.deleted', 'stages.reordered', 'funnel.updated'] as const)(
    'asks for the board again on %s',
    (type) => {
      const { next, outcome } = apply(start, boardEvent(11, type));
      expect(outcome).toBe('refetch');
      expect(next.seq).toBe(11);
    },
  );

  it('asks for the board again for a deal in a stage it does not know', () => {
    const elsewhere = card('n', 'st-brand-new', 'a0');
    expect(apply(start, boardEvent(11, 'deal.created', elsewhere)).outcome).toBe('refetch');
  });

  it('asks for the board again for a deal event without its deal', () => {
    expect(apply(start, boardEvent(11, 'deal.moved')).outcome).toBe('refetch');
  });
});

describe('isBoardEvent', () => {
  it('accepts what the server sends and refuses anything else', () => {
    expect(isBoardEvent(boardEvent(1, 'deal.created', a))).toBe(true);
    expect(isBoardEvent(boardEvent(1, 'stage.created'))).toBe(true);
    expect(isBoardEvent(null)).toBe(false);
    expect(isBoardEvent({ funnelId: 'f', seq: '1', type: 'deal.created' })).toBe(false);
    expect(isBoardEvent({ funnelId: 'f', seq: 1.5, type: 'deal.created' })).toBe(false);
    expect(isBoardEvent({ funnelId: 'f', seq: 1, type: 'deal.created', deal: { id: 'x' } })).toBe(false);
  });
});

describe('upsertDeal', () => {
  it('places a deal the server returned, using where it was before when its card is not loaded', () => {
    const paged = board({ 'st-new': { deals: [], count: 80, nextCursor: 'c1', amountSum: 0 } });
    const taken = card('t', 'st-selection', 'a0', { amount: null, version: 2 });
    const next = produce(paged, (draft) => {
      upsertDeal(draft, taken, { stageId: 'st-new', status: 'open', amount: null });
    });
    expect(column(next, 'st-new').count).toBe(79);
    expect(cardIds(next)['st-selection']).toEqual(['t']);
  });
});
