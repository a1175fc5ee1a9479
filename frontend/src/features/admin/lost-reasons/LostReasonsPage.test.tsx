import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { LostReasonDto } from '@autofunnel/shared';
import { Toasts } from '../../../components/Toasts';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../../test/fetch-mock';
import { signedInAsAnna } from '../../../test/fixtures';
import { renderWithStore } from '../../../test/render-with-store';
import type { AuthState } from '../../auth/auth-slice';
import { LostReasonsPage } from './LostReasonsPage';

const admin: AuthState = { ...signedInAsAnna, user: { ...signedInAsAnna.user!, role: 'admin' } };
const IN_USE = '"Bought elsewhere" is the reason of 3 lost deals; choose a reason to give them instead (replaceWith)';

/** A lost reasons API whose list changes as the page edits it, as the server does (moves shift the others). */
function serveReasons() {
  // stored positions need not be 1…n: the page sends places, not stored numbers
  let reasons: LostReasonDto[] = [
    { id: 'lr-refused', name: 'Refused', position: 10 },
    { id: 'lr-unreachable', name: 'Unreachable', position: 20 },
    { id: 'lr-elsewhere', name: 'Bought elsewhere', position: 30 },
  ];
  const renumber = (ordered: LostReasonDto[]) => ordered.map((reason, index) => ({ ...reason, position: index + 1 }));
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const id = url.pathname.split('/')[3];
    if (url.pathname === '/api/lost-reasons' && request.method === 'GET') return jsonResponse([...reasons].reverse());
    if (url.pathname === '/api/lost-reasons' && request.method === 'POST') {
      const { name } = await request.clone().json();
      if (reasons.some((reason) => reason.name.toLowerCase() === name.toLowerCase())) {
        return jsonResponse({ statusCode: 409, message: `There is already a lost reason “${name}”`, error: 'Conflict' }, 409);
      }
      const created = { id: 'lr-new', name, position: Math.max(...reasons.map((reason) => reason.position)) + 1 };
      reasons = [...reasons, created];
      return jsonResponse(created, 201);
    }
    if (request.method === 'PATCH') {
      const changes = await request.clone().json();
      const ordered = [...reasons].sort((a, b) => a.position - b.position);
      const moved = { ...ordered.find((reason) => reason.id === id)!, ...(changes.name && { name: changes.name }) };
      const others = ordered.filter((reason) => reason.id !== id);
      const place = changes.position === undefined ? ordered.findIndex((reason) => reason.id === id) : changes.position - 1;
      reasons = renumber([...others.slice(0, place), moved, ...others.slice(place)]);
      return jsonResponse(reasons.find((reason) => reason.id === id));
    }
    if (request.method === 'DELETE') {
      const replaceWith = url.searchParams.get('replaceWith');
      if (id === 'lr-elsewhere' && !replaceWith) return jsonResponse({ statusCode: 409, message: IN_USE, error: 'Conflict' }, 409);
      reasons = reasons.filter((reason) => reason.id !== id);
      return new Response(null, { status: 204 });
    }
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${pathOf(request)}`, error: 'Not Found' }, 404);
  });
}

function openPage() {
  renderWithStore(
    <MemoryRouter>
      <LostReasonsPage />
      <Toasts />
    </MemoryRouter>,
    { auth: admin },
  );
}

async function sent(fetchMock: ReturnType<typeof mockFetch>, method: string) {
  const requests = requestsOf(fetchMock).filter((request) => request.method === method);
  return Promise.all(requests.map(async (request) => ({ path: pathOf(request), body: method === 'DELETE' ? null : await request.json() })));
}

const names = () => screen.getAllByRole('textbox', { name: /^Name of/ }).map((input) => (input as HTMLInputElement).value);

describe('LostReasonsPage', () => {
  it('lists the reasons in their order and adds one at the end; a name already there is refused in words', async () => {
    const fetchMock = serveReasons();
    openPage();

    expect(await screen.findByRole('heading', { name: 'Lost reasons', level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(names()).toEqual(['Refused', 'Unreachable', 'Bought elsewhere']));

    fireEvent.click(screen.getByRole('button', { name: 'Add reason' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Type the reason');

    fireEvent.change(screen.getByLabelText('New reason'), { target: { value: 'refused' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Add reason' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('There is already a lost reason “refused”');

    fireEvent.change(screen.getByLabelText('New reason'), { target: { value: ' Financing declined ' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Add reason' }));
    await waitFor(() => expect(names()).toEqual(['Refused', 'Unreachable', 'Bought elsewhere', 'Financing declined']));
    expect((await sent(fetchMock, 'POST')).at(-1)).toEqual({ path: '/api/lost-reasons', body: { name: 'Financing declined' } });
    expect(screen.getByLabelText('New reason')).toHaveValue('');
  });

  it('renames a reason in place', async () => {
    const fetchMock = serveReasons();
    openPage();

    const unreachable = await screen.findByLabelText('Name of “Unreachable”');
    act(() => unreachable.focus());
    fireEvent.change(unreachable, { target: { value: 'No answer' } });
    fireEvent.keyDown(unreachable, { key: 'Enter' });

    expect(await screen.findByText('Renamed “Unreachable” to “No answer”.')).toBeInTheDocument();
    expect(await sent(fetchMock, 'PATCH')).toEqual([{ path: '/api/lost-reasons/lr-unreachable', body: { name: 'No answer' } }]);
    await waitFor(() => expect(names()).toEqual(['Refused', 'No answer', 'Bought elsewhere']));
  });

  it('moves reasons up and down by their place in the list', async () => {
    const fetchMock = serveReasons();
    openPage();

    await waitFor(() => expect(names()).toEqual(['Refused', 'Unreachable', 'Bought elsewhere']));
    // the ends cannot go further
    expect(screen.getByRole('button', { name: 'Move “Refused” up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move “Bought elsewhere” down' })).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: 'Move “Bought elsewhere” up' }));
    await waitFor(() => expect(names()).toEqual(['Refused', 'Bought elsewhere', 'Unreachable']));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move “Refused” down' })).toBeEnabled());
    fireEvent.click(screen.getByRole('button', { name: 'Move “Refused” down' }));
    await waitFor(() => expect(names()).toEqual(['Bought elsewhere', 'Refused', 'Unreachable']));

    expect(await sent(fetchMock, 'PATCH')).toEqual([
      { path: '/api/lost-reasons/lr-elsewhere', body: { position: 2 } },
      { path: '/api/lost-reasons/lr-refused', body: { position: 2 } },
    ]);
  });

  it('deletes an unused reason after confirming', async () => {
    const fetchMock = serveReasons();
    openPage();

    fireEvent.click(await screen.findByRole('button', { name: 'Delete “Unreachable”' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Unreachable”?' });
    expect(dialog).toHaveTextContent('Managers can no longer pick it when a deal is lost.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete reason' }));

    expect(await screen.findByText('Lost reason “Unreachable” deleted.')).toBeInTheDocument();
    await waitFor(() => expect(names()).toEqual(['Refused', 'Bought elsewhere']));
    expect(await sent(fetchMock, 'DELETE')).toEqual([{ path: '/api/lost-reasons/lr-unreachable', body: null }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('for a reason lost deals give, shows the server’s answer and retries with the reason they get instead', async () => {
    const fetchMock = serveReasons();
    openPage();

    fireEvent.click(await screen.findByRole('button', { name: 'Delete “Bought elsewhere”' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Bought elsewhere”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete reason' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(IN_USE);
    const replacement = within(dialog).getByLabelText('Give its lost deals the reason');
    expect(within(replacement).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choose a reason…', 'Refused', 'Unreachable']);
    fireEvent.change(replacement, { target: { value: 'lr-refused' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move them and delete' }));

    expect(await screen.findByText('Lost reason “Bought elsewhere” deleted; its deals are now lost for “Refused”.')).toBeInTheDocument();
    expect((await sent(fetchMock, 'DELETE')).map((request) => request.path)).toEqual(['/api/lost-reasons/lr-elsewhere', '/api/lost-reasons/lr-elsewhere?replaceWith=lr-refused']);
    await waitFor(() => expect(names()).toEqual(['Refused', 'Unreachable']));
  });
});
