import type { InsightsCell, InsightsColumn, InsightsGranularity, InsightsKpi, InsightsTable, InsightsUnit, DashboardKey } from '@autofunnel/shared';
import { INSIGHTS_TABLES } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { visibleDealsCondition } from '../deals/deal-visibility.js';

/** The filters of a request, as validated. */
export interface InsightsFilters {
  funnelId?: string;
  branchId?: string;
  managerId?: string;
  sourceId?: string;
}

/**
 * What a dashboard query works with: the period (`:from` inclusive, `:to` exclusive), the
 * previous one (`:previousFrom` up to `:from`), `:now`, the filters and the viewer, and a
 * runner for SQL with those named parameters inside one read-only snapshot.
 */
export interface InsightsScope {
  from: Date;
  to: Date;
  previousFrom: Date;
  now: Date;
  granularity: InsightsGranularity;
  filters: InsightsFilters;
  viewer: AuthUser;
  /** Runs `sql` with the scope's named parameters, plus `extra` ones a dashboard computed itself. */
  query<T>(sql: string, extra?: Record<string, unknown>): Promise<T[]>;
}

/** The figures a dashboard answers; the service adds the periods. */
export interface DashboardFigures {
  kpis: InsightsKpi[];
  tables: InsightsTable[];
}

/** The named parameters every dashboard query may use. */
export function scopeParameters(scope: Omit<InsightsScope, 'query'>): Record<string, unknown> {
  const visible = visibleDealsCondition(scope.viewer, 'd');
  return {
    ...visible.parameters,
    from: scope.from,
    to: scope.to,
    previousFrom: scope.previousFrom,
    now: scope.now,
    granularity: scope.granularity,
    ...scope.filters,
  };
}

/**
 * The deals a dashboard counts, over the deal table aliased `d`: not in the trash, visible to
 * the viewer, and matching the filters. `managerId` matches `manager` (the responsible by
 * default; the taker where takes are counted). Only the filters given are written, so the
 * planner sees plain equalities it can match with the insights indexes.
 */
export function dealsCondition(scope: Pick<InsightsScope, 'viewer' | 'filters'>, manager: 'responsible_id' | 'taken_by_id' = 'responsible_id'): string {
  const conditions = ['d.trashed_at IS NULL', visibleDealsCondition(scope.viewer, 'd').condition];
  if (scope.filters.funnelId) conditions.push('d.funnel_id = :funnelId');
  if (scope.filters.branchId) conditions.push('d.branch_id = :branchId');
  if (scope.filters.managerId) conditions.push(`d.${manager} = :managerId`);
  if (scope.filters.sourceId) conditions.push('d.source_id = :sourceId');
  return conditions.join(' AND ');
}

/** SQL for a share in percent (0–100, one decimal), null when the whole is zero. */
export const percentSql = (part: string, whole: string) => `round((100.0 * (${part}) / NULLIF(${whole}, 0))::numeric, 1)::float8`;

/** SQL for a duration in whole seconds, from seconds. */
export const secondsSql = (seconds: string) => `round((${seconds})::numeric)::float8`;

/** SQL for the median and p90 of `seconds` (an aggregate), in whole seconds. */
export const medianSql = (seconds: string) => secondsSql(`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds})`);
export const p90Sql = (seconds: string) => secondsSql(`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds})`);

export function kpi(key: string, label: string, unit: InsightsUnit, value: number | null, previous: number | null): InsightsKpi {
  return { key, label, unit, value, previous };
}

type TableKey<D extends DashboardKey> = keyof (typeof INSIGHTS_TABLES)[D] & string;
type ColumnKey<D extends DashboardKey, T extends TableKey<D>> = (typeof INSIGHTS_TABLES)[D][T] extends readonly (infer K extends string)[] ? K : never;

/**
 * A table of a dashboard, its columns in the order of the shared contract (`INSIGHTS_TABLES`),
 * each with its label and unit; the compiler checks every column is described and every row
 * has every column.
 */
export function table<D extends DashboardKey, T extends TableKey<D>>(
  dashboard: D,
  key: T,
  title: string,
  columns: Record<ColumnKey<D, T>, readonly [label: string, unit: InsightsUnit]>,
  rows: Record<ColumnKey<D, T>, InsightsCell>[],
): InsightsTable {
  const keys = INSIGHTS_TABLES[dashboard][key] as readonly ColumnKey<D, T>[];
  const described: InsightsColumn[] = keys.map((column) => ({ key: column, label: columns[column][0], unit: columns[column][1] }));
  return { key, title, columns: described, rows: rows.map((row) => Object.fromEntries(keys.map((column) => [column, row[column]]))) };
}
