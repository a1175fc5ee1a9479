import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BranchDto, DashboardKey, InsightsDashboard, SourceDto, UserDto } from '@autofunnel/shared';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { service, showroom, signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import { dashboardOf } from './insights-test-fixtures';
import { InsightsPage } from './InsightsPage';

const branches: BranchDto[] = [{ id: 'branch-north', name: 'North' }];
const users: UserDto[] = [{ id: 'user-boris', name: 'Boris Ivanov', email: 'boris@demo.local', role: 'manager', branchId: 'branch-north' }];
const sources: SourceDto[] = [{ id: 'source-web', name: 'Website' }];

afterEach(() => {
  delete (URL as Partial<typeof URL>).createObjectURL;
  delete (URL as Partial<typeof URL>).revokeObjectURL;
});

type Answer = (dashboard: DashboardKey, request: Request) => Response;

function serveInsights(answer: Answer = (dashboard) => jsonResponse(dashboardOf(dashboard))) {
  return mockFetch((request) => {
    const path = pathOf(request);
    if (path === '/api/funnels') return jsonResponse([showroom, service]);
    if (path === '/api/branches') return jsonResponse(branches);
    if (path === '/api/users') return jsonResponse(users);
    if (path === '/api/sources') return jsonResponse(sources);
    const dashboard = /^\/api\/insights\/([a-z-]+)(?:\/export)?\?/.exec(path);
    if (dashboard) return answer(dashboard[1] as DashboardKey, request);
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${path}`, error: 'Not Found' }, 404);
  });
}

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function renderInsights(path = '/insights') {
  return renderWithStore(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/insights" element={<InsightsPage />} />
      </Routes>
      <Location />
    </MemoryRouter>,
    { auth: signedInAsAnna },
  );
}

/** The search of each dashboard request, as key → value. */
const insightsRequests = (fetchMock: ReturnType<typeof mockFetch>) =>
  requestsOf(fetchMock)
    .filter((request) => /^\/api\/insights\/[a-z-]+\?/.test(pathOf(request)))
    .map((request) => {
      const url = new URL(request.url);
      return { path: url.pathname, params: Object.fromEntries(url.searchParams) };
    });
const lastRequest = (fetchMock: ReturnType<typeof mockFetch>) => insightsRequests(fetchMock).at(-1);

/** Local midnight `days` days from today. */
function midnight(days: number): string {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days).toISOString();
}

const card = (title: string) => screen.getByRole('region', { name: title });

describe('InsightsPage', () => {
  it('opens the inflow over the last 30 days, days ending with today, per day', async () => {
    const fetchMock = serveInsights();
    renderInsights();

    expect(await screen.findByRole('group', { name: 'New deals' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Inflow' })).toHaveAttribute('aria-selected', 'true');
    expect(insightsRequests(fetchMock)).toEqual([{ path: '/api/insights/inflow', params: { from: midnight(-29), to: midnight(1), granularity: 'day' } }]);
    expect(screen.getByText('1 Mar 2026 – 30 Mar 2026, compared with 30 Jan 2026 – 28 Feb 2026')).toBeInTheDocument();
  });

  it('sends the filters of the URL, and no granularity beyond the inflow', async () => {
    const fetchMock = serveInsights();
    renderInsights('/insights?dashboard=managers&funnel=funnel-service&branch=branch-north&manager=user-boris&source=source-web&period=this-month');

    await screen.findByRole('region', { name: 'Managers' });
    const now = new Date();
    expect(lastRequest(fetchMock)).toEqual({
      path: '/api/insights/managers',
      params: {
        from: new Date(now.getFullYear(), now.getMonth(), 1).toISOString(),
        to: midnight(1),
        funnelId: 'funnel-service',
        branchId: 'branch-north',
        managerId: 'user-boris',
        sourceId: 'source-web',
      },
    });
    expect(await screen.findByRole('combobox', { name: 'Manager' })).toHaveValue('user-boris');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Branch' })).toHaveValue('branch-north'));
  });

  it('asks again when a filter or a preset changes, and keeps them in the URL', async () => {
    const fetchMock = serveInsights();
    renderInsights();
    await screen.findByRole('group', { name: 'New deals' });

    fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: 'last-7-days' } });
    await waitFor(() => expect(lastRequest(fetchMock)?.params).toEqual({ from: midnight(-6), to: midnight(1), granularity: 'day' }));

    fireEvent.change(screen.getByRole('combobox', { name: 'Per' }), { target: { value: 'week' } });
    await waitFor(() => expect(lastRequest(fetchMock)?.params.granularity).toBe('week'));

    fireEvent.change(await screen.findByRole('combobox', { name: 'Source' }), { target: { value: 'source-web' } });
    await waitFor(() => expect(lastRequest(fetchMock)?.params).toEqual({ from: midnight(-6), to: midnight(1), granularity: 'week', sourceId: 'source-web' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/insights?source=source-web&period=last-7-days&granularity=week');

    fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: 'last-90-days' } });
    await waitFor(() => expect(lastRequest(fetchMock)?.params.from).toBe(midnight(-89)));
    fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: 'this-year' } });
    await waitFor(() => expect(lastRequest(fetchMock)?.params.from).toBe(new Date(new Date().getFullYear(), 0, 1).toISOString()));
  });

  it('takes custom dates with the last day included: `to` is the local midnight after it', async () => {
    const fetchMock = serveInsights();
    renderInsights();
    await screen.findByRole('group', { name: 'New deals' });

    fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: 'custom' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-31' } });
    await waitFor(() =>
      expect(lastRequest(fetchMock)?.params).toEqual({ from: new Date(2026, 2, 1).toISOString(), to: new Date(2026, 3, 1).toISOString(), granularity: 'day' }),
    );
    expect(screen.getByTestId('location')).toHaveTextContent('period=custom&from=2026-03-01&to=2026-03-31');

    // an end before the start asks nothing and says why
    const asked = insightsRequests(fetchMock).length;
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-02-27' } });
    expect(await screen.findByText(/Choose the first and the last day of the period/)).toBeInTheDocument();
    expect(insightsRequests(fetchMock)).toHaveLength(asked);
  });

  it('shows each headline figure by its unit with its change against the previous period', async () => {
    serveInsights();
    renderInsights();

    const arrived = await screen.findByRole('group', { name: 'New deals' });
    expect(arrived).toHaveTextContent(/1,250/);
    expect(within(arrived).getByText('▲ 25%')).toHaveClass('insights-kpi__delta--good');
    expect(arrived).toHaveTextContent('previous period: 1,000');

    // a share changes in points, and fewer missed calls is good news
    const missed = screen.getByRole('group', { name: 'Missed calls' });
    expect(missed).toHaveTextContent('12.5%');
    expect(within(missed).getByText('▼ 2.5 pp')).toHaveClass('insights-kpi__delta--good');

    const median = screen.getByRole('group', { name: 'Median time to take' });
    expect(median).toHaveTextContent('12 min');
    expect(median).not.toHaveTextContent(/[▲▼]/);
    expect(median).toHaveTextContent('previous period: —');
  });

  it('draws each chart, and its table at a click', async () => {
    serveInsights();
    renderInsights();

    const bySource = await screen.findByRole('region', { name: 'New deals by source' });
    const chart = within(bySource).getByRole('figure', { name: 'Chart: New deals by source' });
    await waitFor(() => expect(chart.querySelector('.recharts-surface')).not.toBeNull());
    expect(chart.querySelectorAll('.recharts-bar-rectangle').length).toBeGreaterThan(0);
    expect(within(bySource).queryByRole('table')).not.toBeInTheDocument();

    fireEvent.click(within(bySource).getByRole('button', { name: 'Table' }));
    const table = within(bySource).getByRole('table', { name: 'New deals by source' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Period', 'Source', 'Deals']);
    expect(within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['2 Mar 2026', 'Website', '4'],
      ['2 Mar 2026', 'Walk-in', '1'],
      ['3 Mar 2026', 'Website', '2'],
    ]);
    expect(within(bySource).getByRole('button', { name: 'Table' })).toHaveAttribute('aria-pressed', 'true');

    // an empty table says so
    expect(card('Calls answered and missed')).toHaveTextContent('No calls in this period.');
  });

  it('exports a table as CSV and XLSX with the session’s token and the same filters', async () => {
    const fetchMock = serveInsights((dashboard, request) =>
      pathOf(request).includes('/export?')
        ? new Response('Period,Source,Deals', { status: 200, headers: pathOf(request).includes('format=csv') ? { 'Content-Disposition': 'attachment; filename="inflow-by_source.csv"' } : {} })
        : jsonResponse(dashboardOf(dashboard)),
    );
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:http://localhost/export-1');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    // jsdom cannot follow a download link: note what would be saved
    const saved: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    });
    renderInsights('/insights?period=last-7-days&branch=branch-north');
    const bySource = await screen.findByRole('region', { name: 'New deals by source' });

    fireEvent.click(within(bySource).getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    fireEvent.click(within(bySource).getByRole('button', { name: 'Export XLSX' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(2));

    const exports = requestsOf(fetchMock).filter((request) => pathOf(request).includes('/export?'));
    expect(exports.map((request) => {
      const url = new URL(request.url);
      return { path: url.pathname, params: Object.fromEntries(url.searchParams), auth: request.headers.get('Authorization') };
    })).toEqual(
      ['csv', 'xlsx'].map((format) => ({
        path: '/api/insights/inflow/export',
        params: { table: 'by_source', format, from: midnight(-6), to: midnight(1), branchId: 'branch-north', granularity: 'day' },
        auth: 'Bearer token-of-anna',
      })),
    );
    // the server's file name wins; without one, the dashboard's and the table's
    expect(saved).toEqual(['inflow-by_source.csv blob:http://localhost/export-1', 'inflow-by_source.xlsx blob:http://localhost/export-1']);
  });

  it('gives conversion the first funnel when none is chosen, with no "All funnels"', async () => {
    const fetchMock = serveInsights();
    renderInsights('/insights?dashboard=conversion');

    expect(await screen.findByRole('region', { name: 'Reached each stage' })).toBeInTheDocument();
    expect(lastRequest(fetchMock)).toEqual({ path: '/api/insights/conversion', params: { from: midnight(-29), to: midnight(1), funnelId: showroom.id } });
    const funnel = screen.getByRole('combobox', { name: 'Funnel' });
    expect(funnel).toHaveValue(showroom.id);
    expect(within(funnel).queryByRole('option', { name: 'All funnels' })).not.toBeInTheDocument();
    // the stages' bars carry how many reached them and the conversion from the stage before
    await waitFor(() => expect(screen.getByRole('figure', { name: 'Chart: Reached each stage' })).toHaveTextContent('4 · 40%'));

    fireEvent.change(funnel, { target: { value: service.id } });
    await waitFor(() => expect(lastRequest(fetchMock)?.params.funnelId).toBe(service.id));
  });

  it('switches dashboards by their tabs', async () => {
    const fetchMock = serveInsights();
    renderInsights();
    await screen.findByRole('group', { name: 'New deals' });

    fireEvent.click(screen.getByRole('tab', { name: 'Stage durations' }));
    expect(await screen.findByRole('region', { name: 'Stuck longer than usual' })).toBeInTheDocument();
    expect(lastRequest(fetchMock)).toEqual({ path: '/api/insights/stage-durations', params: { from: midnight(-29), to: midnight(1), funnelId: showroom.id } });
    expect(screen.getByRole('tab', { name: 'Stage durations' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('location')).toHaveTextContent('/insights?dashboard=stage-durations');
  });

  it('lists the stuck deals as a table linking to each deal, durations in words', async () => {
    serveInsights();
    renderInsights('/insights?dashboard=stage-durations');

    const stuck = await screen.findByRole('table', { name: 'Stuck longer than usual' });
    expect(within(stuck).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Deal', 'Title', 'Stage', 'Responsible', 'In stage', 'Usual (p90)']);
    const [row] = within(stuck).getAllByRole('row').slice(1);
    expect(within(row).getByRole('link', { name: 'D-1007' })).toHaveAttribute('href', '/deals/deal-7');
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent).slice(1)).toEqual(['Kia for Ivan', 'Offer', 'Boris Ivanov', '2 d 4 h', '3 h 5 min']);
    // a table without a chart has no toggle
    expect(within(card('Stuck longer than usual')).queryByRole('button', { name: 'Table' })).not.toBeInTheDocument();
  });

  it('says when a period has no deals', async () => {
    serveInsights((dashboard) => jsonResponse(dashboardOf(dashboard, { tables: dashboardOf(dashboard).tables.map((table) => ({ ...table, rows: [] })) })));
    renderInsights();

    expect(await screen.findByText('No deals in this period')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'New deals by source' })).not.toBeInTheDocument();
  });

  it('shows the server’s reason when a dashboard fails, and tries again', async () => {
    let fail = true;
    const fetchMock = serveInsights((dashboard) =>
      fail
        ? jsonResponse({ statusCode: 400, message: 'The period is longer than 366 days', error: 'Bad Request' }, 400)
        : jsonResponse(dashboardOf(dashboard) satisfies InsightsDashboard),
    );
    renderInsights();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the dashboard. The period is longer than 366 days');
    fail = false;
    await act(async () => fireEvent.click(within(alert).getByRole('button', { name: 'Try again' })));
    expect(await screen.findByRole('group', { name: 'New deals' })).toBeInTheDocument();
    expect(insightsRequests(fetchMock)).toHaveLength(2);
  });
});
