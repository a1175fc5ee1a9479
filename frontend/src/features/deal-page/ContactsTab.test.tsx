import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { LinkedContactDto } from '@autofunnel/shared';
import { jsonResponse } from '../../test/fetch-mock';
import { maria, mariasDeal, renderDealPage, requestsTo, serveDealPage } from './test-support';

jest.mock('../deal-actions/DealActionBar', () => ({ DealActionBar: () => null }));
jest.mock('../deal-actions/DealRecords', () => ({ DealRecords: () => null }));

const olga = { id: 'c-olga', name: 'Olga Lebedeva', kind: 'person' as const, phones: ['+79990000002'], emails: [] };
const linked: LinkedContactDto[] = [
  { contact: olga, role: 'Spouse', primary: false },
  { contact: maria, role: null, primary: true },
];

const panel = () => screen.getByRole('tabpanel', { name: 'Contacts' });

async function openTab(handler?: Parameters<typeof serveDealPage>[0]) {
  const served = serveDealPage(handler, { linked });
  renderDealPage('/deals/d1?tab=contacts');
  await within(await screen.findByRole('tabpanel', { name: 'Contacts' })).findByRole('listitem', { name: 'Olga Lebedeva' });
  return served;
}

describe('ContactsTab', () => {
  it('lists the linked contacts, the primary one first, with how to reach them', async () => {
    await openTab();
    const items = within(panel()).getAllByRole('listitem').filter((item) => item.classList.contains('linked-contact'));
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual(['Maria Lebedeva', 'Olga Lebedeva']);
    expect(within(items[0]).getByText('Primary')).toBeInTheDocument();
    expect(within(items[0]).getByRole('link', { name: 'Maria Lebedeva' })).toHaveAttribute('href', '/contacts/c-maria');
    expect(within(items[1]).getByText('Spouse')).toBeInTheDocument();
    expect(within(items[1]).getByRole('link', { name: '+79990000002' })).toHaveAttribute('href', 'tel:+79990000002');
    // the primary contact stays on the deal
    expect(within(items[0]).queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
  });

  it('removes a linked contact after asking', async () => {
    const { fetchMock, api } = await openTab((request, path, fake) => {
      if (request.method !== 'DELETE' || path !== '/api/deals/d1/contacts/c-olga') return null;
      fake.linked = fake.linked.filter((item) => item.contact.id !== olga.id);
      return new Response(null, { status: 204 });
    });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Remove Olga Lebedeva from the deal' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Olga Lebedeva from D-1042?' });
    expect(dialog).toHaveTextContent('The contact stays in Autofunnel');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove from the deal' }));

    await waitFor(() => expect(within(panel()).queryByRole('listitem', { name: 'Olga Lebedeva' })).not.toBeInTheDocument());
    expect(requestsTo(fetchMock, 'DELETE', '/api/deals/d1/contacts/c-olga')).toHaveLength(1);
    expect(api.linked).toHaveLength(1);
  });

  it('adds a new contact with a role, asking for a phone or an email', async () => {
    const { fetchMock } = await openTab((request, path, fake) => {
      if (request.method !== 'POST' || path !== '/api/deals/d1/contacts') return null;
      const added = { contact: { id: 'c-ivan', name: 'Ivan Lebedev', kind: 'person' as const, phones: ['+79990000003'], emails: [] }, role: 'Driver', primary: false };
      fake.linked = [...fake.linked, added];
      return jsonResponse(added, 201);
    });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Add a contact…' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a contact to the deal' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'New contact' }));
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Ivan Lebedev' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add to the deal' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Give a phone or an email');

    fireEvent.change(within(dialog).getByLabelText('Phone'), { target: { value: '+7 999 000-00-03' } });
    fireEvent.change(within(dialog).getByLabelText('Role (optional)'), { target: { value: 'Driver' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add to the deal' }));

    expect(await within(panel()).findByRole('listitem', { name: 'Ivan Lebedev' })).toBeInTheDocument();
    expect(await requestsTo(fetchMock, 'POST', '/api/deals/d1/contacts')[0].json()).toEqual({ contact: { name: 'Ivan Lebedev', phone: '+7 999 000-00-03' }, role: 'Driver' });
  });

  it('adds an existing contact found by the search (not one already on the deal)', async () => {
    const pavel = { ...olga, id: 'c-pavel', name: 'Pavel Lebedev', phones: ['+79990000004'], createdAt: '', updatedAt: '', customerNumber: null, convertedAt: null };
    const { fetchMock } = await openTab((request, path) => {
      if (path.startsWith('/api/contacts?q=Lebed')) return jsonResponse([{ ...olga, createdAt: '', updatedAt: '', customerNumber: null, convertedAt: null }, pavel]);
      if (request.method === 'POST' && path === '/api/deals/d1/contacts') return jsonResponse({ contact: pavel, role: null, primary: false }, 201);
      return null;
    });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Add a contact…' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a contact to the deal' });
    fireEvent.change(within(dialog).getByLabelText('Find a contact'), { target: { value: 'Lebed' } });
    const found = await within(dialog).findByRole('list', { name: 'Contacts found' });
    expect(within(found).queryByText('Olga Lebedeva')).not.toBeInTheDocument();
    fireEvent.click(await within(found).findByRole('button', { name: /Pavel Lebedev/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add to the deal' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await requestsTo(fetchMock, 'POST', '/api/deals/d1/contacts')[0].json()).toEqual({ contactId: 'c-pavel' });
  });

  it("edits a contact's name, phones and emails, and says why the server refused", async () => {
    let refuse = true;
    const { fetchMock } = await openTab((request, path, fake) => {
      if (request.method !== 'PATCH' || path !== '/api/contacts/c-olga') return null;
      if (refuse) {
        refuse = false;
        return jsonResponse({ statusCode: 409, error: 'Conflict', message: 'Another contact (Pavel Lebedev) has the phone +79990000009' }, 409);
      }
      const saved = { ...olga, phones: ['+79990000002', '+79990000005'], emails: ['olga@example.com'] };
      fake.linked = fake.linked.map((item) => (item.contact.id === olga.id ? { ...item, contact: saved } : item));
      return jsonResponse({ ...saved, createdAt: '', updatedAt: '', customerNumber: null, convertedAt: null });
    });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Edit Olga Lebedeva' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Olga Lebedeva' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add phone' }));
    fireEvent.change(within(dialog).getByLabelText('Phone 2'), { target: { value: '+79990000009' } });
    fireEvent.change(within(dialog).getByLabelText('Email 1'), { target: { value: 'olga@example.com' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The contact was not saved. Another contact (Pavel Lebedev) has the phone +79990000009');

    fireEvent.change(within(dialog).getByLabelText('Phone 2'), { target: { value: '+79990000005' } });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await requestsTo(fetchMock, 'PATCH', '/api/contacts/c-olga')[1].json()).toEqual({ phones: ['+79990000002', '+79990000005'], emails: ['olga@example.com'] });
    expect(await within(panel()).findByRole('link', { name: 'olga@example.com' })).toBeInTheDocument();
  });

  it('makes a linked contact the primary one (the customer on the card)', async () => {
    const { fetchMock } = await openTab((request, path, fake) => {
      if (request.method !== 'POST' || path !== '/api/deals/d1/contacts/c-olga/primary') return null;
      fake.deal = { ...fake.deal, contact: olga, version: 4 };
      fake.linked = [
        { contact: olga, role: null, primary: true },
        { contact: maria, role: null, primary: false },
      ];
      return jsonResponse(fake.deal);
    });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Make Olga Lebedeva the primary contact' }));
    const header = screen.getByRole('banner', { name: mariasDeal.title });
    expect(await within(header).findByRole('link', { name: 'Olga Lebedeva' })).toHaveAttribute('href', '/contacts/c-olga');
    await waitFor(() => expect(within(panel()).getAllByRole('listitem').filter((item) => item.classList.contains('linked-contact'))[0]).toHaveAccessibleName('Olga Lebedeva'));
    expect(requestsTo(fetchMock, 'POST', '/api/deals/d1/contacts/c-olga/primary')).toHaveLength(1);
  });

  it("shows the customer's earlier deals", async () => {
    await openTab();
    const history = within(panel()).getByRole('region', { name: 'Earlier deals of the customer' });
    expect(await within(history).findByText("This is the customer's first deal.")).toBeInTheDocument();
  });
});
