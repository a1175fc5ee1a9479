import { createNextState as produce } from '@reduxjs/toolkit';
import type { BoardEvent } from '@autofunnel/shared';
import { annaRef, board, boardEvent, borisRef, card, cardIds, column, funnel } from '../../test/board-fixtures';
import { filterFromParams, filterQuery, groupByFromParams, matchesBoardFilter, resolveMe, withFilterParams } from './board-filter';
import { boardArgs, type LiveBoard } from './board-view';
import { applyBoardEvent, type BoardPatchOutcome } from './live/apply-board-event';

const now = Date.parse('2026-11-23T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now - days * 24 * 3600_000).toISOString();

describe('board filters in the URL and in requests', () => {
  it('reads the filter and the grouping from search parameters, ignoring what is not a filter', () => {
    const params = new URLSearchParams('responsibleId=me&branchId=none&sourceId=src-web&type=walk_in&rotten=true&needsReassignment=false&groupBy=source&deal=x');
    expect(filterFromParams(params)).toEqual({ responsibleId: 'me', branchId: 'none', sourceId: 'src-web', type: 'walk_in', rotten: true });
    expect(groupByFromParams(params)).toBe('source');
    expect(groupByFromParams(new URLSearchParams('groupBy=colour'))).toBeNull();
  });

  it('writes a filter back, keeping the other parameters, and sends only what is set', () => {
    const next = withFilterParams(new URLSearchParams('groupBy=type&rotten=true'), { responsibleId: 'none', rotten: false, needsReassignment: true });
    expect(next.toString()).toBe('groupBy=type&responsibleId=none&needsReassignment=true');
    expect(filterQuery({ type: 'chat', rotten: true, needsReassignment: false })).toEqual({ type: 'chat', rotten: 'true' });
  });

  it('leaves an empty filter out of the cache key, so the unfiltered board has one key', () => {
    expect(boardArgs('f', 'open', { rotten: false })).toEqual({ funnelId: 'f', view: 'open' });
    expect(boardArgs('f', 'open', { sourceId: 'src-web', rotten: true })).toEqual({ funnelId: 'f', view: 'open', filter: { sourceId: 'src-web', rotten: true } });
  });
});

describe('matchesBoardFilter (the server rule, for live changes)', () => {
  const [, selection] = funnel.stages;
  const rotting = { ...selection, rotAfterDays: 14 };
  const deal = card('d', selection.id, 'a0', { responsible: annaRef, branchId: 'b1', sourceId: 'src-web', type: 'phone_up', lastActivityAt: daysAgo(16) });

  it('matches by id, by "none", and by the resolved "me"', () => {
    expect(matchesBoardFilter(deal, resolveMe({ responsibleId: 'me' }, annaRef.id), selection, now)).toBe(true);
    expect(matchesBoardFilter(deal, { responsibleId: borisRef.id }, selection, now)).toBe(false);
    expect(matchesBoardFilter(deal, { responsibleId: 'none' }, selection, now)).toBe(false);
    expect(matchesBoardFilter({ ...deal, responsible: null }, { responsibleId: 'none' }, selection, now)).toBe(true);
    expect(matchesBoardFilter(deal, { branchId: 'b1', sourceId: 'src-web', type: 'phone_up' }, selection, now)).toBe(true);
    expect(matchesBoardFilter(deal, { type: 'none' }, selection, now)).toBe(false);
  });

  it('rotten: an open deal idle longer than its stage allows', () => {
    expect(matchesBoardFilter(deal, { rotten: true }, rotting, now)).toBe(true);
    expect(matchesBoardFilter({ ...deal, lastActivityAt: daysAgo(13) }, { rotten: true }, rotting, now)).toBe(false);
    expect(matchesBoardFilter(deal, { rotten: true }, selection, now)).toBe(false); // no rule on the stage
    expect(matchesBoardFilter({ ...deal, status: 'won' }, { rotten: true }, rotting, now)).toBe(false);
  });

  it('needs reassignment: flagged deals only', () => {
    expect(matchesBoardFilter(deal, { needsReassignment: true }, selection, now)).toBe(false);
    expect(matchesBoardFilter({ ...deal, reassignmentFlaggedAt: daysAgo(1) }, { needsReassignment: true }, selection, now)).toBe(true);
  });
});

describe('live changes on a filtered board', () => {
  function apply(start: LiveBoard, event: BoardEvent): { next: LiveBoard; outcome: BoardPatchOutcome } {
    let outcome: BoardPatchOutcome = 'ignored';
    const next = produce(start, (draft) => {
      outcome = applyBoardEvent(draft, event);
    });
    return { next, outcome };
  }

  const mine = card('m', 'st-selection', 'a1', { responsible: annaRef, amount: 1000 });
  const mine2 = card('m2', 'st-selection', 'a3', { responsible: annaRef, amount: 500 });
  // "My deals", resolved to Anna's id as the board stores it
  const start = board({ 'st-selection': { deals: [mine, mine2] } }, { filter: { responsibleId: annaRef.id } });

  it('takes off a card whose deal no longer passes the filter, with its count and sum', () => {
    const reassigned = { ...mine, responsible: borisRef, version: 2 };
    const { next, outcome } = apply(start, boardEvent(11, 'deal.assigned', reassigned));
    expect(outcome).toBe('applied');
    expect(cardIds(next)['st-selection']).toEqual(['m2']);
    expect(column(next, 'st-selection')).toMatchObject({ count: 1, amountSum: 500 });
  });

  it('puts on a card whose deal starts passing it', () => {
    const theirs = card('t', 'st-selection', 'a2', { responsible: annaRef, amount: 700, version: 2 });
    const { next } = apply(start, boardEvent(11, 'deal.assigned', theirs));
    expect(cardIds(next)['st-selection']).toEqual(['m', 't', 'm2']);
    expect(column(next, 'st-selection')).toMatchObject({ count: 3, amountSum: 2200 });
  });

  it('ignores deals that do not pass it', () => {
    const created = card('n', 'st-selection', 'a2', { responsible: borisRef });
    const { next } = apply(start, boardEvent(11, 'deal.created', created));
    expect(cardIds(next)['st-selection']).toEqual(['m', 'm2']);
    expect(column(next, 'st-selection').count).toBe(2);
  });

  it('asks for the board again about a deal it has not loaded from a paged column (only the server knows if it counted)', () => {
    const paged = board({ 'st-selection': { deals: [mine], count: 80, nextCursor: 'c1' } }, { filter: { responsibleId: annaRef.id } });
    const far = card('far', 'st-selection', 'z9', { responsible: borisRef, version: 3 });
    expect(apply(paged, boardEvent(11, 'deal.assigned', far)).outcome).toBe('refetch');
    // unfiltered, the same event is counted as before
    const unfiltered = { ...paged, filter: {} };
    expect(apply(unfiltered, boardEvent(11, 'deal.assigned', far)).outcome).toBe('applied');
  });

  it('keeps the rotten count as cards come and go', () => {
    const rotting: LiveBoard = {
      ...board({ 'st-selection': { deals: [{ ...mine, lastActivityAt: daysAgo(30) }], rottenCount: 1 } }),
      funnel: { ...funnel, stages: funnel.stages.map((stage) => (stage.id === 'st-selection' ? { ...stage, rotAfterDays: 7 } : stage)) },
    };
    const touched = { ...mine, lastActivityAt: new Date().toISOString(), version: 2 };
    expect(column(apply(rotting, boardEvent(11, 'deal.note_added', touched)).next, 'st-selection').rottenCount).toBe(0);
    const idle = card('i', 'st-selection', 'a5', { lastActivityAt: daysAgo(40) });
    expect(column(apply(rotting, boardEvent(11, 'deal.created', idle)).next, 'st-selection').rottenCount).toBe(2);
  });
});
