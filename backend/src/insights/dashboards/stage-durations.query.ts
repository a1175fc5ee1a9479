import { dealsCondition, kpi, secondsSql, table, type DashboardFigures, type InsightsScope } from '../insights-scope.js';

/** How many stuck deals the table lists. */
const STUCK_LIMIT = 50;

/** A completed visit's stay, in seconds. */
const STAY = 'extract(epoch FROM v.left_at - v.entered_at)::float8';

/**
 * Stage durations: the visits completed in the period (left the stage in it) per stage, with
 * their median and p90 stay; the deals in each stage now; and the open deals that have sat in
 * their stage longer than that stage's p90 ("stuck"), longest first.
 */
export async function stageDurationsDashboard(scope: InsightsScope): Promise<DashboardFigures> {
  const deals = dealsCondition(scope);
  // The open visits of the open deals in scope: each deal's current stage, since when.
  const openVisits = `
    SELECT v.stage_id, v.deal_id, v.entered_at
      FROM deal d
      JOIN deal_stage_visit v ON v.deal_id = d.id AND v.funnel_id = :funnelId AND v.left_at IS NULL
     WHERE d.status = 'open' AND ${deals}`;

  // One statement reads the completed visits (joined to their deals) once for the KPI and the stages.
  const [answer] = await scope.query<{
    visits: number;
    previous_visits: number;
    stages: { stage_id: string | null; stage: string; visits: number; median_seconds: number | null; p90_seconds: number | null; in_stage_now: number }[] | null;
  }>(
    // Aggregated straight off the join (no CTE to materialize), so the scan can run in parallel.
    `WITH per_stage_both AS (
       SELECT v.stage_id,
              count(*) FILTER (WHERE v.left_at >= :from)::int AS visits,
              count(*) FILTER (WHERE v.left_at < :from)::int AS previous_visits,
              ${secondsSql(`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${STAY}) FILTER (WHERE v.left_at >= :from)`)} AS median_seconds,
              ${secondsSql(`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${STAY}) FILTER (WHERE v.left_at >= :from)`)} AS p90_seconds
         FROM deal_stage_visit v
         JOIN deal d ON d.id = v.deal_id
        -- entered before it left: bounds the (funnel_id, entered_at) index scan from above
        WHERE v.funnel_id = :funnelId AND v.entered_at < :to AND v.left_at >= :previousFrom AND v.left_at < :to AND ${deals}
        GROUP BY v.stage_id
     ),
     per_stage AS (SELECT stage_id, visits, median_seconds, p90_seconds FROM per_stage_both WHERE visits > 0),
     in_stage AS (SELECT stage_id, count(*)::int AS deals FROM (${openVisits}) n GROUP BY stage_id),
     rows AS (
       SELECT s.id AS stage_id, s.name AS stage, COALESCE(p.visits, 0) AS visits, p.median_seconds, p.p90_seconds, COALESCE(n.deals, 0) AS in_stage_now,
              0 AS part, s.position, '' AS deleted_id
         FROM stage s
         LEFT JOIN per_stage p ON p.stage_id = s.id
         LEFT JOIN in_stage n ON n.stage_id = s.id
        WHERE s.funnel_id = :funnelId
       UNION ALL
       SELECT p.stage_id, 'Deleted stage', p.visits, p.median_seconds, p.p90_seconds, 0, 1, 0, p.stage_id::text
         FROM per_stage p
        WHERE NOT EXISTS (SELECT 1 FROM stage s WHERE s.id = p.stage_id)
     )
     SELECT (SELECT COALESCE(sum(visits), 0)::int FROM per_stage_both) AS visits,
            (SELECT COALESCE(sum(previous_visits), 0)::int FROM per_stage_both) AS previous_visits,
            (SELECT json_agg(r ORDER BY r.part, r.position, r.visits DESC, r.deleted_id) FROM rows r) AS stages`,
  );
  const totals = { visits: answer.visits, previous_visits: answer.previous_visits };
  const stageRows = answer.stages ?? [];
  const stages = stageRows.map(({ stage, visits, median_seconds, p90_seconds, in_stage_now }) => ({ stage, visits, median_seconds, p90_seconds, in_stage_now }));

  // The stuck list only reads the open visits, against the p90s just computed.
  const usual = stageRows.filter((row) => row.stage_id !== null && row.p90_seconds !== null);
  const stuck = usual.length === 0 ? [] : await scope.query<{
    deal_id: string;
    deal_code: string;
    deal_title: string;
    stage: string;
    responsible: string | null;
    in_stage_seconds: number;
    usual_p90_seconds: number;
  }>(
    `SELECT d.id AS deal_id, d.code AS deal_code, d.title AS deal_title, s.name AS stage, u.name AS responsible,
            ${secondsSql('extract(epoch FROM :now::timestamptz - n.entered_at)')} AS in_stage_seconds, p.p90_seconds AS usual_p90_seconds
       FROM (${openVisits}) n
       JOIN unnest(CAST(:usualStageIds AS uuid[]), CAST(:usualP90s AS float8[])) AS p(stage_id, p90_seconds) ON p.stage_id = n.stage_id
       JOIN deal d ON d.id = n.deal_id
       JOIN stage s ON s.id = n.stage_id
       LEFT JOIN app_user u ON u.id = d.responsible_id
      WHERE :now::timestamptz - n.entered_at > p.p90_seconds * interval '1 second'
      ORDER BY n.entered_at, d.id
      LIMIT ${STUCK_LIMIT}`,
    { usualStageIds: usual.map((row) => row.stage_id), usualP90s: usual.map((row) => Number(row.p90_seconds)) },
  );

  return {
    kpis: [kpi('visits', 'Completed stage visits', 'count', totals.visits, totals.previous_visits)],
    tables: [
      table(
        'stage-durations',
        'stages',
        'Time in each stage',
        {
          stage: ['Stage', 'text'],
          visits: ['Completed visits', 'count'],
          median_seconds: ['Median time in stage', 'seconds'],
          p90_seconds: ['90th percentile', 'seconds'],
          in_stage_now: ['In the stage now', 'count'],
        },
        stages,
      ),
      table(
        'stage-durations',
        'stuck',
        'Stuck deals',
        {
          deal_id: ['Deal id', 'text'],
          deal_code: ['Deal', 'text'],
          deal_title: ['Title', 'text'],
          stage: ['Stage', 'text'],
          responsible: ['Responsible', 'text'],
          in_stage_seconds: ['In the stage for', 'seconds'],
          usual_p90_seconds: ['Usual 90th percentile', 'seconds'],
        },
        stuck,
      ),
    ],
  };
}
