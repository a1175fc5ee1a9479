import { dealsCondition, kpi, percentSql, secondsSql, table, type DashboardFigures, type InsightsScope } from '../insights-scope.js';

/**
 * Managers: per user, the deals they took in the period (as first responsible), the open deals
 * they hold now, the deals they closed in the period (as responsible) won and lost, the won
 * revenue, and their mean time to take (over takes that waited, as in speed to lead). Users
 * with nothing to show are left out. The headline figures count every deal closed in the period.
 */
export async function managersDashboard(scope: InsightsScope): Promise<DashboardFigures> {
  const deals = dealsCondition(scope);
  const closed = `
    WITH closed AS (
      SELECT d.responsible_id AS user_id, d.status, d.amount, d.closed_at >= :from AS current
        FROM deal d
       WHERE ${deals} AND d.status IN ('won', 'lost') AND d.closed_at >= :previousFrom AND d.closed_at < :to
    )`;
  const figures = (where: string, prefix: string) => `
    count(*) FILTER (WHERE ${where} AND status = 'won')::int AS ${prefix}won,
    COALESCE(sum(amount) FILTER (WHERE ${where} AND status = 'won'), 0)::float8 AS ${prefix}revenue,
    ${percentSql(`count(*) FILTER (WHERE ${where} AND status = 'won')`, `count(*) FILTER (WHERE ${where})`)} AS ${prefix}conversion`;
  const [totals] = await scope.query<Record<`${'' | 'previous_'}${'won' | 'revenue'}`, number> & Record<`${'' | 'previous_'}conversion`, number | null>>(
    `${closed} SELECT ${figures('current', '')}, ${figures('NOT current', 'previous_')} FROM closed`,
  );
  const managers = await scope.query<{
    manager: string;
    taken: number;
    open: number;
    won: number;
    lost: number;
    conversion: number | null;
    revenue: number;
    avg_response_seconds: number | null;
  }>(
    `${closed},
     closed_by AS (
       SELECT user_id, count(*) FILTER (WHERE status = 'won') AS won, count(*) FILTER (WHERE status = 'lost') AS lost,
              COALESCE(sum(amount) FILTER (WHERE status = 'won'), 0) AS revenue
         FROM closed WHERE current AND user_id IS NOT NULL GROUP BY user_id
     ),
     taken AS (
       SELECT d.taken_by_id AS user_id, count(*) AS taken,
              avg(extract(epoch FROM d.taken_at - d.created_at)) FILTER (WHERE d.taken_at > d.created_at) AS response_seconds
         FROM deal d
        WHERE ${dealsCondition(scope, 'taken_by_id')} AND d.taken_at >= :from AND d.taken_at < :to AND d.taken_by_id IS NOT NULL
        GROUP BY d.taken_by_id
     ),
     holding AS (
       SELECT d.responsible_id AS user_id, count(*) AS open
         FROM deal d
        WHERE ${deals} AND d.status = 'open' AND d.responsible_id IS NOT NULL
        GROUP BY d.responsible_id
     ),
     users AS (SELECT user_id FROM closed_by UNION SELECT user_id FROM taken UNION SELECT user_id FROM holding)
     SELECT u.name AS manager,
            COALESCE(t.taken, 0)::int AS taken,
            COALESCE(h.open, 0)::int AS open,
            COALESCE(c.won, 0)::int AS won,
            COALESCE(c.lost, 0)::int AS lost,
            ${percentSql('c.won', 'c.won + c.lost')} AS conversion,
            COALESCE(c.revenue, 0)::float8 AS revenue,
            ${secondsSql('t.response_seconds')} AS avg_response_seconds
       FROM users
       JOIN app_user u ON u.id = users.user_id
       LEFT JOIN closed_by c ON c.user_id = users.user_id
       LEFT JOIN taken t ON t.user_id = users.user_id
       LEFT JOIN holding h ON h.user_id = users.user_id
      ORDER BY revenue DESC, won DESC, taken DESC, manager, u.id`,
  );

  return {
    kpis: [
      kpi('won', 'Won', 'count', totals.won, totals.previous_won),
      kpi('revenue', 'Won revenue', 'money', totals.revenue, totals.previous_revenue),
      kpi('conversion', 'Won of closed', 'percent', totals.conversion, totals.previous_conversion),
    ],
    tables: [
      table(
        'managers',
        'managers',
        'Managers',
        {
          manager: ['Manager', 'text'],
          taken: ['Taken', 'count'],
          open: ['Open now', 'count'],
          won: ['Won', 'count'],
          lost: ['Lost', 'count'],
          conversion: ['Won of closed', 'percent'],
          revenue: ['Won revenue', 'money'],
          avg_response_seconds: ['Average time to take', 'seconds'],
        },
        managers,
      ),
    ],
  };
}
