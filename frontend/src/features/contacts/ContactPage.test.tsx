import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { ContactDto, ContactWithDealsDto, UserDto } from '@autofunnel/shared';
import { Toasts } from '../../components/Toasts';
import type { AuthState } from '../auth/auth-slice';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { anna, deal, signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import { ContactPage } from './ContactPage';

const admin: UserDto = { id: 'u-admin', email: 'admin@demo.local', name: 'Alex Admin', role: 'admin', branchId: null };
const signedInAsAdmin: AuthState = { token: 'token-of-admin', user: admin, notice: null };

const contactBase: ContactDto = {
  id: 'c1',
  name: 'Maria Jansen',
  kind: 'person',
  phones: ['+79123456789'],
  emails: ['maria@example.com'],
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  customerNumber: null,
  convertedAt: null,
};
const maria: ContactWithDealsDto = {
  ...contactBase,
  deals: [deal({ id: 'd1', code: 'D-1042', stageId: 'st-test-drive', title: 'Kia Sportage for Maria', responsible: { id: anna.id, name: anna.name } })],
};
const duplicate: ContactDto = { ...contactBase, id: 'c2', name: 'M. Jansen', phones: ['+79120000002'], emails: [] };
const converted: ContactWithDealsDto = { ...maria, customerNumber: 'C-000123', convertedAt: '2026-11-03T10:00:00.000Z' };

type Handler = (request: Request, path: string) => Response | null;

function renderPage(auth: AuthState, handler: Handler = () => null, contact: ContactWithDealsDto = maria) {
  const fetchMock = mockFetch((request) => {
    const path = pathOf(request);
    const answer = handler(request, path);
    if (answer) return answer;
    if (path === '/api/contacts/c1') return jsonResponse(contact);
    return jsonResponse({ statusCode: 404, message: 'No', error: 'Not Found' }, 404);
  });
  renderWithStore(
    <MemoryRouter initialEntries={['/contacts/c1']}>
      <Routes>
        <Route path="/contacts/:contactId" element={<ContactPage />} />
      </Routes>
      <Toasts />
    </MemoryRouter>,
    { auth },
  );
  return fetchMock;
}

const posts = (fetchMock: ReturnType<typeof mockFetch>) => requestsOf(fetchMock).filter((request) => request.method === 'POST');

describe('ContactPage', () => {
  it('shows the contact, their Lead badge and their deals, each opening its drawer', async () => {
    renderPage(signedInAsAnna);
    expect(await screen.findByRole('heading', { name: 'Maria Jansen', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Lead')).toHaveClass('customer-badge--lead');
    expect(screen.getByRole('link', { name: '+79123456789' })).toHaveAttribute('href', 'tel:+79123456789');
    expect(screen.getByRole('link', { name: 'maria@example.com' })).toHaveAttribute('href', 'mailto:maria@example.com');
    const deals = screen.getByRole('region', { name: 'Deals' });
    expect(within(deals).getByRole('link', { name: 'D-1042' })).toHaveAttribute('href', '/funnels/funnel-showroom/deals/d1');
    expect(within(deals).getByText('Kia Sportage for Maria')).toBeInTheDocument();
  });

  it('converts to a customer after confirming, and shows the new number', async () => {
    let current = maria;
    const fetchMock = renderPage(signedInAsAnna, (request, path) => {
      if (path === '/api/contacts/c1' && request.method === 'GET') return jsonResponse(current);
      if (path === '/api/contacts/c1/convert') {
        current = converted;
        return jsonResponse({ ...contactBase, customerNumber: 'C-000123', convertedAt: converted.convertedAt });
      }
      return null;
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Convert to customer' }));
    const dialog = screen.getByRole('dialog', { name: 'Convert Maria Jansen to a customer?' });
    expect(posts(fetchMock)).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Convert to customer' }));

    expect(await screen.findByText('Maria Jansen is now customer C-000123.')).toBeInTheDocument();
    expect(await screen.findByText('Customer C-000123')).toHaveClass('customer-badge--customer');
    expect(screen.queryByRole('button', { name: 'Convert to customer' })).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(posts(fetchMock).map(pathOf)).toEqual(['/api/contacts/c1/convert']);
  });

  it('says in plain words why a conversion was refused, keeping the dialog open', async () => {
    renderPage(signedInAsAnna, (_request, path) =>
      path === '/api/contacts/c1/convert'
        ? jsonResponse({ statusCode: 409, error: 'Conflict', message: 'Maria Jansen is already customer C-000042', customerNumber: 'C-000042' }, 409)
        : null,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Convert to customer' }));
    const dialog = screen.getByRole('dialog', { name: 'Convert Maria Jansen to a customer?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Convert to customer' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Maria Jansen is already customer C-000042');
  });

  it('offers a manager no conversion of a contact they hold no deal of, and no merge', async () => {
    const boris = { ...signedInAsAnna, user: { ...anna, id: 'boris', name: 'Boris' } };
    renderPage(boris);
    expect(await screen.findByRole('heading', { name: 'Maria Jansen', level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Convert to customer' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Merge a duplicate/ })).toBeNull();
  });

  it('lets an admin find a duplicate, see both, and merge it after confirming', async () => {
    const fetchMock = renderPage(signedInAsAdmin, (_request, path) => {
      if (path.startsWith('/api/search?')) return jsonResponse({ contacts: [contactBase, duplicate], deals: [] });
      if (path === '/api/contacts/c2') return jsonResponse({ ...duplicate, deals: [deal({ id: 'd7', code: 'D-7', stageId: 'st-test-drive' }), deal({ id: 'd8', code: 'D-8', stageId: 'st-test-drive' })] });
      if (path === '/api/contacts/c1/merge') return jsonResponse({ ...contactBase, phones: [...contactBase.phones, ...duplicate.phones] });
      return null;
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Merge a duplicate into this contact…' }));
    const dialog = screen.getByRole('dialog', { name: 'Merge a duplicate into Maria Jansen' });
    fireEvent.change(within(dialog).getByLabelText('Find the duplicate'), { target: { value: 'jansen' } });

    const found = await within(dialog).findByRole('list', { name: 'Contacts found' });
    await waitFor(() => expect(within(found).getAllByRole('button').map((button) => button.textContent)).toEqual(['M. Jansen+79120000002']));
    fireEvent.click(within(found).getByRole('button'));

    expect(within(dialog).getByRole('region', { name: 'Keep' })).toHaveTextContent('Maria Jansen Lead+79123456789 · maria@example.com1 deal');
    const merged = within(dialog).getByRole('region', { name: 'Merge and delete' });
    expect(await within(merged).findByText('2 deals')).toBeInTheDocument();
    expect(merged).toHaveTextContent('M. Jansen Lead+79120000002');
    expect(posts(fetchMock)).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));

    expect(await screen.findByText('M. Jansen was merged into Maria Jansen.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    const [merge] = posts(fetchMock);
    expect(pathOf(merge)).toBe('/api/contacts/c1/merge');
    expect(await merge.json()).toEqual({ duplicateId: 'c2' });
  });

  it('tells an admin in plain words when the duplicate is already gone', async () => {
    renderPage(signedInAsAdmin, (_request, path) => {
      if (path.startsWith('/api/search?')) return jsonResponse({ contacts: [duplicate], deals: [] });
      if (path === '/api/contacts/c2') return jsonResponse({ ...duplicate, deals: [] });
      if (path === '/api/contacts/c1/merge') return jsonResponse({ statusCode: 404, error: 'Not Found', message: 'Contact c2 does not exist' }, 404);
      return null;
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Merge a duplicate into this contact…' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Find the duplicate'), { target: { value: 'jansen' } });
    fireEvent.click(await within(dialog).findByRole('button', { name: /M\. Jansen/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'One of the two contacts no longer exists; it may have been merged or deleted meanwhile. Search again.',
    );
  });

  it('says so when the contact does not exist (e.g. merged away)', async () => {
    renderPage(signedInAsAnna, (_request, path) => (path === '/api/contacts/c1' ? jsonResponse({ statusCode: 404, error: 'Not Found', message: 'Contact c1 does not exist' }, 404) : null));
    expect(await screen.findByText('This contact does not exist')).toBeInTheDocument();
  });
});
