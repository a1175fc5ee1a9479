import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { funnel } from '../../test/board-fixtures';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { signedInAsAnna } from '../../test/fixtures';
import { directoryAnswer } from '../../test/render-board';
import { renderWithStore } from '../../test/render-with-store';
import { NewDealDialog } from './NewDealDialog';

const known = { id: 'c-known', name: 'Maria Jansen', kind: 'person', phones: ['+31205551234'], emails: [], createdAt: '', updatedAt: '' };
const created = (body: Record<string, unknown>) => ({ id: 'new', code: 'D-2000', contact: { name: (body.contact as { name?: string })?.name ?? known.name } });

function serve() {
  return mockFetch(async (request) => {
    const path = pathOf(request);
    if (path.startsWith('/api/contacts?q=')) return jsonResponse(path.includes('Jansen') ? [known] : []);
    if (path === '/api/deals' && request.method === 'POST') return jsonResponse(created(await request.clone().json()), 201);
    return directoryAnswer(path) ?? jsonResponse({ statusCode: 404, message: 'No', error: 'Not Found' }, 404);
  });
}

async function lastDealRequest(fetchMock: ReturnType<typeof mockFetch>) {
  await waitFor(() => expect(requestsOf(fetchMock).some((request) => request.method === 'POST')).toBe(true));
  return requestsOf(fetchMock).find((request) => request.method === 'POST')!.json();
}

describe('NewDealDialog', () => {
  it('finds a known customer and creates the deal for them', async () => {
    const fetchMock = serve();
    const onClose = jest.fn();
    renderWithStore(<NewDealDialog funnel={funnel} onClose={onClose} onOpenDeal={jest.fn()} />, { auth: signedInAsAnna });

    fireEvent.change(screen.getByLabelText('Customer'), { target: { value: 'Jansen' } });
    fireEvent.click(await screen.findByRole('button', { name: /Maria Jansen/ }));
    fireEvent.change(screen.getByLabelText('Vehicle of interest'), { target: { value: 'Kia Sportage' } });
    fireEvent.change(await screen.findByLabelText('Source'), { target: { value: 'src-web' } });
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'walk_in' } });
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '28 500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create deal' }));

    expect(await lastDealRequest(fetchMock)).toEqual({
      funnelId: funnel.id,
      contactId: 'c-known',
      vehicleInterest: 'Kia Sportage',
      sourceId: 'src-web',
      type: 'walk_in',
      amount: 28500,
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('creates a new customer from what was typed, and asks for a phone or email first', async () => {
    const fetchMock = serve();
    renderWithStore(<NewDealDialog funnel={funnel} onClose={jest.fn()} onOpenDeal={jest.fn()} />, { auth: signedInAsAnna });

    fireEvent.change(screen.getByLabelText('Customer'), { target: { value: 'Pieter de Vries' } });
    expect(await screen.findByText('No customer found: a new one will be created.')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('Pieter de Vries');
    fireEvent.click(screen.getByRole('button', { name: 'Create deal' }));
    expect(screen.getByRole('alert')).toHaveTextContent('A new customer needs a phone number or an email address.');

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'pieter@example.com' } });
    fireEvent.click(screen.getByLabelText(/I will work on it myself/));
    fireEvent.click(screen.getByRole('button', { name: 'Create deal' }));
    expect(await lastDealRequest(fetchMock)).toEqual({
      funnelId: funnel.id,
      contact: { name: 'Pieter de Vries', email: 'pieter@example.com' },
      responsibleId: signedInAsAnna.user!.id,
    });
  });

  it('offers the deal types of the API, the dealership’s own included', async () => {
    const fetchMock = serve();
    renderWithStore(<NewDealDialog funnel={funnel} onClose={jest.fn()} onOpenDeal={jest.fn()} />, { auth: signedInAsAnna });

    const type = screen.getByLabelText('Type');
    await waitFor(() =>
      expect(within(type).getAllByRole('option').map((option) => option.textContent)).toEqual(['Not known', 'Internet lead', 'Phone call', 'Chat', 'SMS', 'Walk-in', 'Fleet enquiry']),
    );
    fireEvent.change(screen.getByLabelText('Customer'), { target: { value: 'Jansen' } });
    fireEvent.click(await screen.findByRole('button', { name: /Maria Jansen/ }));
    fireEvent.change(type, { target: { value: 'fleet_enquiry' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create deal' }));
    expect(await lastDealRequest(fetchMock)).toEqual({ funnelId: funnel.id, contactId: 'c-known', type: 'fleet_enquiry' });
  });
});
