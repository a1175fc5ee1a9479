import type { BoardDto } from '@autofunnel/shared';
import { board, card, cardIds, column, funnel } from '../../test/board-fixtures';
import type { LiveBoard } from './board-view';
import { appendPage, mergeBoards } from './board-data';

const copy = (value: LiveBoard): LiveBoard => JSON.parse(JSON.stringify(value));

const apiBoard = (columns: BoardDto['columns']): BoardDto => ({ funnel, columns });
const empty = (stageId: string) => ({ stageId, count: 0, amountSum: 0, weightedAmountSum: 0, rottenCount: 0, deals: [], nextCursor: null });

describe('mergeBoards', () => {
  it('takes the won column from the won board and the others from the open board', () => {
    const open = apiBoard(funnel.stages.map((stage) => (stage.id === 'st-selection' ? { ...empty(stage.id), count: 1, deals: [card('o', 'st-selection', 'a0')] } : empty(stage.id))));
    const won = apiBoard(funnel.stages.map((stage) => (stage.id === 'st-delivered' ? { ...empty(stage.id), count: 1, deals: [card('w', 'st-delivered', 'a0', { status: 'won' })] } : empty(stage.id))));
    const merged = mergeBoards('open', [open, won], 42);
    expect(cardIds(merged)).toEqual({ 'st-new': [], 'st-selection': ['o'], 'st-test-drive': [], 'st-delivered': ['w'] });
    expect(merged).toMatchObject({ view: 'open', seq: 42 });
  });
});

describe('appendPage', () => {
  const a = card('a', 'st-selection', 'a1');
  const start = board({ 'st-selection': { deals: [a], count: 3, nextCursor: 'cur-1' } });

  it('adds the page below the loaded cards and remembers the next cursor', () => {
    const next = copy(start);
    expect(appendPage(next, 'st-selection', 'cur-1', { items: [card('b', 'st-selection', 'a2'), card('c', 'st-selection', 'a3')], nextCursor: null })).toBe(true);
    expect(cardIds(next)['st-selection']).toEqual(['a', 'b', 'c']);
    expect(column(next, 'st-selection').nextCursor).toBeNull();
  });

  it('does not add a card twice', () => {
    const next = copy(start);
    appendPage(next, 'st-selection', 'cur-1', { items: [a, card('b', 'st-selection', 'a2')], nextCursor: 'cur-2' });
    expect(cardIds(next)['st-selection']).toEqual(['a', 'b']);
  });

  it('drops a page asked for with a cursor the column no longer has', () => {
    const next = copy(start);
    expect(appendPage(next, 'st-selection', 'old-cursor', { items: [card('b', 'st-selection', 'a2')], nextCursor: null })).toBe(false);
    expect(next).toEqual(start);
  });
});
