import { randomUUID } from 'node:crypto';
import type { ContactDto, ContactWithDealsDto, DealDto } from '@autofunnel/shared';
import { TestApp, uniqueEmail, uniquePhone, type TestUser } from './support/test-app.js';

/** The E.164 form of a uniquePhone() ("+1 212 345 6789" → "+12123456789"). */
const e164 = (phone: string) => phone.replace(/[^\d+]/g, '');
/** The same number written the US national way: "(212) 345-6789". */
const national = (phone: string) => {
  const digits = e164(phone).slice(2);
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
};

describe('contacts (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  const uniqueName = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

  async function contact(caller: TestUser, body: Record<string, unknown>): Promise<ContactDto> {
    return (await t.http.post('/api/contacts').set(caller.auth).send(body).expect(201)).body as ContactDto;
  }

  async function search(caller: TestUser, q: string): Promise<ContactDto[]> {
    return (await t.http.get('/api/contacts').query({ q }).set(caller.auth).expect(200)).body as ContactDto[];
  }

  describe('POST /api/contacts', () => {
    it('creates a person with phones in various formats stored as E.164 and emails lower-cased', async () => {
      const manager = await t.user('manager');
      const [a, b, c] = [uniquePhone(), uniquePhone(), uniquePhone()];
      const email = uniqueEmail();
      const name = uniqueName('Maria Jansen');
      const response = await t.http
        .post('/api/contacts')
        .set(manager.auth)
        .send({ name: `  ${name} `, phones: [a, national(b), `+1-${e164(c).slice(2, 5)}.${e164(c).slice(5, 8)}.${e164(c).slice(8)}`, ` ${e164(a)} `], emails: [email.toUpperCase()] })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        name,
        kind: 'person',
        phones: [e164(a), e164(b), e164(c)],
        emails: [email],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        customerNumber: null,
        convertedAt: null,
      });
      const fetched = await t.http.get(`/api/contacts/${response.body.id}`).set(manager.auth).expect(200);
      expect(fetched.body).toEqual({ ...response.body, deals: [] });
    });

    it('creates a company with only an email, and one with an international number', async () => {
      const manager = await t.user('manager');
      const local = `Info.Desk-${randomUUID().slice(0, 8)}`;
      const company = await contact(manager, { name: 'Van Dijk Logistics B.V.', kind: 'company', emails: [`${local}@VanDijk.Example`] });
      expect(company).toEqual(expect.objectContaining({ kind: 'company', name: 'Van Dijk Logistics B.V.', phones: [], emails: [`${local.toLowerCase()}@vandijk.example`] }));
      const digits = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
      const abroad = await contact(manager, { name: 'Oslo AS', kind: 'company', phones: [`+47 22 12 3${digits[0]} ${digits.slice(1)}`] });
      expect(abroad.phones).toEqual([`+4722123${digits}`]);
    });

    it('answers 409 with existingContactId for the same phone in another format', async () => {
      const manager = await t.user('manager');
      const phone = uniquePhone();
      const first = await contact(manager, { name: uniqueName('First'), phones: [phone] });
      const response = await t.http
        .post('/api/contacts')
        .set(manager.auth)
        .send({ name: uniqueName('Second'), phones: [national(phone)], emails: [uniqueEmail()] })
        .expect(409);
      expect(response.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: `${first.name} already has this phone or email; use that contact instead`,
        existingContactId: first.id,
      });
      expect((await search(manager, e164(phone))).map((each) => each.id)).toEqual([first.id]);
    });

    it('answers 409 with existingContactId for the same email in another case', async () => {
      const manager = await t.user('manager');
      const email = uniqueEmail();
      const first = await contact(manager, { name: uniqueName('First'), emails: [email] });
      const response = await t.http
        .post('/api/contacts')
        .set(manager.auth)
        .send({ name: uniqueName('Second'), phones: [uniquePhone()], emails: [email.toUpperCase()] })
        .expect(409);
      expect(response.body.existingContactId).toBe(first.id);
      expect((await search(manager, email)).map((each) => each.id)).toEqual([first.id]);
    });

    it('answers 422 without a phone and an email', async () => {
      const manager = await t.user('manager');
      const name = uniqueName('Nobody');
      for (const body of [{ name }, { name, phones: [], emails: [] }]) {
        const response = await t.http.post('/api/contacts').set(manager.auth).send(body).expect(422);
        expect(response.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message: 'A contact needs at least one phone or email' });
      }
      expect(await search(manager, name)).toEqual([]);
    });

    it('answers 422 for an invalid phone, naming the field and the value', async () => {
      const manager = await t.user('manager');
      const name = uniqueName('Bad phone');
      const response = await t.http.post('/api/contacts').set(manager.auth).send({ name, phones: [uniquePhone(), '12345'] }).expect(422);
      expect(response.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'phones "12345" is not a valid phone number; include the country code, e.g. +1 212 555 2368',
      });
      expect(await search(manager, name)).toEqual([]);
    });

    it('answers 400 naming the field for a malformed email, a non-string phone or an unknown field', async () => {
      const manager = await t.user('manager');
      const email = await t.http.post('/api/contacts').set(manager.auth).send({ name: 'X', emails: ['not-an-email'] }).expect(400);
      expect(email.body.fields).toEqual({ emails: ['each value in emails must be an email address'] });
      const phone = await t.http.post('/api/contacts').set(manager.auth).send({ name: 'X', phones: [2125550100] }).expect(400);
      expect(Object.keys(phone.body.fields)).toEqual(['phones']);
      const extra = await t.http.post('/api/contacts').set(manager.auth).send({ name: 'X', emails: [uniqueEmail()], vip: true }).expect(400);
      expect(extra.body.fields).toEqual({ vip: ['property vip should not exist'] });
      const kind = await t.http.post('/api/contacts').set(manager.auth).send({ name: 'X', kind: 'robot', emails: [uniqueEmail()] }).expect(400);
      expect(Object.keys(kind.body.fields)).toEqual(['kind']);
    });

    it('refuses a blank (whitespace-only) name', async () => {
      const manager = await t.user('manager');
      const email = uniqueEmail();
      const response = await t.http.post('/api/contacts').set(manager.auth).send({ name: '   ', emails: [email] });
      expect(response.status).toBe(400);
      expect(await search(manager, email)).toEqual([]);
    });
  });

  describe('GET /api/contacts?q=', () => {
    it('finds a contact by part of the name, case-insensitively', async () => {
      const manager = await t.user('manager');
      const token = randomUUID().slice(0, 10);
      const found = await contact(manager, { name: `Anneke Zwart-${token}`, phones: [uniquePhone()] });
      expect(await search(manager, `zwart-${token.toUpperCase()}`)).toEqual([found]);
      expect(await search(manager, `art-${token.slice(0, 6)}`)).toEqual([found]);
    });

    it('finds a contact by email, whole or in part', async () => {
      const manager = await t.user('manager');
      const email = uniqueEmail();
      const found = await contact(manager, { name: uniqueName('Mail'), emails: [email] });
      expect(await search(manager, email.toUpperCase())).toEqual([found]);
      expect(await search(manager, email.split('@')[0])).toEqual([found]);
    });

    it('finds a contact by phone written differently than it was stored', async () => {
      const manager = await t.user('manager');
      const first = uniquePhone();
      const second = uniquePhone();
      const byInternational = await contact(manager, { name: uniqueName('Intl'), phones: [first] });
      const byNational = await contact(manager, { name: uniqueName('National'), phones: [national(second)] });
      expect(byNational.phones).toEqual([e164(second)]);
      expect(await search(manager, national(first))).toEqual([byInternational]);
      expect(await search(manager, e164(second))).toEqual([byNational]);
      expect(await search(manager, `+1 ${national(second).replace(/[()]/g, '')}`)).toEqual([byNational]);
      expect(await search(manager, e164(first).slice(2).replace(/(\d{3})(\d{3})(\d{4})/, '$1.$2.$3'))).toEqual([byInternational]);
    });

    it('finds nothing for an unknown value and refuses a bad limit', async () => {
      const manager = await t.user('manager');
      expect(await search(manager, `no such customer ${randomUUID()}`)).toEqual([]);
      await t.http.get('/api/contacts').query({ q: 'a', limit: 0 }).set(manager.auth).expect(400);
      await t.http.get('/api/contacts').query({ limit: 101 }).set(manager.auth).expect(400);
      const page = await t.http.get('/api/contacts').query({ limit: 2 }).set(manager.auth).expect(200);
      expect(page.body.length).toBeLessThanOrEqual(2);
    });
  });

  describe('GET /api/contacts/:id', () => {
    it('includes the history of all their deals, newest first', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const other = await t.funnel(admin);
      const customer = await contact(admin, { name: uniqueName('Loyal'), phones: [uniquePhone()] });
      const older = await t.http.post('/api/deals').set(admin.auth).send({ funnelId: funnel.id, contactId: customer.id, title: 'First car' }).expect(201);
      const newer = await t.http.post('/api/deals').set(admin.auth).send({ funnelId: other.id, contactId: customer.id, title: 'Second car', amount: 31000 }).expect(201);
      expect(older.body.contact.id).toBe(customer.id);
      expect(newer.body.contact.id).toBe(customer.id);

      const response = await t.http.get(`/api/contacts/${customer.id}`).set(admin.auth).expect(200);
      const body = response.body as ContactWithDealsDto;
      expect({ ...body, deals: undefined }).toEqual({ ...customer, deals: undefined });
      expect(body.deals.map((deal) => deal.id)).toEqual([newer.body.id, older.body.id]);
      expect(body.deals[0]).toEqual(newer.body as DealDto);
      expect(body.deals[1]).toEqual(expect.objectContaining({ title: 'First car', funnelId: funnel.id, stageId: funnel.stages[0].id, status: 'open', amount: null }));
    });

    it('answers 404 for an unknown contact and 400 for a malformed id', async () => {
      const manager = await t.user('manager');
      const unknown = randomUUID();
      const response = await t.http.get(`/api/contacts/${unknown}`).set(manager.auth).expect(404);
      expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: `Contact ${unknown} does not exist` });
      await t.http.get('/api/contacts/12').set(manager.auth).expect(400);
    });
  });

  describe('PATCH /api/contacts/:id', () => {
    it('changes the name and the phones (normalised), keeping the emails', async () => {
      const manager = await t.user('manager');
      const email = uniqueEmail();
      const created = await contact(manager, { name: uniqueName('Old'), phones: [uniquePhone()], emails: [email] });
      const [first, second] = [uniquePhone(), uniquePhone()];
      const name = uniqueName('New');
      const response = await t.http
        .patch(`/api/contacts/${created.id}`)
        .set(manager.auth)
        .send({ name: ` ${name} `, phones: [national(first), second] })
        .expect(200);
      expect(response.body).toEqual({ ...created, name, phones: [e164(first), e164(second)], emails: [email], updatedAt: expect.any(String) });
      const fetched = await t.http.get(`/api/contacts/${created.id}`).set(manager.auth).expect(200);
      expect(fetched.body).toEqual({ ...response.body, deals: [] });
      expect(await search(manager, national(second))).toEqual([response.body]);
    });

    it('keeps its own phone written another way without a conflict', async () => {
      const manager = await t.user('manager');
      const phone = uniquePhone();
      const created = await contact(manager, { name: uniqueName('Same'), phones: [phone] });
      const response = await t.http.patch(`/api/contacts/${created.id}`).set(manager.auth).send({ phones: [national(phone)], kind: 'company' }).expect(200);
      expect(response.body).toEqual(expect.objectContaining({ phones: [e164(phone)], kind: 'company', name: created.name }));
    });

    it('answers 409 with existingContactId for a phone or an email another contact has', async () => {
      const manager = await t.user('manager');
      const phone = uniquePhone();
      const email = uniqueEmail();
      const owner = await contact(manager, { name: uniqueName('Owner'), phones: [phone], emails: [email] });
      const other = await contact(manager, { name: uniqueName('Other'), phones: [uniquePhone()] });
      const byPhone = await t.http.patch(`/api/contacts/${other.id}`).set(manager.auth).send({ phones: [...other.phones, national(phone)] }).expect(409);
      expect(byPhone.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: `${owner.name} already has this phone or email; use that contact instead`,
        existingContactId: owner.id,
      });
      const byEmail = await t.http.patch(`/api/contacts/${other.id}`).set(manager.auth).send({ emails: [email.toUpperCase()] }).expect(409);
      expect(byEmail.body.existingContactId).toBe(owner.id);
      expect((await t.http.get(`/api/contacts/${other.id}`).set(manager.auth).expect(200)).body).toEqual({ ...other, deals: [] });
    });

    it('answers 422 when it would leave no phone and no email, and for an invalid phone', async () => {
      const manager = await t.user('manager');
      const created = await contact(manager, { name: uniqueName('Keep'), phones: [uniquePhone()] });
      const none = await t.http.patch(`/api/contacts/${created.id}`).set(manager.auth).send({ phones: [] }).expect(422);
      expect(none.body.message).toBe('A contact needs at least one phone or email');
      const bad = await t.http.patch(`/api/contacts/${created.id}`).set(manager.auth).send({ phones: ['555'] }).expect(422);
      expect(bad.body.message).toBe('phones "555" is not a valid phone number; include the country code, e.g. +1 212 555 2368');
      expect((await t.http.get(`/api/contacts/${created.id}`).set(manager.auth).expect(200)).body).toEqual({ ...created, deals: [] });
    });

    it('answers 404 for an unknown contact and 400 for a malformed id', async () => {
      const manager = await t.user('manager');
      const unknown = randomUUID();
      const response = await t.http.patch(`/api/contacts/${unknown}`).set(manager.auth).send({ name: 'X' }).expect(404);
      expect(response.body.message).toBe(`Contact ${unknown} does not exist`);
      await t.http.patch('/api/contacts/abc').set(manager.auth).send({ name: 'X' }).expect(400);
    });
  });

  describe('inline contacts on POST /api/deals', () => {
    it('reuses the contact with the same phone (written differently) and adds the new email to it', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const phone = uniquePhone();
      const oldEmail = uniqueEmail();
      const newEmail = uniqueEmail();
      const existing = await contact(admin, { name: uniqueName('Known'), phones: [phone], emails: [oldEmail] });
      const response = await t.http
        .post('/api/deals')
        .set(admin.auth)
        .send({ funnelId: funnel.id, contact: { name: 'Someone Else', phone: national(phone), email: newEmail.toUpperCase() } })
        .expect(201);
      expect(response.body.contact).toEqual({ id: existing.id, name: existing.name, kind: 'person', phones: [e164(phone)], emails: [oldEmail, newEmail] });

      expect((await search(admin, national(phone))).map((each) => each.id)).toEqual([existing.id]);
      expect((await search(admin, newEmail)).map((each) => each.id)).toEqual([existing.id]);
      const fetched = (await t.http.get(`/api/contacts/${existing.id}`).set(admin.auth).expect(200)).body as ContactWithDealsDto;
      expect(fetched.emails).toEqual([oldEmail, newEmail]);
      expect(fetched.deals.map((deal) => deal.id)).toEqual([response.body.id]);
      const events = await t.http.get(`/api/deals/${response.body.id}/events`).set(admin.auth).expect(200);
      expect(events.body[0].data).toEqual(expect.objectContaining({ contactId: existing.id, contactReused: true }));
    });

    it('creates a new contact for an unknown phone and reuses it for the next deal', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const phone = uniquePhone();
      const name = uniqueName('Fresh');
      const first = await t.http.post('/api/deals').set(admin.auth).send({ funnelId: funnel.id, contact: { name, phone } }).expect(201);
      expect(first.body.contact).toEqual({ id: expect.any(String), name, kind: 'person', phones: [e164(phone)], emails: [] });
      const second = await t.http.post('/api/deals').set(admin.auth).send({ funnelId: funnel.id, contact: { name: 'Other', phone: e164(phone) } }).expect(201);
      expect(second.body.contact.id).toBe(first.body.contact.id);
      expect((await search(admin, phone)).map((each) => each.id)).toEqual([first.body.contact.id]);
    });

    it('answers 422 for a new inline contact without a phone and an email', async () => {
      const admin = await t.user('admin');
      const funnel = await t.funnel(admin);
      const response = await t.http.post('/api/deals').set(admin.auth).send({ funnelId: funnel.id, contact: { name: uniqueName('Ghost') } }).expect(422);
      expect(response.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'contact needs a phone or an email so the customer can be reached and recognised',
      });
    });
  });
});
