import type { DealDto, FunnelSettings, StageDto } from '@autofunnel/shared';
import { formatSpan } from './format';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Whole days since the deal's last activity. */
export function idleDays(deal: Pick<DealDto, 'lastActivityAt'>, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(deal.lastActivityAt)) / DAY));
}

/** An open deal idle for longer than its stage's `rotAfterDays` (the server's `ROTTEN` rule). */
export function isRotten(deal: Pick<DealDto, 'status' | 'lastActivityAt'>, stage: Pick<StageDto, 'rotAfterDays'> | undefined, now: number): boolean {
  const days = stage?.rotAfterDays;
  if (deal.status !== 'open' || days === null || days === undefined) return false;
  return Date.parse(deal.lastActivityAt) < now - days * DAY;
}

/** `ok` before the warning, `warn` (amber) after it, `escalated` (red) once past the escalation. */
export type SlaLevel = 'ok' | 'warn' | 'escalated';

export interface SlaCountdown {
  level: SlaLevel;
  /** "12 min left", "waiting 20 min", "escalated 5 min ago". */
  text: string;
}

/** "12 min" under an hour, else the board's usual span ("2h 5m"); time left rounds up, time gone by down. */
function minutes(ms: number, round: (value: number) => number = Math.floor): string {
  const span = Math.max(0, ms);
  return span < 60 * MINUTE ? `${round(span / MINUTE)} min` : formatSpan(span);
}

/**
 * Speed to lead: how an untaken request in the unassigned stage stands against its funnel's
 * SLA, counted from when it entered the stage. Null when the SLA does not apply (taken, closed,
 * in another stage, or the funnel has none).
 */
export function slaCountdown(
  deal: Pick<DealDto, 'status' | 'responsible' | 'stageEnteredAt' | 'slaEscalatedAt'>,
  stage: Pick<StageDto, 'kind'> | undefined,
  sla: Pick<FunnelSettings, 'slaWarnMinutes' | 'slaEscalateMinutes'>,
  now: number,
): SlaCountdown | null {
  const { slaWarnMinutes: warn, slaEscalateMinutes: escalate } = sla;
  if (stage?.kind !== 'unassigned' || deal.status !== 'open' || deal.responsible || (warn === null && escalate === null)) return null;
  const entered = Date.parse(deal.stageEnteredAt);
  if (Number.isNaN(entered)) return null;
  const waited = now - entered;

  // The server's stamp wins over this browser's clock.
  const escalatedAt = deal.slaEscalatedAt ? Date.parse(deal.slaEscalatedAt) : escalate !== null && waited >= escalate * MINUTE ? entered + escalate * MINUTE : null;
  if (escalatedAt !== null) return { level: 'escalated', text: now - escalatedAt < MINUTE ? 'escalated just now' : `escalated ${minutes(now - escalatedAt)} ago` };

  const warned = warn !== null && waited >= warn * MINUTE;
  const level: SlaLevel = warned ? 'warn' : 'ok';
  // Count down to the escalation, or to the warning when that is the only limit.
  const limit = escalate ?? warn;
  if (limit === null) return null;
  const left = limit * MINUTE - waited;
  return left > 0 ? { level, text: `${minutes(left, Math.ceil)} left` } : { level, text: `waiting ${minutes(waited)}` };
}
