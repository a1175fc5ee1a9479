import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DocumentDto, MessageDto, OfferDto, TaskDto, TestDriveDto, TradeInDto } from '@autofunnel/shared';
import { jsonResponse, pathOf, requestsOf } from '../../test/fetch-mock';
import { DealRecords } from './DealRecords';
import { apiError, changesSent, documentRecord, kodiaq, mariasDeal, message, offer, renderSignedIn, serveApi, task, testDrive, tradeIn, vera } from './test-support';

interface Records {
  offers?: OfferDto[];
  testDrives?: TestDriveDto[];
  tradeIns?: TradeInDto[];
  tasks?: TaskDto[];
  documents?: DocumentDto[];
  messages?: MessageDto[];
}

/** The deal's record lists as `records` says (none by default), plus the test's own routes. */
function serveRecords(records: Records, routes: Parameters<typeof serveApi>[0] = {}) {
  return serveApi({
    'GET /api/deals/deal-1/offers': () => jsonResponse(records.offers ?? []),
    'GET /api/deals/deal-1/test-drives': () => jsonResponse(records.testDrives ?? []),
    'GET /api/deals/deal-1/trade-ins': () => jsonResponse(records.tradeIns ?? []),
    'GET /api/deals/deal-1/tasks': () => jsonResponse(records.tasks ?? []),
    'GET /api/deals/deal-1/documents': () => jsonResponse(records.documents ?? []),
    'GET /api/deals/deal-1/messages': () => jsonResponse(records.messages ?? []),
    ...routes,
  });
}

const section = (name: RegExp) => screen.findByRole('region', { name });
const itemOf = async (name: RegExp, text: string | RegExp) => {
  const list = await section(name);
  return (await within(list).findByText(text)).closest('li')!;
};
const getsOf = (fetchMock: ReturnType<typeof serveApi>, path: string) => requestsOf(fetchMock).filter((request) => request.method === 'GET' && pathOf(request) === path).length;

afterEach(() => {
  // jsdom has no object URLs; the tests that need them stub them
  delete (URL as Partial<typeof URL>).createObjectURL;
  delete (URL as Partial<typeof URL>).revokeObjectURL;
});

