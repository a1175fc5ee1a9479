import type {
  AssignDealRequest,
  BoardFilter,
  CloseDealRequest,
  ContactDto,
  ContactWithDealsDto,
  CreateDealRequest,
  DealDto,
  DealEventDto,
  DealListPage,
  DealSortField,
  DealStatus,
  UpdateDealRequest,
} from '@autofunnel/shared';
import { api } from '../../app/api';
import type { AppDispatch, RootState } from '../../app/store';
import { dealChangedOnBoards, placeOf } from '../board/board-api';
import type { PreviousPlace } from '../board/live/apply-board-event';

/** The list view's filters and sort (the query string of GET /api/deals). */
/** The list view's query: the board's filters (`BoardFilter`) plus its own. */
export interface DealListArgs extends BoardFilter {
  funnelId: string;
  status?: DealStatus;
  q?: string;
  sort: DealSortField;
  order: 'asc' | 'desc';
}

export const DEAL_LIST_PAGE_SIZE = 50;

export const dealsApi = api.injectEndpoints({
  endpoints: (build) => ({
    getDeal: build.query<DealDto, string>({
      query: (id) => `/deals/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'Deal', id }],
    }),
    getDealEvents: build.query<DealEventDto[], string>({
      query: (id) => `/deals/${encodeURIComponent(id)}/events`,
      providesTags: (_result, _error, id) => [{ type: 'DealEvents', id }],
    }),
    updateDeal: build.mutation<DealDto, { deal: DealDto; changes: Omit<UpdateDealRequest, 'version'> }>({
      query: ({ deal, changes }) => ({ url: `/deals/${encodeURIComponent(deal.id)}`, method: 'PATCH', body: { ...changes, version: deal.version } }),
      async onQueryStarted({ deal }, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(dealSaved(data, placeOf(deal)));
        } catch (failure) {
          // 409: someone else changed it meanwhile; show their version
          if ((failure as { error?: { status?: unknown } }).error?.status === 409) {
            dispatch(dealsApi.util.invalidateTags([{ type: 'Deal', id: deal.id }]));
          }
        }
      },
    }),
    closeDeal: build.mutation<DealDto, { deal: DealDto } & CloseDealRequest>({
      query: ({ deal, outcome, reason }) => ({ url: `/deals/${encodeURIComponent(deal.id)}/close`, method: 'POST', body: { outcome, reason } }),
      async onQueryStarted({ deal }, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data) dispatch(dealSaved(data, placeOf(deal)));
      },
    }),
    /** To another user, another branch, or both. */
    assignDeal: build.mutation<DealDto, { deal: DealDto } & AssignDealRequest>({
      query: ({ deal, userId, branchId }) => ({ url: `/deals/${encodeURIComponent(deal.id)}/assign`, method: 'POST', body: { userId, branchId } }),
      async onQueryStarted({ deal }, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data) dispatch(dealSaved(data, placeOf(deal)));
      },
    }),
    reopenDeal: build.mutation<DealDto, { deal: DealDto }>({
      query: ({ deal }) => ({ url: `/deals/${encodeURIComponent(deal.id)}/reopen`, method: 'POST' }),
      async onQueryStarted({ deal }, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data) dispatch(dealSaved(data, placeOf(deal)));
      },
    }),
    createDeal: build.mutation<DealDto, CreateDealRequest>({
      query: (body) => ({ url: '/deals', method: 'POST', body }),
      invalidatesTags: ['DealList'],
      async onQueryStarted(_body, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data) dispatch(dealChangedOnBoards(data));
      },
    }),
    searchContacts: build.query<ContactDto[], string>({
      query: (q) => ({ url: '/contacts', params: { q, limit: 8 } }),
      providesTags: ['Contact'],
      keepUnusedDataFor: 30,
    }),
    /** The customer with all their deals, newest first (the deal page's "earlier deals"). */
    getContactWithDeals: build.query<ContactWithDealsDto, string>({
      query: (id) => `/contacts/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'Contact', id }],
    }),
    listDeals: build.infiniteQuery<DealListPage, DealListArgs, string | null>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg, pageParam }) => ({
        url: '/deals',
        params: {
          ...Object.fromEntries(Object.entries(queryArg).filter(([, value]) => value !== undefined && value !== '')),
          limit: DEAL_LIST_PAGE_SIZE,
          ...(pageParam && { cursor: pageParam }),
        },
      }),
      providesTags: ['DealList'],
    }),
  }),
});

export const {
  useGetContactWithDealsQuery,
  useGetDealQuery,
  useGetDealEventsQuery,
  useUpdateDealMutation,
  useCloseDealMutation,
  useReopenDealMutation,
  useAssignDealMutation,
  useCreateDealMutation,
  useSearchContactsQuery,
  useListDealsInfiniteQuery,
} = dealsApi;

/**
 * The latest state of a deal reached us (a mutation's answer or a live event): every cache
 * that shows it catches up. A cached copy at a newer version is kept.
 */
export function dealUpdated(deal: DealDto) {
  return (dispatch: AppDispatch, getState: () => RootState) => {
    dispatch(dealsApi.util.updateQueryData('getDeal', deal.id, (cached) => (cached.version <= deal.version ? deal : undefined)));
    for (const args of dealsApi.util.selectCachedArgsForQuery(getState(), 'listDeals')) {
      dispatch(
        dealsApi.util.updateQueryData('listDeals', args, (data) => {
          for (const page of data.pages) {
            const index = page.items.findIndex((item) => item.id === deal.id);
            if (index < 0 || page.items[index].version > deal.version) continue;
            if (deal.trashedAt) {
              // A deal in the trash is listed nowhere.
              page.items.splice(index, 1);
              data.pages[0].total -= 1;
            } else {
              page.items[index] = deal;
            }
          }
        }),
      );
    }
    dispatch(dealsApi.util.invalidateTags([{ type: 'DealEvents', id: deal.id }]));
  };
}

/** A deal this user changed: the boards and every other cache show the server's answer. */
export function dealSaved(deal: DealDto, previous?: PreviousPlace) {
  return (dispatch: AppDispatch) => {
    dispatch(dealChangedOnBoards(deal, previous));
    dispatch(dealUpdated(deal));
  };
}
