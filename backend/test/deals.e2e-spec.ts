import type { DealDto, DealEventDto, FunnelDto } from '@autofunnel/shared';
import { createDeal, stageOf } from './support/deals.js';
import { TestApp, uniqueEmail, uniquePhone, type TestUser } from './support/test-app.js';

describe('deals (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let anna: TestUser;
  let boris: TestUser;
  let funnel: FunnelDto;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    // One branch: its lead sees every deal, its managers the untaken ones and their own.
    const { branchId } = admin;
    lead = await t.user('lead', { branchId });
    anna = await t.user('manager', { name: 'Anna', branchId });
    boris = await t.user('manager', { name: 'Boris', branchId });
  });
  beforeEach(async () => {
    funnel = await t.funnel(admin);
  });
  afterAll(() => t.close());

  const events = async (dealId: string): Promise<DealEventDto[]> => (await t.http.get(`/api/deals/${dealId}/events`).set(admin.auth).expect(200)).body;

  describe('create', () => {
    it('starts an unassigned deal in the unassigned stage with the contact deadline set', async () => {
      const before = Date.now();
      const response = await t.http
        .post('/api/deals')
        .set(anna.auth)
        .send({ funnelId: funnel.id, contact: { name: 'Maria Jansen', phone: '(212) 555-2368', email: 'Maria@Example.com' }, vehicleInterest: 'Kia Sportage', amount: 38900.5, type: 'internet_lead' })
        .expect(201);
      const deal: DealDto = response.body;
      expect(deal).toMatchObject({
        funnelId: funnel.id,
        stageId: stageOf(funnel, 'unassigned'),
        status: 'open',
        responsible: null,
        branchId: anna.branchId,
        title: 'Kia Sportage for Maria Jansen',
        amount: 38900.5,
        type: 'internet_lead',
        version: 1,
        lostReason: null,
        contact: { name: 'Maria Jansen', kind: 'person', phones: ['+12125552368'], emails: ['maria@example.com'] },
      });
      expect(deal.code).toMatch(/^D-\d+$/);
      const deadline = new Date(deal.deadlineAt!).getTime();
      expect(deadline - new Date(deal.createdAt).getTime()).toBe(120 * 60_000);
      expect(deadline).toBeGreaterThanOrEqual(before + 120 * 60_000 - 1000);
      expect(await events(deal.id)).toEqual([
        expect.objectContaining({ type: 'deal.created', actor: { id: anna.id, name: 'Anna' }, data: expect.objectContaining({ contactReused: false }) }),
      ]);
    });

    it("starts a deal with a responsible in the first open stage, in the responsible's branch", async () => {
      const elsewhere = await t.user('manager', { name: 'Elsa' });
      const deal = await createDeal(t, admin, funnel, { responsibleId: elsewhere.id });
      expect(deal.stageId).toBe(stageOf(funnel, 'open'));
      expect(deal.responsible).toEqual({ id: elsewhere.id, name: 'Elsa' });
      expect(deal.branchId).toBe(elsewhere.branchId);
      expect(deal.branchId).not.toBe(admin.branchId);
    });

    it('reuses the contact with the same phone written another way, or the same email', async () => {
      const email = uniqueEmail();
      const first = await createDeal(t, anna, funnel, { contact: { name: 'Daan Bakker', phone: '+1 718 234 5678', email } });
      const byPhone = await createDeal(t, anna, funnel, { contact: { name: 'D. Bakker', phone: '718-234-5678' } });
      const byEmail = await createDeal(t, anna, funnel, { contact: { name: 'Daan', email: email.toUpperCase() } });
      expect(byPhone.contact.id).toBe(first.contact.id);
      expect(byEmail.contact.id).toBe(first.contact.id);
      expect(byPhone.contact.name).toBe('Daan Bakker');
      expect((await events(byPhone.id))[0].data).toMatchObject({ contactReused: true });
    });

    it('refuses a new contact without a phone or email, or without a name (422)', async () => {
      const noKeys = await t.http.post('/api/deals').set(anna.auth).send({ funnelId: funnel.id, contact: { name: 'Nameless Phone' } }).expect(422);
      expect(noKeys.body.message).toMatch(/needs a phone or an email/);
      const noName = await t.http.post('/api/deals').set(anna.auth).send({ funnelId: funnel.id, contact: { phone: uniquePhone() } }).expect(422);
      expect(noName.body.message).toMatch(/contact.name is required/);
      const badPhone = await t.http.post('/api/deals').set(anna.auth).send({ funnelId: funnel.id, contact: { name: 'X', phone: '12' } }).expect(422);
      expect(badPhone.body.message).toMatch(/contact.phone "12" is not a valid phone number/);
    });

    it('names the fields of a malformed body (400) and refuses unknown references (422)', async () => {
      const malformed = await t.http.post('/api/deals').set(anna.auth).send({ funnelId: 'nope', contact: { name: 5, email: 'x' }, amount: '12', colour: 'red' }).expect(400);
      expect(Object.keys(malformed.body.fields).sort()).toEqual(['amount', 'colour', 'contact.email', 'contact.name', 'funnelId']);
      expect(malformed.body.message).toContain('property colour should not exist');
      const unknownFunnel = await t.http.post('/api/deals').set(anna.auth).send({ funnelId: '00000000-0000-4000-8000-000000000000', contact: { name: 'A', phone: uniquePhone() } }).expect(422);
      expect(unknownFunnel.body.message).toMatch(/Funnel .* does not exist/);
      await t.http.post('/api/deals').set(anna.auth).send({ funnelId: funnel.id, contactId: '00000000-0000-4000-8000-000000000000' }).expect(422);
      await t.http.post('/api/deals').set(anna.auth).send({ funnelId: funnel.id }).expect(400);
    });

    it('stores names and titles without surrounding blanks', async () => {
      const deal = await createDeal(t, anna, funnel, { title: '  Family SUV  ', vehicleInterest: ' Volvo XC60 ', contact: { name: '  Nora Berg ', phone: uniquePhone() } });
      expect(deal).toMatchObject({ title: 'Family SUV', vehicleInterest: 'Volvo XC60', contact: expect.objectContaining({ name: 'Nora Berg' }) });
    });

    it('lets a manager create deals for themselves only', async () => {
      await t.http.post('/api/deals').set(anna.auth).send({ funnelId: funnel.id, contact: { name: 'A', phone: uniquePhone() }, responsibleId: boris.id }).expect(403);
      await createDeal(t, anna, funnel, { responsibleId: anna.id });
    });
  });

  describe('read and edit', () => {
    it('answers 404 for an unknown deal and 400 for a malformed id', async () => {
      const missing = await t.http.get('/api/deals/00000000-0000-4000-8000-000000000000').set(anna.auth).expect(404);
      expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Deal 00000000-0000-4000-8000-000000000000 does not exist' });
      await t.http.get('/api/deals/42').set(anna.auth).expect(400);
      await t.http.post('/api/deals/00000000-0000-4000-8000-000000000000/take').set(anna.auth).expect(404);
    });

    it('updates fields with the current version and refuses a stale one (409)', async () => {
      const deal = await createDeal(t, anna, funnel);
      const updated = await t.http.patch(`/api/deals/${deal.id}`).set(anna.auth).send({ version: 1, amount: 25000, vehicleInterest: 'Skoda Octavia' }).expect(200);
      expect(updated.body).toMatchObject({ version: 2, amount: 25000, vehicleInterest: 'Skoda Octavia' });
      expect(new Date(updated.body.lastActivityAt).getTime()).toBeGreaterThanOrEqual(new Date(deal.lastActivityAt).getTime());
      const stale = await t.http.patch(`/api/deals/${deal.id}`).set(anna.auth).send({ version: 1, amount: 1 }).expect(409);
      expect(stale.body).toMatchObject({ currentVersion: 2, message: expect.stringMatching(/changed this deal meanwhile/) });
      expect((await t.http.get(`/api/deals/${deal.id}`).set(anna.auth)).body.amount).toBe(25000);
      await t.http.patch(`/api/deals/${deal.id}`).set(anna.auth).send({ amount: 5 }).expect(400);
      const timeline = await events(deal.id);
      expect(timeline[1]).toMatchObject({ type: 'deal.updated', data: { changes: { amount: { from: null, to: 25000 }, vehicleInterest: { from: null, to: 'Skoda Octavia' } } } });
    });

    it("keeps managers off another manager's deal but lets leads in", async () => {
      const deal = await createDeal(t, boris, funnel, { responsibleId: boris.id });
      const refused = await t.http.patch(`/api/deals/${deal.id}`).set(anna.auth).send({ version: 1, amount: 1 }).expect(403);
      expect(refused.body.message).toMatch(/another manager/);
      await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageOf(funnel, 'open', 1) }).expect(403);
      await t.http.patch(`/api/deals/${deal.id}`).set(lead.auth).send({ version: 1, amount: 1 }).expect(200);
    });
  });

  describe('take into work', () => {
    it('makes the caller responsible and moves the deal to the first open stage', async () => {
      const deal = await createDeal(t, lead, funnel);
      const taken = await t.http.post(`/api/deals/${deal.id}/take`).set(anna.auth).expect(200);
      expect(taken.body).toMatchObject({ responsible: { id: anna.id, name: 'Anna' }, stageId: stageOf(funnel, 'open'), version: 2 });
      const again = await t.http.post(`/api/deals/${deal.id}/take`).set(boris.auth).expect(409);
      expect(again.body).toMatchObject({ message: 'Already taken into work by Anna', responsible: { id: anna.id, name: 'Anna' } });
      expect((await events(deal.id)).map((event) => event.type)).toEqual(['deal.created', 'deal.taken']);
    });

    it('refuses to take a closed deal', async () => {
      const deal = await createDeal(t, anna, funnel);
      await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'lost', reason: 'Wrong number' }).expect(200);
      await t.http.post(`/api/deals/${deal.id}/take`).set(anna.auth).expect(409);
    });
  });

  describe('move', () => {
    it('places deals at the top, after a neighbour, or before one, in board order', async () => {
      const target = stageOf(funnel, 'open', 1);
      const [a, b, c, d] = [await createDeal(t, anna, funnel), await createDeal(t, anna, funnel), await createDeal(t, anna, funnel), await createDeal(t, anna, funnel)];
      await t.http.post(`/api/deals/${a.id}/move`).set(anna.auth).send({ stageId: target }).expect(200);
      await t.http.post(`/api/deals/${b.id}/move`).set(anna.auth).send({ stageId: target }).expect(200); // b a
      await t.http.post(`/api/deals/${c.id}/move`).set(anna.auth).send({ stageId: target, beforeId: b.id, afterId: a.id }).expect(200); // b c a
      await t.http.post(`/api/deals/${d.id}/move`).set(anna.auth).send({ stageId: target, afterId: b.id }).expect(200); // d b c a
      await t.http.post(`/api/deals/${b.id}/move`).set(anna.auth).send({ stageId: target, beforeId: a.id }).expect(200); // d c a b
      const page = await t.http.get(`/api/stages/${target}/deals`).set(anna.auth).expect(200);
      expect(page.body.items.map((deal: DealDto) => deal.id)).toEqual([d.id, c.id, a.id, b.id]);
    });

    it('makes the mover responsible when a deal leaves unassigned, and clears it on the way back', async () => {
      const deal = await createDeal(t, lead, funnel);
      const moved = await t.http.post(`/api/deals/${deal.id}/move`).set(boris.auth).send({ stageId: stageOf(funnel, 'open', 2) }).expect(200);
      expect(moved.body.responsible).toEqual({ id: boris.id, name: 'Boris' });
      const back = await t.http.post(`/api/deals/${deal.id}/move`).set(boris.auth).send({ stageId: stageOf(funnel, 'unassigned') }).expect(200);
      expect(back.body).toMatchObject({ responsible: null, stageId: stageOf(funnel, 'unassigned'), version: 3 });
    });

    it('sets won in the won stage and open again out of it', async () => {
      const deal = await createDeal(t, anna, funnel, { responsibleId: anna.id });
      const won = await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageOf(funnel, 'won') }).expect(200);
      expect(won.body.status).toBe('won');
      const reopened = await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageOf(funnel, 'open', 3) }).expect(200);
      expect(reopened.body.status).toBe('open');
    });

    it('refuses another funnel\'s stage, a neighbour outside the stage, a lost deal and a stale version', async () => {
      const other = await t.funnel(admin);
      const deal = await createDeal(t, anna, funnel, { responsibleId: anna.id });
      const foreign = await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageOf(other, 'open') }).expect(422);
      expect(foreign.body.message).toMatch(/another funnel/);
      const elsewhere = await createDeal(t, anna, funnel);
      const badNeighbour = await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageOf(funnel, 'open', 1), beforeId: elsewhere.id }).expect(422);
      expect(badNeighbour.body.message).toMatch(/beforeId .* is not a deal in the target stage/);
      await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageOf(funnel, 'open', 1), version: 7 }).expect(409);
      await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: '00000000-0000-4000-8000-000000000000' }).expect(422);
      await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'lost', reason: 'Unreachable' }).expect(200);
      await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageOf(funnel, 'open', 1) }).expect(409);
      expect((await t.http.get(`/api/deals/${deal.id}`).set(anna.auth)).body.stageId).toBe(stageOf(funnel, 'open'));
    });
  });

  describe('assign, close, reopen', () => {
    it('assigns to a user (leaving unassigned) and to a branch', async () => {
      const deal = await createDeal(t, lead, funnel);
      const assigned = await t.http.post(`/api/deals/${deal.id}/assign`).set(lead.auth).send({ userId: boris.id }).expect(200);
      expect(assigned.body).toMatchObject({ responsible: { id: boris.id }, stageId: stageOf(funnel, 'open') });
      await t.http.post(`/api/deals/${deal.id}/assign`).set(lead.auth).send({}).expect(400);
      await t.http.post(`/api/deals/${deal.id}/assign`).set(lead.auth).send({ userId: '00000000-0000-4000-8000-000000000000' }).expect(422);
      const branch = await t.branch();
      const moved = await t.http.post(`/api/deals/${deal.id}/assign`).set(lead.auth).send({ branchId: branch.id }).expect(200);
      expect(moved.body).toMatchObject({ branchId: branch.id, responsible: { id: boris.id } });
      // Now another branch's deal: out of this lead's sight.
      await t.http.get(`/api/deals/${deal.id}`).set(lead.auth).expect(403);
      const timeline = await events(deal.id);
      expect(timeline.slice(1).map((event) => event.type)).toEqual(['deal.assigned', 'deal.assigned']);
      expect(timeline[1].data).toMatchObject({ fromResponsibleId: null, responsibleId: boris.id });
    });

    it('closes as lost only with a reason, keeps the stage, and reopens', async () => {
      const deal = await createDeal(t, anna, funnel, { responsibleId: anna.id });
      const noReason = await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'lost' }).expect(400);
      expect(noReason.body.message).toMatch(/reason is required/);
      await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'maybe', reason: 'x' }).expect(400);
      const lost = await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'lost', reason: 'Bought elsewhere' }).expect(200);
      expect(lost.body).toMatchObject({ status: 'lost', lostReason: 'Bought elsewhere', stageId: deal.stageId });
      await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'won' }).expect(409);
      const reopened = await t.http.post(`/api/deals/${deal.id}/reopen`).set(anna.auth).expect(200);
      expect(reopened.body).toMatchObject({ status: 'open', lostReason: null, stageId: deal.stageId });
      await t.http.post(`/api/deals/${deal.id}/reopen`).set(anna.auth).expect(409);
    });

    it('closes as won into the won stage, and reopens it to the last open stage', async () => {
      const deal = await createDeal(t, anna, funnel, { responsibleId: anna.id });
      const won = await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'won' }).expect(200);
      expect(won.body).toMatchObject({ status: 'won', stageId: stageOf(funnel, 'won') });
      const reopened = await t.http.post(`/api/deals/${deal.id}/reopen`).set(anna.auth).expect(200);
      const openStages = funnel.stages.filter((stage) => stage.kind === 'open');
      expect(reopened.body).toMatchObject({ status: 'open', stageId: openStages[openStages.length - 1].id });
    });

    it('records every change in the timeline, in order, with consecutive funnel seq numbers', async () => {
      const deal = await createDeal(t, lead, funnel);
      await t.http.post(`/api/deals/${deal.id}/take`).set(anna.auth).expect(200);
      await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageOf(funnel, 'open', 1) }).expect(200);
      await t.http.patch(`/api/deals/${deal.id}`).set(anna.auth).send({ version: 3, title: 'New title' }).expect(200);
      await t.http.post(`/api/deals/${deal.id}/assign`).set(lead.auth).send({ userId: boris.id }).expect(200);
      await t.http.post(`/api/deals/${deal.id}/close`).set(boris.auth).send({ outcome: 'lost', reason: 'Unreachable' }).expect(200);
      const reopened = await t.http.post(`/api/deals/${deal.id}/reopen`).set(boris.auth).expect(200);
      expect(reopened.body.version).toBe(7);
      const timeline = await events(deal.id);
      expect(timeline.map((event) => [event.type, event.actor?.id])).toEqual([
        ['deal.created', lead.id],
        ['deal.taken', anna.id],
        ['deal.moved', anna.id],
        ['deal.updated', anna.id],
        ['deal.assigned', lead.id],
        ['deal.closed', boris.id],
        ['deal.reopened', boris.id],
      ]);
      // The funnel is this test's own, so its log holds exactly these events after funnel.created.
      expect(timeline.map((event) => event.seq)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    });
  });
});
