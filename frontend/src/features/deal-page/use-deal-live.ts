import { useEffect } from 'react';
import type { AppDispatch, RootState, ThunkExtra } from '../../app/store';
import { useAppDispatch } from '../../app/store';
import { dealsApi } from '../deals/deals-api';
import { dealRecordsChanged } from './deal-page-api';

/**
 * Fetches the deal again and, when it changed meanwhile (every change bumps its version),
 * its lists too: for events that may have been missed (before the room was joined, or lost).
 */
function catchUp(dealId: string) {
  return async (dispatch: AppDispatch, getState: () => RootState) => {
    const before = dealsApi.endpoints.getDeal.select(dealId)(getState()).data?.version;
    const { data } = await dispatch(dealsApi.endpoints.getDeal.initiate(dealId, { subscribe: false, forceRefetch: true }));
    if (data && data.version !== before) dispatch(dealRecordsChanged(dealId));
  };
}

/**
 * The open deal page listens to its funnel's room (the board's events): the deal itself is
 * updated from each event by the deal listeners (see deal-listeners.ts); here, the lists of
 * its records (offers, test drives, timeline...) are fetched again when an event concerns it.
 * Returns the function that stops listening.
 */
export function followDealLive(dealId: string, funnelId: string) {
  return (dispatch: AppDispatch, _getState: () => RootState, { live }: ThunkExtra) =>
    live.subscribe(funnelId, {
      onEvents(events) {
        // A trashed deal's lists are gone (404): the page says so instead of showing them. The
        // deal listeners have the timeline fetched again already (dealUpdated).
        if (events.some((event) => event.deal?.id === dealId && event.type !== 'deal.trashed')) {
          dispatch(dealRecordsChanged(dealId, { withTimeline: false }));
        }
      },
      onResync: () => void dispatch(catchUp(dealId)),
      onJoined: () => void dispatch(catchUp(dealId)),
    });
}

/** Live updates for the deal page of `dealId` (once its funnel is known). */
export function useDealLive(dealId: string | undefined, funnelId: string | undefined): void {
  const dispatch = useAppDispatch();
  useEffect(() => {
    if (!dealId || !funnelId) return undefined;
    return dispatch(followDealLive(dealId, funnelId));
  }, [dispatch, dealId, funnelId]);
}
