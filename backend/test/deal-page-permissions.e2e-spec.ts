import type { DealDto, FunnelDto } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Test } from 'supertest';
import { pdfFile } from './fixtures/document-files.js';
import { createDeal, stageOf } from './support/deals.js';
import { TestApp, uniqueEmail, uniquePhone, type TestUser } from './support/test-app.js';

/**
 * Every change a deal's page can make, in one table: another manager of the same branch is
 * refused (403) and nothing is written; their team lead and an admin may make each of them.
 * Each area's own tests check its rules; this one makes sure no endpoint forgot who is asking.
 * (Other branches and the reads: visibility.e2e-spec.ts.)
 */
describe("deal page permissions: a manager cannot change another manager's deal (e2e)", () => {
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let anna: TestUser;
  let boris: TestUser;
  let funnel: FunnelDto;

  const documentsDir = mkdtempSync(path.join(tmpdir(), 'autofunnel-documents-'));

  beforeAll(async () => {
    process.env.DOCUMENTS_DIR = documentsDir;
    t = await TestApp.start();
    admin = await t.user('admin');
    // One branch: Boris is Anna's colleague, their lead sees both their deals.
    const { id: branchId } = await t.branch();
    lead = await t.user('lead', { branchId });
    anna = await t.user('manager', { branchId });
    boris = await t.user('manager', { branchId });
    funnel = await t.funnel(admin);
  });
  afterAll(async () => {
    await t.close();
    rmSync(documentsDir, { recursive: true, force: true });
  });

  const VIN_CHARACTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  const uniqueVin = () => `WVWZZZ1K${Array.from({ length: 9 }, () => VIN_CHARACTERS[Math.floor(Math.random() * VIN_CHARACTERS.length)]).join('')}`;
  const inAWeek = (hours = 0) => new Date(Date.now() + 7 * 86_400_000 + hours * 3_600_000).toISOString();

  /** Anna's deal with one record of each kind, so that the record-level endpoints have something to act on. */
  async function annasDealWithRecords() {
    const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id, contact: { name: 'Permission Customer', phone: uniquePhone(), email: uniqueEmail() } });
    const as = (path: string, body: object) => t.http.post(path).set(anna.auth).send(body);
    const vehicle = (await t.http.post('/api/vehicles').set(lead.auth).send({ vin: uniqueVin(), make: 'Volkswagen', model: 'Golf', year: 2020, price: 18900 }).expect(201)).body;
    const tradeIn = (await as(`/api/deals/${deal.id}/trade-ins`, { make: 'Opel', model: 'Astra' }).expect(201)).body;
    const offer = (await as(`/api/deals/${deal.id}/offers`, { vehicleId: vehicle.id }).expect(201)).body;
    const testDrive = (await as(`/api/deals/${deal.id}/test-drives`, { vehicleId: vehicle.id, startsAt: inAWeek(), endsAt: inAWeek(1) }).expect(201)).body;
    const task = (await as(`/api/deals/${deal.id}/tasks`, { kind: 'call', title: 'Call back', dueAt: inAWeek() }).expect(201)).body;
    const document = (await t.http.post(`/api/deals/${deal.id}/documents`).set(anna.auth).field('title', 'Licence').attach('file', pdfFile(), 'licence.pdf').expect(201)).body;
    const [deadline] = (await t.http.get(`/api/deals/${deal.id}/deadlines`).set(anna.auth).expect(200)).body;
    const linked = (await as(`/api/deals/${deal.id}/contacts`, { contact: { name: 'Spouse', phone: uniquePhone() }, role: 'Spouse' }).expect(201)).body;
    const current = (await t.http.get(`/api/deals/${deal.id}`).set(anna.auth).expect(200)).body as DealDto;
    return { deal: current, vehicle, tradeIn, offer, testDrive, task, document, deadline, linkedContactId: linked.contact.id as string };
  }

  type Records = Awaited<ReturnType<typeof annasDealWithRecords>>;
  /** Each change, as a request by `user` on the deal and its records. */
  const CHANGES: [string, (user: TestUser, r: Records) => Test][] = [
    ['edit the deal', (u, r) => t.http.patch(`/api/deals/${r.deal.id}`).set(u.auth).send({ title: 'Renamed', version: r.deal.version })],
    ['move it', (u, r) => t.http.post(`/api/deals/${r.deal.id}/move`).set(u.auth).send({ stageId: stageOf(funnel, 'open', 1) })],
    ['assign it', (u, r) => t.http.post(`/api/deals/${r.deal.id}/assign`).set(u.auth).send({ userId: u.id })],
    ['add a note', (u, r) => t.http.post(`/api/deals/${r.deal.id}/notes`).set(u.auth).send({ text: 'Called, no answer' })],
    ['add a trade-in', (u, r) => t.http.post(`/api/deals/${r.deal.id}/trade-ins`).set(u.auth).send({ make: 'Ford', model: 'Fiesta' })],
    ['edit a trade-in', (u, r) => t.http.patch(`/api/trade-ins/${r.tradeIn.id}`).set(u.auth).send({ mileage: 120000 })],
    ['remove a trade-in', (u, r) => t.http.delete(`/api/trade-ins/${r.tradeIn.id}`).set(u.auth)],
    ['make an offer', (u, r) => t.http.post(`/api/deals/${r.deal.id}/offers`).set(u.auth).send({ vehicleId: r.vehicle.id, discount: 100 })],
    ['withdraw an offer', (u, r) => t.http.post(`/api/offers/${r.offer.id}/withdraw`).set(u.auth)],
    ['book a test drive', (u, r) => t.http.post(`/api/deals/${r.deal.id}/test-drives`).set(u.auth).send({ vehicleId: r.vehicle.id, startsAt: inAWeek(3), endsAt: inAWeek(4) })],
    ['reschedule a test drive', (u, r) => t.http.patch(`/api/test-drives/${r.testDrive.id}`).set(u.auth).send({ licenceChecked: true })],
    ['upload a document', (u, r) => t.http.post(`/api/deals/${r.deal.id}/documents`).set(u.auth).attach('file', pdfFile(), 'contract.pdf')],
    ['rename a document', (u, r) => t.http.patch(`/api/documents/${r.document.id}`).set(u.auth).send({ title: 'Driving licence' })],
    ['delete a document', (u, r) => t.http.delete(`/api/documents/${r.document.id}`).set(u.auth)],
    ['plan a task', (u, r) => t.http.post(`/api/deals/${r.deal.id}/tasks`).set(u.auth).send({ kind: 'task', title: 'Prepare the contract' })],
    ['edit a task', (u, r) => t.http.patch(`/api/tasks/${r.task.id}`).set(u.auth).send({ priority: 'high' })],
    ['complete a task', (u, r) => t.http.post(`/api/tasks/${r.task.id}/complete`).set(u.auth).send({ result: 'Done' })],
    ['delete a task', (u, r) => t.http.delete(`/api/tasks/${r.task.id}`).set(u.auth)],
    ['email the customer', (u, r) => t.http.post(`/api/deals/${r.deal.id}/messages`).set(u.auth).send({ subject: 'Your offer', body: 'Hello' })],
    ['set the deadline', (u, r) => t.http.post(`/api/deals/${r.deal.id}/deadlines`).set(u.auth).send({ dueAt: inAWeek() })],
    ['mark it contacted', (u, r) => t.http.post(`/api/deadlines/${r.deadline.id}/resolve`).set(u.auth).send({ outcome: 'contacted' })],
    ['park it for long-term follow-up', (u, r) => t.http.post(`/api/deals/${r.deal.id}/follow-up`).set(u.auth).send({ until: inAWeek() })],
    ['link a contact', (u, r) => t.http.post(`/api/deals/${r.deal.id}/contacts`).set(u.auth).send({ contact: { name: 'Brother', phone: uniquePhone() } })],
    ['unlink a contact', (u, r) => t.http.delete(`/api/deals/${r.deal.id}/contacts/${r.linkedContactId}`).set(u.auth)],
    ['close it as lost', (u, r) => t.http.post(`/api/deals/${r.deal.id}/close`).set(u.auth).send({ outcome: 'lost', reason: 'Refused' })],
    ['mark it invalid', (u, r) => t.http.post(`/api/deals/${r.deal.id}/trash`).set(u.auth)],
  ];

  it("refuses another manager every change with 403, writing nothing", async () => {
    const records = await annasDealWithRecords();
    const eventsBefore = (await t.http.get(`/api/deals/${records.deal.id}/events`).set(anna.auth).expect(200)).body.length;
    for (const [what, request] of CHANGES) {
      const response = await request(boris, records);
      expect({ what, status: response.status }).toEqual({ what, status: 403 });
    }
    // Every refusal names whom to ask.
    const refused = await CHANGES[0][1](boris, records);
    expect(refused.body.message).toMatch(/another manager; ask .*team lead/);
    const after = (await t.http.get(`/api/deals/${records.deal.id}`).set(anna.auth).expect(200)).body as DealDto;
    expect(after.version).toBe(records.deal.version);
    expect((await t.http.get(`/api/deals/${records.deal.id}/events`).set(anna.auth).expect(200)).body).toHaveLength(eventsBefore);
  });

  it.each([
    ['a team lead', () => lead],
    ['an admin', () => admin],
  ])('lets %s make each change on a fresh deal', async (_who, user) => {
    for (const [what, request] of CHANGES) {
      // a fresh deal for each change, so that one (closing, trashing) does not stand in another's way
      const response = await request(user(), await annasDealWithRecords());
      expect({ what, ok: response.status < 300, body: response.status < 300 ? undefined : response.body }).toEqual({ what, ok: true, body: undefined });
    }
  });

  it('keeps the records of a trashed deal out of reach of everyone but an admin restoring it', async () => {
    const records = await annasDealWithRecords();
    await t.http.post(`/api/deals/${records.deal.id}/trash`).set(anna.auth).expect(200);
    for (const path of ['offers', 'test-drives', 'trade-ins', 'tasks', 'documents', 'messages', 'deadlines', 'contacts', 'events']) {
      await t.http.get(`/api/deals/${records.deal.id}/${path}`).set(lead.auth).expect(404);
    }
    await t.http.post(`/api/deals/${records.deal.id}/notes`).set(lead.auth).send({ text: `note ${randomUUID()}` }).expect(404);
    await t.http.post(`/api/deals/${records.deal.id}/restore`).set(lead.auth).expect(403);
    await t.http.post(`/api/deals/${records.deal.id}/restore`).set(admin.auth).expect(200);
  });
});
