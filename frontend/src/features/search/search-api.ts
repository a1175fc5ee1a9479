import type { QuickSearchResult } from '@autofunnel/shared';
import { api } from '../../app/api';

/** How many contacts and how many deals the quick search shows. */
export const QUICK_SEARCH_LIMIT = 8;

export const searchApi = api.injectEndpoints({
  endpoints: (build) => ({
    quickSearch: build.query<QuickSearchResult, string>({
      query: (q) => ({ url: '/search', params: { q, limit: QUICK_SEARCH_LIMIT } }),
      providesTags: ['Contact', 'DealList'],
      keepUnusedDataFor: 30,
    }),
  }),
});

export const { useQuickSearchQuery } = searchApi;
