import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SourceDto } from '@autofunnel/shared';
import { App } from '../../../app/App';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../../test/fetch-mock';
import { signedInAsAnna } from '../../../test/fixtures';
import { renderWithStore } from '../../../test/render-with-store';
import type { AuthState } from '../../auth/auth-slice';

const admin: AuthState = { ...signedInAsAnna, user: { ...signedInAsAnna.user!, role: 'admin' } };
const IN_USE = '"Website" is used by 12 deals and 1 channel; choose a source to move them to';

/** A sources API with a list that changes as the page edits it; "Website" is in use. */
function serveSources() {
  let sources: SourceDto[] = [
    { id: 'src-phone', name: 'Phone call' },
    { id: 'src-showroom', name: 'Showroom' },
    { id: 'src-web', name: 'Website' },
  ];
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const id = url.pathname.split('/')[3];
    if (url.pathname === '/api/sources' && request.method === 'GET') return jsonResponse(sources);
    if (url.pathname === '/api/sources' && request.method === 'POST') {
      const created = { id: 'src-new', ...(await request.clone().json()) };
      sources = [...sources, created];
      return jsonResponse(created, 201);
    }
    if (request.method === 'PATCH') {
      const renamed = { id, ...(await request.clone().json()) };
      sources = sources.map((source) => (source.id === id ? renamed : source));
      return jsonResponse(renamed);
    }
    if (request.method === 'DELETE') {
      if (id === 'src-web' && !url.searchParams.has('replaceWith')) return jsonResponse({ statusCode: 409, message: IN_USE, error: 'Conflict' }, 409);
      sources = sources.filter((source) => source.id !== id);
      return new Response(null, { status: 204 });
    }
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${pathOf(request)}`, error: 'Not Found' }, 404);
  });
}

function sent(fetchMock: ReturnType<typeof mockFetch>, method: string) {
  return Promise.all(
    requestsOf(fetchMock)
      .filter((request) => request.method === method)
      .map(async (request) => ({ path: pathOf(request), body: method === 'DELETE' ? null : await request.json() })),
  );
}

function openSources(auth = admin) {
  window.history.pushState({}, '', '/admin/sources');
  return renderWithStore(<App />, { auth });
}

const names = () => screen.getAllByRole('textbox', { name: /^Name of/ }).map((input) => (input as HTMLInputElement).value);

describe('SourcesPage', () => {
  it('lists the sources and adds one', async () => {
    const fetchMock = serveSources();
    openSources();

    expect(await screen.findByRole('heading', { name: 'Sources', level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(names()).toEqual(['Phone call', 'Showroom', 'Website']));
    expect(screen.getByRole('link', { name: 'Sources' })).toHaveAttribute('aria-current', 'page');

    fireEvent.click(screen.getByRole('button', { name: 'Add source' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Type the source, e.g. AutoScout24.');

    fireEvent.change(screen.getByLabelText('New source'), { target: { value: ' AutoScout24 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add source' }));
    await waitFor(() => expect(names()).toEqual(['Phone call', 'Showroom', 'Website', 'AutoScout24']));
    expect(await sent(fetchMock, 'POST')).toEqual([{ path: '/api/sources', body: { name: 'AutoScout24' } }]);
    expect(screen.getByLabelText('New source')).toHaveValue('');
  });

  it('renames a source in place when Enter is pressed, and Escape undoes a change', async () => {
    const fetchMock = serveSources();
    openSources();

    const showroom = await screen.findByLabelText('Name of “Showroom”');
    act(() => showroom.focus());
    fireEvent.change(showroom, { target: { value: 'Walk-in' } });
    fireEvent.keyDown(showroom, { key: 'Escape' });
    act(() => showroom.blur());
    expect(showroom).toHaveValue('Showroom');

    const website = screen.getByLabelText('Name of “Website”');
    act(() => website.focus());
    fireEvent.change(website, { target: { value: 'Our website' } });
    // Enter leaves the field, which saves
    fireEvent.keyDown(website, { key: 'Enter' });
    expect(website).not.toHaveFocus();
    expect(await screen.findByText('Renamed “Website” to “Our website”.')).toBeInTheDocument();
    expect(await sent(fetchMock, 'PATCH')).toEqual([{ path: '/api/sources/src-web', body: { name: 'Our website' } }]);
  });

  it('deletes an unused source after confirming', async () => {
    const fetchMock = serveSources();
    openSources();

    fireEvent.click(await screen.findByRole('button', { name: 'Delete “Showroom”' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Showroom”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete source' }));

    await waitFor(() => expect(names()).toEqual(['Phone call', 'Website']));
    expect(await sent(fetchMock, 'DELETE')).toEqual([{ path: '/api/sources/src-showroom', body: null }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('for a source in use, shows the server’s answer, offers the other sources and retries with replaceWith', async () => {
    const fetchMock = serveSources();
    openSources();

    fireEvent.click(await screen.findByRole('button', { name: 'Delete “Website”' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Website”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete source' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(IN_USE);
    const moveTo = within(dialog).getByLabelText('Move them to');
    expect(within(moveTo).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choose a source…', 'Phone call', 'Showroom']);
    const retry = within(dialog).getByRole('button', { name: 'Move them and delete' });
    expect(retry).toBeDisabled();

    fireEvent.change(moveTo, { target: { value: 'src-showroom' } });
    fireEvent.click(retry);

    expect(await screen.findByText('Source “Website” deleted; its deals and channels now come from “Showroom”.')).toBeInTheDocument();
    expect((await sent(fetchMock, 'DELETE')).map((request) => request.path)).toEqual(['/api/sources/src-web', '/api/sources/src-web?replaceWith=src-showroom']);
    await waitFor(() => expect(names()).toEqual(['Phone call', 'Showroom']));
  });

  it('tells a non-admin that only administrators manage sources', async () => {
    const fetchMock = serveSources();
    openSources(signedInAsAnna);

    expect(await screen.findByText('Only administrators can open the admin pages')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add source' })).not.toBeInTheDocument();
    // the header's bell asks for the user's notifications; nothing asks for the sources
    expect(requestsOf(fetchMock).filter((request) => pathOf(request).startsWith('/api/sources'))).toEqual([]);
  });
});
