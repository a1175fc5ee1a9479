import type { DashboardKey, InsightsDashboard, InsightsExportFormat, InsightsQuery } from '@autofunnel/shared';
import { api } from '../../app/api';

export interface InsightsArgs {
  dashboard: DashboardKey;
  query: InsightsQuery;
}

/** The query string of a dashboard's filters, without the ones left empty. */
export function insightsSearch(query: InsightsQuery): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  return search;
}

/** API path (below /api) of one table of a dashboard as a file. */
export function insightsExportPath(dashboard: DashboardKey, table: string, format: InsightsExportFormat, query: InsightsQuery): string {
  const search = new URLSearchParams({ table, format });
  for (const [key, value] of insightsSearch(query)) search.set(key, value);
  return `/insights/${dashboard}/export?${search.toString()}`;
}

/** One dashboard of GET /api/insights/:dashboard; a new filter is a new cache entry, so it refetches. */
export const insightsApi = api.injectEndpoints({
  endpoints: (build) => ({
    getInsights: build.query<InsightsDashboard, InsightsArgs>({
      query: ({ dashboard, query }) => `/insights/${dashboard}?${insightsSearch(query).toString()}`,
      providesTags: ['Insights'],
    }),
  }),
});

export const { useGetInsightsQuery } = insightsApi;
