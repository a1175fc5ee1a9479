import { isAnyOf, type TypedStartListening } from '@reduxjs/toolkit';
import { loggedIn, loggedOut, sessionExpired } from '../features/auth/auth-slice';
import type { LiveConnection } from './live-connection';
import { liveEventsReceived, liveStatusChanged } from './live-slice';
import type { AppDispatch, RootState, ThunkExtra } from './store';

interface StoreLike {
  getState(): RootState;
  dispatch: AppDispatch;
}

/**
 * The live connection follows the session: it connects with the token on sign-in (or at
 * start-up with a stored session) and closes on sign-out; its status goes to the `live` slice.
 */
export function startLiveListeners(
  startListening: TypedStartListening<RootState, AppDispatch, ThunkExtra>,
  store: StoreLike,
  live: LiveConnection,
): void {
  live.onStatusChange((status) => store.dispatch(liveStatusChanged(status)));
  live.onEvents((events) => store.dispatch(liveEventsReceived(events)));
  live.onUnauthorized(() => {
    if (store.getState().auth.token) store.dispatch(sessionExpired());
  });
  startListening({
    actionCreator: loggedIn,
    effect: (action) => live.connect(action.payload.accessToken),
  });
  startListening({
    matcher: isAnyOf(loggedOut, sessionExpired),
    effect: () => live.disconnect(),
  });
  const token = store.getState().auth.token;
  if (token) live.connect(token);
  store.dispatch(liveStatusChanged(live.status));
}
