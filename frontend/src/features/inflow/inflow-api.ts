import type { InflowDto } from '@autofunnel/shared';
import { api } from '../../app/api';
import type { ThunkExtra } from '../../app/store';

export interface InflowArgs {
  funnelId: string;
  /** The start of "today": the browser's local midnight, as ISO. */
  since: string;
}

/** Events come in bursts (an intake, a take, a move): one refetch per burst. */
export const INFLOW_REFETCH_DELAY_MS = 300;

/**
 * The team lead's Inflow view of a funnel (GET /api/inflow). Kept live by listening to the
 * funnel's room: any event of the funnel (a new request, a take, a move) fetches it again,
 * after a short pause so that a burst of events costs one request.
 */
export const inflowApi = api.injectEndpoints({
  endpoints: (build) => ({
    getInflow: build.query<InflowDto, InflowArgs>({
      query: ({ funnelId, since }) => ({ url: '/inflow', params: { funnelId, since } }),
      providesTags: (_result, _error, { funnelId }) => [{ type: 'Inflow', id: funnelId }],
      async onCacheEntryAdded({ funnelId }, { extra, cacheEntryRemoved, dispatch }) {
        const { live } = extra as ThunkExtra;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const refetchSoon = () => {
          clearTimeout(timer);
          timer = setTimeout(() => dispatch(inflowApi.util.invalidateTags([{ type: 'Inflow', id: funnelId }])), INFLOW_REFETCH_DELAY_MS);
        };
        // The first join comes with the first fetch; later ones (after a reconnect) may have missed events.
        let joinedBefore = false;
        const unsubscribe = live.subscribe(funnelId, {
          onEvents: refetchSoon,
          onResync: refetchSoon,
          onJoined: () => {
            if (joinedBefore) refetchSoon();
            joinedBefore = true;
          },
        });
        await cacheEntryRemoved;
        clearTimeout(timer);
        unsubscribe();
      },
    }),
  }),
});

export const { useGetInflowQuery } = inflowApi;
