import { generateKeyBetween } from 'fractional-indexing';

/**
 * Order key for a deal placed between two neighbours (null = column edge). Keys compare as
 * plain byte strings, so the database column uses COLLATE "C".
 */
export function positionBetween(above: string | null, below: string | null): string {
  return generateKeyBetween(above, below);
}
