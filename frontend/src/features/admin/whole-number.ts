/** A whole number as a form field holds it: '' for none. */
export function wholeNumberText(value: number | null): string {
  return value === null ? '' : String(value);
}

/**
 * A whole number typed into a form field, between `min` and `max`: null when the field is
 * empty (none), undefined when what was typed is not such a number.
 */
export function parseWholeNumber(text: string, min: number, max = Number.MAX_SAFE_INTEGER): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}
