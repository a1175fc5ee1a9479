import type { ContactDto, DealDto, DealEventDto, FunnelDto, LinkedContactDto } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { createDeal } from './support/deals.js';
import { TestApp, uniqueEmail, uniquePhone, type TestUser } from './support/test-app.js';

describe('notes and linked contacts of a deal (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let anna: TestUser;
  let boris: TestUser;
  let funnel: FunnelDto;

  beforeAll(async () => {
    t = await TestApp.start();
    [admin, anna] = await Promise.all([t.user('admin'), t.user('manager', { name: 'Anna' })]);
    // Anna's colleague in her branch: her deals are out of his sight and reach.
    boris = await t.user('manager', { name: 'Boris', branchId: anna.branchId });
    funnel = await t.funnel(admin);
  });
  afterAll(() => t.close());

  const timeline = async (dealId: string) => (await t.http.get(`/api/deals/${dealId}/events`).set(anna.auth).expect(200)).body as DealEventDto[];
  const newContact = async (name: string) => (await t.http.post('/api/contacts').set(anna.auth).send({ name, phones: [uniquePhone()] }).expect(201)).body as ContactDto;

  describe('notes', () => {
    it('adds a trimmed note to the timeline and returns the deal at its next version', async () => {
      const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id });
      const response = await t.http.post(`/api/deals/${deal.id}/notes`).set(anna.auth).send({ text: '  Wants to come back on Saturday with his wife.  ' }).expect(201);
      expect(response.body as DealDto).toMatchObject({ id: deal.id, version: deal.version + 1 });
      const note = (await timeline(deal.id)).at(-1);
      expect(note).toMatchObject({ type: 'deal.note_added', actor: { id: anna.id, name: 'Anna' }, data: { text: 'Wants to come back on Saturday with his wife.' } });

      const longest = 'x'.repeat(5000);
      await t.http.post(`/api/deals/${deal.id}/notes`).set(anna.auth).send({ text: longest }).expect(201);
      expect((await timeline(deal.id)).at(-1)?.data).toEqual({ text: longest });
    });

    it('refuses an empty, missing, too long or non-text note naming the field', async () => {
      const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id });
      for (const body of [{ text: '   ' }, {}, { text: 'x'.repeat(5001) }, { text: 42 }]) {
        const response = await t.http.post(`/api/deals/${deal.id}/notes`).set(anna.auth).send(body);
        expect([JSON.stringify(body).slice(0, 20), response.status]).toEqual([JSON.stringify(body).slice(0, 20), 400]);
        expect(response.body.fields).toHaveProperty('text');
        expect(response.body.message).toMatch(/^text /);
      }
      const tooLong = await t.http.post(`/api/deals/${deal.id}/notes`).set(anna.auth).send({ text: 'x'.repeat(5001) });
      expect(tooLong.body.message).toBe('text must be at most 5000 characters');
      expect((await timeline(deal.id)).map((event) => event.type)).toEqual(['deal.created']);
    });

    it("refuses a note on another manager's deal (403) and on a missing deal (404)", async () => {
      const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id });
      await t.http.post(`/api/deals/${deal.id}/notes`).set(boris.auth).send({ text: 'Mine now' }).expect(403);
      await t.http.post(`/api/deals/${randomUUID()}/notes`).set(anna.auth).send({ text: 'Nobody' }).expect(404);
    });
  });

  describe('linked contacts', () => {
    const contactsOf = async (dealId: string) => (await t.http.get(`/api/deals/${dealId}/contacts`).set(anna.auth).expect(200)).body as LinkedContactDto[];
    const link = (dealId: string, body: object, caller = anna) => t.http.post(`/api/deals/${dealId}/contacts`).set(caller.auth).send(body);

    it('lists the primary contact first, then linked ones in the order they were added, each in the timeline', async () => {
      const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id });
      expect(await contactsOf(deal.id)).toEqual([{ contact: deal.contact, role: null, primary: true }]);

      const spouse = await newContact('Eva Spouse');
      const linked = (await link(deal.id, { contactId: spouse.id, role: '  Spouse ' }).expect(201)).body as LinkedContactDto;
      expect(linked).toEqual({ contact: { id: spouse.id, name: 'Eva Spouse', kind: 'person', phones: spouse.phones, emails: [] }, role: 'Spouse', primary: false });
      const buyer = await newContact('Fleet Buyer');
      await link(deal.id, { contactId: buyer.id }).expect(201);

      const listed = await contactsOf(deal.id);
      expect(listed.map((entry) => [entry.contact.id, entry.role, entry.primary])).toEqual([
        [deal.contact.id, null, true],
        [spouse.id, 'Spouse', false],
        [buyer.id, null, false],
      ]);
      const events = (await timeline(deal.id)).filter((event) => event.type === 'deal.contact_linked');
      expect(events.map((event) => event.data)).toEqual([
        { contactId: spouse.id, name: 'Eva Spouse', role: 'Spouse' },
        { contactId: buyer.id, name: 'Fleet Buyer', role: null },
      ]);
      const current = (await t.http.get(`/api/deals/${deal.id}`).set(anna.auth).expect(200)).body as DealDto;
      expect(current.version).toBe(deal.version + 2);
    });

    it('links a new person by phone or email, reusing the contact that already has it', async () => {
      const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id });
      const known = await newContact('Known Person');
      const phone = known.phones[0];
      // The same number as a person would type it.
      const typed = `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
      const reused = (await link(deal.id, { contact: { name: 'Known Person Again', phone: typed }, role: 'Co-signer' }).expect(201)).body as LinkedContactDto;
      expect(reused.contact.id).toBe(known.id);
      const sameNumber = (await t.http.get('/api/contacts').query({ q: phone }).set(anna.auth).expect(200)).body as ContactDto[];
      expect(sameNumber.map((contact) => contact.id)).toEqual([known.id]);

      const email = uniqueEmail();
      const fresh = (await link(deal.id, { contact: { name: 'Brand New', email } }).expect(201)).body as LinkedContactDto;
      expect(fresh.contact).toMatchObject({ name: 'Brand New', emails: [email] });
      expect(fresh.contact.id).not.toBe(known.id);
      expect((await contactsOf(deal.id)).map((entry) => entry.contact.id)).toEqual([deal.contact.id, known.id, fresh.contact.id]);
    });

    it('refuses a contact already on the deal (409), an unknown one (422) and malformed requests (400)', async () => {
      const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id });
      const other = await newContact('Linked Once');
      await link(deal.id, { contactId: other.id }).expect(201);

      expect((await link(deal.id, { contactId: other.id }).expect(409)).body.message).toBe('Linked Once is already linked to this deal');
      expect((await link(deal.id, { contactId: deal.contact.id }).expect(409)).body.message).toMatch(/already this deal's primary contact/);
      await link(deal.id, { contact: { name: 'Same Phone', phone: other.phones[0] } }).expect(409);
      expect((await link(deal.id, { contactId: randomUUID() }).expect(422)).body.message).toMatch(/^contactId .* does not exist$/);
      expect((await link(deal.id, { contact: { name: 'No Way To Reach' } }).expect(422)).body.message).toMatch(/needs a phone or an email/);

      const both = await link(deal.id, { contactId: other.id, contact: { name: 'X', phone: uniquePhone() } }).expect(400);
      expect(both.body.fields).toHaveProperty('contactId');
      expect((await link(deal.id, {}).expect(400)).body.fields).toHaveProperty('contact');
      expect((await link(deal.id, { contactId: 'nope' }).expect(400)).body.fields).toHaveProperty('contactId');
      expect((await link(deal.id, { contact: { name: 'Bad Email', email: 'not-an-email' } }).expect(400)).body.fields).toHaveProperty(['contact.email']);
      await link(deal.id, { contactId: other.id, role: 'r'.repeat(61) }).expect(400);

      expect((await contactsOf(deal.id)).map((entry) => entry.contact.id)).toEqual([deal.contact.id, other.id]);

      // The same new person linked twice at once: one contact, one link, one 409.
      const email = uniqueEmail();
      const raced = await Promise.all([1, 2].map(() => link(deal.id, { contact: { name: 'Twice Clicked', email } })));
      expect(raced.map((response) => response.status).sort()).toEqual([201, 409]);
      expect((await t.http.get('/api/contacts').query({ q: email }).set(anna.auth).expect(200)).body).toHaveLength(1);
      expect(await contactsOf(deal.id)).toHaveLength(3);
    });

    it("refuses changes to another manager's deal (403), and answers 404 for a deal in the trash", async () => {
      const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id });
      const person = await newContact('Wants In');
      await link(deal.id, { contactId: person.id }, boris).expect(403);
      const email = uniqueEmail();
      await link(deal.id, { contact: { name: 'Not Created', email } }, boris).expect(403);
      // Refused in the same transaction that would have created the contact.
      expect((await t.http.get('/api/contacts').query({ q: email }).set(anna.auth).expect(200)).body).toEqual([]);
      await t.http.delete(`/api/deals/${deal.id}/contacts/${person.id}`).set(boris.auth).expect(403);

      await t.http.post(`/api/deals/${deal.id}/trash`).set(anna.auth).expect(200);
      await t.http.get(`/api/deals/${deal.id}/contacts`).set(anna.auth).expect(404);
      await link(deal.id, { contactId: person.id }).expect(404);
    });

    it('unlinks a linked contact but never the primary one', async () => {
      const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id });
      const person = await newContact('Short Stay');
      await link(deal.id, { contactId: person.id, role: 'Friend' }).expect(201);

      const primary = await t.http.delete(`/api/deals/${deal.id}/contacts/${deal.contact.id}`).set(anna.auth).expect(422);
      expect(primary.body.message).toMatch(/primary contact cannot be unlinked/);
      await t.http.delete(`/api/deals/${deal.id}/contacts/${randomUUID()}`).set(anna.auth).expect(404);
      await t.http.delete(`/api/deals/${deal.id}/contacts/${person.id}`).set(anna.auth).expect(204);
      await t.http.delete(`/api/deals/${deal.id}/contacts/${person.id}`).set(anna.auth).expect(404);

      expect((await contactsOf(deal.id)).map((entry) => entry.contact.id)).toEqual([deal.contact.id]);
      expect((await timeline(deal.id)).at(-1)).toMatchObject({ type: 'deal.contact_unlinked', data: { contactId: person.id, name: 'Short Stay', role: 'Friend' } });
      // The contact itself stays.
      await t.http.get(`/api/contacts/${person.id}`).set(anna.auth).expect(200);
    });

    it('makes a linked contact primary; the former primary stays linked', async () => {
      const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id });
      const company = await newContact('Fleet Co Buyer');
      await link(deal.id, { contactId: company.id, role: 'Buyer' }).expect(201);

      const changed = (await t.http.post(`/api/deals/${deal.id}/contacts/${company.id}/primary`).set(anna.auth).expect(200)).body as DealDto;
      expect(changed.contact.id).toBe(company.id);
      expect((await contactsOf(deal.id)).map((entry) => [entry.contact.id, entry.primary])).toEqual([
        [company.id, true],
        [deal.contact.id, false],
      ]);
      expect((await timeline(deal.id)).at(-1)).toMatchObject({
        type: 'deal.updated',
        data: { changes: { contact: { from: deal.contact.name, to: 'Fleet Co Buyer' } }, fromContactId: deal.contact.id, toContactId: company.id },
      });
      await t.http.post(`/api/deals/${deal.id}/contacts/${company.id}/primary`).set(anna.auth).expect(409);
      await t.http.post(`/api/deals/${deal.id}/contacts/${randomUUID()}/primary`).set(anna.auth).expect(404);
      // The deal now appears in the new primary contact's history.
      const history = (await t.http.get(`/api/contacts/${company.id}`).set(anna.auth).expect(200)).body as { deals: DealDto[] };
      expect(history.deals.map((entry) => entry.id)).toEqual([deal.id]);
    });

    it("keeps a merged duplicate's places on deals: its links pass to the contact kept", async () => {
      const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id });
      const kept = await newContact('Merged Keeper');
      const duplicate = await newContact('Merged Duplicate');
      await link(deal.id, { contactId: duplicate.id, role: 'Spouse' }).expect(201);
      // The kept contact is the primary contact of another deal the duplicate is linked to: that link goes.
      const keptsDeal = await createDeal(t, admin, funnel, { responsibleId: anna.id, contact: undefined, contactId: kept.id });
      await link(keptsDeal.id, { contactId: duplicate.id }).expect(201);

      await t.http.post(`/api/contacts/${kept.id}/merge`).set(admin.auth).send({ duplicateId: duplicate.id }).expect(200);
      expect((await contactsOf(deal.id)).map((entry) => [entry.contact.id, entry.role])).toEqual([
        [deal.contact.id, null],
        [kept.id, 'Spouse'],
      ]);
      expect((await contactsOf(keptsDeal.id)).map((entry) => entry.contact.id)).toEqual([kept.id]);
    });
  });
});
