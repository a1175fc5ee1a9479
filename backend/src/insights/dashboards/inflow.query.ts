import { dealsCondition, kpi, percentSql, table, type DashboardFigures, type InsightsScope } from '../insights-scope.js';

/**
 * Inflow: the deals created in the period per day or ISO week, by source and by channel, and
 * the calls answered and missed (by when they were received, over the deals the viewer sees).
 */
export async function inflowDashboard(scope: InsightsScope): Promise<DashboardFigures> {
  const deals = dealsCondition(scope);
  const bucket = (column: string) => `date_trunc(:granularity, ${column} AT TIME ZONE 'UTC')`;
  const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

  // One statement reads the created deals once; grouping is by bucket and id, names and dates are attached to the groups.
  const [created] = await scope.query<{
    arrived: number;
    previous_arrived: number;
    by_source: { period: string; source: string; deals: number }[] | null;
    by_channel: { period: string; channel: string; deals: number }[] | null;
  }>(
    `WITH created AS MATERIALIZED (
       SELECT d.created_at, d.source_id, d.channel
         FROM deal d
        WHERE ${deals} AND d.created_at >= :previousFrom AND d.created_at < :to
     )
     SELECT (SELECT count(*) FILTER (WHERE created_at >= :from)::int FROM created) AS arrived,
            (SELECT count(*) FILTER (WHERE created_at < :from)::int FROM created) AS previous_arrived,
            (SELECT json_agg(t ORDER BY t.period, t.deals DESC, t.source) FROM (
               SELECT ${day('g.bucket')} AS period, COALESCE(s.name, 'No source') AS source, sum(g.deals)::int AS deals
                 FROM (SELECT ${bucket('created_at')} AS bucket, source_id, count(*) AS deals FROM created WHERE created_at >= :from GROUP BY 1, 2) g
                 LEFT JOIN source s ON s.id = g.source_id
                GROUP BY 1, 2) t) AS by_source,
            (SELECT json_agg(t ORDER BY t.period, t.deals DESC, t.channel) FROM (
               SELECT ${day('g.bucket')} AS period, COALESCE(g.channel, 'Direct') AS channel, sum(g.deals)::int AS deals
                 FROM (SELECT ${bucket('created_at')} AS bucket, channel, count(*) AS deals FROM created WHERE created_at >= :from GROUP BY 1, 2) g
                GROUP BY 1, 2) t) AS by_channel`,
  );
  const totals = { arrived: created.arrived, previous_arrived: created.previous_arrived };
  const bySource = created.by_source ?? [];
  const byChannel = created.by_channel ?? [];

  const [calls] = await scope.query<{
    missed_share: number | null;
    previous_missed_share: number | null;
    rows: { period: string; answered: number; missed: number; missed_share: number | null }[] | null;
  }>(
    `WITH calls AS MATERIALIZED (
       SELECT i.received_at, i.payload->>'status' AS status
         FROM intake_request i
         JOIN deal d ON d.id = i.deal_id
        WHERE i.kind = 'call' AND i.received_at >= :previousFrom AND i.received_at < :to AND ${deals}
     )
     SELECT (SELECT ${percentSql(`count(*) FILTER (WHERE received_at >= :from AND status = 'missed')`, `count(*) FILTER (WHERE received_at >= :from AND status IN ('answered', 'missed'))`)} FROM calls) AS missed_share,
            (SELECT ${percentSql(`count(*) FILTER (WHERE received_at < :from AND status = 'missed')`, `count(*) FILTER (WHERE received_at < :from AND status IN ('answered', 'missed'))`)} FROM calls) AS previous_missed_share,
            (SELECT json_agg(t ORDER BY t.period) FROM (
               SELECT ${day(bucket('received_at'))} AS period,
                      count(*) FILTER (WHERE status = 'answered')::int AS answered,
                      count(*) FILTER (WHERE status = 'missed')::int AS missed,
                      ${percentSql(`count(*) FILTER (WHERE status = 'missed')`, `count(*) FILTER (WHERE status IN ('answered', 'missed'))`)} AS missed_share
                 FROM calls
                WHERE received_at >= :from
                GROUP BY 1) t) AS rows`,
  );
  const callTotals = { missed_share: calls.missed_share, previous_missed_share: calls.previous_missed_share };
  const callRows = calls.rows ?? [];

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
