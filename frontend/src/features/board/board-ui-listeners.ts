import type { TypedStartListening } from '@reduxjs/toolkit';
import type { AppDispatch, RootState, ThunkExtra } from '../../app/store';
import { dealsArrived, dealsSettled, layoutChosen, saveLayout } from './board-ui-slice';

/** How long a deal that just arrived stays highlighted. */
export const FRESH_HIGHLIGHT_MS = 4000;

export function startBoardUiListeners(startListening: TypedStartListening<RootState, AppDispatch, ThunkExtra>): void {
  startListening({
    actionCreator: layoutChosen,
    effect: (action) => saveLayout(action.payload),
  });
  startListening({
    actionCreator: dealsArrived,
    effect: async (action, listenerApi) => {
      await listenerApi.delay(FRESH_HIGHLIGHT_MS);
      listenerApi.dispatch(dealsSettled(action.payload));
    },
  });
}
