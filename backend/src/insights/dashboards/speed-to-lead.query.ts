import { dealsCondition, kpi, medianSql, p90Sql, percentSql, table, type DashboardFigures, type InsightsScope } from '../insights-scope.js';

/** The distribution's buckets, in seconds from (inclusive) and to (exclusive), in display order. */
const BUCKETS: [label: string, from: number, to: number | null][] = [
  ['< 5 min', 0, 300],
  ['5–15 min', 300, 900],
  ['15–30 min', 900, 1800],
  ['30–60 min', 1800, 3600],
  ['1–4 h', 3600, 14_400],
  ['4–24 h', 14_400, 86_400],
  ['> 1 day', 86_400, null],
];

/** Median, p90 and share within the funnel's SLA of the takes in scope of an aggregate. */
const TAKE_FIGURES = `
  count(*)::int AS taken,
  ${medianSql('seconds')} AS median_seconds,
  ${p90Sql('seconds')} AS p90_seconds,
  ${percentSql('count(*) FILTER (WHERE seconds <= sla_seconds)', 'count(*) FILTER (WHERE sla_seconds IS NOT NULL)')} AS within_sla`;

/**
 * Speed to lead: how long new deals waited to be taken into work. A take is a deal whose
 * `taken_at` falls in the period and is later than its creation (a deal created with its
 * responsible never waited); its taker is `taken_by_id`, which the manager filter matches.
 */
export async function speedToLeadDashboard(scope: InsightsScope): Promise<DashboardFigures> {
  const takes = `
    WITH takes AS (
      SELECT d.branch_id, d.taken_by_id, d.taken_at >= :from AS current,
             extract(epoch FROM d.taken_at - d.created_at)::float8 AS seconds,
             f.sla_escalate_minutes * 60 AS sla_seconds
        FROM deal d
        JOIN funnel f ON f.id = d.funnel_id
       WHERE ${dealsCondition(scope, 'taken_by_id')} AND d.taken_at >= :previousFrom AND d.taken_at < :to AND d.taken_at > d.created_at
    )`;
  type Figures = { taken: number; median_seconds: number | null; p90_seconds: number | null; within_sla: number | null };

  const totals = await scope.query<Figures & { current: boolean }>(`${takes} SELECT current, ${TAKE_FIGURES} FROM takes GROUP BY current`);
  const current = totals.find((row) => row.current);
  const previous = totals.find((row) => !row.current);
  const buckets = BUCKETS.map(([label, from, to], index) => `(${index}, '${label}', ${from}, ${to ?? 'NULL'})`).join(', ');
  const distribution = await scope.query<{ bucket: string; deals: number }>(
    `${takes}
     SELECT b.label AS bucket, count(t.seconds)::int AS deals
       FROM (VALUES ${buckets}) AS b(position, label, low, high)
       LEFT JOIN takes t ON t.current AND t.seconds >= b.low AND (b.high IS NULL OR t.seconds < b.high)
      GROUP BY b.position, b.label
      ORDER BY b.position`,
  );
  const byBranch = await scope.query<Figures & { branch: string }>(
    `${takes}
     SELECT COALESCE(b.name, 'No branch') AS branch, ${TAKE_FIGURES}
       FROM takes t LEFT JOIN branch b ON b.id = t.branch_id
      WHERE t.current
      GROUP BY t.branch_id, b.name
      ORDER BY taken DESC, branch`,
  );
  const byManager = await scope.query<Figures & { manager: string }>(
    `${takes}
     SELECT COALESCE(u.name, 'Deleted user') AS manager, ${TAKE_FIGURES}
       FROM takes t LEFT JOIN app_user u ON u.id = t.taken_by_id
      WHERE t.current
      GROUP BY t.taken_by_id, u.name
      ORDER BY taken DESC, manager`,
  );

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
