import { dealsCondition, kpi, percentSql, table, type DashboardFigures, type InsightsScope } from '../insights-scope.js';

/**
 * Sources: which advertising pays off. Per source of the deals created in the period, how many
 * of them are won by now and what they brought in.
 */
export async function sourcesDashboard(scope: InsightsScope): Promise<DashboardFigures> {
  const created = `
    WITH created AS (
      SELECT d.source_id, d.status, d.amount, d.created_at >= :from AS current
        FROM deal d
       WHERE ${dealsCondition(scope)} AND d.created_at >= :previousFrom AND d.created_at < :to
    )`;
  const [totals] = await scope.query<{ deals: number; previous_deals: number; revenue: number; previous_revenue: number }>(
    `${created}
     SELECT count(*) FILTER (WHERE current)::int AS deals, count(*) FILTER (WHERE NOT current)::int AS previous_deals,
            COALESCE(sum(amount) FILTER (WHERE current AND status = 'won'), 0)::float8 AS revenue,
            COALESCE(sum(amount) FILTER (WHERE NOT current AND status = 'won'), 0)::float8 AS previous_revenue
       FROM created`,
  );
  const sources = await scope.query<{ source: string; deals: number; won: number; conversion: number | null; revenue: number }>(
    `${created}
     SELECT COALESCE(s.name, 'No source') AS source, count(*)::int AS deals, count(*) FILTER (WHERE c.status = 'won')::int AS won,
            ${percentSql(`count(*) FILTER (WHERE c.status = 'won')`, 'count(*)')} AS conversion,
            COALESCE(sum(c.amount) FILTER (WHERE c.status = 'won'), 0)::float8 AS revenue
       FROM created c LEFT JOIN source s ON s.id = c.source_id
      WHERE c.current
      GROUP BY c.source_id, s.name
      ORDER BY revenue DESC, deals DESC, source`,
  );
  return {
    kpis: [kpi('deals', 'New deals', 'count', totals.deals, totals.previous_deals), kpi('revenue', 'Won revenue', 'money', totals.revenue, totals.previous_revenue)],
    tables: [
      table(
        'sources',
        'sources',
        'Sources',
        { source: ['Source', 'text'], deals: ['Deals', 'count'], won: ['Won', 'count'], conversion: ['Conversion to won', 'percent'], revenue: ['Won revenue', 'money'] },
        sources,
      ),
    ],
  };
}
