import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { NotificationDto, NotificationPage } from '@autofunnel/shared';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Toasts } from '../../components/Toasts';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import { NotificationBell } from './NotificationBell';
import { formatTimeAgo } from './time-ago';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function notification(id: string, overrides: Partial<NotificationDto> = {}): NotificationDto {
  return { id, kind: 'sla_escalated', title: `Notification ${id}`, body: null, dealId: `deal-${id}`, createdAt: minutesAgo(10), readAt: null, ...overrides };
}

const older = notification('n-old', { title: 'Deals of Boris need reassignment', kind: 'deals_need_reassignment', createdAt: minutesAgo(180), readAt: minutesAgo(100), dealId: null });
const escalated = notification('n-sla', { title: 'D-1042 waited 30 min: call back Maria', body: 'Car showroom', createdAt: minutesAgo(5) });
const assigned = notification('n-assigned', { title: 'D-1043 is yours now', kind: 'deal_assigned', createdAt: minutesAgo(20) });

/** The notifications API of Anna, who has two unread notifications and one read. */
function serveNotifications(items: NotificationDto[] = [older, escalated, assigned]) {
  let page: NotificationPage = { items, nextCursor: null, unreadCount: items.filter((item) => item.readAt === null).length };
  const fetchMock = mockFetch((request) => {
    const path = pathOf(request);
    if (request.method === 'GET' && path === '/api/notifications?limit=20') return jsonResponse(page);
    const read = /^\/api\/notifications\/([^/]+)\/read$/.exec(path);
    if (request.method === 'POST' && read) {
      page = { ...page, items: page.items.map((item) => (item.id === read[1] ? { ...item, readAt: new Date().toISOString() } : item)), unreadCount: page.unreadCount - 1 };
      return new Response(null, { status: 204 });
    }
    if (request.method === 'POST' && path === '/api/notifications/read-all') {
      page = { ...page, items: page.items.map((item) => ({ ...item, readAt: item.readAt ?? new Date().toISOString() })), unreadCount: 0 };
      return new Response(null, { status: 204 });
    }
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${path}`, error: 'Not Found' }, 404);
  });
  return fetchMock;
}

function Location() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname}</p>;
}

function renderBell() {
  return renderWithStore(
    <MemoryRouter initialEntries={['/my-day']}>
      <NotificationBell />
      <Routes>
        <Route path="*" element={<Location />} />
      </Routes>
      <Toasts />
    </MemoryRouter>,
    { auth: signedInAsAnna },
  );
}

const bell = () => screen.getByRole('button', { name: /^Notifications/ });
const items = () => within(screen.getByRole('region', { name: 'Notifications' })).getAllByRole('listitem');

describe('NotificationBell', () => {
  it('shows the unread count, and lists the notifications newest first with the unread ones marked', async () => {
    serveNotifications();
    renderBell();

    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toHaveTextContent('2');
    fireEvent.click(bell());
    expect(bell()).toHaveAttribute('aria-expanded', 'true');

    const rows = items();
    expect(rows.map((row) => within(row).getByRole('button').textContent)).toEqual([
      'Unread: D-1042 waited 30 min: call back MariaCar showroom5m ago',
      'Unread: D-1043 is yours now20m ago',
      'Deals of Boris need reassignment3h ago',
    ]);
    expect(rows[0]).toHaveClass('notification--unread');
    expect(rows[2]).not.toHaveClass('notification--unread');
  });

  it('counts a notification that arrives live, and shows it as a toast', async () => {
    serveNotifications();
    const { live } = renderBell();
    await screen.findByRole('button', { name: 'Notifications, 2 unread' });

    const arrived = notification('n-live', { title: 'D-1050 waited 30 min: call back Olga', createdAt: new Date().toISOString() });
    act(() => live.socket().notify(arrived));

    expect(await screen.findByRole('button', { name: 'Notifications, 3 unread' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('D-1050 waited 30 min: call back Olga');
    fireEvent.click(bell());
    expect(within(items()[0]).getByRole('button')).toHaveTextContent('D-1050 waited 30 min: call back Olgajust now');

    // the same notification twice (e.g. two tabs' sockets) counts once
    act(() => live.socket().notify(arrived));
    expect(screen.getByRole('button', { name: 'Notifications, 3 unread' })).toBeInTheDocument();
  });

  it('marks a notification read when it is opened, and goes to its deal', async () => {
    const fetchMock = serveNotifications();
    renderBell();
    await screen.findByRole('button', { name: 'Notifications, 2 unread' });

    fireEvent.click(bell());
    fireEvent.click(within(items()[0]).getByRole('button'));

    expect(screen.getByTestId('location')).toHaveTextContent('/deals/deal-n-sla');
    expect(screen.queryByRole('region', { name: 'Notifications' })).not.toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
    await waitFor(() => expect(requestsOf(fetchMock).filter((request) => request.method === 'POST').map(pathOf)).toEqual(['/api/notifications/n-sla/read']));
  });

  it('opens a read notification without asking the server again', async () => {
    const fetchMock = serveNotifications([escalated, notification('n-read', { readAt: minutesAgo(1), dealId: 'deal-7' })]);
    renderBell();
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });

    fireEvent.click(bell());
    fireEvent.click(within(items()[1]).getByRole('button'));
    expect(screen.getByTestId('location')).toHaveTextContent('/deals/deal-7');
    expect(requestsOf(fetchMock).filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('marks all read', async () => {
    const fetchMock = serveNotifications();
    renderBell();
    await screen.findByRole('button', { name: 'Notifications, 2 unread' });

    fireEvent.click(bell());
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));

    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(items().some((row) => row.classList.contains('notification--unread'))).toBe(false);
    expect(screen.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
    await waitFor(() => expect(requestsOf(fetchMock).filter((request) => request.method === 'POST').map(pathOf)).toEqual(['/api/notifications/read-all']));
  });

  it('says when there is nothing yet', async () => {
    serveNotifications([]);
    renderBell();
    fireEvent.click(screen.getByRole('button', { name: 'Notifications' }));
    expect(await screen.findByText(/Nothing yet/)).toBeInTheDocument();
  });
});

describe('formatTimeAgo', () => {
  const now = Date.parse('2026-11-24T12:00:00.000Z');
  it('says how long ago, then the day', () => {
    expect(formatTimeAgo('2026-11-24T11:59:30.000Z', now)).toBe('just now');
    expect(formatTimeAgo('2026-11-24T11:55:00.000Z', now)).toBe('5m ago');
    expect(formatTimeAgo('2026-11-24T08:40:00.000Z', now)).toBe('3h 20m ago');
    expect(formatTimeAgo('2026-11-10T12:00:00.000Z', now)).toMatch(/10/);
  });
});
