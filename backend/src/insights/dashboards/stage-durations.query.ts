import { dealsCondition, kpi, medianSql, p90Sql, secondsSql, table, type DashboardFigures, type InsightsScope } from '../insights-scope.js';

/** How many stuck deals the table lists. */
const STUCK_LIMIT = 50;

/**
 * Stage durations: the visits completed in the period (left the stage in it) per stage, with
 * their median and p90 stay; the deals in each stage now; and the open deals that have sat in
 * their stage longer than that stage's p90 ("stuck"), longest first.
 */
export async function stageDurationsDashboard(scope: InsightsScope): Promise<DashboardFigures> {
  const deals = dealsCondition(scope);
  const completed = `
    WITH completed AS (
      SELECT v.stage_id, v.left_at >= :from AS current, extract(epoch FROM v.left_at - v.entered_at)::float8 AS seconds
        FROM deal_stage_visit v
        JOIN deal d ON d.id = v.deal_id
       -- entered before it left: bounds the (funnel_id, entered_at) index scan from above
       WHERE v.funnel_id = :funnelId AND v.entered_at < :to AND v.left_at >= :previousFrom AND v.left_at < :to AND ${deals}
    ),
    per_stage AS (
      SELECT stage_id, count(*)::int AS visits, ${medianSql('seconds')} AS median_seconds, ${p90Sql('seconds')} AS p90_seconds
        FROM completed WHERE current GROUP BY stage_id
    ),
    now_in AS (
      SELECT v.stage_id, v.deal_id, v.entered_at
        FROM deal_stage_visit v
        JOIN deal d ON d.id = v.deal_id
       WHERE v.funnel_id = :funnelId AND v.left_at IS NULL AND d.status = 'open' AND ${deals}
    )`;

  const [totals] = await scope.query<{ visits: number; previous_visits: number }>(
    `${completed}
     SELECT count(*) FILTER (WHERE current)::int AS visits, count(*) FILTER (WHERE NOT current)::int AS previous_visits FROM completed`,
  );
  const stages = await scope.query<{ stage: string; visits: number; median_seconds: number | null; p90_seconds: number | null; in_stage_now: number }>(
    `${completed},
     in_stage AS (SELECT stage_id, count(*)::int AS deals FROM now_in GROUP BY stage_id)
     SELECT stage, visits, median_seconds, p90_seconds, in_stage_now
       FROM (SELECT s.name AS stage, COALESCE(p.visits, 0) AS visits, p.median_seconds, p.p90_seconds, COALESCE(n.deals, 0) AS in_stage_now,
                    0 AS part, s.position, '' AS deleted_id
               FROM stage s
               LEFT JOIN per_stage p ON p.stage_id = s.id
               LEFT JOIN in_stage n ON n.stage_id = s.id
              WHERE s.funnel_id = :funnelId
             UNION ALL
             SELECT 'Deleted stage', p.visits, p.median_seconds, p.p90_seconds, 0, 1, 0, p.stage_id::text
               FROM per_stage p
              WHERE NOT EXISTS (SELECT 1 FROM stage s WHERE s.id = p.stage_id)) rows
      ORDER BY part, position, visits DESC, deleted_id`,
  );
  const stuck = await scope.query<{
    deal_id: string;
    deal_code: string;
    deal_title: string;
    stage: string;
    responsible: string | null;
    in_stage_seconds: number;
    usual_p90_seconds: number;
  }>(
    `${completed}
     SELECT d.id AS deal_id, d.code AS deal_code, d.title AS deal_title, s.name AS stage, u.name AS responsible,
            ${secondsSql('extract(epoch FROM :now::timestamptz - n.entered_at)')} AS in_stage_seconds, p.p90_seconds AS usual_p90_seconds
       FROM now_in n
       JOIN per_stage p ON p.stage_id = n.stage_id
       JOIN deal d ON d.id = n.deal_id
       JOIN stage s ON s.id = n.stage_id
       LEFT JOIN app_user u ON u.id = d.responsible_id
      WHERE :now::timestamptz - n.entered_at > p.p90_seconds * interval '1 second'
      ORDER BY n.entered_at, d.id
      LIMIT ${STUCK_LIMIT}`,
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
