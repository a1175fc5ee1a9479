import { positionBetween } from './deal-ordering.js';

describe('positionBetween (fractional order keys)', () => {
  it('places a key strictly between its neighbours, and at either edge', () => {
    const first = positionBetween(null, null);
    const top = positionBetween(null, first);
    const bottom = positionBetween(first, null);
    const middle = positionBetween(top, first);
    expect([top, middle, first, bottom]).toEqual([top, middle, first, bottom].sort());
    expect(new Set([top, middle, first, bottom]).size).toBe(4);
  });

  it('keeps order through 200 inserts at the top and 200 between two neighbours', () => {
    const atTop = [positionBetween(null, null)];
    for (let index = 0; index < 200; index += 1) atTop.unshift(positionBetween(null, atTop[0]));
    expect([...atTop].sort()).toEqual(atTop);

    const first = positionBetween(null, null);
    let below = positionBetween(first, null);
    const squeezed = [first];
    for (let index = 0; index < 200; index += 1) {
      below = positionBetween(first, below);
      squeezed.splice(1, 0, below);
    }
    expect([...squeezed].sort()).toEqual(squeezed);
    // The column holds 64 characters: repeated drops at one spot grow keys slowly.
    expect(Math.max(...[...atTop, ...squeezed].map((key) => key.length))).toBeLessThan(64);
  });

  it('orders by code points, which is why the column is COLLATE "C"', () => {
    // Locale collations would sort "Zz" after "a0"; byte order (and the keys) say before.
    expect(positionBetween(null, 'a0')).toBe('Zz');
    expect(['a0', 'Zz'].sort()).toEqual(['Zz', 'a0']);
  });

  it('refuses neighbours given in the wrong order', () => {
    expect(() => positionBetween('a2', 'a1')).toThrow(/out of order/);
    expect(() => positionBetween('a1', 'a1')).toThrow(/out of order/);
  });
});
