import {
  combineSlices,
  configureStore,
  createListenerMiddleware,
  type ThunkDispatch,
  type UnknownAction,
} from '@reduxjs/toolkit';
import { useDispatch, useSelector } from 'react-redux';
import { authSlice } from '../features/auth/auth-slice';
import { startAuthListeners } from '../features/auth/auth-listeners';
import { boardUiSlice } from '../features/board/board-ui-slice';
import { startBoardUiListeners } from '../features/board/board-ui-listeners';
import { startDealListeners } from '../features/deals/deal-listeners';
import { api } from './api';
import { LiveConnection } from './live-connection';
import { startLiveListeners } from './live-listeners';
import { liveSlice } from './live-slice';
import { toastsSlice } from './toasts-slice';

export const rootReducer = combineSlices(authSlice, boardUiSlice, liveSlice, toastsSlice, api);

export type RootState = ReturnType<typeof rootReducer>;

/** What thunks and RTK Query's lifecycle handlers get as `extra`: services kept out of the state. */
export interface ThunkExtra {
  live: LiveConnection;
}

export interface StoreOptions {
  /** The live connection; by default one that never goes online. */
  live?: LiveConnection;
}

/** A new store; the app makes one at start-up, each test its own. */
export function setupStore(preloadedState?: Partial<RootState>, options: StoreOptions = {}) {
  const live = options.live ?? new LiveConnection(null);
  const extra: ThunkExtra = { live };
  const listeners = createListenerMiddleware({ extra });
  const startListening = listeners.startListening.withTypes<RootState, AppDispatch, ThunkExtra>();
  startAuthListeners(startListening);
  startBoardUiListeners(startListening);
  startDealListeners(startListening);
  const store = configureStore({
    reducer: rootReducer,
    preloadedState,
    middleware: (getDefaultMiddleware) =>
      getDefaultMiddleware({ thunk: { extraArgument: extra } })
        .prepend(listeners.middleware)
        .concat(api.middleware),
  });
  startLiveListeners(startListening, store, live);
  return store;
}

export type AppStore = ReturnType<typeof setupStore>;
export type AppDispatch = ThunkDispatch<RootState, ThunkExtra, UnknownAction>;

export const useAppDispatch = useDispatch.withTypes<AppDispatch>();
export const useAppSelector = useSelector.withTypes<RootState>();
