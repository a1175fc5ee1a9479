import type { InsightsCell, InsightsKpi, InsightsUnit } from '@autofunnel/shared';

const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const moneyFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A duration in its two largest units: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 > 0 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 > 0 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** A `YYYY-MM-DD` day as "3 Mar 2026" (the day itself: no time zone shift). */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** A figure as its unit reads; "—" when there is none. */
export function formatValue(value: InsightsCell, unit: InsightsUnit): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return unit === 'date' ? formatDay(value) : value;
  switch (unit) {
    case 'percent':
      return `${percentFormat.format(value)}%`;
    case 'seconds':
      return formatDuration(value);
    case 'money':
      return moneyFormat.format(value);
    case 'date':
    case 'text':
      return String(value);
    case 'count':
      return countFormat.format(value);
  }
}

/** Figures where less is better: a faster take, fewer missed calls, fewer lost deals. */
const LOWER_IS_BETTER = new Set(['missed_calls_share', 'lost']);

export interface KpiChange {
  direction: 'up' | 'down' | 'same';
  /** "▲ 12.5%"; percentages change in points: "▼ 3 pp". */
  text: string;
  /** Whether the change is good news, bad news or neither. */
  tone: 'good' | 'bad' | 'neutral';
}

/** How a headline figure changed against the previous period; null when it cannot be said. */
export function kpiChange(kpi: InsightsKpi): KpiChange | null {
  if (kpi.value === null || kpi.previous === null) return null;
  const difference = kpi.value - kpi.previous;
  const direction = difference > 0 ? 'up' : difference < 0 ? 'down' : 'same';
  let amount: string;
  if (kpi.unit === 'percent') {
    amount = `${percentFormat.format(Math.abs(difference))} pp`;
  } else if (kpi.previous === 0) {
    if (difference !== 0) return { direction, text: direction === 'up' ? '▲ new' : '▼', tone: 'neutral' };
    amount = '0%';
  } else {
    amount = `${percentFormat.format(Math.abs((difference / kpi.previous) * 100))}%`;
  }
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '=';
  const lowerIsBetter = kpi.unit === 'seconds' || LOWER_IS_BETTER.has(kpi.key);
  const tone = direction === 'same' ? 'neutral' : (direction === 'up') !== lowerIsBetter ? 'good' : 'bad';
  return { direction, text: `${arrow} ${amount}`, tone };
}