describe('DealRecords', () => {
  it('says in words that there are no records yet, with a count of 0 per kind', async () => {
    serveRecords({});
    renderSignedIn(<DealRecords deal={mariasDeal} />);
    expect(await section(/^Offers 0$/)).toHaveTextContent('No offers yet.');
    expect(await section(/^Test drives 0$/)).toHaveTextContent('No test drives yet.');
    expect(await section(/^Trade-ins 0$/)).toHaveTextContent('No trade-in.');
    expect(await section(/^Tasks, calls and meetings 0$/)).toHaveTextContent('Nothing planned.');
    expect(await section(/^Documents 0$/)).toHaveTextContent('No documents.');
    expect(await section(/^Emails 0$/)).toHaveTextContent('No emails yet.');
  });

  it('shows why a list could not be loaded, and loads it again on request', async () => {
    let failing = true;
    serveRecords({}, { 'GET /api/deals/deal-1/trade-ins': () => (failing ? apiError(500, 'boom') : jsonResponse([tradeIn()])) });
    renderSignedIn(<DealRecords deal={mariasDeal} />);
    const tradeIns = await section(/^Trade-ins/);
    expect(await within(tradeIns).findByRole('alert')).toHaveTextContent('Could not load the trade-ins.');
    failing = false;
    fireEvent.click(within(tradeIns).getByRole('button', { name: 'Try again' }));
    expect(await within(tradeIns).findByText('2015 Volkswagen Golf')).toBeInTheDocument();
  });

  describe('offers', () => {
    it('lists them with their amounts and withdraws one after asking', async () => {
      let withdrawn = false;
      const fetchMock = serveRecords(
        {},
        {
          'GET /api/deals/deal-1/offers': () => jsonResponse([offer({ status: withdrawn ? 'withdrawn' : 'active' }), offer({ id: 'offer-2', vehicle: kodiaq, price: 31900, discount: 0, total: 31900, validUntil: null, status: 'withdrawn' })]),
          'POST /api/offers/offer-1/withdraw': () => {
            withdrawn = true;
            return jsonResponse(offer({ status: 'withdrawn' }));
          },
        },
      );
      renderSignedIn(<DealRecords deal={mariasDeal} />);

      const octavia = await itemOf(/^Offers 2$/, /2021 Skoda Octavia/);
      expect(octavia).toHaveTextContent('VIN …123456');
      expect(octavia).toHaveTextContent('Price 24,500 · Discount 1,500 · Total 23,000 · Valid until Jun 30, 2099');
      expect(within(octavia).getByText('active')).toBeInTheDocument();
      const kodiaqItem = await itemOf(/^Offers/, /2019 Skoda Kodiaq/);
      expect(kodiaqItem).toHaveTextContent('No end date');
      expect(within(kodiaqItem).queryByRole('button', { name: 'Withdraw' })).not.toBeInTheDocument();

      fireEvent.click(within(octavia).getByRole('button', { name: 'Withdraw' }));
      const confirm = screen.getByRole('dialog', { name: 'Withdraw the offer?' });
      expect(confirm).toHaveTextContent('The offer on the 2021 Skoda Octavia for 23,000 will no longer count on this deal.');
      fireEvent.click(within(confirm).getByRole('button', { name: 'Withdraw offer' }));

      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      expect(changesSent(fetchMock)).toEqual(['POST /api/offers/offer-1/withdraw']);
      // the list is fetched again and shows the offer withdrawn
      await waitFor(() => expect(within(octavia).queryByRole('button', { name: 'Withdraw' })).not.toBeInTheDocument());
      expect(getsOf(fetchMock, '/api/deals/deal-1/offers')).toBe(2);
      expect(within(octavia).getByText('withdrawn')).toBeInTheDocument();
    });

    it('marks an active offer past its date as expired', async () => {
      serveRecords({ offers: [offer({ validUntil: '2020-01-31T00:00:00.000Z' })] });
      renderSignedIn(<DealRecords deal={mariasDeal} />);
      expect(within(await itemOf(/^Offers/, /2021 Skoda Octavia/)).getByText('expired')).toBeInTheDocument();
    });

    it('opens the quote PDF in a new tab, fetched with the session token', async () => {
      const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
      const fetchMock = serveRecords(
        { offers: [offer()] },
        { 'GET /api/offers/offer-1/quote.pdf': () => new Response(pdf, { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="quote-D-1042.pdf"' } }) },
      );
      const createObjectURL = jest.fn((_blob: Blob) => 'blob:http://localhost/quote-1');
      Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
      const tab = { location: { href: '' }, close: jest.fn() };
      const open = jest.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
      renderSignedIn(<DealRecords deal={mariasDeal} />);

      fireEvent.click(within(await itemOf(/^Offers/, /2021 Skoda Octavia/)).getByRole('button', { name: 'Quote (PDF)' }));
      // the tab opens within the click, before the file arrives, so that no popup blocker stops it
      expect(open).toHaveBeenCalledWith('', '_blank');
      await waitFor(() => expect(tab.location.href).toBe('blob:http://localhost/quote-1'));

      const quoteRequest = requestsOf(fetchMock).find((request) => pathOf(request) === '/api/offers/offer-1/quote.pdf')!;
      expect(quoteRequest.headers.get('Authorization')).toBe('Bearer token-of-anna');
      const blob = createObjectURL.mock.calls[0][0];
      expect(new Uint8Array(await blob.arrayBuffer())).toEqual(pdf);
    });

    it('closes the new tab and says why when the quote cannot be made', async () => {
      serveRecords({ offers: [offer()] }, { 'GET /api/offers/offer-1/quote.pdf': () => apiError(404, 'Offer offer-1 does not exist') });
      const tab = { location: { href: '' }, close: jest.fn() };
      jest.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
      renderSignedIn(<DealRecords deal={mariasDeal} />);
      fireEvent.click(within(await itemOf(/^Offers/, /2021 Skoda Octavia/)).getByRole('button', { name: 'Quote (PDF)' }));
      expect(await screen.findByText('Could not get the quote. Offer offer-1 does not exist')).toBeInTheDocument();
      expect(tab.close).toHaveBeenCalled();
    });

    it('emails an offer to the customer from its row', async () => {
      serveRecords({ offers: [offer()] });
      renderSignedIn(<DealRecords deal={mariasDeal} />);
      fireEvent.click(within(await itemOf(/^Offers/, /2021 Skoda Octavia/)).getByRole('button', { name: 'Email to customer' }));
      const dialog = screen.getByRole('dialog', { name: 'Email the customer' });
      await waitFor(() => expect(within(dialog).getByLabelText('Attach an offer')).toHaveValue('offer-1'));
      expect(within(dialog).getByLabelText('Subject')).toHaveValue('Our offer for the 2021 Skoda Octavia');
    });
  });

  describe('test drives', () => {
    it('cancels one after asking, which frees the slot', async () => {
      const fetchMock = serveRecords(
        { testDrives: [testDrive(), testDrive({ id: 'td-2', status: 'done', licenceChecked: false })] },
        { 'PATCH /api/test-drives/td-1': () => jsonResponse(testDrive({ status: 'cancelled' })) },
      );
      renderSignedIn(<DealRecords deal={mariasDeal} />);
      const drives = await section(/^Test drives 2$/);
      const [scheduled, done] = await within(drives).findAllByRole('listitem');
      expect(scheduled).toHaveTextContent('Licence checked');
      expect(within(scheduled).getByText('scheduled')).toBeInTheDocument();
      expect(done).toHaveTextContent('Licence not checked yet');
      expect(within(done).queryByRole('button')).not.toBeInTheDocument();

      fireEvent.click(within(scheduled).getByRole('button', { name: 'Cancel' }));
      const confirm = screen.getByRole('dialog', { name: 'Cancel the test drive?' });
      expect(confirm).toHaveTextContent('becomes free for other bookings');
      fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel test drive' }));

      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      expect(await requestsOf(fetchMock).find((request) => request.method === 'PATCH')!.json()).toEqual({ status: 'cancelled' });
    });

    it('marks one done, and reschedules one in a dialog', async () => {
      const fetchMock = serveRecords({ testDrives: [testDrive()] }, { 'PATCH /api/test-drives/td-1': () => jsonResponse(testDrive({ status: 'done' })) });
      renderSignedIn(<DealRecords deal={mariasDeal} />);
      const drive = await itemOf(/^Test drives/, /2021 Skoda Octavia/);
      fireEvent.click(within(drive).getByRole('button', { name: 'Mark done' }));
      await waitFor(() => expect(changesSent(fetchMock)).toEqual(['PATCH /api/test-drives/td-1']));
      expect(await requestsOf(fetchMock).find((request) => request.method === 'PATCH')!.json()).toEqual({ status: 'done' });

      fireEvent.click(within(drive).getByRole('button', { name: 'Reschedule' }));
      expect(screen.getByRole('dialog', { name: 'Reschedule the test drive' })).toBeInTheDocument();
    });

    it('asks to confirm the licence before marking an unchecked test drive done', async () => {
      const fetchMock = serveRecords({ testDrives: [testDrive({ licenceChecked: false })] }, { 'PATCH /api/test-drives/td-1': () => jsonResponse(testDrive({ status: 'done' })) });
      renderSignedIn(<DealRecords deal={mariasDeal} />);
      fireEvent.click(within(await itemOf(/^Test drives/, /2021 Skoda Octavia/)).getByRole('button', { name: 'Mark done' }));
      const confirm = screen.getByRole('dialog', { name: 'Was the driving licence checked?' });
      expect(changesSent(fetchMock)).toEqual([]);
      fireEvent.click(within(confirm).getByRole('button', { name: 'Licence checked, mark done' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      expect(await requestsOf(fetchMock).find((request) => request.method === 'PATCH')!.json()).toEqual({ licenceChecked: true, status: 'done' });
    });

    it('offers no rescheduling on a closed deal (a new slot is a booking), but still cancelling', async () => {
      serveRecords({ testDrives: [testDrive()], offers: [offer()] });
      renderSignedIn(<DealRecords deal={{ ...mariasDeal, status: 'won' }} />);
      const drive = await itemOf(/^Test drives/, /2021 Skoda Octavia/);
      expect(within(drive).queryByRole('button', { name: 'Reschedule' })).not.toBeInTheDocument();
      expect(within(drive).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
      const offerItem = await itemOf(/^Offers/, /2021 Skoda Octavia/);
      expect(within(offerItem).queryByRole('button', { name: 'Withdraw' })).not.toBeInTheDocument();
    });

    it('says why the test drive could not be marked done', async () => {
      serveRecords({ testDrives: [testDrive()] }, { 'PATCH /api/test-drives/td-1': () => apiError(409, 'This test drive was cancelled meanwhile') });
      renderSignedIn(<DealRecords deal={mariasDeal} />);
      fireEvent.click(within(await itemOf(/^Test drives/, /2021 Skoda Octavia/)).getByRole('button', { name: 'Mark done' }));
      expect(await screen.findByText('Could not mark the test drive done. This test drive was cancelled meanwhile')).toBeInTheDocument();
    });
  });

  describe('trade-ins', () => {
    it('shows the car and its appraisal, edits and removes it', async () => {
      const fetchMock = serveRecords({ tradeIns: [tradeIn()] }, { 'DELETE /api/trade-ins/ti-1': () => new Response(null, { status: 204 }) });
      renderSignedIn(<DealRecords deal={mariasDeal} />);
      const golf = await itemOf(/^Trade-ins 1$/, '2015 Volkswagen Golf');
      expect(golf).toHaveTextContent('VIN WVWZZZ1JZXW000001 · Mileage 145,000 · Appraisal 6,500');

      fireEvent.click(within(golf).getByRole('button', { name: 'Edit' }));
      expect(screen.getByRole('dialog', { name: 'Edit trade-in' })).toBeInTheDocument();
      expect(screen.getByLabelText('Model')).toHaveValue('Golf');
      fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

      fireEvent.click(within(golf).getByRole('button', { name: 'Remove' }));
      fireEvent.click(within(screen.getByRole('dialog', { name: 'Remove the trade-in?' })).getByRole('button', { name: 'Remove trade-in' }));
      await waitFor(() => expect(changesSent(fetchMock)).toEqual(['DELETE /api/trade-ins/ti-1']));
    });
  });

  describe('tasks', () => {
    const overdue = task({ id: 'task-overdue', title: 'Send the brochure', kind: 'task', dueAt: '2020-03-01T09:00:00.000Z', priority: 'high' });
    const later = task({ id: 'task-later', title: 'Call Maria about financing', dueAt: '2099-01-01T09:00:00.000Z', participants: [{ id: vera.id, name: vera.name }] });
    const done = task({ id: 'task-done', title: 'Welcome call', doneAt: '2026-11-04T10:00:00.000Z', doneBy: { id: vera.id, name: vera.name }, result: 'Interested in a Kodiaq too' });

    it('lists open ones first, soonest first, overdue ones in red; done ones with who, when and the result', async () => {
      serveRecords({ tasks: [done, later, overdue] });
      renderSignedIn(<DealRecords deal={mariasDeal} />);
      const tasks = await section(/^Tasks, calls and meetings 3$/);
      const items = await within(tasks).findAllByRole('listitem');
      expect(items.map((item) => item.querySelector('.record__title')!.textContent)).toEqual([
        'Task Send the brochureHigh priority',
        'Call Call Maria about financing',
        'Call Welcome calldone',
      ]);
      expect(items[0]).toHaveClass('record--overdue');
      expect(items[0]).toHaveTextContent('Overdue: Due');
      expect(items[1]).not.toHaveClass('record--overdue');
      expect(items[1]).toHaveTextContent('Anna Petrova with Vera Lead');
      expect(items[2]).toHaveTextContent(/Done by Vera Lead on .*: Interested in a Kodiaq too/);
      expect(within(items[2]).queryByRole('button', { name: 'Complete' })).not.toBeInTheDocument();
    });

    it('completes a task with an optional result', async () => {
      const fetchMock = serveRecords({ tasks: [later] }, { 'POST /api/tasks/task-later/complete': () => jsonResponse({ ...later, doneAt: '2026-11-05T10:00:00.000Z' }) });
      renderSignedIn(<DealRecords deal={mariasDeal} />);
      fireEvent.click(within(await itemOf(/^Tasks/, 'Call Maria about financing')).getByRole('button', { name: 'Complete' }));
      const dialog = screen.getByRole('dialog', { name: 'Complete the call' });
      expect(within(dialog).getByLabelText('Result')).toHaveFocus();
      fireEvent.change(within(dialog).getByLabelText('Result'), { target: { value: 'Wants 48 months' } });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Complete call' }));

      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      expect(await requestsOf(fetchMock).find((request) => request.method === 'POST')!.json()).toEqual({ result: 'Wants 48 months' });
    });
  });

  describe('documents', () => {
    it('shows what each file is, renames one in place and deletes one after asking', async () => {
      const fetchMock = serveRecords(
        { documents: [documentRecord()] },
        {
          'PATCH /api/documents/doc-1': () => jsonResponse(documentRecord({ title: 'Signed contract' })),
          'DELETE /api/documents/doc-1': () => new Response(null, { status: 204 }),
        },
      );
      renderSignedIn(<DealRecords deal={mariasDeal} />);
      const contract = await itemOf(/^Documents 1$/, 'Purchase contract');
      expect(contract).toHaveTextContent(/contract-signed\.pdf · 240 KB · PDF · uploaded by Anna Petrova on/);

      fireEvent.click(within(contract).getByRole('button', { name: 'Rename' }));
      const title = within(contract).getByLabelText('New title of Purchase contract');
      expect(title).toHaveFocus();
      fireEvent.keyDown(title, { key: 'Escape' });
      expect(within(contract).queryByLabelText(/New title/)).not.toBeInTheDocument();
      expect(within(contract).getByRole('button', { name: 'Rename' })).toHaveFocus();

      fireEvent.click(within(contract).getByRole('button', { name: 'Rename' }));
      fireEvent.change(within(contract).getByLabelText('New title of Purchase contract'), { target: { value: ' Signed contract ' } });
      fireEvent.click(within(contract).getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(within(contract).queryByLabelText(/New title/)).not.toBeInTheDocument());
      expect(await requestsOf(fetchMock).find((request) => request.method === 'PATCH')!.json()).toEqual({ title: 'Signed contract' });

      fireEvent.click(within(contract).getByRole('button', { name: 'Delete' }));
      const confirm = screen.getByRole('dialog', { name: 'Delete the document?' });
      expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
      fireEvent.click(within(confirm).getByRole('button', { name: 'Delete document' }));
      await waitFor(() => expect(changesSent(fetchMock)).toEqual(['PATCH /api/documents/doc-1', 'DELETE /api/documents/doc-1']));
    });

    it('keeps the rename open with the reason when the server refuses it', async () => {
      serveRecords({ documents: [documentRecord()] }, { 'PATCH /api/documents/doc-1': () => apiError(403, 'You do not have permission to do that.') });
      renderSignedIn(<DealRecords deal={mariasDeal} />);
      const contract = await itemOf(/^Documents/, 'Purchase contract');
      fireEvent.click(within(contract).getByRole('button', { name: 'Rename' }));
      fireEvent.change(within(contract).getByLabelText(/New title/), { target: { value: 'Contract' } });
      fireEvent.click(within(contract).getByRole('button', { name: 'Save' }));
      expect(await within(contract).findByRole('alert')).toHaveTextContent('You do not have permission to do that.');
      expect(within(contract).getByLabelText(/New title/)).toHaveValue('Contract');
    });

    it('downloads a file as a blob fetched with the Authorization header, under its own name', async () => {
      const fetchMock = serveRecords(
        { documents: [documentRecord({ fileName: 'Vertrag Müller.pdf' })] },
        {
          'GET /api/documents/doc-1/download': () =>
            new Response('%PDF-1.7', { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="Vertrag M_ller.pdf"; filename*=UTF-8''Vertrag%20M%C3%BCller.pdf` } }),
        },
      );
      Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:http://localhost/doc-1'), revokeObjectURL: jest.fn() });
      const saved: { href: string; download: string }[] = [];
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved.push({ href: this.href, download: this.download });
      });
      const open = jest.spyOn(window, 'open');
      renderSignedIn(<DealRecords deal={mariasDeal} />);

      fireEvent.click(within(await itemOf(/^Documents/, 'Purchase contract')).getByRole('button', { name: 'Download' }));
      await waitFor(() => expect(saved).toEqual([{ href: 'blob:http://localhost/doc-1', download: 'Vertrag Müller.pdf' }]));
      const download = requestsOf(fetchMock).find((request) => pathOf(request) === '/api/documents/doc-1/download')!;
      expect(download.headers.get('Authorization')).toBe('Bearer token-of-anna');
      expect(open).not.toHaveBeenCalled();
    });
  });

  describe('emails', () => {
    it('shows each email with its status, and sends a failed one again', async () => {
      const failed = message({ id: 'msg-failed', subject: 'Your quote', status: 'failed', error: '550 mailbox unavailable', sentAt: null });
      const fetchMock = serveRecords(
        { messages: [message(), message({ id: 'msg-outbox', subject: 'Test drive reminder', status: 'outbox', sentAt: null, offerId: null }), failed] },
        { 'POST /api/messages/msg-failed/send': () => jsonResponse({ ...failed, status: 'sent', error: null }) },
      );
      renderSignedIn(<DealRecords deal={mariasDeal} />);

      const sent = await itemOf(/^Emails 3$/, /Our offer for the 2021 Skoda Octavia/);
      expect(within(sent).getByText('sent')).toBeInTheDocument();
      expect(sent).toHaveTextContent('To maria@example.com');
      expect(sent).toHaveTextContent('quote attached');
      expect(within(sent).queryByRole('button')).not.toBeInTheDocument();
      const outbox = await itemOf(/^Emails/, /Test drive reminder/);
      expect(within(outbox).getByText('in the outbox')).toBeInTheDocument();
      expect(within(outbox).getByRole('button', { name: 'Send again' })).toBeInTheDocument();
      const failedItem = await itemOf(/^Emails/, /Your quote/);
      expect(failedItem).toHaveTextContent('550 mailbox unavailable');

      fireEvent.click(within(failedItem).getByRole('button', { name: 'Send again' }));
      expect(await screen.findByText('Email sent to maria@example.com.')).toBeInTheDocument();
      expect(changesSent(fetchMock)).toEqual(['POST /api/messages/msg-failed/send']);
    });

    it('says why sending again failed', async () => {
      serveRecords(
        { messages: [message({ status: 'failed', error: 'timeout', sentAt: null })] },
        { 'POST /api/messages/msg-1/send': () => apiError(502, 'The mail server did not answer') },
      );
      renderSignedIn(<DealRecords deal={mariasDeal} />);
      fireEvent.click(within(await itemOf(/^Emails/, /Our offer/)).getByRole('button', { name: 'Send again' }));
      expect(await screen.findByText('The email to maria@example.com could not be sent. The mail server did not answer')).toBeInTheDocument();
    });
  });

  it("shows another manager's deal without the actions that change it", async () => {
    serveRecords({ offers: [offer()], testDrives: [testDrive()], tradeIns: [tradeIn()], tasks: [task()], documents: [documentRecord()], messages: [message({ status: 'failed' })] });
    renderSignedIn(<DealRecords deal={{ ...mariasDeal, responsible: { id: 'user-boris', name: 'Boris Ivanov' } }} />);
    await itemOf(/^Emails/, /Our offer/);
    await itemOf(/^Tasks/, /Call Maria/);
    const buttons = screen.getAllByRole('button').map((button) => button.textContent);
    expect(buttons.sort()).toEqual(['Download', 'Quote (PDF)']);
  });
});
