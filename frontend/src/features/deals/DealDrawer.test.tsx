import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Toasts } from '../../components/Toasts';
import { card, funnel } from '../../test/board-fixtures';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { signedInAsAnna } from '../../test/fixtures';
import { directoryAnswer } from '../../test/render-board';
import { renderWithStore } from '../../test/render-with-store';
import { DealDrawer } from './DealDrawer';

const deal = card('d1', 'st-selection', 'a0', { code: 'D-1042', title: 'Kia for Maria', amount: 28500, vehicleInterest: 'Kia Sportage', version: 3 });

/** The customer's history: this deal only, unless a test gives more. */
const firstDealOnly = () => jsonResponse({ ...deal.contact, createdAt: deal.createdAt, updatedAt: deal.createdAt, deals: [deal] });

function serve(handler: (request: Request, path: string) => Response | null) {
  return mockFetch((request) => {
    const path = pathOf(request);
    const defaults = () =>
      path === '/api/deals/d1/events' ? jsonResponse([]) : path === `/api/contacts/${deal.contact.id}` ? firstDealOnly() : jsonResponse({ statusCode: 404, message: 'No', error: 'Not Found' }, 404);
    return handler(request, path) ?? directoryAnswer(path) ?? defaults();
  });
}

const renderDrawer = () =>
  renderWithStore(
    <MemoryRouter>
      <DealDrawer dealId="d1" funnel={funnel} onClose={jest.fn()} />
      <Toasts />
    </MemoryRouter>,
    { auth: signedInAsAnna },
  );

