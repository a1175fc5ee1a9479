import { createNextState as produce } from '@reduxjs/toolkit';
import { annaRef, board, borisRef, card, cardIds, column } from '../../../test/board-fixtures';
import type { LiveBoard } from '../board-view';
import { moveCardOnBoard, type CardMove } from './move-card';

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
});
