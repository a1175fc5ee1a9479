import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { VehicleDto } from '@autofunnel/shared';
import { Toasts } from '../../components/Toasts';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { renderWithStore } from '../../test/render-with-store';
import type { AuthState } from '../auth/auth-slice';
import { golf, octavia, page, rav4, signedInAs, vehicle } from './stock-fixtures';
import { StockPage } from './StockPage';

type Answer = (request: Request, url: URL) => Response | null | Promise<Response | null>;

/** The stock API: the list (all three vehicles) unless `answer` answers first. */
function serve(answer: Answer = () => null) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const special = await answer(request, url);
    if (special) return special;
    if (url.pathname === '/api/vehicles' && request.method === 'GET') return jsonResponse(page([octavia, rav4, golf]));
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${pathOf(request)}`, error: 'Not Found' }, 404);
  });
}

function Location() {
  const location = useLocation();
  return <p data-testid="address">{location.pathname + location.search}</p>;
}

function openStock(auth: AuthState, path = '/stock') {
  return renderWithStore(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/stock" element={<StockPage />} />
      </Routes>
      <Location />
      <Toasts />
    </MemoryRouter>,
    { auth },
  );
}

const listQueries = (fetchMock: ReturnType<typeof mockFetch>) =>
  requestsOf(fetchMock)
    .filter((request) => request.method === 'GET' && new URL(request.url).pathname === '/api/vehicles')
    .map((request) => Object.fromEntries(new URL(request.url).searchParams));

const lastListQuery = (fetchMock: ReturnType<typeof mockFetch>) => listQueries(fetchMock).at(-1);

async function sent(fetchMock: ReturnType<typeof mockFetch>, method: string) {
  const requests = requestsOf(fetchMock).filter((request) => request.method === method);
  return Promise.all(requests.map(async (request) => ({ path: pathOf(request), body: method === 'DELETE' ? null : await request.json() })));
}

const rowOf = async (name: string) => (await screen.findByRole('link', { name })).closest('tr')!;

describe('StockPage', () => {
  it('lists the vehicles with their total and status, and sends every filter and the sort in the query string', async () => {
    const fetchMock = serve();
    openStock(signedInAs('manager'));

    const octaviaRow = await rowOf('Skoda Octavia');
    expect(within(octaviaRow).getByText('TMBJJ7NE8L0123456')).toBeInTheDocument();
    expect(within(octaviaRow).getByText('In stock')).toHaveClass('status-pill');
    expect(within(await rowOf('Toyota RAV4')).getByText('Reserved')).toHaveClass('status-pill');
    expect(screen.getByRole('status')).toHaveTextContent('3 vehicles');
    expect(lastListQuery(fetchMock)).toEqual({ sort: 'createdAt', order: 'desc', limit: '50' });

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search by VIN, make or model' }), { target: { value: ' octavia ' } });
    fireEvent.change(screen.getByLabelText('Make'), { target: { value: 'Skoda' } });
    fireEvent.change(screen.getByLabelText('Year from'), { target: { value: '2018' } });
    fireEvent.change(screen.getByLabelText('Year to'), { target: { value: '2021' } });
    fireEvent.change(screen.getByLabelText('Price from'), { target: { value: '1000000' } });
    fireEvent.change(screen.getByLabelText('Price to'), { target: { value: '2000000' } });
    fireEvent.click(within(screen.getByRole('group', { name: 'Status' })).getByRole('button', { name: 'Reserved' }));
    fireEvent.click(screen.getByRole('button', { name: /Price/ }));

    const filtered = { q: 'octavia', make: 'Skoda', yearFrom: '2018', yearTo: '2021', priceFrom: '1000000', priceTo: '2000000', status: 'reserved', sort: 'price', order: 'desc', limit: '50' };
    await waitFor(() => expect(lastListQuery(fetchMock)).toEqual(filtered));
    // typing sent one request when it paused, not one per key
    expect(listQueries(fetchMock).filter((query) => query.q !== undefined)).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Reserved' })).toHaveAttribute('aria-pressed', 'true');

    // the same column again sorts the other way; the filters stay in the address
    fireEvent.click(screen.getByRole('button', { name: /Price/ }));
    await waitFor(() => expect(lastListQuery(fetchMock)).toEqual({ ...filtered, order: 'asc' }));
    expect(screen.getByRole('columnheader', { name: /Price/ })).toHaveAttribute('aria-sort', 'ascending');
    const { limit: _limit, ...inAddress } = filtered;
    const address = new URL(screen.getByTestId('address').textContent!, 'http://localhost');
    expect(Object.fromEntries(address.searchParams)).toEqual({ ...inAddress, order: 'asc' });

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(lastListQuery(fetchMock)).toEqual({ sort: 'price', order: 'asc', limit: '50' }));
    expect(screen.getByLabelText('Make')).toHaveValue('');
    expect(screen.getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('opens with the filters of the address', async () => {
    const fetchMock = serve();
    openStock(signedInAs('manager'), '/stock?status=sold&make=Volkswagen&sort=mileage&order=asc');

    await rowOf('Skoda Octavia');
    expect(lastListQuery(fetchMock)).toEqual({ status: 'sold', make: 'Volkswagen', sort: 'mileage', order: 'asc', limit: '50' });
    expect(screen.getByLabelText('Make')).toHaveValue('Volkswagen');
    expect(screen.getByRole('button', { name: 'Sold' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('loads more with the cursor of the last page', async () => {
    const fetchMock = serve((_request, url) => {
      if (url.pathname !== '/api/vehicles') return null;
      return jsonResponse(url.searchParams.get('cursor') === 'after-rav4' ? page([golf], null, 3) : page([octavia, rav4], 'after-rav4', 3));
    });
    openStock(signedInAs('manager'));

    await rowOf('Toyota RAV4');
    expect(screen.queryByRole('link', { name: 'Volkswagen Golf' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Load more (2 of 3)' }));

    await rowOf('Volkswagen Golf');
    expect(lastListQuery(fetchMock)).toEqual({ sort: 'createdAt', order: 'desc', limit: '50', cursor: 'after-rav4' });
    expect(screen.queryByRole('button', { name: /Load more/ })).not.toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(4);
  });

  it('shows managers the stock read-only', async () => {
    serve();
    openStock(signedInAs('manager'));

    await rowOf('Skoda Octavia');
    expect(screen.queryByRole('button', { name: 'Add vehicle' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Edit/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Delete/ })).not.toBeInTheDocument();
  });

  it('adds a vehicle: the VIN is checked before anything is sent, and a VIN already in stock is shown at the field', async () => {
    let added: VehicleDto | null = null;
    const fetchMock = serve(async (request, url) => {
      if (url.pathname !== '/api/vehicles') return null;
      if (request.method === 'POST') {
        const body = await request.clone().json();
        if (body.vin === octavia.vin) {
          const message = `VIN ${octavia.vin} already belongs to the 2020 Skoda Octavia (in stock); open that vehicle instead`;
          return jsonResponse({ statusCode: 409, message, error: 'Conflict', field: 'vin', vehicle: octavia }, 409);
        }
        added = vehicle({ id: 'v-new', ...body });
        return jsonResponse(added, 201);
      }
      return jsonResponse(page(added ? [added, octavia, rav4, golf] : [octavia, rav4, golf]));
    });
    openStock(signedInAs('admin'));

    fireEvent.click(await screen.findByRole('button', { name: 'Add vehicle' }));
    const dialog = screen.getByRole('dialog', { name: 'Add vehicle' });
    const vin = within(dialog).getByLabelText('VIN');

    // as typed: normalised, counted, then checked once whole
    fireEvent.change(vin, { target: { value: '1hgcm-8264' } });
    expect(vin).toHaveValue('1HGCM8264');
    expect(vin).toHaveAccessibleDescription('9 of 17 characters');
    fireEvent.change(vin, { target: { value: '1HGCM82643A004352' } });
    expect(vin).toHaveAccessibleDescription("The VIN's check digit (9th character) should be 3; look for a mistyped character.");
    expect(vin).toHaveAttribute('aria-invalid', 'true');

    fireEvent.change(within(dialog).getByLabelText('Make'), { target: { value: 'Honda' } });
    fireEvent.change(within(dialog).getByLabelText('Model'), { target: { value: 'Accord' } });
    fireEvent.change(within(dialog).getByLabelText('Year'), { target: { value: '2003' } });
    fireEvent.change(within(dialog).getByLabelText('Price'), { target: { value: '450000' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add vehicle' }));
    expect(await sent(fetchMock, 'POST')).toEqual([]);

    // a VIN that is already in stock: the server's 409, at the field
    fireEvent.change(vin, { target: { value: octavia.vin } });
    expect(vin).not.toHaveAttribute('aria-invalid');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add vehicle' }));
    await waitFor(() => expect(vin).toHaveAccessibleDescription(`VIN ${octavia.vin} already belongs to the 2020 Skoda Octavia (in stock); open that vehicle instead`));
    expect(within(dialog).getByRole('link', { name: 'Open the 2020 Skoda Octavia' })).toHaveAttribute('href', '/stock/v-octavia');

    fireEvent.change(vin, { target: { value: '1HGCM82633A004352' } });
    expect(vin).not.toHaveAttribute('aria-invalid');
    expect(within(dialog).queryByRole('link', { name: /^Open the/ })).not.toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('Mileage (km)'), { target: { value: '210000' } });
    fireEvent.change(within(dialog).getByLabelText('Status'), { target: { value: 'reserved' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add vehicle' }));

    expect(await screen.findByText('Added 2003 Honda Accord to stock.')).toBeInTheDocument();
    expect((await sent(fetchMock, 'POST')).at(-1)).toEqual({
      path: '/api/vehicles',
      body: { vin: '1HGCM82633A004352', make: 'Honda', model: 'Accord', year: 2003, mileage: 210000, price: 450000, status: 'reserved' },
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // the list asks again and shows it
    expect(await rowOf('Honda Accord')).toBeInTheDocument();
  });

  it('checks the other fields before sending, and shows the server’s field errors next to their fields', async () => {
    const fetchMock = serve((request) =>
      request.method === 'POST'
        ? jsonResponse({ statusCode: 400, message: 'price must not be greater than 99999999', error: 'Bad Request', fields: { price: ['price must not be greater than 99999999'] } }, 400)
        : null,
    );
    openStock(signedInAs('lead'));

    fireEvent.click(await screen.findByRole('button', { name: 'Add vehicle' }));
    const dialog = screen.getByRole('dialog', { name: 'Add vehicle' });
    fireEvent.change(within(dialog).getByLabelText('Year'), { target: { value: '1850' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add vehicle' }));
    expect(within(dialog).getByLabelText('VIN')).toHaveAccessibleDescription('Type the 17-character VIN.');
    expect(within(dialog).getByLabelText('Make')).toHaveAccessibleDescription('Type the make, e.g. Skoda.');
    expect(within(dialog).getByLabelText('Year')).toHaveAccessibleDescription(/^The model year is a whole number from 1886 to \d{4}\.$/);
    expect(within(dialog).getByLabelText('Price')).toHaveAccessibleDescription('Type the price, 0 or more.');
    expect(await sent(fetchMock, 'POST')).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('VIN'), { target: { value: 'WVWZZZ1KZ9W000002' } });
    fireEvent.change(within(dialog).getByLabelText('Make'), { target: { value: 'Volkswagen' } });
    fireEvent.change(within(dialog).getByLabelText('Model'), { target: { value: 'Golf' } });
    fireEvent.change(within(dialog).getByLabelText('Year'), { target: { value: '2019' } });
    fireEvent.change(within(dialog).getByLabelText('Price'), { target: { value: '123456789012' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add vehicle' }));

    await waitFor(() => expect(within(dialog).getByLabelText('Price')).toHaveAccessibleDescription('price must not be greater than 99999999'));
    expect(within(dialog).getByLabelText('Make')).not.toHaveAttribute('aria-invalid');
  });

  it('edits a vehicle with only the changed fields and the version; after someone else’s change it asks to reload', async () => {
    const newer = { ...rav4, price: 3_100_000, version: 4 };
    let patches = 0;
    const fetchMock = serve(async (request, url) => {
      if (url.pathname === '/api/vehicles/v-rav4' && request.method === 'GET') return jsonResponse({ ...newer, deals: [] });
      if (request.method !== 'PATCH') return null;
      patches += 1;
      const body = await request.clone().json();
      return patches === 1
        ? jsonResponse({ statusCode: 409, message: 'Someone changed this vehicle meanwhile (it is now at version 4); reload it and try again', error: 'Conflict', currentVersion: 4 }, 409)
        : jsonResponse({ ...newer, ...body, version: 5 });
    });
    openStock(signedInAs('lead'));

    fireEvent.click(within(await rowOf('Toyota RAV4')).getByRole('button', { name: 'Edit 2022 Toyota RAV4' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit 2022 Toyota RAV4' });
    expect(within(dialog).getByLabelText('VIN')).toHaveValue(rav4.vin);
    fireEvent.change(within(dialog).getByLabelText('Colour'), { target: { value: 'Silver' } });
    fireEvent.change(within(dialog).getByLabelText('Status'), { target: { value: 'in_stock' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Someone changed this vehicle while you were editing it.');
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(within(dialog).getByLabelText('Price')).toHaveValue(3100000));
    expect(within(dialog).getByLabelText('Colour')).toHaveValue('');

    fireEvent.change(within(dialog).getByLabelText('Colour'), { target: { value: 'Silver' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved 2022 Toyota RAV4.')).toBeInTheDocument();
    expect(await sent(fetchMock, 'PATCH')).toEqual([
      { path: '/api/vehicles/v-rav4', body: { colour: 'Silver', status: 'in_stock', version: 3 } },
      { path: '/api/vehicles/v-rav4', body: { colour: 'Silver', version: 4 } },
    ]);
  });

  it('deletes a vehicle after confirming, and explains why one on deals cannot be deleted', async () => {
    const fetchMock = serve((request, url) => {
      if (request.method !== 'DELETE') return null;
      return url.pathname === '/api/vehicles/v-octavia'
        ? jsonResponse({ statusCode: 409, message: 'The 2020 Skoda Octavia (VIN TMBJJ7NE8L0123456) is named in 2 offers and 1 test drive, so it cannot be deleted; mark it sold instead', error: 'Conflict' }, 409)
        : new Response(null, { status: 204 });
    });
    openStock(signedInAs('admin'));

    fireEvent.click(within(await rowOf('Skoda Octavia')).getByRole('button', { name: 'Delete 2020 Skoda Octavia' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete 2020 Skoda Octavia?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete vehicle' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The 2020 Skoda Octavia (VIN TMBJJ7NE8L0123456) is named in 2 offers and 1 test drive, so it cannot be deleted; mark it sold instead. Deals keep showing the vehicles of their offers and test drives.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    fireEvent.click(within(await rowOf('Volkswagen Golf')).getByRole('button', { name: 'Delete 2019 Volkswagen Golf' }));
    dialog = screen.getByRole('dialog', { name: 'Delete 2019 Volkswagen Golf?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete vehicle' }));
    expect(await screen.findByText('2019 Volkswagen Golf deleted from stock.')).toBeInTheDocument();
    expect((await sent(fetchMock, 'DELETE')).map((request) => request.path)).toEqual(['/api/vehicles/v-octavia', '/api/vehicles/v-golf']);
    await act(async () => {});
    expect(listQueries(fetchMock).length).toBeGreaterThan(1);
  });
});