describe('DealDrawer', () => {
  it("links the customer's name to their contact page and shows whether they are a customer", async () => {
    serve((_request, path) => {
      if (path === '/api/deals/d1') return jsonResponse(deal);
      if (path === `/api/contacts/${deal.contact.id}`) {
        return jsonResponse({ ...deal.contact, createdAt: deal.createdAt, updatedAt: deal.createdAt, customerNumber: 'C-000007', convertedAt: deal.createdAt, deals: [deal] });
      }
      return null;
    });
    renderDrawer();
    const customer = within(await screen.findByRole('dialog', { name: 'Deal D-1042' })).getByRole('region', { name: 'Customer' });
    expect(within(customer).getByRole('link', { name: deal.contact.name })).toHaveAttribute('href', `/contacts/${deal.contact.id}`);
    expect(await within(customer).findByText('Customer C-000007')).toBeInTheDocument();
  });

  it('saves edited fields with the version it showed', async () => {
    const fetchMock = serve((request, path) => {
      if (path === '/api/deals/d1' && request.method === 'GET') return jsonResponse(deal);
      if (path === '/api/deals/d1' && request.method === 'PATCH') return jsonResponse({ ...deal, amount: 27000, version: 4 });
      return null;
    });
    renderDrawer();
    const drawer = await screen.findByRole('dialog', { name: 'Deal D-1042' });
    fireEvent.change(within(drawer).getByLabelText('Amount'), { target: { value: '27000' } });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Save changes' }));

    expect(await within(drawer).findByText('Saved.')).toBeInTheDocument();
    const patch = requestsOf(fetchMock).find((request) => request.method === 'PATCH')!;
    expect(await patch.json()).toEqual({ amount: 27000, version: 3 });
  });

  it('says someone else changed the deal (409) and shows their version', async () => {
    let current = deal;
    serve((request, path) => {
      if (path === '/api/deals/d1' && request.method === 'GET') return jsonResponse(current);
      if (path === '/api/deals/d1' && request.method === 'PATCH') {
        current = { ...deal, title: 'Kia Sportage hybrid for Maria', version: 4 };
        return jsonResponse({ statusCode: 409, error: 'Conflict', message: 'Someone changed this deal meanwhile (it is now at version 4); reload it and try again', currentVersion: 4 }, 409);
      }
      return null;
    });
    renderDrawer();
    const drawer = await screen.findByRole('dialog', { name: 'Deal D-1042' });
    fireEvent.change(within(drawer).getByLabelText('Title'), { target: { value: 'My title' } });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Save changes' }));

    expect(await within(drawer).findByRole('alert')).toHaveTextContent('Someone else changed this deal while you were editing it');
    await waitFor(() => expect(within(drawer).getByLabelText('Title')).toHaveValue('Kia Sportage hybrid for Maria'));
  });

  it('closes a deal as lost with a reason', async () => {
    const fetchMock = serve((request, path) => {
      if (path === '/api/deals/d1' && request.method === 'GET') return jsonResponse(deal);
      if (path === '/api/deals/d1/close') return jsonResponse({ ...deal, status: 'lost', lostReason: 'Unreachable', version: 4 });
      return null;
    });
    renderDrawer();
    const drawer = await screen.findByRole('dialog', { name: 'Deal D-1042' });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Close as lost…' }));
    fireEvent.change(within(drawer).getByLabelText('Why was it lost?'), { target: { value: 'Unreachable' } });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Close as lost' }));

    expect(await within(drawer).findByRole('button', { name: 'Reopen' })).toBeInTheDocument();
    const close = requestsOf(fetchMock).find((request) => pathOf(request) === '/api/deals/d1/close')!;
    expect(await close.json()).toEqual({ outcome: 'lost', reason: 'Unreachable' });
  });

  it("shows a repeat customer's earlier deals, and the requests that came in through a channel", async () => {
    const flagged = { ...deal, channel: 'Website form', newRequestAt: '2026-11-02T09:00:00.000Z' };
    const earlier = card('d0', 'st-selection', 'a1', { code: 'D-0977', title: 'Renault Clio for Maria', status: 'lost', amount: 19900, funnelId: funnel.id });
    const request = (summary: string) => ({ kind: 'form', channel: { id: 'ch1', name: 'Website form' }, summary, details: {} });
    serve((_request, path) => {
      if (path === '/api/deals/d1') return jsonResponse(flagged);
      if (path === `/api/contacts/${deal.contact.id}`) return jsonResponse({ ...deal.contact, createdAt: deal.createdAt, updatedAt: deal.createdAt, deals: [flagged, earlier] });
      if (path === '/api/deals/d1/events') {
        return jsonResponse([
          { seq: 1, type: 'deal.created', at: '2026-11-01T10:00:00.000Z', actor: null, data: { stageId: 'st-new', contactReused: true, request: request('Web form: Is it available?') } },
          { seq: 2, type: 'deal.request_added', at: '2026-11-02T09:00:00.000Z', actor: null, data: { request: request('Web form: Any news?') } },
        ]);
      }
      return null;
    });
    renderDrawer();
    const drawer = await screen.findByRole('dialog', { name: 'Deal D-1042' });

    const history = within(drawer).getByRole('region', { name: 'Earlier deals of the customer' });
    const link = await within(history).findByRole('link', { name: 'D-0977' });
    expect(link).toHaveAttribute('href', `/funnels/${funnel.id}/deals/d0`);
    expect(within(history).getByText('Renault Clio for Maria')).toBeInTheDocument();
    expect(within(history).queryByText('D-1042')).toBeNull();
    expect(within(drawer).getByText('Website form', { selector: 'dd' })).toBeInTheDocument();

    const entries = await within(drawer).findAllByRole('listitem', { name: '' });
    const timeline = entries.map((entry) => entry.textContent).filter((text) => text?.includes('—'));
    expect(timeline[0]).toContain('Website form — New request from the customer: Web form: Any news?');
    expect(timeline[1]).toContain('Website form — Web form: Is it available?; created the deal in Unassigned for a returning customer');
  });

  it('says in plain words when the deal cannot be found', async () => {
    serve((_request, path) => (path === '/api/deals/d1' ? jsonResponse({ statusCode: 404, message: 'Deal d1 does not exist', error: 'Not Found' }, 404) : null));
    renderDrawer();
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load this deal. Deal d1 does not exist');
  });
});

describe('DealDrawer for a team lead', () => {
  it('assigns the deal to another user', async () => {
    const lead = { ...signedInAsAnna, user: { ...signedInAsAnna.user!, role: 'lead' as const } };
    const fetchMock = serve((request, path) => {
      if (path === '/api/deals/d1' && request.method === 'GET') return jsonResponse(deal);
      if (path === '/api/deals/d1/assign') return jsonResponse({ ...deal, responsible: { id: 'user-boris', name: 'Boris Ivanov' }, version: 4 });
      return null;
    });
    renderWithStore(
      <MemoryRouter>
        <DealDrawer dealId="d1" funnel={funnel} onClose={jest.fn()} />
      </MemoryRouter>,
      { auth: lead },
    );
    const drawer = await screen.findByRole('dialog', { name: 'Deal D-1042' });
    fireEvent.change(await within(drawer).findByLabelText('Assign to'), { target: { value: 'user-boris' } });
    await waitFor(() => expect(requestsOf(fetchMock).some((request) => pathOf(request) === '/api/deals/d1/assign')).toBe(true));
    const assign = requestsOf(fetchMock).find((request) => pathOf(request) === '/api/deals/d1/assign')!;
    expect(await assign.json()).toEqual({ userId: 'user-boris' });
    expect(await within(drawer).findByText('Boris Ivanov', { selector: 'dd' })).toBeInTheDocument();
  });
});
