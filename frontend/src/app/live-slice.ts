import { createAction, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { BoardEvent } from '@autofunnel/shared';
import type { LiveStatus } from './live-connection';

/** The live connection's state, as the toolbar and the offline banner show it. */
export const liveSlice = createSlice({
  name: 'live',
  initialState: { status: 'offline' as LiveStatus, everOnline: false },
  reducers: {
    liveStatusChanged(state, action: PayloadAction<LiveStatus>) {
      state.status = action.payload;
      if (action.payload === 'online') state.everOnline = true;
    },
  },
  selectors: {
    selectLiveStatus: (state) => state.status,
    /** Offline after having been online, or failing to connect at all: worth a banner. */
    selectShowOfflineBanner: (state) => state.status === 'offline' || (state.status === 'connecting' && state.everOnline),
  },
});

export const { liveStatusChanged } = liveSlice.actions;
export const { selectLiveStatus, selectShowOfflineBanner } = liveSlice.selectors;

/** Funnel events arrived live, in order (the boards apply them themselves; other caches listen). */
export const liveEventsReceived = createAction<BoardEvent[]>('live/eventsReceived');
