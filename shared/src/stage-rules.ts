import type { StageKind } from './enums.js';

export interface StageTemplate {
  name: string;
  color: string;
  kind: StageKind;
  /** 0–100; the column header weighs its sum by it. */
  winProbability?: number;
}

/**
 * The 8 stages of the "Car showroom" funnel; a new funnel without stages gets these, with the
 * chances a dealership typically sees of a deal in each stage being won.
 */
export const DEFAULT_STAGES: readonly StageTemplate[] = [
  { name: 'Unassigned', color: '#9e9e9e', kind: 'unassigned', winProbability: 5 },
  { name: 'Car selection', color: '#42a5f5', kind: 'open', winProbability: 10 },
  { name: 'Test drive', color: '#26c6da', kind: 'open', winProbability: 25 },
  { name: 'Trade-in appraisal', color: '#ab47bc', kind: 'open', winProbability: 40 },
  { name: 'Offer / negotiation', color: '#ffa726', kind: 'open', winProbability: 50 },
  { name: 'Contract & payment', color: '#ef5350', kind: 'open', winProbability: 75 },
  { name: 'Preparing for delivery', color: '#8d6e63', kind: 'open', winProbability: 90 },
  { name: 'Delivered', color: '#66bb6a', kind: 'won', winProbability: 100 },
];

export const DEFAULT_STAGE_COLOR = '#90a4ae';

/**
 * Why a sequence of stage kinds is not a valid funnel, or null when it is:
 * exactly one unassigned stage first, exactly one won stage last, at least one open stage.
 */
export function stageOrderProblem(kinds: readonly StageKind[]): string | null {
  if (kinds.length < 3) return 'A funnel needs an unassigned stage, at least one open stage and a won stage';
  if (kinds[0] !== 'unassigned') return 'The unassigned stage must stay first';
  if (kinds[kinds.length - 1] !== 'won') return 'The won stage must stay last';
  const middle = kinds.slice(1, -1);
  if (middle.some((kind) => kind !== 'open')) {
    return 'A funnel has exactly one unassigned stage (first) and one won stage (last)';
  }
  return null;
}

/** `#rgb` or `#rrggbb`. */
export const STAGE_COLOR_PATTERN = /^#(?:[0-9a-fA-F]{3}){1,2}$/;
