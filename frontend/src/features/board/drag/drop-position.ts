/**
 * The index maths of dragging a card within and between columns. Indexes count the cards as
 * the column shows them (the dragged card included while it is still in its column); a drop
 * index `i` means "between the card at i - 1 and the card at i".
 */

export interface Neighbours {
  /** The card that ends up right above the dropped one. */
  beforeId?: string;
  /** The card that ends up right below it. */
  afterId?: string;
}

/** The drop index when the pointer is over the card at `hoverIndex`: above its middle, before it. */
export function dropIndexAtPointer(hoverIndex: number, cardTop: number, cardHeight: number, pointerY: number): number {
  return pointerY < cardTop + cardHeight / 2 ? hoverIndex : hoverIndex + 1;
}

/** Keeps a drop index within a column of `length` cards. */
export function clampDropIndex(index: number, length: number): number {
  return Math.min(Math.max(0, Math.trunc(index)), length);
}

/** The neighbours the moved card gets when dropped at `index` of `ids` (the column as shown). */
export function neighboursAt(ids: readonly string[], index: number, draggedId: string): Neighbours {
  const from = ids.indexOf(draggedId);
  const others = ids.filter((id) => id !== draggedId);
  let at = clampDropIndex(index, ids.length);
  if (from >= 0 && at > from) at -= 1;
  const beforeId = others[at - 1];
  const afterId = others[at];
  return { ...(beforeId !== undefined && { beforeId }), ...(afterId !== undefined && { afterId }) };
}

/** Dropping the card right above or right below itself in its own column changes nothing. */
export function isDropInPlace(ids: readonly string[], index: number, draggedId: string): boolean {
  const from = ids.indexOf(draggedId);
  return from >= 0 && (index === from || index === from + 1);
}

/** The drop index that moves a card one place up (-1) or down (+1), or null at the column's end. */
export function stepDropIndex(ids: readonly string[], dealId: string, step: -1 | 1): number | null {
  const from = ids.indexOf(dealId);
  if (from < 0) return null;
  if (step === -1) return from === 0 ? null : from - 1;
  return from >= ids.length - 1 ? null : from + 2;
}

/**
 * `cards` with `card` put right below `beforeId`, else right above `afterId`, else at the top
 * (where the server puts it too); any earlier copy of `card` is removed first. A neighbour that
 * is not in the list (e.g. filtered out) falls back to the other one, then to the top.
 */
export function placeCard<T extends { id: string }>(cards: readonly T[], card: T, { beforeId, afterId }: Neighbours): T[] {
  const rest = cards.filter((other) => other.id !== card.id);
  const above = beforeId === undefined ? -1 : rest.findIndex((other) => other.id === beforeId);
  if (above >= 0) return [...rest.slice(0, above + 1), card, ...rest.slice(above + 1)];
  const below = afterId === undefined ? -1 : rest.findIndex((other) => other.id === afterId);
  if (below >= 0) return [...rest.slice(0, below), card, ...rest.slice(below)];
  return [card, ...rest];
}

/** Where a card of the list sits: its top and its height (as a virtual list measures them). */
export interface CardSlot {
  start: number;
  size: number;
}

/**
 * The drop index for a pointer `y` pixels below the top of a column's list: before the card
 * whose upper half it is over, after the card whose lower half it is over; below the last
 * card, at the end.
 */
export function dropIndexAtOffset(slots: readonly CardSlot[], y: number): number {
  for (let index = 0; index < slots.length; index += 1) {
    const { start, size } = slots[index];
    if (y < start + size / 2) return index;
    const next = slots[index + 1];
    if (next === undefined || y < next.start) return index + 1;
  }
  return slots.length;
}
