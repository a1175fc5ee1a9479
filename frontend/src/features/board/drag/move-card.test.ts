import { createNextState as produce } from '@reduxjs/toolkit';
import { annaRef, board, borisRef, card, cardIds, column } from '../../../test/board-fixtures';
import type { LiveBoard } from '../board-view';
import { moveCardOnBoard, undoCardMove, type CardMove } from './move-card';

const move = (start: LiveBoard, m: Omit<CardMove, 'actor'>) => produce(start, (draft) => void moveCardOnBoard(draft, { ...m, actor: annaRef }));

const a = card('a', 'st-selection', 'a1', { amount: 1000, version: 4, responsible: borisRef });
const b = card('b', 'st-selection', 'a2', { amount: 2000 });
const c = card('c', 'st-test-drive', 'a1', { amount: 500 });
const u = card('u', 'st-new', 'a0', { amount: null });
const start = board({ 'st-new': { deals: [u] }, 'st-selection': { deals: [a, b] }, 'st-test-drive': { deals: [c] } });

describe('moveCardOnBoard (the optimistic move)', () => {
  it('puts the card at the drop place in the other column, with counts, sums and the next version', () => {
    const next = move(start, { dealId: 'a', toStageId: 'st-test-drive', beforeId: 'c' });
    expect(cardIds(next)).toMatchObject({ 'st-selection': ['b'], 'st-test-drive': ['c', 'a'] });
    expect(column(next, 'st-selection')).toMatchObject({ count: 1, amountSum: 2000 });
    expect(column(next, 'st-test-drive')).toMatchObject({ count: 2, amountSum: 1500 });
    const moved = column(next, 'st-test-drive').deals[1];
    expect(moved).toMatchObject({ stageId: 'st-test-drive', version: 5, responsible: borisRef });
  });

  it('reorders within a column', () => {
    const next = move(start, { dealId: 'a', toStageId: 'st-selection', beforeId: 'b' });
    expect(cardIds(next)['st-selection']).toEqual(['b', 'a']);
    expect(column(next, 'st-selection')).toMatchObject({ count: 2, amountSum: 3000 });
  });

  it('makes the mover responsible when the deal leaves the unassigned stage untaken', () => {
    const next = move(start, { dealId: 'u', toStageId: 'st-selection' });
    expect(column(next, 'st-selection').deals[0]).toMatchObject({ id: 'u', responsible: annaRef });
    expect(column(next, 'st-new').count).toBe(0);
  });

  it('clears the responsible in the unassigned stage', () => {
    const next = move(start, { dealId: 'a', toStageId: 'st-new', afterId: 'u' });
    expect(cardIds(next)['st-new']).toEqual(['a', 'u']);
    expect(column(next, 'st-new').deals[0].responsible).toBeNull();
  });

  it('marks a deal won in the won stage and open again out of it', () => {
    const won = move(start, { dealId: 'c', toStageId: 'st-delivered' });
    expect(column(won, 'st-delivered').deals[0].status).toBe('won');
    const back = move(won, { dealId: 'c', toStageId: 'st-test-drive' });
    expect(column(back, 'st-test-drive').deals[0].status).toBe('open');
  });

  it('does nothing for a card that is not on the board', () => {
    expect(move(start, { dealId: 'nope', toStageId: 'st-new' })).toBe(start);
  });

  it('takes the card off a filtered board it no longer passes (an untaken deal taken by the move)', () => {
    const untakenOnly = board({ 'st-new': { deals: [u] } }, { filter: { responsibleId: 'none' } });
    const next = move(untakenOnly, { dealId: 'u', toStageId: 'st-selection' });
    expect(cardIds(next)).toMatchObject({ 'st-new': [], 'st-selection': [] });
    expect(column(next, 'st-selection').count).toBe(0);
  });
});

describe('undoCardMove (a refused move)', () => {
  function moveAndUndo(from: LiveBoard, m: Omit<CardMove, 'actor'>, meanwhile: (draft: LiveBoard) => void = () => undefined) {
    const original = from.columns.flatMap((col) => col.deals).find((deal) => deal.id === m.dealId)!;
    let moved = original;
    const afterMove = produce(from, (draft) => {
      moved = moveCardOnBoard(draft, { ...m, actor: annaRef })!;
    });
    const changed = produce(afterMove, meanwhile);
    let undone = false;
    const next = produce(changed, (draft) => {
      undone = undoCardMove(draft, original, moved);
    });
    return { next, undone };
  }

  it('puts the card back at its old place with the old figures', () => {
    const { next, undone } = moveAndUndo(start, { dealId: 'a', toStageId: 'st-test-drive', beforeId: 'c' });
    expect(undone).toBe(true);
    expect(next).toEqual(start);
  });

  it('undoes a reorder within a column', () => {
    expect(moveAndUndo(start, { dealId: 'a', toStageId: 'st-selection', beforeId: 'b' }).next).toEqual(start);
  });

  it('brings back a card the move took off a filtered board', () => {
    const untakenOnly = board({ 'st-new': { deals: [u] } }, { filter: { responsibleId: 'none' } });
    expect(moveAndUndo(untakenOnly, { dealId: 'u', toStageId: 'st-selection' }).next).toEqual(untakenOnly);
  });

  it('brings back a card that left a "rotten only" board by moving to a stage without a rotting limit', () => {
    const idle = card('r', 'st-selection', 'a1', { responsible: borisRef, lastActivityAt: '2020-01-01T00:00:00.000Z' });
    const rottenOnly: LiveBoard = {
      ...board({ 'st-selection': { deals: [idle], rottenCount: 1 } }, { filter: { rotten: true } }),
      funnel: { ...start.funnel, stages: start.funnel.stages.map((stage) => (stage.id === 'st-selection' ? { ...stage, rotAfterDays: 7 } : stage)) },
    };
    const { next, undone } = moveAndUndo(rottenOnly, { dealId: 'r', toStageId: 'st-test-drive' });
    expect(undone).toBe(true);
    expect(next).toEqual(rottenOnly);
  });

  it('leaves a newer state of the card alone (someone changed it meanwhile)', () => {
    const newer = { ...a, stageId: 'st-test-drive', version: 9 };
    const { next, undone } = moveAndUndo(start, { dealId: 'a', toStageId: 'st-test-drive' }, (draft) => {
      const target = column(draft, 'st-test-drive');
      target.deals = target.deals.map((deal) => (deal.id === 'a' ? newer : deal));
    });
    expect(undone).toBe(false);
    expect(column(next, 'st-test-drive').deals.find((deal) => deal.id === 'a')).toEqual(newer);
  });
});
