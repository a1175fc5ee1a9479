import { dealsCondition, kpi, medianSql, p90Sql, percentSql, table, type DashboardFigures, type InsightsScope } from '../insights-scope.js';

/** The distribution's buckets in display order; each starts (inclusive) at its bound below. */
const BUCKETS = ['< 5 min', '5–15 min', '15–30 min', '30–60 min', '1–4 h', '4–24 h', '> 1 day'];
/** The lower bounds, in seconds, of every bucket after the first: `width_bucket` numbers them 0–6. */
const BUCKET_BOUNDS = [300, 900, 1800, 3600, 14_400, 86_400];

/** Median, p90 and share within the funnel's SLA of the takes in scope of an aggregate. */
const TAKE_FIGURES = `
  count(*)::int AS taken,
  ${medianSql('seconds')} AS median_seconds,
  ${p90Sql('seconds')} AS p90_seconds,
  ${percentSql('count(*) FILTER (WHERE seconds <= sla_seconds)', 'count(*) FILTER (WHERE sla_seconds IS NOT NULL)')} AS within_sla`;

type Figures = { taken: number; median_seconds: number | null; p90_seconds: number | null; within_sla: number | null };

/**
 * Speed to lead: how long new deals waited to be taken into work. A take is a deal whose
 * `taken_at` falls in the period and is later than its creation (a deal created with its
 * responsible never waited); its taker is `taken_by_id`, which the manager filter matches.
 * One statement: the takes are read from `deal` once and every figure aggregates them.
 */
export async function speedToLeadDashboard(scope: InsightsScope): Promise<DashboardFigures> {
  const [answer] = await scope.query<{
    totals: (Figures & { current: boolean })[] | null;
    distribution: { position: number; deals: number }[] | null;
    by_branch: (Figures & { branch: string })[] | null;
    by_manager: (Figures & { manager: string })[] | null;
  }>(
    `WITH takes AS MATERIALIZED (
       SELECT d.branch_id, d.taken_by_id, d.taken_at >= :from AS current,
              extract(epoch FROM d.taken_at - d.created_at)::float8 AS seconds,
              f.sla_escalate_minutes * 60 AS sla_seconds
         FROM deal d
         JOIN funnel f ON f.id = d.funnel_id
        WHERE ${dealsCondition(scope, 'taken_by_id')} AND d.taken_at >= :previousFrom AND d.taken_at < :to AND d.taken_at > d.created_at
     )
     SELECT
       (SELECT json_agg(t) FROM (SELECT current, ${TAKE_FIGURES} FROM takes GROUP BY current) t) AS totals,
       (SELECT json_agg(t) FROM (
          SELECT width_bucket(seconds, ARRAY[${BUCKET_BOUNDS.join(', ')}]::float8[]) AS position, count(*)::int AS deals
            FROM takes WHERE current GROUP BY 1) t) AS distribution,
       (SELECT json_agg(t ORDER BY t.taken DESC, t.branch) FROM (
          SELECT COALESCE(b.name, 'No branch') AS branch, g.*
            FROM (SELECT branch_id, ${TAKE_FIGURES} FROM takes WHERE current GROUP BY branch_id) g
            LEFT JOIN branch b ON b.id = g.branch_id) t) AS by_branch,
       (SELECT json_agg(t ORDER BY t.taken DESC, t.manager) FROM (
          SELECT COALESCE(u.name, 'Deleted user') AS manager, g.*
            FROM (SELECT taken_by_id, ${TAKE_FIGURES} FROM takes WHERE current GROUP BY taken_by_id) g
            LEFT JOIN app_user u ON u.id = g.taken_by_id) t) AS by_manager`,
  );
  const current = answer.totals?.find((row) => row.current);
  const previous = answer.totals?.find((row) => !row.current);
  const counts = new Map((answer.distribution ?? []).map((row) => [row.position, row.deals]));
  const distribution = BUCKETS.map((bucket, position) => ({ bucket, deals: counts.get(position) ?? 0 }));
  const figures = ({ taken, median_seconds, p90_seconds, within_sla }: Figures): Figures => ({ taken, median_seconds, p90_seconds, within_sla });
  const byBranch = (answer.by_branch ?? []).map((row) => ({ branch: row.branch, ...figures(row) }));
  const byManager = (answer.by_manager ?? []).map((row) => ({ manager: row.manager, ...figures(row) }));

  const figureColumns = {
    taken: ['Taken', 'count'],
    median_seconds: ['Median time to take', 'seconds'],
    p90_seconds: ['90th percentile', 'seconds'],
    within_sla: ['Within SLA', 'percent'],
  } as const;
  return {
    kpis: [
      kpi('taken', 'Taken into work', 'count', current?.taken ?? 0, previous?.taken ?? 0),
      kpi('median_seconds', 'Median time to take', 'seconds', current?.median_seconds ?? null, previous?.median_seconds ?? null),
      kpi('p90_seconds', '90th percentile', 'seconds', current?.p90_seconds ?? null, previous?.p90_seconds ?? null),
      kpi('within_sla', 'Within SLA', 'percent', current?.within_sla ?? null, previous?.within_sla ?? null),
    ],
    tables: [
      table('speed-to-lead', 'distribution', 'Time to take', { bucket: ['Time to take', 'text'], deals: ['Deals', 'count'] }, distribution),
      table('speed-to-lead', 'by_branch', 'By branch', { branch: ['Branch', 'text'], ...figureColumns }, byBranch),
      table('speed-to-lead', 'by_manager', 'By manager', { manager: ['Manager', 'text'], ...figureColumns }, byManager),
    ],
  };
}
