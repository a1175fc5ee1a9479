import { useEffect, useState } from 'react';
import { HIDDEN_EVENT_TYPE, type BoardEvent } from '@autofunnel/shared';
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
 * Whether the page may show its deal: `checking` after the socket said the user lost sight of it
 * (`deal.hidden` naming it) while the server is asked again; `lost` when it says no.
 */
export type DealSight = 'visible' | 'checking' | 'lost';

const hides = (event: BoardEvent, dealId: string) => event.type === HIDDEN_EVENT_TYPE && event.data?.dealId === dealId;

/** Fetches the deal again; false when the server no longer shows it to this user (403, or 404 once trashed). */
function stillVisible(dealId: string) {
  return async (dispatch: AppDispatch) => {
    const result = await dispatch(dealsApi.endpoints.getDeal.initiate(dealId, { subscribe: false, forceRefetch: true }));
    return result.isSuccess;
  };
}

/**
 * The open deal page listens to its funnel's room (the board's events): the deal itself is
 * updated from each event by the deal listeners (see deal-listeners.ts); here, the lists of
 * its records (offers, test drives, timeline...) are fetched again when an event concerns it,
 * and `onSight` hears when the user may no longer see the deal. Returns the function that stops listening.
 */
export function followDealLive(dealId: string, funnelId: string, onSight: (sight: DealSight) => void = () => undefined) {
  return (dispatch: AppDispatch, _getState: () => RootState, { live }: ThunkExtra) =>
    live.subscribe(funnelId, {
      onEvents(events) {
        // A trashed deal's lists are gone (404): the page says so instead of showing them. The
        // deal listeners have the timeline fetched again already (dealUpdated).
        if (events.some((event) => event.deal?.id === dealId && event.type !== 'deal.trashed')) {
          dispatch(dealRecordsChanged(dealId, { withTimeline: false }));
        }
        // Taken or reassigned by someone else, moved to another branch or to the trash: the
        // server tells which (403 or 404); until then the page shows nothing stale.
        if (events.some((event) => hides(event, dealId))) {
          onSight('checking');
          void dispatch(stillVisible(dealId)).then((visible) => onSight(visible ? 'visible' : 'lost'));
        }
      },
      onResync: () => void dispatch(catchUp(dealId)),
      onJoined: () => void dispatch(catchUp(dealId)),
    });
}

/** Live updates for the deal page of `dealId` (once its funnel is known), and whether it may still show the deal. */
export function useDealLive(dealId: string | undefined, funnelId: string | undefined): DealSight {
  const dispatch = useAppDispatch();
  const [sight, setSight] = useState<{ dealId: string; sight: DealSight } | null>(null);
  useEffect(() => {
    if (!dealId || !funnelId) return undefined;
    return dispatch(followDealLive(dealId, funnelId, (next) => setSight({ dealId, sight: next })));
  }, [dispatch, dealId, funnelId]);
  return sight && sight.dealId === dealId ? sight.sight : 'visible';
}
