import { setupStore } from '../../app/store';
import { anna, annaLogin, signedInAsAnna } from '../../test/fixtures';
import {
  authSlice,
  loggedIn,
  loggedOut,
  selectCurrentUser,
  selectToken,
  sessionExpired,
  SESSION_ENDED_NOTICE,
  signedOutState,
} from './auth-slice';
import { AUTH_STORAGE_KEY, loadStoredAuth } from './auth-storage';

const reducer = authSlice.reducer;

describe('auth slice', () => {
  it('starts signed out', () => {
    expect(reducer(undefined, { type: 'unknown' })).toEqual(signedOutState);
  });

  it('stores the token and the user on login', () => {
    const state = reducer(signedOutState, loggedIn(annaLogin));
    expect(state.token).toBe('token-of-anna');
    expect(state.user).toEqual(anna);
  });

  it('clears a notice left by an ended session on login', () => {
    const expired = reducer(signedInAsAnna, sessionExpired());
    expect(reducer(expired, loggedIn(annaLogin)).notice).toBeNull();
  });

  it('clears the token and the user on logout', () => {
    expect(reducer(signedInAsAnna, loggedOut())).toEqual(signedOutState);
  });

  it('drops the token and says why when the session has expired', () => {
    const state = reducer(signedInAsAnna, sessionExpired());
    expect(state.token).toBeNull();
    expect(state.user).toBeNull();
    expect(state.notice).toBe(SESSION_ENDED_NOTICE);
  });
});

describe('auth persistence', () => {
  it('keeps the session in localStorage across a reload, and forgets it on logout', () => {
    const store = setupStore();
    store.dispatch(loggedIn(annaLogin));
    expect(selectToken(store.getState())).toBe('token-of-anna');
    expect(selectCurrentUser(store.getState())).toEqual(anna);

    // "reload": a new store starting from what was stored
    const reloaded = setupStore({ auth: loadStoredAuth() });
    expect(selectToken(reloaded.getState())).toBe('token-of-anna');
    expect(selectCurrentUser(reloaded.getState())).toEqual(anna);

    reloaded.dispatch(loggedOut());
    expect(localStorage.getItem(AUTH_STORAGE_KEY)).toBeNull();
    expect(loadStoredAuth()).toEqual(signedOutState);
  });

  it('removes the stored session when it expires', () => {
    const store = setupStore();
    store.dispatch(loggedIn(annaLogin));
    store.dispatch(sessionExpired());
    expect(localStorage.getItem(AUTH_STORAGE_KEY)).toBeNull();
  });

  it.each([
    ['unreadable JSON', '{not json'],
    ['no token', JSON.stringify({ user: anna })],
    ['a user without an id', JSON.stringify({ token: 't', user: { email: 'x@y.z', name: 'X', role: 'admin' } })],
  ])('treats a stored session with %s as signed out', (_what, stored) => {
    localStorage.setItem(AUTH_STORAGE_KEY, stored);
    expect(loadStoredAuth()).toEqual(signedOutState);
  });
});
