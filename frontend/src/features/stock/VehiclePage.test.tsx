import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Toasts } from '../../components/Toasts';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { renderWithStore } from '../../test/render-with-store';
import type { AuthState } from '../auth/auth-slice';
import { octaviaWithDeals, page, signedInAs } from './stock-fixtures';
import { VehiclePage } from './VehiclePage';

type Answer = (request: Request, path: string) => Response | null | Promise<Response | null>;

function openVehicle(auth: AuthState, answer: Answer = () => null, vehicleId = 'v-octavia') {
  const fetchMock = mockFetch(async (request) => {
    const path = pathOf(request);
    const special = await answer(request, path);
    if (special) return special;
    if (path === '/api/vehicles/v-octavia' && request.method === 'GET') return jsonResponse(octaviaWithDeals);
    return jsonResponse({ statusCode: 404, message: `Vehicle ${vehicleId} does not exist`, error: 'Not Found' }, 404);
  });
  renderWithStore(
    <MemoryRouter initialEntries={[`/stock/${vehicleId}`]}>
      <Routes>
        <Route path="/stock" element={<h1>The stock list</h1>} />
        <Route path="/stock/:vehicleId" element={<VehiclePage />} />
      </Routes>
      <Toasts />
    </MemoryRouter>,
    { auth },
  );
  return fetchMock;
}

describe('VehiclePage', () => {
  it('shows the vehicle and the deals it is in, newest first, each linking to its deal', async () => {
    openVehicle(signedInAs('manager'));

    expect(await screen.findByRole('heading', { name: '2020 Skoda Octavia', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('In stock')).toHaveClass('status-pill');
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).getByText('TMBJJ7NE8L0123456')).toBeInTheDocument();
    expect(within(details).getByText('41,000 km')).toBeInTheDocument();
    expect(within(details).getByText('Moon white')).toBeInTheDocument();

    const deals = within(screen.getByRole('region', { name: 'Deals' })).getAllByRole('row').slice(1);
    expect(deals.map((row) => within(row).getByRole('link').textContent)).toEqual(['D-1001', 'D-1002']);
    expect(within(deals[0]).getByRole('link', { name: 'D-1001' })).toHaveAttribute('href', '/deals/d-ivan');
    expect(deals[0]).toHaveTextContent('Octavia for Ivan');
    expect(deals[0]).toHaveTextContent('Test drive (scheduled)');
    expect(deals[0]).toHaveTextContent('Boris Ivanov');
    expect(within(deals[1]).getByRole('link', { name: 'D-1002' })).toHaveAttribute('href', '/deals/d-maria');
    expect(deals[1]).toHaveTextContent('Offer (withdrawn)');
    expect(within(deals[1]).getByText('Lost')).toHaveClass('status-pill--lost');
    expect(deals[1]).toHaveTextContent('Not taken');

    // managers only read
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('lets a team lead edit the vehicle from its page', async () => {
    let saved = false;
    const fetchMock = openVehicle(signedInAs('lead'), async (request, path) => {
      if (request.method === 'PATCH') {
        saved = true;
        return jsonResponse({ ...octaviaWithDeals, ...(await request.clone().json()), version: 4 });
      }
      if (path === '/api/vehicles/v-octavia' && saved) return jsonResponse({ ...octaviaWithDeals, status: 'reserved', version: 4 });
      return null;
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit 2020 Skoda Octavia' });
    fireEvent.change(within(dialog).getByLabelText('Status'), { target: { value: 'reserved' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved 2020 Skoda Octavia.')).toBeInTheDocument();
    const patch = requestsOf(fetchMock).find((request) => request.method === 'PATCH')!;
    expect(await patch.json()).toEqual({ status: 'reserved', version: 3 });
    // the page asks again and shows the change
    await waitFor(() => expect(screen.getByText('Reserved')).toHaveClass('status-pill'));
  });

  it('goes back to the stock list after deleting the vehicle', async () => {
    openVehicle(signedInAs('admin'), (request, path) => {
      if (request.method === 'DELETE') return new Response(null, { status: 204 });
      if (path.startsWith('/api/vehicles?')) return jsonResponse(page([]));
      return null;
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Delete 2020 Skoda Octavia?' })).getByRole('button', { name: 'Delete vehicle' }));

    expect(await screen.findByRole('heading', { name: 'The stock list' })).toBeInTheDocument();
    expect(screen.getByText('2020 Skoda Octavia deleted from stock.')).toBeInTheDocument();
  });

  it('says so when the vehicle is not in stock', async () => {
    openVehicle(signedInAs('manager'), () => null, 'v-gone');
    expect(await screen.findByText('This vehicle is not in stock')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the stock' })).toHaveAttribute('href', '/stock');
  });
});
