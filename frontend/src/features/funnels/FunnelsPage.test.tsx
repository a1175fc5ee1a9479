import { fireEvent, screen, within } from '@testing-library/react';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { service, serviceBoard, showroom, showroomBoard, signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import { formatAmount } from './format';
import { FunnelsPage } from './FunnelsPage';

function serveDemoApi(overrides: Record<string, () => Response> = {}) {
  return mockFetch((request) => {
    const path = pathOf(request);
    if (overrides[path]) return overrides[path]();
    if (path === '/api/funnels') return jsonResponse([showroom, service]);
    if (path === '/api/funnels/funnel-showroom/board?limit=5') return jsonResponse(showroomBoard);
    if (path === '/api/funnels/funnel-service/board?limit=5') return jsonResponse(serviceBoard);
    return jsonResponse({ statusCode: 404, message: `No route ${path}`, error: 'Not Found' }, 404);
  });
}

const column = (stageName: string) => screen.getByRole('region', { name: stageName });

describe('FunnelsPage', () => {
  it('lists the funnels and shows the first one as columns with counts, sums and deal cards', async () => {
    const fetchMock = serveDemoApi();
    renderWithStore(<FunnelsPage />, { auth: signedInAsAnna });

    expect(screen.getByRole('status')).toHaveTextContent('Loading funnels…');
    expect(await screen.findByRole('heading', { name: 'Car showroom', level: 2 })).toBeInTheDocument();

    const picker = screen.getByRole('navigation', { name: 'Funnels' });
    expect(within(picker).getByRole('button', { name: /Car showroom/ })).toHaveAttribute('aria-pressed', 'true');
    expect(within(picker).getByRole('button', { name: /Service/ })).toHaveAttribute('aria-pressed', 'false');

    // one column per stage, in the funnel's order
    const overview = screen.getByRole('region', { name: 'Car showroom' });
    const columns = within(overview).getAllByRole('region');
    expect(columns.map((c) => within(c).getByRole('heading').textContent)).toEqual([
      'Unassigned',
      'Test drive',
      'Delivered',
    ]);

    const testDrive = column('Test drive');
    expect(within(testDrive).getByText('3 deals')).toBeInTheDocument();
    expect(within(testDrive).getByText(formatAmount(5400000))).toBeInTheDocument();
    expect(testDrive).toHaveStyle({ '--stage-color': '#26c6da' });
    const card = within(testDrive).getByRole('article', { name: 'Deal D-1002' });
    expect(card).toHaveTextContent('Maria Lebedeva');
    expect(card).toHaveTextContent('Toyota RAV4');
    expect(card).toHaveTextContent('Anna Petrova');
    expect(within(testDrive).getAllByRole('article')).toHaveLength(2);
    expect(within(testDrive).getByText('and 1 more')).toBeInTheDocument();

    const unassigned = column('Unassigned');
    expect(within(unassigned).getByText('1 deal')).toBeInTheDocument();
    expect(within(unassigned).getByRole('article', { name: 'Deal D-1001' })).toHaveTextContent('Not taken into work');

    const delivered = column('Delivered');
    expect(within(delivered).getByText('0 deals')).toBeInTheDocument();
    expect(within(delivered).getByText('No deals here')).toBeInTheDocument();

    const requests = requestsOf(fetchMock);
    expect(requests.map(pathOf)).toEqual(['/api/funnels', '/api/funnels/funnel-showroom/board?limit=5']);
    for (const request of requests) {
      expect(request.headers.get('Authorization')).toBe('Bearer token-of-anna');
    }
  });

  it('shows the board of the funnel picked', async () => {
    serveDemoApi();
    renderWithStore(<FunnelsPage />, { auth: signedInAsAnna });
    await screen.findByRole('heading', { name: 'Car showroom', level: 2 });

    fireEvent.click(screen.getByRole('button', { name: /Service/ }));

    expect(await screen.findByRole('heading', { name: 'Service', level: 2 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Service/ })).toHaveAttribute('aria-pressed', 'true');
    expect(within(column('In the workshop')).getByText('0 deals')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Test drive' })).not.toBeInTheDocument();
  });

  it('says in plain words when the board cannot be loaded, and can try again', async () => {
    let boardFails = true;
    const fetchMock = serveDemoApi({
      '/api/funnels/funnel-showroom/board?limit=5': () =>
        boardFails
          ? jsonResponse({ statusCode: 500, message: 'Internal server error', error: 'Internal Server Error' }, 500)
          : jsonResponse(showroomBoard),
    });
    renderWithStore(<FunnelsPage />, { auth: signedInAsAnna });

    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load this funnel.');

    boardFails = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { name: 'Car showroom', level: 2 })).toBeInTheDocument();
    expect(within(column('Test drive')).getByText('3 deals')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('says so when there are no funnels', async () => {
    serveDemoApi({ '/api/funnels': () => jsonResponse([]) });
    renderWithStore(<FunnelsPage />, { auth: signedInAsAnna });

    expect(await screen.findByText(/There are no funnels yet/)).toBeInTheDocument();
  });
});
