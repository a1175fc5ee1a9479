import type { DealDto, DealEventDto, FunnelDto, MessageDto, MessageListPage, MessageStatus, OfferDto, VehicleDto } from '@autofunnel/shared';
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { createDeal } from './support/deals.js';
import { SmtpTestServer } from './support/smtp-test-server.js';
import { TestApp, uniqueEmail, uniquePhone, type TestUser } from './support/test-app.js';

const VIN_CHARACTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

/** A European VIN (no check digit), unique enough for a test run. */
function uniqueVin(): string {
  return `WVW${[...randomBytes(14)].map((byte) => VIN_CHARACTERS[byte % VIN_CHARACTERS.length]).join('')}`;
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('messages to the customer (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpTestServer;
  let admin: TestUser;
  let lead: TestUser;
  let anna: TestUser;
  let boris: TestUser;
  let funnel: FunnelDto;
  let customerEmail: string;
  let deal: DealDto;

  beforeAll(async () => {
    delete process.env.SMTP_URL;
    t = await TestApp.start();
    smtp = await SmtpTestServer.start();
    admin = await t.user('admin');
    // One branch: Boris is Anna's colleague, their lead sees both their deals.
    const { id: branchId } = await t.branch();
    lead = await t.user('lead', { branchId });
    anna = await t.user('manager', { name: 'Anna', branchId });
    boris = await t.user('manager', { name: 'Boris', branchId });
    funnel = await t.funnel(admin);
  });
  beforeEach(async () => {
    // SMTP_URL is read on every send: each test says whether there is a mail server.
    delete process.env.SMTP_URL;
    smtp.refuseData = null;
    customerEmail = uniqueEmail();
    deal = await createDeal(t, anna, funnel, { responsibleId: anna.id, contact: { name: 'Jan Jansen', phone: uniquePhone(), email: customerEmail } });
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await t.close();
    await smtp.close();
  });

  const write = (user: TestUser, dealId: string, body: Record<string, unknown>) => t.http.post(`/api/deals/${dealId}/messages`).set(user.auth).send(body);
  const resend = (user: TestUser, id: string) => t.http.post(`/api/messages/${id}/send`).set(user.auth);
  const messagesOf = async (dealId: string) => (await t.http.get(`/api/deals/${dealId}/messages`).set(lead.auth).expect(200)).body as MessageDto[];
  const events = async (dealId: string) => ((await t.http.get(`/api/deals/${dealId}/events`).set(anna.auth).expect(200)).body as DealEventDto[]).slice(1);

  /** Walks GET /api/messages?status= page by page (other tests add messages too) until `id` shows up. */
  async function outboxHas(user: TestUser, status: MessageStatus, id: string): Promise<MessageDto | undefined> {
    let cursor: string | undefined;
    do {
      const page = (await t.http.get('/api/messages').query({ status, limit: 2, ...(cursor ? { cursor } : {}) }).set(user.auth).expect(200)).body as MessageListPage;
      expect(page.items.every((message) => message.status === status)).toBe(true);
      const found = page.items.find((message) => message.id === id);
      if (found) return found;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return undefined;
  }

  async function offerOn(dealId: string, price = 23950, discount = 950): Promise<{ vehicle: VehicleDto; offer: OfferDto }> {
    const vehicle = (await t.http.post('/api/vehicles').set(admin.auth).send({ vin: uniqueVin(), make: 'Skoda', model: 'Octavia Combi', year: 2022, price }).expect(201)).body as VehicleDto;
    const offer = (await t.http.post(`/api/deals/${dealId}/offers`).set(anna.auth).send({ vehicleId: vehicle.id, discount }).expect(201)).body as OfferDto;
    return { vehicle, offer };
  }

  describe('without SMTP', () => {
    it('keeps the message in the outbox, on the deal and its timeline', async () => {
      const response = await write(anna, deal.id, { subject: 'Your visit on Friday', body: 'Dear Mr Jansen,\n\nsee you at 10:00.' }).expect(201);
      const message = response.body as MessageDto;
      expect(message).toMatchObject({
        dealId: deal.id,
        deal: { id: deal.id, code: deal.code, title: deal.title },
        to: customerEmail,
        subject: 'Your visit on Friday',
        body: 'Dear Mr Jansen,\n\nsee you at 10:00.',
        offerId: null,
        status: 'outbox',
        error: null,
        sentAt: null,
        createdBy: { id: anna.id, name: 'Anna' },
      });
      expect(await messagesOf(deal.id)).toEqual([message]);
      expect(await outboxHas(lead, 'outbox', message.id)).toEqual(message);
      expect(await outboxHas(admin, 'sent', message.id)).toBeUndefined();
      expect(await events(deal.id)).toEqual([
        expect.objectContaining({
          type: 'deal.message_sent',
          actor: { id: anna.id, name: 'Anna' },
          data: { messageId: message.id, to: customerEmail, subject: 'Your visit on Friday', offer: null, via: 'outbox', retry: false },
        }),
      ]);
      expect(smtp.mailsTo(customerEmail)).toEqual([]);
    });

    it('sends it from the outbox once SMTP is configured, and only once', async () => {
      const message = (await write(anna, deal.id, { subject: 'Brochure', body: 'As promised.' }).expect(201)).body as MessageDto;
      const notSetUp = await resend(lead, message.id).expect(422);
      expect(notSetUp.body.message).toMatch(/^Email is not set up on this server: set SMTP_URL/);

      process.env.SMTP_URL = smtp.url;
      await resend(boris, message.id).expect(403);
      const sent = (await resend(lead, message.id).expect(200)).body as MessageDto;
      expect(sent).toMatchObject({ id: message.id, status: 'sent', error: null });
      expect(Date.parse(sent.sentAt!)).toBeGreaterThanOrEqual(Date.parse(message.createdAt));
      expect(smtp.mailsTo(customerEmail)).toHaveLength(1);
      const [mail] = smtp.mailsTo(customerEmail);
      expect(mail.parsed.subject).toBe('Brochure');
      expect(mail.parsed.text?.trim()).toBe('As promised.');

      const again = await resend(lead, message.id).expect(409);
      expect(again.body.message).toMatch(/^This message was already sent/);
      expect(smtp.mailsTo(customerEmail)).toHaveLength(1);
      expect(await outboxHas(lead, 'sent', message.id)).toMatchObject({ status: 'sent' });
      expect(await outboxHas(lead, 'outbox', message.id)).toBeUndefined();
      expect((await events(deal.id)).map((event) => event.data)).toEqual([
        expect.objectContaining({ messageId: message.id, via: 'outbox', retry: false }),
        expect.objectContaining({ messageId: message.id, via: 'smtp', retry: true }),
      ]);
    });

    it('mails the customer once when two people press "send" at the same time', async () => {
      const message = (await write(anna, deal.id, { subject: 'Financing', body: 'Two options.' }).expect(201)).body as MessageDto;
      process.env.SMTP_URL = smtp.url;
      const statuses = (await Promise.all([resend(lead, message.id), resend(admin, message.id), resend(anna, message.id)])).map((response) => response.status);
      expect(statuses.sort()).toEqual([200, 409, 409]);
      expect(smtp.mailsTo(customerEmail)).toHaveLength(1);
    });
  });

  describe('with SMTP', () => {
    beforeEach(() => {
      process.env.SMTP_URL = smtp.url;
    });

    it('sends at once, with the quote PDF attached when an offer is given', async () => {
      const { vehicle, offer } = await offerOn(deal.id);
      const message = (await write(anna, deal.id, { subject: 'Your quote for the Skoda Octavia', body: 'Please find our quote attached.', offerId: offer.id }).expect(201))
        .body as MessageDto;
      expect(message).toMatchObject({ to: customerEmail, offerId: offer.id, status: 'sent', error: null });
      expect(message.sentAt).not.toBeNull();

      const [mail] = smtp.mailsTo(customerEmail);
      expect(mail.from).toBe('no-reply@autofunnel.local');
      expect(mail.parsed.subject).toBe('Your quote for the Skoda Octavia');
      expect(mail.parsed.text?.trim()).toBe('Please find our quote attached.');
      expect(mail.parsed.attachments).toHaveLength(1);
      const [quote] = mail.parsed.attachments;
      expect(quote).toMatchObject({ filename: `Quote ${deal.code}.pdf`, contentType: 'application/pdf' });
      expect(quote.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      expect(await messagesOf(deal.id)).toEqual([message]);
      const timeline = await events(deal.id);
      expect(timeline[timeline.length - 1]).toMatchObject({
        type: 'deal.message_sent',
        data: {
          messageId: message.id,
          to: customerEmail,
          subject: 'Your quote for the Skoda Octavia',
          offer: { offerId: offer.id, vehicle: { id: vehicle.id, make: 'Skoda', model: 'Octavia Combi', year: 2022, vin: vehicle.vin }, total: 23000 },
          via: 'smtp',
          retry: false,
        },
      });
    });

    it('sends to the address given instead of the customer\'s, without an attachment when no offer is given', async () => {
      const other = uniqueEmail();
      await write(anna, deal.id, { to: ` ${other} `, subject: 'For your accountant', body: 'Invoice details.' }).expect(201);
      expect(smtp.mailsTo(customerEmail)).toEqual([]);
      const [mail] = smtp.mailsTo(other);
      expect(mail.parsed.attachments).toEqual([]);
    });

    it('answers 502 when the mail server refuses, keeps the message as failed, and sends it on retry', async () => {
      smtp.refuseData = 'Message rejected as spam';
      const response = await write(anna, deal.id, { subject: 'Special price', body: 'Only this week.' }).expect(502);
      expect(response.body.message).toBe(
        'The mail server refused the email: 554 Message rejected as spam. The email was not sent; it is kept as failed, to send again once this is fixed',
      );
      const [failed] = await messagesOf(deal.id);
      expect(failed).toMatchObject({ id: response.body.messageId, status: 'failed', error: 'The mail server refused the email: 554 Message rejected as spam', sentAt: null });
      expect(await outboxHas(lead, 'failed', failed.id)).toMatchObject({ status: 'failed' });

      smtp.refuseData = null;
      const sent = (await resend(anna, failed.id).expect(200)).body as MessageDto;
      expect(sent).toMatchObject({ status: 'sent', error: null });
      expect(smtp.mailsTo(customerEmail)).toHaveLength(1);
    });

    it('names the refused address and an unreachable server', async () => {
      const refused = await write(anna, deal.id, { to: 'nobody@refused.example', subject: 'Hello', body: 'Hi.' }).expect(502);
      expect(refused.body.message).toMatch(/^The mail server refused the address nobody@refused\.example: 550 5\.1\.1 <nobody@refused\.example>: mailbox unavailable; check the address\./);

      process.env.SMTP_URL = `smtp://127.0.0.1:${await closedPort()}`;
      const unreachable = await write(anna, deal.id, { subject: 'Hello', body: 'Hi.' }).expect(502);
      expect(unreachable.body.message).toMatch(/^The mail server could not be reached .*ECONNREFUSED.*; check SMTP_URL and that the server is up\./);
      expect((await messagesOf(deal.id)).map((message) => message.status)).toEqual(['failed', 'failed']);
    });
  });

  describe('bad requests', () => {
    it('needs an address: the customer has none and no `to` is given (422)', async () => {
      const noEmail = await createDeal(t, anna, funnel, { responsibleId: anna.id, contact: { name: 'Phone Only', phone: uniquePhone() } });
      const response = await write(anna, noEmail.id, { subject: 'Hello', body: 'Hi.' }).expect(422);
      expect(response.body.message).toBe('This customer has no email; add one or give `to`');
      expect(await messagesOf(noEmail.id)).toEqual([]);
      await write(anna, noEmail.id, { to: 'phone.only@example.com', subject: 'Hello', body: 'Hi.' }).expect(201);
    });

    it('validates the fields (400)', async () => {
      const badTo = await write(anna, deal.id, { to: 'not-an-address', subject: 'Hello', body: 'Hi.' }).expect(400);
      expect(badTo.body.fields).toHaveProperty('to');
      const noSubject = await write(anna, deal.id, { subject: '  ', body: 'Hi.' }).expect(400);
      expect(noSubject.body.message).toBe('subject must not be empty');
      const noBody = await write(anna, deal.id, { subject: 'Hello' }).expect(400);
      expect(noBody.body.fields).toHaveProperty('body');
      await write(anna, deal.id, { subject: 'x'.repeat(201), body: 'Hi.' }).expect(400);
      await t.http.get('/api/messages').query({ status: 'lost' }).set(lead.auth).expect(400);
      await t.http.get('/api/messages').query({ cursor: 'garbage' }).set(lead.auth).expect(400);
      expect(await messagesOf(deal.id)).toEqual([]);
    });

    it('attaches only an active offer of this deal (422)', async () => {
      const otherDeal = await createDeal(t, anna, funnel, { responsibleId: anna.id });
      const { offer: otherDealsOffer } = await offerOn(otherDeal.id);
      const foreign = await write(anna, deal.id, { subject: 'Quote', body: 'Attached.', offerId: otherDealsOffer.id }).expect(422);
      expect(foreign.body.message).toBe(`offerId ${otherDealsOffer.id} is not an offer of this deal`);
      await write(anna, deal.id, { subject: 'Quote', body: 'Attached.', offerId: '00000000-0000-4000-8000-000000000000' }).expect(422);

      const { offer } = await offerOn(deal.id);
      await t.http.post(`/api/offers/${offer.id}/withdraw`).set(anna.auth).expect(200);
      const withdrawn = await write(anna, deal.id, { subject: 'Quote', body: 'Attached.', offerId: offer.id }).expect(422);
      expect(withdrawn.body.message).toBe('This offer was withdrawn; make a new offer to send its quote');
      expect(await messagesOf(deal.id)).toEqual([]);
    });
  });

  describe('permissions', () => {
    it("lets the deal's manager, team leads and admins write; other managers neither write nor read", async () => {
      const refused = await write(boris, deal.id, { subject: 'Hello', body: 'Hi.' }).expect(403);
      expect(refused.body.message).toMatch(/another manager/);
      await t.http.get(`/api/deals/${deal.id}/messages`).set(boris.auth).expect(403);
      await write(lead, deal.id, { subject: 'From the lead', body: 'Hi.' }).expect(201);
      await write(admin, deal.id, { subject: 'From the admin', body: 'Hi.' }).expect(201);
      expect((await messagesOf(deal.id)).map((message) => message.subject)).toEqual(['From the admin', 'From the lead']);
      await t.http.get('/api/messages').set(anna.auth).expect(403);
      await write(anna, '00000000-0000-4000-8000-000000000000', { subject: 'Hello', body: 'Hi.' }).expect(404);
      await resend(lead, '00000000-0000-4000-8000-000000000000').expect(404);
    });

    it('hides the messages of a deal in the trash, in the outbox too', async () => {
      const message = (await write(anna, deal.id, { subject: 'Hello', body: 'Hi.' }).expect(201)).body as MessageDto;
      await t.http.post(`/api/deals/${deal.id}/trash`).set(admin.auth).expect(200);
      await t.http.get(`/api/deals/${deal.id}/messages`).set(anna.auth).expect(404);
      expect(await outboxHas(admin, 'outbox', message.id)).toBeUndefined();
      process.env.SMTP_URL = smtp.url;
      await resend(admin, message.id).expect(404);
    });
  });
});
