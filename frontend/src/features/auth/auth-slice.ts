import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { LoginResponse, UserDto } from '@autofunnel/shared';

export interface AuthState {
  token: string | null;
  user: UserDto | null;
  /** Why the user is back on the login page, in plain words (e.g. their session ended). */
  notice: string | null;
}

export const signedOutState: AuthState = { token: null, user: null, notice: null };

export const SESSION_ENDED_NOTICE = 'Your session has ended. Please sign in again.';

export const authSlice = createSlice({
  name: 'auth',
  initialState: signedOutState,
  reducers: {
    loggedIn(_state, action: PayloadAction<LoginResponse>) {
      return { token: action.payload.accessToken, user: action.payload.user, notice: null };
    },
    loggedOut() {
      return signedOutState;
    },
    /** The API refused our token (401): drop it and ask the user to sign in again. */
    sessionExpired() {
      return { ...signedOutState, notice: SESSION_ENDED_NOTICE };
    },
  },
  selectors: {
    selectToken: (state) => state.token,
    selectCurrentUser: (state) => state.user,
    selectAuthNotice: (state) => state.notice,
  },
});

export const { loggedIn, loggedOut, sessionExpired } = authSlice.actions;
export const { selectToken, selectCurrentUser, selectAuthNotice } = authSlice.selectors;
