import type { TypedStartListening } from '@reduxjs/toolkit';
import { api } from '../../app/api';
import { liveEventsReceived } from '../../app/live-slice';
import type { AppDispatch, RootState, ThunkExtra } from '../../app/store';
import { isDealEvent } from '../board/live/apply-board-event';
import { dealUpdated } from './deals-api';

/**
 * Live events beyond the boards (which apply them themselves): an open deal drawer, its
 * timeline and the list view catch up; the funnel list follows changes of funnels and stages.
 */
export function startDealListeners(startListening: TypedStartListening<RootState, AppDispatch, ThunkExtra>): void {
  startListening({
    actionCreator: liveEventsReceived,
    effect: (action, listenerApi) => {
      let funnelsChanged = false;
      for (const event of action.payload) {
        if (isDealEvent(event)) listenerApi.dispatch(dealUpdated(event.deal));
        else if (event.type.startsWith('stage') || event.type.startsWith('funnel')) funnelsChanged = true;
      }
      if (funnelsChanged) listenerApi.dispatch(api.util.invalidateTags(['Funnel']));
    },
  });
}
