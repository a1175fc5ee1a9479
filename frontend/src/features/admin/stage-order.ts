import type { StageDto } from '@autofunnel/shared';

/**
 * `stages` with the one at `from` moved to `to`, if that keeps the unassigned stage first and
 * the won stage last (only open stages move, and only among themselves); otherwise unchanged.
 */
export function moveStage<T extends Pick<StageDto, 'kind'>>(stages: readonly T[], from: number, to: number): readonly T[] {
  if (from === to || from < 0 || to < 0 || from >= stages.length || to >= stages.length) return stages;
  if (stages[from].kind !== 'open' || stages[to].kind !== 'open') return stages;
  const next = [...stages];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}
