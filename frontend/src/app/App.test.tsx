import { fireEvent, screen, within } from '@testing-library/react';
import { SESSION_ENDED_NOTICE } from '../features/auth/auth-slice';
import { AUTH_STORAGE_KEY } from '../features/auth/auth-storage';
import { jsonResponse, mockFetch, pathOf } from '../test/fetch-mock';
import { annaLogin, showroom, showroomBoard, signedInAsAnna } from '../test/fixtures';
import { renderWithStore } from '../test/render-with-store';
import { App } from './App';

function serveDemoApi() {
  return mockFetch((request) => {
    const path = pathOf(request);
    if (path === '/api/auth/login') return jsonResponse(annaLogin);
    if (path === '/api/funnels') return jsonResponse([showroom]);
    if (path.startsWith('/api/funnels/funnel-showroom/board')) return jsonResponse(showroomBoard);
    return jsonResponse({ statusCode: 404, message: 'Not found', error: 'Not Found' }, 404);
  });
}

describe('App', () => {
  it('goes from the login page to the funnels and back on logout', async () => {
    serveDemoApi();
    const { store } = renderWithStore(<App />);

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'anna@demo.local' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'demo1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Car showroom', level: 2 })).toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByText('Anna Petrova')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));

    expect(screen.getByRole('heading', { name: 'Sign in to Autofunnel' })).toBeInTheDocument();
    expect(localStorage.getItem(AUTH_STORAGE_KEY)).toBeNull();
    // nothing of the previous user stays cached
    expect(store.getState().api.queries).toEqual({});
  });

  it('keeps the board filters of a shared link to "/" on the way to the first funnel', async () => {
    window.history.pushState({}, '', '/?responsibleId=me&groupBy=source');
    try {
      serveDemoApi();
      renderWithStore(<App />, { auth: signedInAsAnna });

      expect(await screen.findByRole('heading', { name: 'Car showroom', level: 2 })).toBeInTheDocument();
      expect(window.location.pathname + window.location.search).toBe('/funnels/funnel-showroom?responsibleId=me&groupBy=source');
    } finally {
      window.history.pushState({}, '', '/');
    }
  });

  it('drops the token and shows the login page when any endpoint answers 401', async () => {
    localStorage.setItem(AUTH_STORAGE_KEY, JSON.stringify({ token: signedInAsAnna.token, user: signedInAsAnna.user }));
    mockFetch(() => jsonResponse({ statusCode: 401, message: 'Token expired', error: 'Unauthorized' }, 401));
    const { store } = renderWithStore(<App />, { auth: signedInAsAnna });

    expect(await screen.findByRole('heading', { name: 'Sign in to Autofunnel' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(SESSION_ENDED_NOTICE);
    expect(store.getState().auth.token).toBeNull();
    expect(localStorage.getItem(AUTH_STORAGE_KEY)).toBeNull();
  });
});
