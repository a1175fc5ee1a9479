import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UserAdminDto } from '@autofunnel/shared';
import { App } from '../../app/App';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { anna, signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import type { AuthState } from '../auth/auth-slice';

const admin: AuthState = { ...signedInAsAnna, user: { ...anna, role: 'admin' } };
const branches = [
  { id: 'br-north', name: 'North' },
  { id: 'br-south', name: 'South' },
];

function user(overrides: Partial<UserAdminDto> & Pick<UserAdminDto, 'id' | 'name'>): UserAdminDto {
  return {
    email: `${overrides.name.split(' ')[0].toLowerCase()}@demo.local`,
    role: 'manager',
    branchId: 'br-north',
    phoneExtension: null,
    active: true,
    onDuty: false,
    maxOpenDeals: null,
    openDealCount: 0,
    createdAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

const me = user({ id: anna.id, name: anna.name, email: anna.email, role: 'admin', branchId: null });
const boris = user({ id: 'u-boris', name: 'Boris Ivanov', phoneExtension: '103', onDuty: true, maxOpenDeals: 20, openDealCount: 3 });
const lena = user({ id: 'u-lena', name: 'Lena Petrova', role: 'lead', branchId: 'br-south', phoneExtension: '101' });
const olga = user({ id: 'u-olga', name: 'Olga Old', active: false });

type Answer = (request: Request, path: string) => Response | null | Promise<Response | null>;

/** The users API of an admin, with a list that changes as the page edits it; `answer` may take any request first. */
function serveUsers(answer: Answer = () => null) {
  let users = [me, boris, lena, olga];
  const replace = (changed: UserAdminDto) => (users = users.map((candidate) => (candidate.id === changed.id ? changed : candidate)));
  return mockFetch(async (request) => {
    const path = pathOf(request);
    const special = await answer(request, path);
    if (special) return special;
    const [, , , id, action] = new URL(request.url).pathname.split('/');
    if (path === '/api/users?status=all') return jsonResponse(users);
    if (path === '/api/branches') return jsonResponse(branches);
    if (path === '/api/users' && request.method === 'POST') {
      const { password: _password, ...fields } = await request.clone().json();
      const created = user({ id: 'u-new', ...fields });
      users = [...users, created];
      return jsonResponse(created, 201);
    }
    const target = users.find((candidate) => candidate.id === id);
    if (target && request.method === 'PATCH') return jsonResponse(replace({ ...target, ...(await request.clone().json()) }).find((candidate) => candidate.id === id));
    if (target && action === 'deactivate') {
      const deactivated = { ...target, active: false, onDuty: false };
      replace(deactivated);
      return jsonResponse({ user: deactivated, flaggedDeals: target.openDealCount });
    }
    if (target && action === 'activate') return jsonResponse(replace({ ...target, active: true }).find((candidate) => candidate.id === id));
    if (target && action === 'reset-password') {
      const body = await request.clone().json();
      return jsonResponse({ temporaryPassword: body.password ? null : 'k7dm-x2qp-9fwa' });
    }
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${path}`, error: 'Not Found' }, 404);
  });
}

async function sent(fetchMock: ReturnType<typeof mockFetch>, method: string) {
  return Promise.all(
    requestsOf(fetchMock)
      .filter((request) => request.method === method)
      .map(async (request) => ({ path: pathOf(request), body: await request.text().then((text) => (text ? JSON.parse(text) : null)) })),
  );
}

function openUsers(auth = admin) {
  window.history.pushState({}, '', '/admin/users');
  return renderWithStore(<App />, { auth });
}

const rowOf = (name: string) => screen.getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!;
const cellsOf = (name: string) => within(rowOf(name)).getAllByRole('cell').map((cell) => cell.textContent);

describe('UsersPage', () => {
  it('shows every user with their role, branch, extension, duty, cap, open deals and status', async () => {
    serveUsers();
    openUsers();

    expect(await screen.findByRole('heading', { name: 'Users', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
    await screen.findByRole('rowheader', { name: 'Boris Ivanov' });
    await waitFor(() => expect(cellsOf('Boris Ivanov')[2]).toBe('North'));
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Name',
      'Email',
      'Role',
      'Branch',
      'Extension',
      'On duty',
      'Cap',
      'Open deals',
      'Status',
      'Actions',
    ]);
    expect(cellsOf('Boris Ivanov').slice(0, 8)).toEqual(['boris@demo.local', 'Sales manager', 'North', '103', 'Yes', '20', '3', 'Active']);
    expect(cellsOf('Lena Petrova').slice(0, 8)).toEqual(['lena@demo.local', 'Team lead', 'South', '101', 'No', '—', '0', 'Active']);
    expect(cellsOf('Olga Old')[7]).toBe('Deactivated');
    expect(within(rowOf('Olga Old')).getByRole('button', { name: 'Activate Olga Old' })).toBeInTheDocument();
    // an admin's own row: no deactivating or resetting oneself here
    expect(within(rowOf(anna.name)).getAllByRole('button').map((button) => button.textContent)).toEqual([`Edit ${anna.name}`]);
  });

  it('adds a user through the "New user" dialog, checking the form first', async () => {
    const fetchMock = serveUsers();
    openUsers();

    fireEvent.click(await screen.findByRole('button', { name: 'New user' }));
    const dialog = screen.getByRole('dialog', { name: 'New user' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: ' Maria Gonzalez ' } });
    fireEvent.change(within(dialog).getByLabelText('Email'), { target: { value: 'Maria@Dealer.Example' } });
    fireEvent.change(within(dialog).getByLabelText('First password'), { target: { value: 'short' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add user' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The first password must be at least 8 characters.');

    fireEvent.change(within(dialog).getByLabelText('First password'), { target: { value: 'first-password' } });
    fireEvent.change(within(dialog).getByLabelText('Role'), { target: { value: 'lead' } });
    fireEvent.change(within(dialog).getByLabelText('Branch'), { target: { value: 'br-south' } });
    fireEvent.change(within(dialog).getByLabelText('Phone extension'), { target: { value: '104' } });
    fireEvent.change(within(dialog).getByLabelText('Cap on open deals'), { target: { value: '15' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add user' }));

    expect(await screen.findByText('Maria Gonzalez was added. Tell them their first password.')).toBeInTheDocument();
    expect(await sent(fetchMock, 'POST')).toEqual([
      {
        path: '/api/users',
        body: { name: 'Maria Gonzalez', email: 'maria@dealer.example', role: 'lead', password: 'first-password', branchId: 'br-south', phoneExtension: '104', maxOpenDeals: 15 },
      },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: 'Maria Gonzalez' })).toBeInTheDocument();
  });

  it('shows the server’s refusal in the dialog, e.g. a taken email', async () => {
    serveUsers((request, path) =>
      path === '/api/users' && request.method === 'POST'
        ? jsonResponse({ statusCode: 409, error: 'Conflict', message: 'There is already a user with the email boris@demo.local' }, 409)
        : null,
    );
    openUsers();

    fireEvent.click(await screen.findByRole('button', { name: 'New user' }));
    const dialog = screen.getByRole('dialog', { name: 'New user' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Boris Again' } });
    fireEvent.change(within(dialog).getByLabelText('Email'), { target: { value: 'boris@demo.local' } });
    fireEvent.change(within(dialog).getByLabelText('First password'), { target: { value: 'first-password' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add user' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('There is already a user with the email boris@demo.local');
  });

  it('edits a user, sending only what changed', async () => {
    const fetchMock = serveUsers();
    openUsers();

    fireEvent.click(await screen.findByRole('button', { name: 'Edit Boris Ivanov' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit “Boris Ivanov”' });
    expect(within(dialog).getByLabelText('On duty')).toBeChecked();
    fireEvent.change(within(dialog).getByLabelText('Branch'), { target: { value: 'br-south' } });
    fireEvent.change(within(dialog).getByLabelText('Cap on open deals'), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Boris Ivanov was saved.')).toBeInTheDocument();
    expect(await sent(fetchMock, 'PATCH')).toEqual([{ path: '/api/users/u-boris', body: { branchId: 'br-south', maxOpenDeals: null } }]);
    await waitFor(() => expect(cellsOf('Boris Ivanov')[2]).toBe('South'));
  });

  it('deactivates after a confirmation that says what happens, and tells how many deals were flagged', async () => {
    const fetchMock = serveUsers();
    openUsers();

    fireEvent.click(await screen.findByRole('button', { name: 'Deactivate Boris Ivanov' }));
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Boris Ivanov?' });
    expect(dialog).toHaveTextContent('Boris Ivanov is signed out at once and can no longer sign in.');
    expect(dialog).toHaveTextContent('Their 3 open deals stay theirs but are flagged for reassignment');
    // Cancel is the safe choice and sends nothing
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Boris Ivanov' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Deactivate Boris Ivanov?' })).getByRole('button', { name: 'Deactivate' }));

    expect(await screen.findByText('Boris Ivanov was deactivated: 3 open deals flagged for reassignment.')).toBeInTheDocument();
    expect((await sent(fetchMock, 'POST')).map((request) => request.path)).toEqual(['/api/users/u-boris/deactivate']);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(cellsOf('Boris Ivanov')[7]).toBe('Deactivated'));

    fireEvent.click(within(rowOf('Boris Ivanov')).getByRole('button', { name: 'Activate Boris Ivanov' }));
    expect(await screen.findByText('Boris Ivanov can sign in again.')).toBeInTheDocument();
    await waitFor(() => expect(cellsOf('Boris Ivanov')[7]).toBe('Active'));
  });

  it('resets a password and shows the temporary one once, with a copy button', async () => {
    const fetchMock = serveUsers();
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    openUsers();

    fireEvent.click(await screen.findByRole('button', { name: 'Reset password of Lena Petrova' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset the password of Lena Petrova?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset password' }));

    expect(await within(dialog).findByLabelText('Temporary password')).toHaveTextContent('k7dm-x2qp-9fwa');
    expect(dialog).toHaveTextContent('it is not shown again');
    expect(await sent(fetchMock, 'POST')).toEqual([{ path: '/api/users/u-lena/reset-password', body: {} }]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await within(dialog).findByText('Copied.')).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith('k7dm-x2qp-9fwa');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByText('k7dm-x2qp-9fwa')).not.toBeInTheDocument();
  });

  it('sets a password the admin chose without showing it back', async () => {
    const fetchMock = serveUsers();
    openUsers();

    fireEvent.click(await screen.findByRole('button', { name: 'Reset password of Lena Petrova' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset the password of Lena Petrova?' });
    fireEvent.change(within(dialog).getByLabelText('New password (optional)'), { target: { value: 'chosen-password' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset password' }));

    expect(await screen.findByText('The password of Lena Petrova was changed; they were signed out everywhere.')).toBeInTheDocument();
    expect(await sent(fetchMock, 'POST')).toEqual([{ path: '/api/users/u-lena/reset-password', body: { password: 'chosen-password' } }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
