import type { DealDto, TrashPage } from '@autofunnel/shared';
import { api } from '../../../app/api';

export const TRASH_PAGE_SIZE = 50;

/** The trash (admins): deals marked invalid, newest first, and restoring one. */
export const trashApi = api.injectEndpoints({
  endpoints: (build) => ({
    listTrash: build.infiniteQuery<TrashPage, void, string | null>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ pageParam }) => ({ url: '/deals/trash', params: { limit: TRASH_PAGE_SIZE, ...(pageParam && { cursor: pageParam }) } }),
      providesTags: ['Trash'],
    }),
    /** Back where it was: its board, the deal list, the customer's deals and "My day" show it again. */
    restoreDeal: build.mutation<DealDto, DealDto>({
      query: (deal) => ({ url: `/deals/${encodeURIComponent(deal.id)}/restore`, method: 'POST' }),
      invalidatesTags: (_result, error, deal) =>
        error
          ? []
          : [
              'Trash',
              'DealList',
              'MyDay',
              { type: 'Board', id: deal.funnelId },
              { type: 'Deal', id: deal.id },
              { type: 'DealEvents', id: deal.id },
              { type: 'Contact', id: deal.contact.id },
            ],
    }),
  }),
});

export const { useListTrashInfiniteQuery, useRestoreDealMutation } = trashApi;
