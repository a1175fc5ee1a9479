import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DealTypeDto } from '@autofunnel/shared';
import { App } from '../../../app/App';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../../test/fetch-mock';
import { dealTypes, signedInAsAnna } from '../../../test/fixtures';
import { renderWithStore } from '../../../test/render-with-store';
import type { AuthState } from '../../auth/auth-slice';

const admin: AuthState = { ...signedInAsAnna, user: { ...signedInAsAnna.user!, role: 'admin' } };
const IN_USE = '"Fleet enquiry" is the type of 4 deals; choose a type to give them instead';

/** A deal types API whose list changes as the page edits it; "Fleet enquiry" is in use, "Trade show" is not. */
function serveDealTypes() {
  let types: DealTypeDto[] = [...dealTypes, { id: 'dt-show', code: 'trade_show', name: 'Trade show', position: 6, system: false }];
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const id = url.pathname.split('/')[3];
    if (url.pathname === '/api/deal-types' && request.method === 'GET') return jsonResponse(types);
    if (url.pathname === '/api/deal-types' && request.method === 'POST') {
      const { name } = await request.clone().json();
      const created = { id: 'dt-new', code: 'demo_day', name, position: types.length, system: false };
      types = [...types, created];
      return jsonResponse(created, 201);
    }
    if (request.method === 'PATCH') {
      const { name, position } = await request.clone().json();
      if (name) types = types.map((type) => (type.id === id ? { ...type, name } : type));
      if (position) {
        const moved = types.find((type) => type.id === id)!;
        const others = types.filter((type) => type.id !== id);
        types = [...others.slice(0, position - 1), moved, ...others.slice(position - 1)].map((type, index) => ({ ...type, position: index + 1 }));
      }
      return jsonResponse(types.find((type) => type.id === id));
    }
    if (request.method === 'DELETE') {
      if (id === 'dt-fleet' && !url.searchParams.has('replaceWith')) return jsonResponse({ statusCode: 409, message: IN_USE, error: 'Conflict' }, 409);
      types = types.filter((type) => type.id !== id);
      return new Response(null, { status: 204 });
    }
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${pathOf(request)}`, error: 'Not Found' }, 404);
  });
}

const sent = (fetchMock: ReturnType<typeof mockFetch>, method: string) =>
  Promise.all(
    requestsOf(fetchMock)
      .filter((request) => request.method === method)
      .map(async (request) => ({ path: pathOf(request), body: method === 'DELETE' ? null : await request.json() })),
  );

function openDealTypes() {
  window.history.pushState({}, '', '/admin/deal-types');
  return renderWithStore(<App />, { auth: admin });
}

const names = () => screen.getAllByRole('textbox', { name: /^Name of/ }).map((input) => (input as HTMLInputElement).value);
const rowOf = (name: string) => screen.getByLabelText(`Name of “${name}”`).closest('li')!;

describe('DealTypesPage', () => {
  it('lists the types; built-in ones cannot be deleted', async () => {
    serveDealTypes();
    openDealTypes();

    expect(await screen.findByRole('heading', { name: 'Deal types', level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(names()).toEqual(['Internet lead', 'Phone call', 'Chat', 'SMS', 'Walk-in', 'Fleet enquiry', 'Trade show']));
    expect(screen.getByRole('link', { name: 'Deal types' })).toHaveAttribute('aria-current', 'page');
    expect(rowOf('Walk-in')).toHaveTextContent('built in');
    expect(within(rowOf('Walk-in')).queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(within(rowOf('Fleet enquiry')).getByRole('button', { name: 'Delete “Fleet enquiry”' })).toBeInTheDocument();
  });

  it('adds a type and renames one in place', async () => {
    const fetchMock = serveDealTypes();
    openDealTypes();

    fireEvent.change(await screen.findByLabelText('New deal type'), { target: { value: ' Demo day ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add deal type' }));
    await waitFor(() => expect(names()).toContain('Demo day'));
    expect(await sent(fetchMock, 'POST')).toEqual([{ path: '/api/deal-types', body: { name: 'Demo day' } }]);

    const walkIn = screen.getByLabelText('Name of “Walk-in”');
    act(() => walkIn.focus());
    fireEvent.change(walkIn, { target: { value: 'Showroom visit' } });
    fireEvent.keyDown(walkIn, { key: 'Enter' });
    expect(await screen.findByText('Renamed “Walk-in” to “Showroom visit”.')).toBeInTheDocument();
    expect(await sent(fetchMock, 'PATCH')).toEqual([{ path: '/api/deal-types/dt-walk-in', body: { name: 'Showroom visit' } }]);
  });

  it('moves a type up, as the pickers will offer it', async () => {
    const fetchMock = serveDealTypes();
    openDealTypes();

    await waitFor(() => expect(names()).toHaveLength(7));
    expect(screen.getByRole('button', { name: 'Move “Internet lead” up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move “Trade show” down' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Move “Fleet enquiry” up' }));

    await waitFor(() => expect(names()).toEqual(['Internet lead', 'Phone call', 'Chat', 'SMS', 'Fleet enquiry', 'Walk-in', 'Trade show']));
    expect(await sent(fetchMock, 'PATCH')).toEqual([{ path: '/api/deal-types/dt-fleet', body: { position: 5 } }]);
  });

  it('deletes an unused type after confirming', async () => {
    const fetchMock = serveDealTypes();
    openDealTypes();

    fireEvent.click(await screen.findByRole('button', { name: 'Delete “Trade show”' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Trade show”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete deal type' }));

    expect(await screen.findByText('Deal type “Trade show” deleted.')).toBeInTheDocument();
    await waitFor(() => expect(names()).not.toContain('Trade show'));
    expect(await sent(fetchMock, 'DELETE')).toEqual([{ path: '/api/deal-types/dt-show', body: null }]);
  });

  it('for a type in use, shows the server’s answer, offers the other types and retries with replaceWith', async () => {
    const fetchMock = serveDealTypes();
    openDealTypes();

    fireEvent.click(await screen.findByRole('button', { name: 'Delete “Fleet enquiry”' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Fleet enquiry”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete deal type' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(IN_USE);
    const replacement = within(dialog).getByLabelText('Give its deals the type');
    expect(within(replacement).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Choose a deal type…',
      'Internet lead',
      'Phone call',
      'Chat',
      'SMS',
      'Walk-in',
      'Trade show',
    ]);
    const retry = within(dialog).getByRole('button', { name: 'Move them and delete' });
    expect(retry).toBeDisabled();

    fireEvent.change(replacement, { target: { value: 'dt-phone' } });
    fireEvent.click(retry);

    expect(await screen.findByText('Deal type “Fleet enquiry” deleted; its deals are now “Phone call”.')).toBeInTheDocument();
    expect((await sent(fetchMock, 'DELETE')).map((request) => request.path)).toEqual(['/api/deal-types/dt-fleet', '/api/deal-types/dt-fleet?replaceWith=dt-phone']);
    await waitFor(() => expect(names()).not.toContain('Fleet enquiry'));
  });
});
