import { DASHBOARDS, type DashboardKey, type InsightsGranularity, type InsightsQuery } from '@autofunnel/shared';

export const PERIOD_PRESETS = [
  { key: 'last-7-days', label: 'Last 7 days' },
  { key: 'last-30-days', label: 'Last 30 days' },
  { key: 'this-month', label: 'This month' },
  { key: 'last-90-days', label: 'Last 90 days' },
  { key: 'this-year', label: 'This year' },
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]['key'];
export type PeriodChoice = PeriodPreset | 'custom';

export const DEFAULT_PERIOD: PeriodPreset = 'last-30-days';

/** The dashboards whose stages belong to one funnel: they always have one. */
export const NEEDS_FUNNEL: ReadonlySet<DashboardKey> = new Set(['conversion', 'stage-durations']);

/** What the page shows, as kept in the URL (so a link shares the same view). */
export interface InsightsFilters {
  dashboard: DashboardKey;
  funnelId: string | null;
  branchId: string | null;
  managerId: string | null;
  sourceId: string | null;
  period: PeriodChoice;
  /** Custom period: first and last day shown (both included), `YYYY-MM-DD`. */
  from: string | null;
  to: string | null;
  granularity: InsightsGranularity;
}

/** The URL's name of each filter. */
const PARAMS = {
  dashboard: 'dashboard',
  funnelId: 'funnel',
  branchId: 'branch',
  managerId: 'manager',
  sourceId: 'source',
  period: 'period',
  from: 'from',
  to: 'to',
  granularity: 'granularity',
} as const satisfies Record<keyof InsightsFilters, string>;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function isPeriodChoice(value: string | null): value is PeriodChoice {
  return value === 'custom' || PERIOD_PRESETS.some((preset) => preset.key === value);
}

export function filtersFromSearch(search: URLSearchParams): InsightsFilters {
  const dashboard = search.get(PARAMS.dashboard);
  const period = search.get(PARAMS.period);
  const day = (key: 'from' | 'to') => {
    const value = search.get(PARAMS[key]);
    return value && DAY_PATTERN.test(value) ? value : null;
  };
  return {
    dashboard: DASHBOARDS.find((key) => key === dashboard) ?? 'inflow',
    funnelId: search.get(PARAMS.funnelId) || null,
    branchId: search.get(PARAMS.branchId) || null,
    managerId: search.get(PARAMS.managerId) || null,
    sourceId: search.get(PARAMS.sourceId) || null,
    period: isPeriodChoice(period) ? period : DEFAULT_PERIOD,
    from: day('from'),
    to: day('to'),
    granularity: search.get(PARAMS.granularity) === 'week' ? 'week' : 'day',
  };
}

/** The URL of `filters`, leaving out what is the default. */
export function searchOfFilters(filters: InsightsFilters): URLSearchParams {
  const search = new URLSearchParams();
  const set = (key: keyof InsightsFilters, value: string | null, fallback?: string) => {
    if (value && value !== fallback) search.set(PARAMS[key], value);
  };
  set('dashboard', filters.dashboard, 'inflow');
  set('funnelId', filters.funnelId);
  set('branchId', filters.branchId);
  set('managerId', filters.managerId);
  set('sourceId', filters.sourceId);
  set('period', filters.period, DEFAULT_PERIOD);
  if (filters.period === 'custom') {
    set('from', filters.from);
    set('to', filters.to);
  }
  set('granularity', filters.granularity, 'day');
  return search;
}

/** `YYYY-MM-DD` of a local date. */
export function dayOf(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local midnight starting `day` (`YYYY-MM-DD`). */
function midnightOf(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

/** Local midnight `days` days after the day of `date` (calendar days: right across DST changes). */
function midnightAfter(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

export interface PeriodRange {
  /** Local midnight of the first day. */
  from: Date;
  /** Local midnight after the last day (exclusive, as the API takes it). */
  to: Date;
}

/**
 * The days a period covers, in the browser's time zone: presets end with today (so "This month"
 * compares month-to-date with as many days before it); a custom period includes its last day.
 * Null for a custom period without both dates, or ending before it starts.
 */
export function periodRange(filters: Pick<InsightsFilters, 'period' | 'from' | 'to'>, now: Date): PeriodRange | null {
  const tomorrow = midnightAfter(now, 1);
  switch (filters.period) {
    case 'last-7-days':
      return { from: midnightAfter(now, -6), to: tomorrow };
    case 'last-30-days':
      return { from: midnightAfter(now, -29), to: tomorrow };
    case 'last-90-days':
      return { from: midnightAfter(now, -89), to: tomorrow };
    case 'this-month':
      return { from: new Date(now.getFullYear(), now.getMonth(), 1), to: tomorrow };
    case 'this-year':
      return { from: new Date(now.getFullYear(), 0, 1), to: tomorrow };
    case 'custom': {
      if (!filters.from || !filters.to) return null;
      const from = midnightOf(filters.from);
      const to = midnightAfter(midnightOf(filters.to), 1);
      return to > from ? { from, to } : null;
    }
  }
}

/** The API query of the filters over `range`; `funnelId` is the one the page settled on. */
export function queryOf(filters: InsightsFilters, range: PeriodRange, funnelId: string | null): InsightsQuery {
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    ...(funnelId && { funnelId }),
    ...(filters.branchId && { branchId: filters.branchId }),
    ...(filters.managerId && { managerId: filters.managerId }),
    ...(filters.sourceId && { sourceId: filters.sourceId }),
    ...(filters.dashboard === 'inflow' && { granularity: filters.granularity }),
  };
}
