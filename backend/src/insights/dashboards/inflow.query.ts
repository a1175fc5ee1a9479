import { dealsCondition, kpi, percentSql, table, type DashboardFigures, type InsightsScope } from '../insights-scope.js';

/**
 * Inflow: the deals created in the period per day or ISO week, by source and by channel, and
 * the calls answered and missed (by when they were received, over the deals the viewer sees).
 */
export async function inflowDashboard(scope: InsightsScope): Promise<DashboardFigures> {
  const deals = dealsCondition(scope);
  const bucket = (column: string) => `to_char(date_trunc(:granularity, ${column} AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
  const created = `
    WITH created AS (
      SELECT d.created_at, d.source_id, d.channel
        FROM deal d
       WHERE ${deals} AND d.created_at >= :previousFrom AND d.created_at < :to
    )`;
  const calls = `
    WITH calls AS (
      SELECT i.received_at, i.payload->>'status' AS status
        FROM intake_request i
        JOIN deal d ON d.id = i.deal_id
       WHERE i.kind = 'call' AND i.received_at >= :previousFrom AND i.received_at < :to AND ${deals}
    )`;

  const [totals] = await scope.query<{ arrived: number; previous_arrived: number }>(
    `${created}
     SELECT count(*) FILTER (WHERE created_at >= :from)::int AS arrived, count(*) FILTER (WHERE created_at < :from)::int AS previous_arrived FROM created`,
  );
  const [callTotals] = await scope.query<{ missed_share: number | null; previous_missed_share: number | null }>(
    `${calls}
     SELECT ${percentSql(`count(*) FILTER (WHERE received_at >= :from AND status = 'missed')`, `count(*) FILTER (WHERE received_at >= :from AND status IN ('answered', 'missed'))`)} AS missed_share,
            ${percentSql(`count(*) FILTER (WHERE received_at < :from AND status = 'missed')`, `count(*) FILTER (WHERE received_at < :from AND status IN ('answered', 'missed'))`)} AS previous_missed_share
       FROM calls`,
  );
  const bySource = await scope.query<{ period: string; source: string; deals: number }>(
    `${created}
     SELECT ${bucket('c.created_at')} AS period, COALESCE(s.name, 'No source') AS source, count(*)::int AS deals
       FROM created c LEFT JOIN source s ON s.id = c.source_id
      WHERE c.created_at >= :from
      GROUP BY 1, 2
      ORDER BY 1, 3 DESC, 2`,
  );
  const byChannel = await scope.query<{ period: string; channel: string; deals: number }>(
    `${created}
     SELECT ${bucket('created_at')} AS period, COALESCE(channel, 'Direct') AS channel, count(*)::int AS deals
       FROM created
      WHERE created_at >= :from
      GROUP BY 1, 2
      ORDER BY 1, 3 DESC, 2`,
  );
  const callRows = await scope.query<{ period: string; answered: number; missed: number; missed_share: number | null }>(
    `${calls}
     SELECT ${bucket('received_at')} AS period,
            count(*) FILTER (WHERE status = 'answered')::int AS answered,
            count(*) FILTER (WHERE status = 'missed')::int AS missed,
            ${percentSql(`count(*) FILTER (WHERE status = 'missed')`, `count(*) FILTER (WHERE status IN ('answered', 'missed'))`)} AS missed_share
       FROM calls
      WHERE received_at >= :from
      GROUP BY 1
      ORDER BY 1`,
  );

  return {
    kpis: [
      kpi('arrived', 'New deals', 'count', totals.arrived, totals.previous_arrived),
      kpi('missed_calls_share', 'Missed calls', 'percent', callTotals.missed_share, callTotals.previous_missed_share),
    ],
    tables: [
      table('inflow', 'by_source', 'New deals by source', { period: ['Period', 'date'], source: ['Source', 'text'], deals: ['Deals', 'count'] }, bySource),
      table('inflow', 'by_channel', 'New deals by channel', { period: ['Period', 'date'], channel: ['Channel', 'text'], deals: ['Deals', 'count'] }, byChannel),
      table(
        'inflow',
        'calls',
        'Calls answered and missed',
        { period: ['Period', 'date'], answered: ['Answered', 'count'], missed: ['Missed', 'count'], missed_share: ['Missed share', 'percent'] },
        callRows,
      ),
    ],
  };
}
