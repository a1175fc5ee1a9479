import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { Provider } from 'react-redux';
import { setupStore, type RootState } from '../app/store';
import { fakeLive } from './fake-socket';

/**
 * Renders `ui` inside a fresh store (optionally starting from `preloadedState`), whose live
 * connection runs over fake sockets: `live.socket()` plays the server.
 */
export function renderWithStore(ui: ReactElement, preloadedState?: Partial<RootState>) {
  const live = fakeLive();
  const store = setupStore(preloadedState, { live: live.live });
  return { store, live, ...render(<Provider store={store}>{ui}</Provider>) };
}
