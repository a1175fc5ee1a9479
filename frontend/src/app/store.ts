import { combineSlices, configureStore, createListenerMiddleware } from '@reduxjs/toolkit';
import { useDispatch, useSelector } from 'react-redux';
import { authSlice } from '../features/auth/auth-slice';
import { startAuthListeners } from '../features/auth/auth-listeners';
import { api } from './api';

export const rootReducer = combineSlices(authSlice, api);

export type RootState = ReturnType<typeof rootReducer>;

/** A new store; the app makes one at start-up, each test its own. */
export function setupStore(preloadedState?: Partial<RootState>) {
  const listeners = createListenerMiddleware();
  startAuthListeners(listeners.startListening.withTypes<RootState>());
  return configureStore({
    reducer: rootReducer,
    preloadedState,
    middleware: (getDefaultMiddleware) =>
      getDefaultMiddleware().prepend(listeners.middleware).concat(api.middleware),
  });
}

export type AppStore = ReturnType<typeof setupStore>;
export type AppDispatch = AppStore['dispatch'];

export const useAppDispatch = useDispatch.withTypes<AppDispatch>();
export const useAppSelector = useSelector.withTypes<RootState>();
