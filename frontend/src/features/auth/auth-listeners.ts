import { isAnyOf, type TypedStartListening } from '@reduxjs/toolkit';
import { api } from '../../app/api';
import type { AppDispatch, RootState, ThunkExtra } from '../../app/store';
import { loggedIn, loggedOut, sessionExpired } from './auth-slice';
import { saveAuth } from './auth-storage';

/**
 * Side effects of signing in and out, kept out of the reducers: the session is saved to (or
 * removed from) localStorage, and signing out forgets every cached API answer so the next
 * user never sees the previous one's data.
 */
export function startAuthListeners(startListening: TypedStartListening<RootState, AppDispatch, ThunkExtra>): void {
  startListening({
    matcher: isAnyOf(loggedIn, loggedOut, sessionExpired),
    effect: (_action, listenerApi) => {
      saveAuth(listenerApi.getState().auth);
    },
  });
  startListening({
    matcher: isAnyOf(loggedOut, sessionExpired),
    effect: (_action, listenerApi) => {
      listenerApi.dispatch(api.util.resetApiState());
    },
  });
}
