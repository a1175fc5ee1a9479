import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import type { ContactDto, QuickSearchResult } from '@autofunnel/shared';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { deal, signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import { QuickSearch } from './QuickSearch';

const maria: ContactDto = {
  id: 'c1',
  name: 'Maria Jansen',
  kind: 'person',
  phones: ['+79123456789'],
  emails: ['maria@example.com'],
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  customerNumber: 'C-000123',
  convertedAt: '2026-11-02T10:00:00.000Z',
};

const found: QuickSearchResult = {
  contacts: [maria],
  deals: [
    deal({ id: 'd1', code: 'D-1042', stageId: 'st-test-drive', funnelId: 'f1', title: 'Kia Sportage', contact: maria }),
    deal({ id: 'd2', code: 'D-1043', stageId: 'st-test-drive', funnelId: 'f2', title: 'Skoda Octavia', contact: maria }),
  ],
};

/** Where the app is, so a test can see where choosing a result led. */
function CurrentPath() {
  return <p data-testid="path">{useLocation().pathname}</p>;
}

function renderSearch(answer: (q: string) => QuickSearchResult = () => found) {
  const fetchMock = mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/search') return jsonResponse(answer(url.searchParams.get('q') ?? ''));
    return jsonResponse({ statusCode: 404, message: 'No', error: 'Not Found' }, 404);
  });
  renderWithStore(
    <MemoryRouter initialEntries={['/funnels/f0']}>
      <QuickSearch />
      <CurrentPath />
    </MemoryRouter>,
    { auth: signedInAsAnna },
  );
  return { fetchMock, box: screen.getByRole('combobox', { name: 'Search contacts and deals' }) };
}

const path = () => screen.getByTestId('path').textContent;

describe('QuickSearch', () => {
  it('shows contacts and deals in two groups, once typing pauses', async () => {
    const { fetchMock, box } = renderSearch();
    fireEvent.change(box, { target: { value: 'm' } });
    fireEvent.change(box, { target: { value: 'mar' } });
    fireEvent.change(box, { target: { value: 'maria' } });

    const contacts = await screen.findByRole('group', { name: 'Contacts' });
    expect(within(contacts).getByRole('option').textContent).toBe('Maria JansenCustomer C-000123+79123456789 · maria@example.com');
    const deals = screen.getByRole('group', { name: 'Deals' });
    expect(within(deals).getAllByRole('option').map((option) => option.textContent)).toEqual(['D-1042 · Kia SportageMaria Jansen', 'D-1043 · Skoda OctaviaMaria Jansen']);
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(requestsOf(fetchMock).map(pathOf)).toEqual(['/api/search?q=maria&limit=8']);
  });

  it('moves through both groups with the arrow keys and opens the deal chosen with Enter', async () => {
    const { box } = renderSearch();
    fireEvent.change(box, { target: { value: 'maria' } });
    const options = await screen.findAllByRole('option');

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[0].id);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(options[0]).toHaveAttribute('aria-selected', 'true'); // wrapped around
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(box).toHaveAttribute('aria-activedescendant', options[2].id);
    fireEvent.keyDown(box, { key: 'Enter' });

    expect(path()).toBe('/funnels/f2/deals/d2');
    expect(box).toHaveValue('');
    expect(box).toHaveAttribute('aria-expanded', 'false');
  });

  it("opens a contact's page when it is clicked", async () => {
    const { box } = renderSearch();
    fireEvent.change(box, { target: { value: '912 345' } });
    fireEvent.click(await screen.findByRole('option', { name: /^Maria Jansen/ }));
    expect(path()).toBe('/contacts/c1');
  });

  it('closes the list with Escape, then clears the box with a second Escape', async () => {
    const { box } = renderSearch();
    fireEvent.change(box, { target: { value: 'maria' } });
    await screen.findAllByRole('option');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveValue('maria');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box).toHaveValue('');
    expect(path()).toBe('/funnels/f0');
  });

  it('says when nothing matches, and does not search for a single character', async () => {
    const { fetchMock, box } = renderSearch(() => ({ contacts: [], deals: [] }));
    fireEvent.change(box, { target: { value: 'z' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requestsOf(fetchMock)).toEqual([]);
    fireEvent.change(box, { target: { value: 'zyx' } });
    expect(await screen.findByText('Nothing found for “zyx”.')).toHaveAttribute('role', 'status');
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(path()).toBe('/funnels/f0'));
  });
});
