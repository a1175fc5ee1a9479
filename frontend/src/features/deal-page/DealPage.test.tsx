import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DealDto } from '@autofunnel/shared';
import { boardEvent } from '../../test/board-fixtures';
import { jsonResponse } from '../../test/fetch-mock';
import { signedInAsAnna } from '../../test/fixtures';
import { asLead, borisRef, branches, event, mariasDeal, maria, renderDealPage, requestsTo, serveDealPage } from './test-support';

// The action bar and the records have their own tests (features/deal-actions).
jest.mock('../deal-actions/DealActionBar', () => ({
  DealActionBar: ({ deal }: { deal: DealDto }) => <div role="toolbar" aria-label={`Actions on deal ${deal.code}`} />,
}));
jest.mock('../deal-actions/DealRecords', () => ({
  DealRecords: ({ deal }: { deal: DealDto }) => <section aria-label={`Records of ${deal.code}`} />,
}));

const header = () => screen.getByRole('banner', { name: mariasDeal.title });
const fact = (label: string) => within(header()).getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;
const location = () => screen.getByRole('status', { name: 'Location' }).textContent;

describe('DealPage: the frame', () => {
  it('shows a skeleton, then the deal with its action bar, records and timeline', async () => {
    serveDealPage();
    renderDealPage();
    expect(screen.getByRole('status', { name: 'Loading the deal' })).toBeInTheDocument();

    expect(await screen.findByRole('heading', { name: 'Kia Sportage for Maria', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('toolbar', { name: 'Actions on deal D-1042' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Records of D-1042' })).toBeInTheDocument();
    expect(await screen.findByText(/Created the deal in Unassigned/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Car showroom board' })).toHaveAttribute('href', '/funnels/funnel-showroom');
  });

  it('says so when the deal does not exist or is in the trash', async () => {
    serveDealPage((_request, path) => (path === '/api/deals/d1' ? jsonResponse({ statusCode: 404, message: 'Deal d1 does not exist', error: 'Not Found' }, 404) : null));
    renderDealPage();
    expect(await screen.findByRole('alert')).toHaveTextContent('This deal does not exist or was moved to the trash');
  });

  it('says what went wrong otherwise, and tries again', async () => {
    let failing = true;
    serveDealPage((_request, path) => (path === '/api/deals/d1' && failing ? jsonResponse({ statusCode: 500, message: 'Internal server error', error: 'Error' }, 500) : null));
    renderDealPage();
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load this deal.');
    failing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Kia Sportage for Maria' })).toBeInTheDocument();
  });
});

describe('DealPage: the header', () => {
  it('shows an open deal in the open colours, with the customer, the facts and the counts', async () => {
    serveDealPage();
    renderDealPage();
    await screen.findByRole('heading', { name: 'Kia Sportage for Maria' });

    expect(header()).toHaveClass('deal-header--open');
    expect(within(header()).getByText('Open')).toHaveClass('status-pill--open');
    expect(within(header()).getByText('D-1042')).toBeInTheDocument();
    expect(within(header()).getByRole('link', { name: 'Maria Lebedeva' })).toHaveAttribute('href', '/contacts/c-maria');
    expect(within(header()).getByRole('link', { name: '+79991234567' })).toHaveAttribute('href', 'tel:+79991234567');
    expect(within(header()).getByRole('link', { name: 'maria@example.com' })).toHaveAttribute('href', 'mailto:maria@example.com');
    expect(await within(header()).findByText('Lead')).toBeInTheDocument();

    const counts = within(header()).getByRole('list', { name: 'Records' });
    expect(within(counts).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['1 trade-in', '2 test drives', '0 offers']);
    expect(fact('Responsible')).toHaveTextContent('Anna Petrova');
    expect(fact('Stage')).toHaveTextContent('Car selection');
    expect(fact('Type')).toHaveTextContent('Internet lead');
    expect(await within(header()).findByText('Website', { selector: 'dd' })).toBeInTheDocument();
    expect(fact('Came in through')).toHaveTextContent('Website form');
    expect(fact('Time left')).toHaveTextContent('No deadline set');
    expect(within(header()).queryByText('Lost because')).not.toBeInTheDocument();
  });

  it.each([
    ['won', { status: 'won', closedAt: '2026-11-22T10:00:00.000Z' }, 'Won'],
    ['lost', { status: 'lost', lostReason: 'Bought elsewhere', closedAt: '2026-11-22T10:00:00.000Z' }, 'Lost'],
  ] as const)('colours a %s deal, and offers to reopen it', async (status, changes, pill) => {
    serveDealPage(undefined, { deal: { ...mariasDeal, ...changes } });
    renderDealPage();
    await screen.findByRole('heading', { name: 'Kia Sportage for Maria' });
    expect(header()).toHaveClass(`deal-header--${status}`);
    expect(within(header()).getByText(pill, { selector: '.status-pill' })).toHaveClass(`status-pill--${status}`);
    expect(within(header()).getByRole('button', { name: 'Reopen' })).toBeInTheDocument();
    expect(within(header()).queryByRole('button', { name: 'Close as won' })).not.toBeInTheDocument();
    if (status === 'lost') expect(fact('Lost because')).toHaveTextContent('Bought elsewhere');
  });

  it('counts down to the deadline live and turns red when it is overdue', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-23T12:00:00.000Z') });
    try {
      serveDealPage(undefined, { deal: { ...mariasDeal, deadlineAt: '2026-11-23T12:01:30.000Z' } });
      renderDealPage();
      await act(() => jest.advanceTimersByTimeAsync(100));
      const countdown = () => within(fact('Time left')).getByText(/left|Overdue/);
      expect(countdown()).toHaveTextContent('1m left');
      expect(countdown()).not.toHaveClass('deadline-countdown--overdue');

      await act(() => jest.advanceTimersByTimeAsync(120_000));
      expect(countdown()).toHaveTextContent('Overdue 1m');
      expect(countdown()).toHaveClass('deadline-countdown--overdue');
    } finally {
      jest.useRealTimers();
    }
  });

  it('edits the title with the version it showed, and says when someone else changed it meanwhile', async () => {
    const { fetchMock, api } = serveDealPage((request, path, fake) => {
      if (path !== '/api/deals/d1' || request.method !== 'PATCH') return null;
      if (requestsTo(fetchMock, 'PATCH', '/api/deals/d1').length === 1) {
        fake.deal = { ...fake.deal, title: 'Kia Sportage GT for Maria', version: 4 };
        return jsonResponse(fake.deal);
      }
      fake.deal = { ...fake.deal, title: 'Kia Sportage hybrid', version: 5 };
      return jsonResponse({ statusCode: 409, error: 'Conflict', message: 'Someone changed this deal meanwhile' }, 409);
    });
    renderDealPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit details' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit deal D-1042' });
    fireEvent.change(within(dialog).getByLabelText('Title'), { target: { value: 'Kia Sportage GT for Maria' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('heading', { name: 'Kia Sportage GT for Maria' })).toBeInTheDocument();
    expect(await requestsTo(fetchMock, 'PATCH', '/api/deals/d1')[0].json()).toEqual({ title: 'Kia Sportage GT for Maria', version: 3 });
    expect(api.deal.version).toBe(4);

    fireEvent.click(screen.getByRole('button', { name: 'Edit details' }));
    const again = screen.getByRole('dialog', { name: 'Edit deal D-1042' });
    fireEvent.change(within(again).getByLabelText('Title'), { target: { value: 'My title' } });
    fireEvent.click(within(again).getByRole('button', { name: 'Save changes' }));
    expect(await within(again).findByRole('alert')).toHaveTextContent('Someone else changed this deal while you were editing it');
    await waitFor(() => expect(within(again).getByLabelText('Title')).toHaveValue('Kia Sportage hybrid'));
  });
});

describe('DealPage: status, assignment and the trash', () => {
  it('closes a deal as lost only with a reason, choosing from the reasons the API gives', async () => {
    const { fetchMock } = serveDealPage((_request, path, fake) => {
      if (path !== '/api/deals/d1/close') return null;
      fake.deal = { ...fake.deal, status: 'lost', lostReason: 'Moved abroad', version: 4 };
      return jsonResponse(fake.deal);
    });
    renderDealPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Close as lost…' }));
    const dialog = screen.getByRole('dialog', { name: 'Close D-1042 as lost' });
    await within(dialog).findByLabelText('Bought elsewhere');
    const reasons = within(dialog).getAllByRole('radio');
    // the admins' list, in their order, then "Other"
    expect(reasons.map((radio) => radio.closest('label')?.textContent)).toEqual(['Went quiet after the test drive', 'Bought elsewhere', 'Other']);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Close as lost' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose why the deal was lost.');
    fireEvent.click(within(dialog).getByLabelText('Other'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close as lost' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Write down why the deal was lost.');
    expect(requestsTo(fetchMock, 'POST', '/api/deals/d1/close')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('The reason'), { target: { value: 'Moved abroad' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close as lost' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await requestsTo(fetchMock, 'POST', '/api/deals/d1/close')[0].json()).toEqual({ outcome: 'lost', reason: 'Moved abroad' });
    expect(header()).toHaveClass('deal-header--lost');
    expect(fact('Lost because')).toHaveTextContent('Moved abroad');
  });

  it('sends a reason from the list as it is named', async () => {
    const { fetchMock } = serveDealPage((_request, path, fake) => (path === '/api/deals/d1/close' ? jsonResponse({ ...fake.deal, status: 'lost', version: 4 }) : null));
    renderDealPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Close as lost…' }));
    fireEvent.click(await screen.findByLabelText('Bought elsewhere'));
    fireEvent.click(screen.getByRole('button', { name: 'Close as lost' }));
    await waitFor(() => expect(requestsTo(fetchMock, 'POST', '/api/deals/d1/close')).toHaveLength(1));
    expect(await requestsTo(fetchMock, 'POST', '/api/deals/d1/close')[0].json()).toEqual({ outcome: 'lost', reason: 'Bought elsewhere' });
  });

  it('says in words why a deal cannot be won (its vehicle is already sold)', async () => {
    const message = 'The offered Skoda Octavia (VIN TMBJJ7NE8L0123456) is already sold with deal D-1001; withdraw the offer or offer another vehicle before winning the deal';
    serveDealPage((_request, path) => (path === '/api/deals/d1/close' ? jsonResponse({ statusCode: 409, error: 'Conflict', message }, 409) : null));
    renderDealPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Close as won' }));
    expect(await within(header()).findByRole('alert')).toHaveTextContent(`The deal was not closed. ${message}`);
    expect(header()).toHaveClass('deal-header--open');
  });

  it('reopens a closed deal, and says why not when it may not', async () => {
    serveDealPage((_request, path) => (path === '/api/deals/d1/reopen' ? jsonResponse({ statusCode: 403, error: 'Forbidden', message: 'This is Boris Ivanov’s deal' }, 403) : null), {
      deal: { ...mariasDeal, status: 'won' },
    });
    renderDealPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Reopen' }));
    expect(await within(header()).findByRole('alert')).toHaveTextContent('The deal was not reopened. This is Boris Ivanov’s deal');
  });

  it('asks before marking a deal invalid, then goes back to the board with a message', async () => {
    const { fetchMock } = serveDealPage((_request, path, fake) =>
      path === '/api/deals/d1/trash' ? jsonResponse({ ...fake.deal, trashedAt: '2026-11-23T12:00:00.000Z', version: 4 }) : null,
    );
    renderDealPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Mark invalid…' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark D-1042 as invalid?' });
    expect(dialog).toHaveTextContent('hidden everywhere');
    expect(dialog).toHaveTextContent('Only an administrator can restore it.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(requestsTo(fetchMock, 'POST', '/api/deals/d1/trash')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Mark invalid…' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Mark invalid' }));
    expect(await screen.findByText('The board')).toBeInTheDocument();
    expect(location()).toBe('/funnels/funnel-showroom');
    expect(screen.getByText('D-1042 was marked invalid and moved to the trash.')).toBeInTheDocument();
  });

  it('lets a team lead assign the deal to another user or branch', async () => {
    const { fetchMock } = serveDealPage((_request, path, fake) => {
      if (path !== '/api/deals/d1/assign') return null;
      fake.deal = { ...fake.deal, responsible: borisRef, branchId: 'branch-south', version: 4 };
      return jsonResponse(fake.deal);
    });
    renderDealPage('/deals/d1', asLead);
    fireEvent.click(await screen.findByRole('button', { name: 'Assign…' }));
    const dialog = screen.getByRole('dialog', { name: 'Assign D-1042' });
    await within(dialog).findByRole('option', { name: branches[1].name });
    fireEvent.change(within(dialog).getByLabelText('Responsible'), { target: { value: borisRef.id } });
    fireEvent.change(within(dialog).getByLabelText('Branch'), { target: { value: 'branch-south' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));

    await waitFor(() => expect(fact('Responsible')).toHaveTextContent('Boris Ivanov'));
    expect(await requestsTo(fetchMock, 'POST', '/api/deals/d1/assign')[0].json()).toEqual({ userId: borisRef.id, branchId: 'branch-south' });
  });

  it("shows another manager's deal without the controls, saying who may change it", async () => {
    serveDealPage(undefined, { deal: { ...mariasDeal, responsible: borisRef } });
    renderDealPage();
    await screen.findByRole('heading', { name: 'Kia Sportage for Maria' });
    expect(within(header()).getByText('Boris Ivanov, a team lead or an administrator can change this deal.')).toBeInTheDocument();
    expect(within(header()).queryByRole('button', { name: 'Close as won' })).not.toBeInTheDocument();
    expect(within(header()).queryByRole('button', { name: 'Edit details' })).not.toBeInTheDocument();
  });

  it('offers to take an untaken deal into work', async () => {
    const { fetchMock } = serveDealPage((_request, path, fake) => (path === '/api/deals/d1/take' ? jsonResponse((fake.deal = { ...fake.deal, responsible: { id: signedInAsAnna.user!.id, name: 'Anna Petrova' }, version: 4 })) : null), {
      deal: { ...mariasDeal, stageId: 'st-new', responsible: null },
    });
    renderDealPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Take into work' }));
    await waitFor(() => expect(fact('Responsible')).toHaveTextContent('Anna Petrova'));
    expect(requestsTo(fetchMock, 'POST', '/api/deals/d1/take')).toHaveLength(1);
  });
});

describe('DealPage: tabs and timeline', () => {
  it('keeps the open tab in the URL, and moves between tabs with the arrow keys', async () => {
    serveDealPage();
    renderDealPage('/deals/d1?tab=follow-up');
    const followUp = await screen.findByRole('tab', { name: 'Follow-up' });
    expect(followUp).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Follow-up' })).toHaveTextContent('Contact deadline');

    fireEvent.click(screen.getByRole('tab', { name: 'Contacts' }));
    expect(location()).toBe('/deals/d1?tab=contacts');
    expect(screen.getByRole('tabpanel', { name: 'Contacts' })).toBeInTheDocument();

    fireEvent.keyDown(screen.getByRole('tab', { name: 'Contacts' }), { key: 'ArrowRight' });
    expect(location()).toBe('/deals/d1');
    expect(screen.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Details' })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Details' }), { key: 'ArrowLeft' });
    expect(location()).toBe('/deals/d1?tab=contacts');
  });

  it('lists the timeline newest first, each event in words with who and when, filtered by kind', async () => {
    serveDealPage(undefined, {
      events: [
        event(1, 'deal.created', { stageId: 'st-new', responsibleId: null }),
        event(2, 'deal.note_added', { text: 'Wants a tow bar' }),
        event(3, 'deal.offer_added', { vehicle: { make: 'Kia', model: 'Sportage', year: 2024 }, price: 30000, discount: 0, total: 30000 }),
        event(4, 'deal.task_completed', { kind: 'call', title: 'Call back', result: 'Comes on Saturday' }),
        { ...event(5, 'deal.expired', { weeks: 8 }), actor: null },
      ],
    });
    renderDealPage();
    const timeline = await screen.findByRole('list', { name: 'Events, newest first' });
    const items = () => within(screen.getByRole('list', { name: 'Events, newest first' })).getAllByRole('listitem').map((item) => item.querySelector('p')?.textContent);
    expect(items()).toEqual([
      'Autofunnel — Expired after 8 weeks without activity',
      'Anna Petrova — Call completed: Call back — Comes on Saturday',
      expect.stringMatching(/^Anna Petrova — Offer: 2024 Kia Sportage, /),
      'Anna Petrova — Note: Wants a tow bar',
      'Anna Petrova — Created the deal in Unassigned',
    ]);
    expect(within(timeline).getAllByRole('listitem')[0].querySelector('time')).toHaveAttribute('dateTime', '2026-11-25T10:00:00.000Z');

    const chips = screen.getByRole('group', { name: 'Show in the timeline' });
    fireEvent.click(within(chips).getByRole('button', { name: 'Notes' }));
    expect(within(chips).getByRole('button', { name: 'Notes' })).toHaveAttribute('aria-pressed', 'true');
    expect(items()).toEqual(['Anna Petrova — Note: Wants a tow bar']);
    fireEvent.click(within(chips).getByRole('button', { name: 'Offers & test drives' }));
    expect(items()).toEqual([expect.stringMatching(/Offer: 2024 Kia Sportage/)]);
    fireEvent.click(within(chips).getByRole('button', { name: 'Changes' }));
    expect(items()).toEqual(['Autofunnel — Expired after 8 weeks without activity', 'Anna Petrova — Created the deal in Unassigned']);
    fireEvent.click(within(chips).getByRole('button', { name: 'Emails' }));
    expect(screen.getByText('Nothing of this kind yet.')).toBeInTheDocument();
  });
});

describe('DealPage: live', () => {
  it("follows its funnel's events: counts, the timeline, the trash and back", async () => {
    const { fetchMock, api } = serveDealPage();
    const { live } = renderDealPage();
    await screen.findByRole('heading', { name: 'Kia Sportage for Maria' });
    await waitFor(() => expect(live.socket().joins()).toEqual([{ funnelId: 'funnel-showroom' }]));
    const timelineFetches = () => requestsTo(fetchMock, 'GET', '/api/deals/d1/events').length;
    await waitFor(() => expect(timelineFetches()).toBe(1));

    // another deal of the funnel: nothing to fetch here
    act(() => live.socket().send(boardEvent(1, 'deal.note_added', { ...mariasDeal, id: 'd9', code: 'D-9', version: 2 })));
    // this deal got an offer in another browser
    api.events = [...api.events, event(2, 'deal.offer_added', { vehicle: { make: 'Kia', model: 'Sportage' }, price: 30000, discount: 0, total: 30000 })];
    act(() => live.socket().send(boardEvent(2, 'deal.offer_added', { ...mariasDeal, offerCount: 1, version: 4 })));
    expect(within(within(header()).getByRole('list', { name: 'Records' })).getByText('1 offer')).toBeInTheDocument();
    expect(await screen.findByText(/Offer: Kia Sportage/)).toBeInTheDocument();
    expect(timelineFetches()).toBe(2);

    // an older version (an echo arriving late) does not undo the newer one
    act(() => live.socket().send(boardEvent(3, 'deal.updated', { ...mariasDeal, offerCount: 0, version: 3 })));
    expect(within(header()).getByText('1 offer')).toBeInTheDocument();

    act(() => live.socket().send(boardEvent(4, 'deal.trashed', { ...mariasDeal, trashedAt: '2026-11-23T12:00:00.000Z', version: 5 })));
    expect(screen.getByRole('alert')).toHaveTextContent('This deal was moved to the trash');
    expect(screen.queryByRole('heading', { name: 'Kia Sportage for Maria' })).not.toBeInTheDocument();

    // an admin restores it: the page comes back
    act(() => live.socket().send(boardEvent(5, 'deal.restored', { ...mariasDeal, offerCount: 1, trashedAt: null, version: 6 })));
    expect(screen.getByRole('heading', { name: 'Kia Sportage for Maria' })).toBeInTheDocument();
  });

  it('says so, instead of the stale deal, when the user loses sight of it (deal.hidden)', async () => {
    let answer: 'deal' | 403 | 404 = 'deal';
    const forbidden = jsonResponse({ statusCode: 403, message: 'This deal is not yours to see', error: 'Forbidden' }, 403);
    const gone = jsonResponse({ statusCode: 404, message: 'Deal d1 does not exist', error: 'Not Found' }, 404);
    serveDealPage((_request, path) => (path === '/api/deals/d1' && answer !== 'deal' ? (answer === 403 ? forbidden.clone() : gone.clone()) : null));
    const { live } = renderDealPage();
    await screen.findByRole('heading', { name: 'Kia Sportage for Maria' });
    await waitFor(() => expect(live.socket().joins()).toHaveLength(1));
    const hidden = (seq: number, data: Record<string, unknown>) => ({ funnelId: 'funnel-showroom', seq, type: 'deal.hidden' as const, at: '2026-11-23T12:00:00.000Z', actor: null, data });

    // about a deal this user never saw, or another one: nothing changes
    act(() => live.socket().send(hidden(1, {})));
    act(() => live.socket().send(hidden(2, { dealId: 'd9' })));
    expect(screen.getByRole('heading', { name: 'Kia Sportage for Maria' })).toBeInTheDocument();

    // someone else took it: the server now refuses it
    answer = 403;
    act(() => live.socket().send(hidden(3, { dealId: 'd1' })));
    expect(screen.queryByRole('heading', { name: 'Kia Sportage for Maria' })).not.toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('This deal is no longer visible to you: it was assigned to someone else');
    expect(screen.getByRole('link', { name: '← Car showroom board' })).toHaveAttribute('href', '/funnels/funnel-showroom');
  });

  it('says the deal went to the trash when that is why it was hidden', async () => {
    let trashed = false;
    serveDealPage((_request, path) => (path === '/api/deals/d1' && trashed ? jsonResponse({ statusCode: 404, message: 'Deal d1 does not exist', error: 'Not Found' }, 404) : null));
    const { live } = renderDealPage();
    await screen.findByRole('heading', { name: 'Kia Sportage for Maria' });
    await waitFor(() => expect(live.socket().joins()).toHaveLength(1));
    trashed = true;
    act(() => live.socket().send({ funnelId: 'funnel-showroom', seq: 1, type: 'deal.hidden', at: '2026-11-23T12:00:00.000Z', actor: null, data: { dealId: 'd1' } }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This deal does not exist or was moved to the trash');
  });

  it('leaves the funnel room when the page closes', async () => {
    serveDealPage();
    const { live, unmount } = renderDealPage();
    await screen.findByRole('heading', { name: 'Kia Sportage for Maria' });
    await waitFor(() => expect(live.socket().joins()).toHaveLength(1));
    await act(async () => undefined);
    unmount();
    expect(live.socket().emitted).toContainEqual({ event: 'board:leave', payload: { funnelId: 'funnel-showroom' } });
  });

  it('catches up on what happened before its room was joined', async () => {
    const { fetchMock, api } = serveDealPage();
    const { live } = renderDealPage();
    live.socket().joinAnswer = null; // the server answers the join when the test says so
    await screen.findByRole('heading', { name: 'Kia Sportage for Maria' });
    await waitFor(() => expect(live.socket().joins()).toHaveLength(1));
    // the deal changed between reading it and joining the room
    api.deal = { ...api.deal, offerCount: 2, version: 9 };
    act(() => live.socket().answerJoins(() => ({ seq: 40 })));
    expect(await within(header()).findByText('2 offers')).toBeInTheDocument();
    await waitFor(() => expect(requestsTo(fetchMock, 'GET', '/api/deals/d1/events')).toHaveLength(2));
  });
});

describe('DealPage: contact on the header', () => {
  it('shows a converted customer with their number', async () => {
    serveDealPage((_request, path) =>
      path === `/api/contacts/${maria.id}`
        ? jsonResponse({ ...maria, createdAt: mariasDeal.createdAt, updatedAt: mariasDeal.createdAt, customerNumber: 'C-000007', convertedAt: mariasDeal.createdAt, deals: [mariasDeal] })
        : null,
    );
    renderDealPage();
    expect(await screen.findByText('Customer C-000007')).toBeInTheDocument();
  });
});
