/**
 * Insights: dashboards computed in PostgreSQL from the deal event log (through the stage visits
 * it maintains), so past numbers stay exact when stages are renamed or reordered. Every
 * dashboard answers the same shape: headline figures compared with the previous period, and
 * tables (each exportable as CSV or XLSX; the web app charts some of them). Part of the public
 * contract (docs/api.md, "Insights").
 */

export const DASHBOARDS = ['inflow', 'speed-to-lead', 'conversion', 'stage-durations', 'managers', 'sources'] as const;
export type DashboardKey = (typeof DASHBOARDS)[number];

export const INSIGHTS_GRANULARITIES = ['day', 'week'] as const;
export type InsightsGranularity = (typeof INSIGHTS_GRANULARITIES)[number];

/**
 * GET /api/insights/:dashboard?from=&to=&funnelId=&branchId=&managerId=&sourceId=&granularity=
 * `from` inclusive, `to` exclusive (ISO dates or date-times); the previous period is the same
 * length just before `from`. Scoped by who may see which deal (as the board).
 */
export interface InsightsQuery {
  from: string;
  to: string;
  funnelId?: string;
  branchId?: string;
  /** A user id: deals they are (or were, for takes) responsible for. */
  managerId?: string;
  sourceId?: string;
  /** Inflow only: days (default) or ISO weeks. */
  granularity?: InsightsGranularity;
}

/** How a figure reads: `percent` is 0–100, `seconds` a duration, `money` the deal currency. */
export type InsightsUnit = 'count' | 'percent' | 'seconds' | 'money' | 'text' | 'date';

export interface InsightsKpi {
  key: string;
  label: string;
  unit: InsightsUnit;
  value: number | null;
  /** The same figure over the previous period; null when it cannot be computed. */
  previous: number | null;
}

export interface InsightsColumn {
  key: string;
  label: string;
  unit: InsightsUnit;
}

export type InsightsCell = string | number | null;

export interface InsightsTable {
  key: string;
  title: string;
  columns: InsightsColumn[];
  rows: Record<string, InsightsCell>[];
}

export interface InsightsPeriod {
  from: string;
  to: string;
}

export interface InsightsDashboard {
  dashboard: DashboardKey;
  period: InsightsPeriod;
  previousPeriod: InsightsPeriod;
  kpis: InsightsKpi[];
  tables: InsightsTable[];
}

/** GET /api/insights/:dashboard/export?table=<key>&format=csv|xlsx&…the same filters → a file. */
export const INSIGHTS_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type InsightsExportFormat = (typeof INSIGHTS_EXPORT_FORMATS)[number];

/**
 * The tables each dashboard answers, by key, with their columns (backend and web app agree on
 * these; a column's key is the row's property).
 */
export const INSIGHTS_TABLES = {
  inflow: {
    by_source: ['period', 'source', 'deals'],
    by_channel: ['period', 'channel', 'deals'],
    calls: ['period', 'answered', 'missed', 'missed_share'],
  },
  'speed-to-lead': {
    distribution: ['bucket', 'deals'],
    by_branch: ['branch', 'taken', 'median_seconds', 'p90_seconds', 'within_sla'],
    by_manager: ['manager', 'taken', 'median_seconds', 'p90_seconds', 'within_sla'],
  },
  conversion: {
    stages: ['stage', 'reached', 'from_previous', 'of_cohort'],
    lost_reasons: ['reason', 'stage', 'deals'],
  },
  'stage-durations': {
    stages: ['stage', 'visits', 'median_seconds', 'p90_seconds', 'in_stage_now'],
    stuck: ['deal_id', 'deal_code', 'deal_title', 'stage', 'responsible', 'in_stage_seconds', 'usual_p90_seconds'],
  },
  managers: {
    managers: ['manager', 'taken', 'open', 'won', 'lost', 'conversion', 'revenue', 'avg_response_seconds'],
  },
  sources: {
    sources: ['source', 'deals', 'won', 'conversion', 'revenue'],
  },
} as const satisfies Record<DashboardKey, Record<string, readonly string[]>>;
