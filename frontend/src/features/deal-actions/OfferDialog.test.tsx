import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { jsonResponse, pathOf, requestsOf } from '../../test/fetch-mock';
import { OfferDialog } from './OfferDialog';
import { apiError, bodyOf, changesSent, kodiaq, mariasDeal, octavia, offer, renderSignedIn, serveApi, vehicle } from './test-support';

const page = (items: unknown[]) => jsonResponse({ items, nextCursor: null, total: items.length });

/** The stock: the Octavia in stock, the Kodiaq reserved; a search for "kodiaq" finds only it. */
function stockRoutes() {
  return {
    'GET /api/vehicles': (request: Request) => {
      const url = new URL(request.url);
      const status = url.searchParams.get('status');
      const q = url.searchParams.get('q')?.toLowerCase() ?? '';
      return page([octavia, kodiaq].filter((candidate) => candidate.status === status && candidate.model.toLowerCase().includes(q)));
    },
  };
}

async function pickOctavia() {
  const found = await screen.findByRole('list', { name: 'Vehicles found' });
  fireEvent.click(await within(found).findByRole('button', { name: /2021 Skoda Octavia/ }));
}

describe('OfferDialog', () => {
  it('offers vehicles in stock and reserved ones, searched by the typed text', async () => {
    const fetchMock = serveApi(stockRoutes());
    renderSignedIn(<OfferDialog dealId={mariasDeal.id} onClose={jest.fn()} />);

    const search = screen.getByLabelText('Vehicle');
    expect(search).toHaveFocus();
    const found = await screen.findByRole('list', { name: 'Vehicles found' });
    expect(await within(found).findByRole('button', { name: /2021 Skoda Octavia.*VIN …123456.*24,500/ })).toBeInTheDocument();
    expect(within(found).getByRole('button', { name: /2019 Skoda Kodiaq reserved/ })).toBeInTheDocument();

    fireEvent.change(search, { target: { value: 'kodiaq' } });
    await waitFor(() => expect(within(found).queryByRole('button', { name: /Octavia/ })).not.toBeInTheDocument());
    const searches = requestsOf(fetchMock).map(pathOf).filter((path) => path.startsWith('/api/vehicles'));
    expect(searches).toEqual(
      expect.arrayContaining(['/api/vehicles?status=in_stock&limit=8', '/api/vehicles?status=reserved&limit=8', '/api/vehicles?q=kodiaq&status=in_stock&limit=8', '/api/vehicles?q=kodiaq&status=reserved&limit=8']),
    );
    expect(searches.some((path) => path.includes('sold'))).toBe(false);
  });

  it('prefills the price from the vehicle, shows the total live and creates the offer', async () => {
    const fetchMock = serveApi({ ...stockRoutes(), 'POST /api/deals/deal-1/offers': () => jsonResponse(offer(), 201) });
    const onClose = jest.fn();
    renderSignedIn(<OfferDialog dealId={mariasDeal.id} onClose={onClose} />);

    await pickOctavia();
    expect(screen.getByRole('group', { name: 'Vehicle' })).toHaveTextContent('VIN TMBJJ7NE8L0123456');
    expect(screen.getByRole('button', { name: 'Change vehicle' })).toHaveFocus();
    expect(screen.getByLabelText('Price')).toHaveValue('24500');
    expect(screen.getByLabelText('Total')).toHaveTextContent('24,500');

    fireEvent.change(screen.getByLabelText('Discount'), { target: { value: '1 500' } });
    expect(screen.getByLabelText('Total')).toHaveTextContent('23,000');
    fireEvent.change(screen.getByLabelText('Price'), { target: { value: '25000' } });
    expect(screen.getByLabelText('Total')).toHaveTextContent('23,500');
    fireEvent.change(screen.getByLabelText('Valid until'), { target: { value: '2099-06-30' } });
    fireEvent.change(screen.getByLabelText('Notes'), { target: { value: 'Winter tyres included' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create offer' }));

    expect(screen.getByRole('button', { name: 'Creating…' })).toBeDisabled();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await bodyOf(fetchMock, 'POST /api/deals/deal-1/offers')).toEqual({
      vehicleId: octavia.id,
      price: 25000,
      discount: 1500,
      validUntil: '2099-06-30',
      notes: 'Winter tyres included',
    });
    expect(await screen.findByText(/Offer on the 2021 Skoda Octavia added/)).toBeInTheDocument();
  });

  it('refuses a discount above the price and asks for a vehicle before sending', async () => {
    const fetchMock = serveApi(stockRoutes());
    renderSignedIn(<OfferDialog dealId={mariasDeal.id} onClose={jest.fn()} />);

    fireEvent.click(screen.getByRole('button', { name: 'Create offer' }));
    expect(screen.getByLabelText('Vehicle')).toHaveAccessibleDescription(/Pick the vehicle to offer\./);

    await pickOctavia();
    fireEvent.change(screen.getByLabelText('Discount'), { target: { value: '30000' } });
    expect(screen.getByLabelText('Discount')).toHaveAccessibleDescription('The discount cannot be more than the price.');
    expect(screen.getByLabelText('Total')).toHaveTextContent('—');
    fireEvent.click(screen.getByRole('button', { name: 'Create offer' }));
    expect(changesSent(fetchMock)).toEqual([]);
  });

  it('says so when the vehicle was sold meanwhile (409) and keeps the form', async () => {
    const fetchMock = serveApi({
      ...stockRoutes(),
      'POST /api/deals/deal-1/offers': () => apiError(409, 'The 2021 Skoda Octavia (VIN TMBJJ7NE8L0123456) is already sold'),
    });
    const onClose = jest.fn();
    renderSignedIn(<OfferDialog dealId={mariasDeal.id} onClose={onClose} />);
    await pickOctavia();
    fireEvent.change(screen.getByLabelText('Discount'), { target: { value: '500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create offer' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The 2021 Skoda Octavia (VIN TMBJJ7NE8L0123456) is already sold');
    expect(screen.getByLabelText('Discount')).toHaveValue('500');
    expect(onClose).not.toHaveBeenCalled();
    expect(changesSent(fetchMock)).toEqual(['POST /api/deals/deal-1/offers']);
  });

  it('never lists a sold vehicle, even if the server sends one', async () => {
    serveApi({ 'GET /api/vehicles': () => page([vehicle({ id: 'sold-one', model: 'Superb', status: 'sold' })]) });
    renderSignedIn(<OfferDialog dealId={mariasDeal.id} onClose={jest.fn()} />);
    expect(await screen.findByText('No vehicle in stock.')).toBeInTheDocument();
  });
});
