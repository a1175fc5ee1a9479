import { generateKeyBetween } from 'fractional-indexing';

/**
 * Order key for a deal placed between two neighbours (null = column edge). Keys compare as
 * plain byte strings, so the database column uses COLLATE "C". Refuses neighbours out of
 * order rather than returning a key that would sort somewhere unexpected.
 */
export function positionBetween(above: string | null, below: string | null): string {
  if (above !== null && below !== null && above >= below) {
    throw new Error(`Order keys out of order: "${above}" must sort before "${below}"`);
  }
  return generateKeyBetween(above, below);
}
