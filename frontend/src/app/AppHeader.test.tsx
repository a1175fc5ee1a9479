import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { Role } from '@autofunnel/shared';
import { jsonResponse, mockFetch, pathOf } from '../test/fetch-mock';
import { signedInAsAnna } from '../test/fixtures';
import { renderWithStore } from '../test/render-with-store';
import { AppHeader } from './AppHeader';

function renderHeader(role: Role) {
  mockFetch((request) => {
    const path = pathOf(request);
    if (path.startsWith('/api/notifications')) return jsonResponse({ items: [], nextCursor: null, unreadCount: 4 });
    if (path === '/api/me') return jsonResponse({ ...signedInAsAnna.user, role, onDuty: true, phoneExtension: null, active: true, maxOpenDeals: null, openDealCount: 2, createdAt: '' });
    return jsonResponse({ statusCode: 404, message: 'No', error: 'Not Found' }, 404);
  });
  renderWithStore(
    <MemoryRouter>
      <AppHeader />
    </MemoryRouter>,
    { auth: { ...signedInAsAnna, user: { ...signedInAsAnna.user!, role } } },
  );
  return within(screen.getByRole('banner'));
}

describe('AppHeader', () => {
  it('gives team leads the Inflow view and the bell; the name opens the account page', async () => {
    const header = renderHeader('lead');
    expect(header.getByRole('link', { name: 'Inflow' })).toHaveAttribute('href', '/inflow');
    expect(await header.findByRole('button', { name: 'Notifications, 4 unread' })).toBeInTheDocument();
    expect(header.getByRole('link', { name: 'Anna Petrova' })).toHaveAttribute('href', '/account');
    expect(header.queryByRole('switch', { name: 'On duty' })).not.toBeInTheDocument();
  });

  it('gives managers the bell and their on-duty switch, not the Inflow view', async () => {
    const header = renderHeader('manager');
    expect(await header.findByRole('switch', { name: 'On duty' })).toBeChecked();
    expect(header.getByRole('button', { name: 'Notifications, 4 unread' })).toBeInTheDocument();
    expect(header.queryByRole('link', { name: 'Inflow' })).not.toBeInTheDocument();
  });
});
