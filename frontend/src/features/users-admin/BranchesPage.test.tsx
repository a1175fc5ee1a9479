import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BranchAdminDto } from '@autofunnel/shared';
import { App } from '../../app/App';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { anna, signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import type { AuthState } from '../auth/auth-slice';

const admin: AuthState = { ...signedInAsAnna, user: { ...anna, role: 'admin' } };
const IN_USE = '"North" is still used by 4 users, 12 deals and 1 channel; move them to another branch first';

/** A branches API whose list changes as the page edits it; "North" is in use. */
function serveBranches() {
  let branches: BranchAdminDto[] = [
    { id: 'br-north', name: 'North', userCount: 4, openDealCount: 12 },
    { id: 'br-south', name: 'South', userCount: 1, openDealCount: 1 },
    { id: 'br-old', name: 'Old yard', userCount: 0, openDealCount: 0 },
  ];
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const id = url.pathname.split('/')[3];
    if (pathOf(request) === '/api/branches?withCounts=true') return jsonResponse(branches);
    if (url.pathname === '/api/branches' && request.method === 'POST') {
      const created = { id: 'br-new', ...(await request.clone().json()) };
      branches = [...branches, { ...created, userCount: 0, openDealCount: 0 }];
      return jsonResponse(created, 201);
    }
    if (request.method === 'PATCH') {
      const { name } = await request.clone().json();
      if (name === 'South') return jsonResponse({ statusCode: 409, error: 'Conflict', message: 'There is already a branch named "South"' }, 409);
      branches = branches.map((branch) => (branch.id === id ? { ...branch, name } : branch));
      return jsonResponse({ id, name });
    }
    if (request.method === 'DELETE') {
      if (id === 'br-north') return jsonResponse({ statusCode: 409, error: 'Conflict', message: IN_USE, users: 4, deals: 12, channels: 1 }, 409);
      branches = branches.filter((branch) => branch.id !== id);
      return new Response(null, { status: 204 });
    }
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${pathOf(request)}`, error: 'Not Found' }, 404);
  });
}

function openBranches() {
  window.history.pushState({}, '', '/admin/branches');
  return renderWithStore(<App />, { auth: admin });
}

const names = () => screen.getAllByRole('textbox', { name: /^Name of/ }).map((input) => (input as HTMLInputElement).value);

describe('BranchesPage', () => {
  it('lists the branches with their users and open deals, and adds one', async () => {
    const fetchMock = serveBranches();
    openBranches();

    expect(await screen.findByRole('heading', { name: 'Branches', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Branches' })).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(names()).toEqual(['North', 'South', 'Old yard']));
    const rows = within(screen.getByRole('list', { name: 'Branches' })).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.branch-row__counts')?.textContent)).toEqual(['4 users · 12 open deals', '1 user · 1 open deal', '0 users · 0 open deals']);

    fireEvent.change(screen.getByLabelText('New branch'), { target: { value: ' East ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add branch' }));
    await waitFor(() => expect(names()).toEqual(['North', 'South', 'Old yard', 'East']));
    const posted = requestsOf(fetchMock).filter((request) => request.method === 'POST');
    expect(await Promise.all(posted.map((request) => request.json()))).toEqual([{ name: 'East' }]);
  });

  it('renames in place, and puts the name back with the reason when refused', async () => {
    serveBranches();
    openBranches();

    const old = await screen.findByLabelText('Name of “Old yard”');
    act(() => old.focus());
    fireEvent.change(old, { target: { value: 'Used cars yard' } });
    fireEvent.keyDown(old, { key: 'Enter' });
    expect(await screen.findByText('Renamed “Old yard” to “Used cars yard”.')).toBeInTheDocument();

    const north = screen.getByLabelText('Name of “North”');
    act(() => north.focus());
    fireEvent.change(north, { target: { value: 'South' } });
    fireEvent.keyDown(north, { key: 'Enter' });
    expect(await screen.findByText('Could not rename “North”. There is already a branch named "South"')).toBeInTheDocument();
    expect(north).toHaveValue('North');
  });

  it('deletes an unused branch after confirming, and shows why one in use cannot be', async () => {
    serveBranches();
    openBranches();

    fireEvent.click(await screen.findByRole('button', { name: 'Delete “Old yard”' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Delete “Old yard”?' })).getByRole('button', { name: 'Delete branch' }));
    expect(await screen.findByText('Branch “Old yard” deleted.')).toBeInTheDocument();
    await waitFor(() => expect(names()).toEqual(['North', 'South']));

    fireEvent.click(screen.getByRole('button', { name: 'Delete “North”' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “North”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete branch' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(IN_USE);
    expect(names()).toEqual(['North', 'South']);
  });
});
