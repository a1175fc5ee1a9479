import { clampDropIndex, dropIndexAtOffset, dropIndexAtPointer, isDropInPlace, neighboursAt, placeCard, stepDropIndex } from './drop-position';

const ids = ['a', 'b', 'c', 'd'];

describe('dropIndexAtPointer', () => {
  it('drops before a card over its top half and after it over its bottom half', () => {
    expect(dropIndexAtPointer(2, 100, 80, 120)).toBe(2);
    expect(dropIndexAtPointer(2, 100, 80, 139.9)).toBe(2);
    expect(dropIndexAtPointer(2, 100, 80, 140)).toBe(3);
    expect(dropIndexAtPointer(2, 100, 80, 179)).toBe(3);
  });
});

describe('clampDropIndex', () => {
  it('keeps the index within the column', () => {
    expect(clampDropIndex(-3, 4)).toBe(0);
    expect(clampDropIndex(9, 4)).toBe(4);
    expect(clampDropIndex(2, 4)).toBe(2);
  });
});

describe('neighboursAt', () => {
  it('gives the card above and the card below the drop point in another column', () => {
    expect(neighboursAt(ids, 0, 'x')).toEqual({ afterId: 'a' });
    expect(neighboursAt(ids, 2, 'x')).toEqual({ beforeId: 'b', afterId: 'c' });
    expect(neighboursAt(ids, 4, 'x')).toEqual({ beforeId: 'd' });
    expect(neighboursAt([], 0, 'x')).toEqual({});
  });

  it('leaves the dragged card out when moving within its own column', () => {
    // b dragged down to between c and d
    expect(neighboursAt(ids, 3, 'b')).toEqual({ beforeId: 'c', afterId: 'd' });
    // b dragged to the bottom
    expect(neighboursAt(ids, 4, 'b')).toEqual({ beforeId: 'd' });
    // c dragged to the top
    expect(neighboursAt(ids, 0, 'c')).toEqual({ afterId: 'a' });
    // c dragged up between a and b
    expect(neighboursAt(ids, 1, 'c')).toEqual({ beforeId: 'a', afterId: 'b' });
  });
});

describe('isDropInPlace', () => {
  it('is true right above or right below the card itself', () => {
    expect(isDropInPlace(ids, 1, 'b')).toBe(true);
    expect(isDropInPlace(ids, 2, 'b')).toBe(true);
    expect(isDropInPlace(ids, 0, 'b')).toBe(false);
    expect(isDropInPlace(ids, 3, 'b')).toBe(false);
    expect(isDropInPlace(ids, 1, 'x')).toBe(false);
  });
});

describe('stepDropIndex (the keyboard "up one place" / "down one place")', () => {
  it('gives the drop index one place up or down, or null at the ends', () => {
    expect(stepDropIndex(ids, 'c', -1)).toBe(1);
    expect(neighboursAt(ids, stepDropIndex(ids, 'c', -1)!, 'c')).toEqual({ beforeId: 'a', afterId: 'b' });
    expect(stepDropIndex(ids, 'b', 1)).toBe(3);
    expect(neighboursAt(ids, stepDropIndex(ids, 'b', 1)!, 'b')).toEqual({ beforeId: 'c', afterId: 'd' });
    expect(stepDropIndex(ids, 'a', -1)).toBeNull();
    expect(stepDropIndex(ids, 'd', 1)).toBeNull();
    expect(stepDropIndex(ids, 'x', 1)).toBeNull();
  });
});

describe('placeCard', () => {
  const cards = ids.map((id) => ({ id }));
  const order = (list: { id: string }[]) => list.map((item) => item.id);

  it('puts the card right below beforeId', () => {
    expect(order(placeCard(cards, { id: 'x' }, { beforeId: 'b', afterId: 'c' }))).toEqual(['a', 'b', 'x', 'c', 'd']);
  });

  it('puts it right above afterId when there is nothing above', () => {
    expect(order(placeCard(cards, { id: 'x' }, { afterId: 'a' }))).toEqual(['x', 'a', 'b', 'c', 'd']);
  });

  it('puts it at the top without neighbours, as the server does', () => {
    expect(order(placeCard(cards, { id: 'x' }, {}))).toEqual(['x', 'a', 'b', 'c', 'd']);
  });

  it('moves a card already in the list instead of copying it', () => {
    expect(order(placeCard(cards, { id: 'b' }, { beforeId: 'c', afterId: 'd' }))).toEqual(['a', 'c', 'b', 'd']);
  });

  it('falls back to the other neighbour when one is not in the list (e.g. filtered out)', () => {
    expect(order(placeCard(cards, { id: 'x' }, { beforeId: 'gone', afterId: 'c' }))).toEqual(['a', 'b', 'x', 'c', 'd']);
  });
});

describe('dropIndexAtOffset', () => {
  // three cards of 100px with 8px gaps: 0-100, 108-208, 216-316
  const slots = [
    { start: 0, size: 100 },
    { start: 108, size: 100 },
    { start: 216, size: 100 },
  ];

  it('drops before a card over its upper half and after it over its lower half', () => {
    expect(dropIndexAtOffset(slots, -5)).toBe(0);
    expect(dropIndexAtOffset(slots, 10)).toBe(0);
    expect(dropIndexAtOffset(slots, 60)).toBe(1);
    expect(dropIndexAtOffset(slots, 104)).toBe(1); // in the gap
    expect(dropIndexAtOffset(slots, 150)).toBe(1);
    expect(dropIndexAtOffset(slots, 170)).toBe(2);
    expect(dropIndexAtOffset(slots, 300)).toBe(3);
  });

  it('drops at the end below the last card, and at 0 in an empty column', () => {
    expect(dropIndexAtOffset(slots, 900)).toBe(3);
    expect(dropIndexAtOffset([], 50)).toBe(0);
  });
});
