import { act, screen, waitFor, within } from '@testing-library/react';
import type { FunnelDto, InflowDto } from '@autofunnel/shared';
import { MemoryRouter, Route, Routes } from 'react-router';
import { boardEvent } from '../../test/board-fixtures';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { deal, service, showroom, signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import type { AuthState } from '../auth/auth-slice';
import { INFLOW_REFETCH_DELAY_MS } from './inflow-api';
import { InflowPage } from './InflowPage';

const lead: AuthState = { ...signedInAsAnna, user: { ...signedInAsAnna.user!, role: 'lead' } };
const withSla: FunnelDto = { ...showroom, slaWarnMinutes: 15, slaEscalateMinutes: 30 };
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const boris = { id: 'user-boris', name: 'Boris Ivanov' };
const olga = { id: 'user-olga', name: 'Olga Smirnova' };

function inflowOf(overrides: Partial<InflowDto> = {}): InflowDto {
  return {
    funnelId: showroom.id,
    since: '2026-11-24T00:00:00.000Z',
    arrived: 7,
    untakenCount: 3,
    // oldest first, as the server sends them; the page keeps that order
    untaken: [
      deal({ id: 'd-red', code: 'D-1001', stageId: 'st-unassigned', title: 'Skoda for Ivan', contact: { id: 'c1', name: 'Ivan Sidorov', kind: 'person', phones: [], emails: [] }, stageEnteredAt: minutesAgo(40) }),
      deal({ id: 'd-amber', code: 'D-1002', stageId: 'st-unassigned', vehicleInterest: 'Kia Sportage', contact: { id: 'c2', name: 'Maria Lebedeva', kind: 'person', phones: [], emails: [] }, stageEnteredAt: minutesAgo(20) }),
      deal({ id: 'd-fresh', code: 'D-1003', stageId: 'st-unassigned', contact: { id: 'c3', name: 'Oleg Kuznetsov', kind: 'person', phones: [], emails: [] }, stageEnteredAt: minutesAgo(2) }),
    ],
    medianTakeSeconds: 270,
    takers: [
      { user: boris, count: 3, medianTakeSeconds: 200 },
      { user: olga, count: 1, medianTakeSeconds: 3900 },
    ],
    recentTakes: [
      { deal: { id: 'd-taken', code: 'D-0990', title: 'Toyota RAV4 for Petr' }, user: olga, takenAt: minutesAgo(3), takeSeconds: 45, auto: true },
      { deal: { id: 'd-taken-2', code: 'D-0989', title: 'VW Golf for Anna' }, user: boris, takenAt: minutesAgo(30), takeSeconds: 600, auto: false },
    ],
    ...overrides,
  };
}

function serveInflow(answer: () => InflowDto = () => inflowOf()) {
  return mockFetch((request) => {
    const path = pathOf(request);
    if (path === '/api/funnels') return jsonResponse([withSla, service]);
    if (path.startsWith('/api/inflow?')) return jsonResponse(answer());
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${path}`, error: 'Not Found' }, 404);
  });
}

function renderInflow(auth: AuthState = lead, path = '/inflow') {
  return renderWithStore(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/inflow" element={<InflowPage />} />
      </Routes>
    </MemoryRouter>,
    { auth },
  );
}

const inflowRequests = (fetchMock: ReturnType<typeof mockFetch>) => requestsOf(fetchMock).filter((request) => pathOf(request).startsWith('/api/inflow'));
const tile = (label: string) => screen.getByRole('group', { name: label });

describe('InflowPage', () => {
  it('asks for today since the browser’s midnight, and shows the tiles', async () => {
    const fetchMock = serveInflow();
    renderInflow();

    expect(await screen.findByRole('heading', { name: 'Car showroom', level: 2 })).toBeInTheDocument();
    expect(await screen.findByRole('group', { name: 'Arrived today' })).toHaveTextContent('7');
    expect(tile('Untaken now')).toHaveTextContent('3');
    expect(tile('Median time to take into work')).toHaveTextContent('4m 30s');

    const url = new URL(inflowRequests(fetchMock)[0].url);
    expect(url.searchParams.get('funnelId')).toBe(showroom.id);
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    expect(url.searchParams.get('since')).toBe(midnight.toISOString());
  });

  it('lists the untaken requests oldest first, amber and red by the funnel’s SLA, with a running clock', async () => {
    serveInflow();
    renderInflow();

    const list = await screen.findByRole('list', { name: 'Waiting to be taken' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual(['D-1001 · Ivan Sidorov', 'D-1002 · Maria Lebedeva', 'D-1003 · Oleg Kuznetsov']);
    expect(within(rows[1]).getByRole('link')).toHaveAttribute('href', '/deals/d-amber');

    expect(rows[0]).toHaveClass('inflow-untaken--escalated');
    expect(rows[0]).toHaveTextContent(/Waiting 40:0\d/);
    expect(rows[0]).toHaveTextContent('escalated 10 min ago');
    expect(rows[1]).toHaveClass('inflow-untaken--warn');
    expect(rows[1]).toHaveTextContent('10 min left');
    expect(rows[2]).toHaveClass('inflow-untaken--ok');
    expect(rows[2]).toHaveTextContent(/Waiting 2:0\d/);
    expect(rows[2]).toHaveTextContent('28 min left');
    expect(within(rows[2]).getByRole('button', { name: 'Take into work' })).toBeInTheDocument();
    expect(screen.getByText(/amber after 15 min, red and escalated to the team lead after 30 min/)).toBeInTheDocument();

    // the clock runs
    const before = rows[1].textContent;
    await waitFor(() => expect(rows[1].textContent).not.toBe(before), { timeout: 2500 });
  });

  it('shows who took what and the latest takes, automatic ones marked', async () => {
    serveInflow();
    renderInflow();

    const takers = await screen.findByRole('table', { name: 'Who took what today' });
    expect(within(takers).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['Boris Ivanov', '3', '3m 20s'],
      ['Olga Smirnova', '1', '1h 5m'],
    ]);
    const takes = screen.getByRole('table', { name: 'Latest takes' });
    const [first, second] = within(takes).getAllByRole('row').slice(1);
    expect(within(first).getByRole('link', { name: 'D-0990' })).toHaveAttribute('href', '/deals/d-taken');
    expect(first).toHaveTextContent('Olga Smirnova auto');
    expect(first).toHaveTextContent('45s');
    expect(second).not.toHaveTextContent('auto');
    expect(second).toHaveTextContent('10m');
  });

  it('fetches again, once, shortly after the funnel’s live events', async () => {
    let arrived = 7;
    const fetchMock = serveInflow(() => inflowOf({ arrived }));
    const { live } = renderInflow();
    await screen.findByRole('group', { name: 'Arrived today' });
    await waitFor(() => expect(live.socket().joins()).toEqual([{ funnelId: showroom.id }]));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(inflowRequests(fetchMock)).toHaveLength(1);

    arrived = 9;
    const created = deal({ id: 'd-new', code: 'D-1004', stageId: 'st-unassigned' });
    act(() => {
      live.socket().send(boardEvent(1, 'deal.created', created));
      live.socket().send(boardEvent(2, 'deal.created', { ...created, id: 'd-new-2' }));
    });

    await waitFor(() => expect(tile('Arrived today')).toHaveTextContent('9'));
    await act(() => new Promise((resolve) => setTimeout(resolve, INFLOW_REFETCH_DELAY_MS + 100)));
    expect(inflowRequests(fetchMock)).toHaveLength(2);
  });

  it('opens the funnel named in the address', async () => {
    const fetchMock = serveInflow();
    renderInflow(lead, `/inflow?funnel=${service.id}`);
    expect(await screen.findByRole('heading', { name: 'Service', level: 2 })).toBeInTheDocument();
    await waitFor(() => expect(new URL(inflowRequests(fetchMock)[0].url).searchParams.get('funnelId')).toBe(service.id));
    expect(await screen.findByText('Oldest first. This funnel has no speed-to-lead SLA.')).toBeInTheDocument();
  });

  it('tells a manager the view is for team leads', async () => {
    const fetchMock = serveInflow();
    renderInflow(signedInAsAnna);
    expect(screen.getByText('The Inflow view is for team leads and administrators')).toBeInTheDocument();
    expect(requestsOf(fetchMock)).toEqual([]);
  });
});
