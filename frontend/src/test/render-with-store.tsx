import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { Provider } from 'react-redux';
import { setupStore, type RootState } from '../app/store';

/** Renders `ui` inside a fresh store (optionally starting from `preloadedState`). */
export function renderWithStore(ui: ReactElement, preloadedState?: Partial<RootState>) {
  const store = setupStore(preloadedState);
  return { store, ...render(<Provider store={store}>{ui}</Provider>) };
}
