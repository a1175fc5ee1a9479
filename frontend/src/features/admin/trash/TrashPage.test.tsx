import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { TrashedDealDto, UserRef } from '@autofunnel/shared';
import { Toasts } from '../../../components/Toasts';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../../test/fetch-mock';
import { deal, showroom, signedInAsAnna } from '../../../test/fixtures';
import { renderWithStore } from '../../../test/render-with-store';
import type { AuthState } from '../../auth/auth-slice';
import { TrashPage } from './TrashPage';

const admin: AuthState = { ...signedInAsAnna, user: { ...signedInAsAnna.user!, role: 'admin' } };

const trashed = (id: string, code: string, name: string, trashedAt: string, trashedBy: UserRef | null): TrashedDealDto => ({
  ...deal({ id, code, stageId: 'st-test-drive', title: `Deal of ${name}`, trashedAt, contact: { id: `c-${id}`, name, kind: 'person', phones: [], emails: [] } }),
  trashedBy,
});

const ivan = trashed('d-ivan', 'D-1001', 'Ivan Sidorov', '2026-11-22T09:00:00.000Z', { id: 'u-anna', name: 'Anna Petrova' });
const maria = trashed('d-maria', 'D-1002', 'Maria Lebedeva', '2026-11-21T09:00:00.000Z', { id: 'u-boris', name: 'Boris Ivanov' });
const oleg = trashed('d-oleg', 'D-1003', 'Oleg Kuznetsov', '2026-11-20T09:00:00.000Z', null);

/** The trash in pages of two; restoring takes a deal out. */
function serveTrash() {
  let inTrash = [ivan, maria, oleg];
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/deals/trash') {
      const start = url.searchParams.get('cursor') === 'after-maria' ? 2 : 0;
      return jsonResponse({ items: inTrash.slice(start, start + 2), nextCursor: start === 0 && inTrash.length > 2 ? 'after-maria' : null, total: inTrash.length });
    }
    if (url.pathname === '/api/funnels') return jsonResponse([showroom]);
    if (url.pathname === '/api/deals/d-maria/restore' && request.method === 'POST') {
      inTrash = inTrash.filter((candidate) => candidate.id !== maria.id);
      return jsonResponse({ ...maria, trashedAt: null, version: 2 });
    }
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${pathOf(request)}`, error: 'Not Found' }, 404);
  });
}

function openTrash() {
  renderWithStore(
    <MemoryRouter>
      <TrashPage />
      <Toasts />
    </MemoryRouter>,
    { auth: admin },
  );
}

const rowOf = async (code: string) => (await screen.findByRole('rowheader', { name: new RegExp(`^${code}`) })).closest('tr')!;

describe('TrashPage', () => {
  it('lists the trashed deals with when and by whom, and loads more', async () => {
    const fetchMock = serveTrash();
    openTrash();

    const ivansRow = await rowOf('D-1001');
    expect(ivansRow).toHaveTextContent('Deal of Ivan Sidorov');
    expect(ivansRow).toHaveTextContent('Ivan Sidorov');
    expect(ivansRow).toHaveTextContent('Car showroom');
    expect(ivansRow).toHaveTextContent('Anna Petrova');
    expect(await rowOf('D-1002')).toHaveTextContent('Boris Ivanov');
    expect(within(await rowOf('D-1002')).getByRole('button', { name: 'Restore D-1002' })).toBeEnabled();
    expect(screen.getByRole('status')).toHaveTextContent('3 deals in the trash');

    fireEvent.click(screen.getByRole('button', { name: 'Load more (2 of 3)' }));
    expect(await rowOf('D-1003')).toBeInTheDocument();
    expect(requestsOf(fetchMock).map(pathOf).filter((path) => path.startsWith('/api/deals/trash'))).toEqual(['/api/deals/trash?limit=50', '/api/deals/trash?limit=50&cursor=after-maria']);
    expect(screen.queryByRole('button', { name: /Load more/ })).not.toBeInTheDocument();
  });

  it('restores a deal, says so, and shows the trash without it', async () => {
    const fetchMock = serveTrash();
    openTrash();

    fireEvent.click(within(await rowOf('D-1002')).getByRole('button', { name: 'Restore D-1002' }));

    expect(await screen.findByText('Deal D-1002 restored: it is back on its board where it was.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: /^D-1002/ })).not.toBeInTheDocument());
    expect(screen.getByText('2 deals in the trash')).toBeInTheDocument();
    expect(requestsOf(fetchMock).filter((request) => request.method === 'POST').map(pathOf)).toEqual(['/api/deals/d-maria/restore']);
  });
});
