import { dealsCondition, kpi, percentSql, table, type DashboardFigures, type InsightsScope } from '../insights-scope.js';

/**
 * Funnel conversion of a cohort (the funnel's deals created in the period): how many of them
 * ever reached each stage, by stage id through their visits, so renaming or reordering stages
 * never changes the answer; and where the lost ones were lost, by reason. Stages come in the
 * funnel's current order, then the deleted ones that cohort deals visited.
 */
export async function conversionDashboard(scope: InsightsScope): Promise<DashboardFigures> {
  const cohort = `
    WITH cohort AS (
      SELECT d.id, d.status, d.stage_id, d.lost_reason, d.created_at >= :from AS current
        FROM deal d
       WHERE ${dealsCondition(scope)} AND d.funnel_id = :funnelId AND d.created_at >= :previousFrom AND d.created_at < :to
    )`;
  type Figures = { cohort: number; won: number; lost: number; conversion: number | null };
  const totals = await scope.query<Figures & { current: boolean }>(
    `${cohort}
     SELECT current, count(*)::int AS cohort, count(*) FILTER (WHERE status = 'won')::int AS won, count(*) FILTER (WHERE status = 'lost')::int AS lost,
            ${percentSql(`count(*) FILTER (WHERE status = 'won')`, 'count(*)')} AS conversion
       FROM cohort GROUP BY current`,
  );
  const current: Figures = totals.find((row) => row.current) ?? { cohort: 0, won: 0, lost: 0, conversion: null };
  const previous: Figures = totals.find((row) => !row.current) ?? { cohort: 0, won: 0, lost: 0, conversion: null };

  const stages = await scope.query<{ stage: string; reached: number; from_previous: number | null; of_cohort: number | null }>(
    // No cohort CTE here: joined inline, the visits and the deals can be scanned in parallel.
    `WITH reached AS (
       -- distinct pairs first: a hash aggregate, where count(DISTINCT) would sort every visit
       SELECT stage_id, count(*)::int AS reached
         FROM (SELECT DISTINCT v.stage_id, v.deal_id
                 FROM deal_stage_visit v JOIN deal d ON d.id = v.deal_id
                WHERE v.funnel_id = :funnelId AND ${dealsCondition(scope)} AND d.funnel_id = :funnelId AND d.created_at >= :from AND d.created_at < :to) pairs
        GROUP BY stage_id
     ),
     rows AS (
       SELECT s.name AS stage, COALESCE(r.reached, 0) AS reached, 0 AS part, s.position, '' AS deleted_id
         FROM stage s LEFT JOIN reached r ON r.stage_id = s.id
        WHERE s.funnel_id = :funnelId
       UNION ALL
       SELECT 'Deleted stage', r.reached, 1, 0, r.stage_id::text
         FROM reached r
        WHERE NOT EXISTS (SELECT 1 FROM stage s WHERE s.id = r.stage_id)
     )
     SELECT stage, reached,
            ${percentSql('reached', 'lag(reached) OVER (ORDER BY part, position, reached DESC, deleted_id)')} AS from_previous,
            ${percentSql('reached', String(current.cohort))} AS of_cohort
       FROM rows
      ORDER BY part, position, reached DESC, deleted_id`,
  );
  const lostReasons = await scope.query<{ reason: string; stage: string; deals: number }>(
    `${cohort}
     SELECT COALESCE(c.lost_reason, 'No reason') AS reason, s.name AS stage, count(*)::int AS deals
       FROM cohort c JOIN stage s ON s.id = c.stage_id
      WHERE c.current AND c.status = 'lost'
      GROUP BY 1, c.stage_id, s.name, s.position
      ORDER BY deals DESC, reason, s.position`,
  );

  return {
    kpis: [
      kpi('cohort', 'New deals (cohort)', 'count', current.cohort, previous.cohort),
      kpi('won', 'Won', 'count', current.won, previous.won),
      kpi('conversion', 'Conversion to won', 'percent', current.conversion, previous.conversion),
      kpi('lost', 'Lost', 'count', current.lost, previous.lost),
    ],
    tables: [
      table(
        'conversion',
        'stages',
        'Reached each stage',
        { stage: ['Stage', 'text'], reached: ['Reached', 'count'], from_previous: ['From the stage before', 'percent'], of_cohort: ['Of the cohort', 'percent'] },
        stages,
      ),
      table('conversion', 'lost_reasons', 'Where deals were lost', { reason: ['Reason', 'text'], stage: ['Lost at stage', 'text'], deals: ['Deals', 'count'] }, lostReasons),
    ],
  };
}
