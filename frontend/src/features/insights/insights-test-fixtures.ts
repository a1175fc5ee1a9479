import type { DashboardKey, InsightsDashboard, InsightsTable } from '@autofunnel/shared';

/** Answers of GET /api/insights/:dashboard for the page's tests, shaped as the API's. */
const TABLES: Record<DashboardKey, InsightsTable[]> = {
  inflow: [
    {
      key: 'by_source',
      title: 'New deals by source',
      columns: [
        { key: 'period', label: 'Period', unit: 'date' },
        { key: 'source', label: 'Source', unit: 'text' },
        { key: 'deals', label: 'Deals', unit: 'count' },
      ],
      rows: [
        { period: '2026-03-02', source: 'Website', deals: 4 },
        { period: '2026-03-02', source: 'Walk-in', deals: 1 },
        { period: '2026-03-03', source: 'Website', deals: 2 },
      ],
    },
    {
      key: 'by_channel',
      title: 'New deals by channel',
      columns: [
        { key: 'period', label: 'Period', unit: 'date' },
        { key: 'channel', label: 'Channel', unit: 'text' },
        { key: 'deals', label: 'Deals', unit: 'count' },
      ],
      rows: [{ period: '2026-03-02', channel: 'Direct', deals: 5 }],
    },
    {
      key: 'calls',
      title: 'Calls answered and missed',
      columns: [
        { key: 'period', label: 'Period', unit: 'date' },
        { key: 'answered', label: 'Answered', unit: 'count' },
        { key: 'missed', label: 'Missed', unit: 'count' },
        { key: 'missed_share', label: 'Missed share', unit: 'percent' },
      ],
      rows: [],
    },
  ],
  'speed-to-lead': [
    {
      key: 'distribution',
      title: 'Time to take',
      columns: [
        { key: 'bucket', label: 'Time to take', unit: 'text' },
        { key: 'deals', label: 'Deals', unit: 'count' },
      ],
      rows: [
        { bucket: '< 5 min', deals: 3 },
        { bucket: '5–15 min', deals: 1 },
      ],
    },
  ],
  conversion: [
    {
      key: 'stages',
      title: 'Reached each stage',
      columns: [
        { key: 'stage', label: 'Stage', unit: 'text' },
        { key: 'reached', label: 'Reached', unit: 'count' },
        { key: 'from_previous', label: 'From previous', unit: 'percent' },
        { key: 'of_cohort', label: 'Of cohort', unit: 'percent' },
      ],
      rows: [
        { stage: 'New', reached: 10, from_previous: null, of_cohort: 100 },
        { stage: 'Test drive', reached: 4, from_previous: 40, of_cohort: 40 },
      ],
    },
  ],
  'stage-durations': [
    {
      key: 'stuck',
      title: 'Stuck longer than usual',
      columns: [
        { key: 'deal_id', label: 'Deal id', unit: 'text' },
        { key: 'deal_code', label: 'Deal', unit: 'text' },
        { key: 'deal_title', label: 'Title', unit: 'text' },
        { key: 'stage', label: 'Stage', unit: 'text' },
        { key: 'responsible', label: 'Responsible', unit: 'text' },
        { key: 'in_stage_seconds', label: 'In stage', unit: 'seconds' },
        { key: 'usual_p90_seconds', label: 'Usual (p90)', unit: 'seconds' },
      ],
      rows: [{ deal_id: 'deal-7', deal_code: 'D-1007', deal_title: 'Kia for Ivan', stage: 'Offer', responsible: 'Boris Ivanov', in_stage_seconds: 187_200, usual_p90_seconds: 11_100 }],
    },
  ],
  managers: [
    {
      key: 'managers',
      title: 'Managers',
      columns: [
        { key: 'manager', label: 'Manager', unit: 'text' },
        { key: 'won', label: 'Won', unit: 'count' },
        { key: 'revenue', label: 'Revenue', unit: 'money' },
      ],
      rows: [{ manager: 'Boris Ivanov', won: 3, revenue: 1_250_000 }],
    },
  ],
  sources: [
    {
      key: 'sources',
      title: 'Sources',
      columns: [
        { key: 'source', label: 'Source', unit: 'text' },
        { key: 'revenue', label: 'Revenue', unit: 'money' },
        { key: 'conversion', label: 'Conversion', unit: 'percent' },
      ],
      rows: [],
    },
  ],
};

export function dashboardOf(dashboard: DashboardKey, overrides: Partial<InsightsDashboard> = {}): InsightsDashboard {
  return {
    dashboard,
    period: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-31T00:00:00.000Z' },
    previousPeriod: { from: '2026-01-30T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' },
    kpis: [
      { key: 'arrived', label: 'New deals', unit: 'count', value: 1250, previous: 1000 },
      { key: 'missed_calls_share', label: 'Missed calls', unit: 'percent', value: 12.5, previous: 15 },
      { key: 'median_seconds', label: 'Median time to take', unit: 'seconds', value: 720, previous: null },
    ],
    tables: TABLES[dashboard],
    ...overrides,
  };
}
