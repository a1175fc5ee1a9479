import { randomUUID } from 'node:crypto';
import type { ChannelWithKeyDto, ContactDto, ContactWithDealsDto, DealDto, DealEventDto, FunnelDto } from '@autofunnel/shared';
import { Listener } from './support/board-listener.js';
import { TestApp, uniqueEmail, uniquePhone, type TestUser } from './support/test-app.js';

/** The E.164 form of a uniquePhone() ("+1 212 345 6789" → "+12123456789"). */
const e164 = (phone: string) => phone.replace(/[^\d+]/g, '');
/** The numeric part of a customer number: "C-000123" → 123. */
const numberOf = (customerNumber: string | null) => Number(/^C-(\d{6,})$/.exec(customerNumber ?? '')?.[1]);

describe('merging and converting contacts (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let manager: TestUser;
  let funnel: FunnelDto;
  const listeners: Listener[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    lead = await t.user('lead');
    manager = await t.user('manager');
    funnel = await t.funnel(admin);
  });
  afterEach(() => listeners.splice(0).forEach((listener) => listener.close()));
  afterAll(() => t.close());

  async function contact(extra: Record<string, unknown> = {}): Promise<ContactDto> {
    const body = { name: `Customer ${randomUUID().slice(0, 8)}`, phones: [uniquePhone()], emails: [uniqueEmail()], ...extra };
    return (await t.http.post('/api/contacts').set(admin.auth).send(body).expect(201)).body as ContactDto;
  }

  async function dealFor(customer: ContactDto, inFunnel = funnel, extra: Record<string, unknown> = {}): Promise<DealDto> {
    const response = await t.http.post('/api/deals').set(admin.auth).send({ funnelId: inFunnel.id, contactId: customer.id, ...extra }).expect(201);
    return response.body as DealDto;
  }

  const getContact = async (id: string) => (await t.http.get(`/api/contacts/${id}`).set(admin.auth).expect(200)).body as ContactWithDealsDto;
  const getDeal = async (id: string) => (await t.http.get(`/api/deals/${id}`).set(admin.auth).expect(200)).body as DealDto;
  const timeline = async (id: string) => (await t.http.get(`/api/deals/${id}/events`).set(admin.auth).expect(200)).body as DealEventDto[];
  const merge = (caller: TestUser, keptId: string, duplicateId: unknown) => t.http.post(`/api/contacts/${keptId}/merge`).set(caller.auth).send({ duplicateId });
  const convert = (caller: TestUser, id: string) => t.http.post(`/api/contacts/${id}/convert`).set(caller.auth);

  describe('POST /api/contacts/:id/merge', () => {
    it("moves the duplicate's deals and intake requests, unions phones and emails, deletes it, and tells open boards", async () => {
      const other = await t.funnel(admin);
      const kept = await contact();
      const duplicate = await contact();
      const keptDeal = await dealFor(kept);
      const [first, second] = [await dealFor(duplicate), await dealFor(duplicate, other)];
      const channel = (await t.http.post('/api/channels').set(admin.auth).send({ name: `Web ${randomUUID().slice(0, 8)}`, kind: 'web', funnelId: funnel.id }).expect(201))
        .body as ChannelWithKeyDto;
      const intake = await t.http.post('/api/intake/forms').set('X-Api-Key', channel.apiKey).send({ name: 'Again', phone: duplicate.phones[0], message: 'Any news?' }).expect(201);
      expect(intake.body).toEqual(expect.objectContaining({ contactId: duplicate.id, dealId: first.id, addedToOpenDeal: true }));
      const listener = await Listener.connect(await t.url(), admin.token);
      listeners.push(listener);
      await listener.join(funnel.id);

      const response = await merge(admin, kept.id, duplicate.id).expect(200);

      expect(response.body).toEqual({
        ...kept,
        phones: [...kept.phones, ...duplicate.phones],
        emails: [...kept.emails, ...duplicate.emails],
        updatedAt: expect.any(String),
      });
      const missing = await t.http.get(`/api/contacts/${duplicate.id}`).set(admin.auth).expect(404);
      expect(missing.body.message).toBe(`Contact ${duplicate.id} does not exist`);
      expect((await getContact(kept.id)).deals.map((deal) => deal.id).sort()).toEqual([keptDeal.id, first.id, second.id].sort());
      const requests: { contact_id: string }[] = await t.dataSource.query(`SELECT contact_id FROM intake_request WHERE deal_id = $1`, [first.id]);
      expect(requests).toEqual([{ contact_id: kept.id }]);

      for (const moved of [first, second]) {
        const now = await getDeal(moved.id);
        expect(now.contact).toEqual({ id: kept.id, name: kept.name, kind: 'person', phones: response.body.phones, emails: response.body.emails });
        const last = (await timeline(moved.id)).at(-1)!;
        expect(last).toEqual(
          expect.objectContaining({
            type: 'deal.updated',
            actor: { id: admin.id, name: admin.name },
            data: { changes: { contact: { from: duplicate.name, to: kept.name } }, fromContactId: duplicate.id, toContactId: kept.id },
          }),
        );
      }
      const [event] = await listener.received(1);
      expect(event).toEqual(expect.objectContaining({ funnelId: funnel.id, type: 'deal.updated', deal: expect.objectContaining({ id: first.id, contact: expect.objectContaining({ id: kept.id }) }) }));
      expect(listener.events).toHaveLength(1);
    });

    it('bumps the version of each moved deal and leaves the deals of the kept contact at theirs', async () => {
      const kept = await contact();
      const duplicate = await contact();
      const keptDeal = await dealFor(kept);
      const moved = await dealFor(duplicate);
      await merge(admin, kept.id, duplicate.id).expect(200);
      expect((await getDeal(moved.id)).version).toBe(moved.version + 1);
      expect(await getDeal(keptDeal.id)).toEqual({ ...keptDeal, contact: expect.objectContaining({ id: kept.id, name: kept.name }) });
    });

    it("gives the kept lead the duplicate's customer number", async () => {
      const kept = await contact();
      const duplicate = await contact();
      const converted = (await convert(admin, duplicate.id).expect(200)).body as ContactDto;
      const merged = (await merge(admin, kept.id, duplicate.id).expect(200)).body as ContactDto;
      expect(merged).toEqual(expect.objectContaining({ id: kept.id, customerNumber: converted.customerNumber, convertedAt: converted.convertedAt }));
    });

    it('is for admins only: team leads and managers get 403 and nothing changes', async () => {
      const kept = await contact();
      const duplicate = await contact();
      const deal = await dealFor(duplicate);
      for (const caller of [lead, manager]) {
        const response = await merge(caller, kept.id, duplicate.id).expect(403);
        expect(response.body.message).toBe(`This needs the role admin; you are signed in as ${caller.role}`);
      }
      expect((await getContact(duplicate.id)).deals.map((each) => each.id)).toEqual([deal.id]);
      expect(await getContact(kept.id)).toEqual({ ...kept, deals: [] });
    });

    it('answers 404 for an unknown contact, 422 for the contact itself and 400 for a malformed id', async () => {
      const kept = await contact();
      const unknown = randomUUID();
      expect((await merge(admin, kept.id, unknown).expect(404)).body.message).toBe(`Contact ${unknown} does not exist`);
      expect((await merge(admin, unknown, kept.id).expect(404)).body.message).toBe(`Contact ${unknown} does not exist`);
      expect((await merge(admin, kept.id, kept.id).expect(422)).body.message).toBe('A contact cannot be merged into itself; choose the duplicate to merge into it');
      expect((await merge(admin, kept.id, 'nope').expect(400)).body.fields).toEqual({ duplicateId: ['duplicateId must be an id (UUID)'] });
      expect(await getContact(kept.id)).toEqual({ ...kept, deals: [] });
    });

    it('lets one of two concurrent merges of the same duplicate win; the other finds it gone', async () => {
      const [one, two, duplicate] = [await contact(), await contact(), await contact()];
      const deal = await dealFor(duplicate);
      const statuses = (await Promise.all([merge(admin, one.id, duplicate.id), merge(admin, two.id, duplicate.id)])).map((response) => response.status);
      expect([...statuses].sort()).toEqual([200, 404]);
      const winner = statuses[0] === 200 ? one : two;
      expect((await getDeal(deal.id)).contact.id).toBe(winner.id);
      expect((await getContact(winner.id)).deals.map((each) => each.id)).toEqual([deal.id]);
    });

    it('merges crosswise pairs concurrently without a deadlock', async () => {
      const [a, b] = [await contact(), await contact()];
      const responses = await Promise.all([merge(admin, a.id, b.id), merge(admin, b.id, a.id)]);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 404]);
    });
  });

  describe('POST /api/contacts/:id/convert', () => {
    it('gives a lead the next customer number and keeps its id and every link', async () => {
      const customer = await contact();
      const deal = await dealFor(customer);
      expect(customer).toEqual(expect.objectContaining({ customerNumber: null, convertedAt: null }));

      const first = (await convert(admin, customer.id).expect(200)).body as ContactDto;
      expect(first).toEqual({ ...customer, customerNumber: expect.stringMatching(/^C-\d{6}$/), convertedAt: expect.any(String), updatedAt: expect.any(String) });
      const next = (await convert(lead, (await contact()).id).expect(200)).body as ContactDto;
      expect(numberOf(next.customerNumber)).toBe(numberOf(first.customerNumber) + 1);

      const fetched = await getContact(customer.id);
      expect(fetched).toEqual({ ...first, deals: [expect.objectContaining({ id: deal.id })] });
      expect((await getDeal(deal.id)).contact.id).toBe(customer.id);
    });

    it('gives 10 concurrent conversions of different contacts 10 distinct consecutive numbers', async () => {
      const leads = await Promise.all(Array.from({ length: 10 }, () => contact()));
      const responses = await Promise.all(leads.map((each) => convert(admin, each.id)));
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
      const numbers = responses.map((response) => numberOf((response.body as ContactDto).customerNumber)).sort((x, y) => x - y);
      expect(numbers).toEqual(Array.from({ length: 10 }, (_, index) => numbers[0] + index));
    });

    it('answers 409 when the contact is already a customer, also for two conversions at once', async () => {
      const customer = await contact();
      const [a, b] = await Promise.all([convert(admin, customer.id), convert(admin, customer.id)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const won = (a.status === 200 ? a : b).body as ContactDto;
      const again = await convert(admin, customer.id).expect(409);
      expect(again.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: `${customer.name} is already customer ${won.customerNumber}`,
        customerNumber: won.customerNumber,
      });
      expect((await getContact(customer.id)).customerNumber).toBe(won.customerNumber);
    });

    it('lets a manager convert only a contact one of whose deals they hold', async () => {
      const theirs = await contact();
      const notTheirs = await contact();
      await dealFor(theirs, funnel, { responsibleId: manager.id });
      await dealFor(notTheirs);
      const refused = await convert(manager, notTheirs.id).expect(403);
      expect(refused.body.message).toBe('Only a team lead, an admin or the manager responsible for one of their deals can convert this contact');
      expect((await getContact(notTheirs.id)).customerNumber).toBeNull();
      expect(((await convert(manager, theirs.id).expect(200)).body as ContactDto).customerNumber).toMatch(/^C-\d{6}$/);
    });

    it('answers 404 for an unknown contact and 400 for a malformed id', async () => {
      const unknown = randomUUID();
      expect((await convert(admin, unknown).expect(404)).body.message).toBe(`Contact ${unknown} does not exist`);
      await convert(admin, 'abc').expect(400);
    });
  });

  it('still refuses a new contact with a taken phone or email (409 with existingContactId)', async () => {
    const existing = await contact();
    const response = await t.http.post('/api/contacts').set(admin.auth).send({ name: 'Copy', phones: [e164(existing.phones[0])] }).expect(409);
    expect(response.body.existingContactId).toBe(existing.id);
  });
});
