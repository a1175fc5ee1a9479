import type { TypedStartListening } from '@reduxjs/toolkit';
import { api } from '../../app/api';
import { liveEventsReceived } from '../../app/live-slice';
import type { AppDispatch, RootState, ThunkExtra } from '../../app/store';
import { boardApi } from '../board/board-api';
import { isDealEvent } from '../board/live/apply-board-event';
import { dealUpdated } from './deals-api';

/**
 * Live events beyond the boards (which apply them themselves): an open deal page, its
 * timeline and the list view catch up; the funnel list follows changes of funnels and stages.
 * A deal taken or moved from the board shows its new state on the deal page too.
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
  for (const matcher of [boardApi.endpoints.takeDeal.matchFulfilled, boardApi.endpoints.moveDeal.matchFulfilled]) {
    startListening({
      matcher,
      effect: (action, listenerApi) => {
        listenerApi.dispatch(dealUpdated(action.payload));
      },
    });
  }
}
