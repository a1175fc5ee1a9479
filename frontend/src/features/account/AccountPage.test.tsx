import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MeDto } from '@autofunnel/shared';
import { App } from '../../app/App';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { anna, signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import { AUTH_STORAGE_KEY } from '../auth/auth-storage';

const me: MeDto = {
  ...anna,
  branchId: 'br-north',
  phoneExtension: '102',
  active: true,
  onDuty: false,
  maxOpenDeals: 25,
  openDealCount: 4,
  createdAt: '2026-11-01T10:00:00.000Z',
};

/** The account API of Anna, whose current password is "old-password". */
function serveAccount() {
  return mockFetch(async (request) => {
    const path = pathOf(request);
    if (path === '/api/me' && request.method === 'GET') return jsonResponse(me);
    if (path === '/api/branches') return jsonResponse([{ id: 'br-north', name: 'North' }]);
    if (path === '/api/me/password') {
      const { currentPassword } = await request.clone().json();
      if (currentPassword !== 'old-password') return jsonResponse({ statusCode: 403, error: 'Forbidden', message: 'Your current password is not correct' }, 403);
      return jsonResponse({ accessToken: 'fresh-token' });
    }
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${path}`, error: 'Not Found' }, 404);
  });
}

function openAccount() {
  window.history.pushState({}, '', '/account');
  return renderWithStore(<App />, { auth: signedInAsAnna });
}

function fillIn(form: HTMLElement, current: string, next: string, repeated = next) {
  fireEvent.change(within(form).getByLabelText('Current password'), { target: { value: current } });
  fireEvent.change(within(form).getByLabelText('New password'), { target: { value: next } });
  fireEvent.change(within(form).getByLabelText('Repeat the new password'), { target: { value: repeated } });
  fireEvent.click(within(form).getByRole('button', { name: 'Change password' }));
}

describe('AccountPage', () => {
  it('shows who I am, with the duty switch for a manager', async () => {
    serveAccount();
    openAccount();

    expect(await screen.findByRole('heading', { name: 'My account', level: 1 })).toBeInTheDocument();
    const profile = await screen.findByRole('region', { name: 'Profile' });
    expect(profile).toHaveTextContent('anna@demo.local');
    expect(profile).toHaveTextContent('Sales manager');
    await waitFor(() => expect(profile).toHaveTextContent('North'));
    expect(profile).toHaveTextContent('102');
    expect(within(profile).getByRole('switch', { name: 'On duty' })).toHaveAttribute('aria-checked', 'false');
    expect(profile).toHaveTextContent('up to 25 open deals');
  });

  it('checks the new password twice before sending, and shows a wrong current password', async () => {
    const fetchMock = serveAccount();
    openAccount();
    const form = await screen.findByRole('form', { name: 'Change password' });

    fillIn(form, 'old-password', 'new-password', 'new-pasword');
    expect(within(form).getByRole('alert')).toHaveTextContent('The new password and its repetition differ.');
    fillIn(form, 'old-password', 'short');
    expect(within(form).getByRole('alert')).toHaveTextContent('The new password must be at least 8 characters.');
    expect(requestsOf(fetchMock).filter((request) => request.method === 'POST')).toEqual([]);

    fillIn(form, 'not-my-password', 'new-password');
    expect(await within(form).findByText('Your current password is not correct')).toBeInTheDocument();
    // a refused form is no reason to sign out
    expect(screen.getByRole('heading', { name: 'My account' })).toBeInTheDocument();
  });

  it('changes the password and carries on with the fresh token, here and after a reload', async () => {
    const fetchMock = serveAccount();
    const { store } = openAccount();
    const form = await screen.findByRole('form', { name: 'Change password' });

    fillIn(form, 'old-password', 'new-password');
    expect(await within(form).findByText('Password changed. You stay signed in here; other devices must sign in again.')).toBeInTheDocument();
    const posted = requestsOf(fetchMock).filter((request) => request.method === 'POST');
    expect(await Promise.all(posted.map((request) => request.json()))).toEqual([{ currentPassword: 'old-password', newPassword: 'new-password' }]);
    expect(posted[0].headers.get('Authorization')).toBe('Bearer token-of-anna');

    expect(store.getState().auth).toEqual({ token: 'fresh-token', user: anna, notice: null });
    expect(JSON.parse(localStorage.getItem(AUTH_STORAGE_KEY)!)).toEqual({ token: 'fresh-token', user: anna });
    expect(within(form).getByLabelText('Current password')).toHaveValue('');
  });
});
