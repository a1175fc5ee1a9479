import type { DeadlineDto, DealDto, DealEventDto, FunnelDto } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { Clock } from '../src/common/clock.js';
import { createDeal } from './support/deals.js';
import { DAY, FakeClock, HOUR, MINUTE } from './support/fake-clock.js';
import { TestApp, type TestUser } from './support/test-app.js';

describe('deadlines and long-term follow-up (e2e)', () => {
  const clock = new FakeClock();
  let t: TestApp;
  let lead: TestUser;
  let anna: TestUser;
  let boris: TestUser;
  let funnel: FunnelDto;
  let deal: DealDto;

  beforeAll(async () => {
    t = await TestApp.start({ override: (builder) => builder.overrideProvider(Clock).useValue(clock) });
    const admin = await t.user('admin');
    // One branch: Boris is Anna's colleague, Lena their lead.
    const { id: branchId } = await t.branch();
    lead = await t.user('lead', { name: 'Lena Lead', branchId });
    anna = await t.user('manager', { name: 'Anna', branchId });
    boris = await t.user('manager', { name: 'Boris', branchId });
    funnel = await t.funnel(admin);
  });
  beforeEach(async () => {
    clock.set(new Date());
    deal = await createDeal(t, anna, funnel, { responsibleId: anna.id });
  });
  afterAll(() => t.close());

  const at = (offset: number) => new Date(clock.now().getTime() + offset).toISOString();
  const get = async (id = deal.id): Promise<DealDto> => (await t.http.get(`/api/deals/${id}`).set(anna.auth).expect(200)).body;
  const deadlines = async (id = deal.id): Promise<DeadlineDto[]> => (await t.http.get(`/api/deals/${id}/deadlines`).set(lead.auth).expect(200)).body;
  const eventsOfType = async (type: string, id = deal.id): Promise<DealEventDto[]> =>
    ((await t.http.get(`/api/deals/${id}/events`).set(anna.auth).expect(200)).body as DealEventDto[]).filter((event) => event.type === type);
  const setDeadline = (dueAt: string, caller = anna) => t.http.post(`/api/deals/${deal.id}/deadlines`).set(caller.auth).send({ dueAt });
  const resolve = (id: string, body: Record<string, unknown>, caller = anna) => t.http.post(`/api/deadlines/${id}/resolve`).set(caller.auth).send(body);
  const followUp = (until: string | null, caller = anna) => t.http.post(`/api/deals/${deal.id}/follow-up`).set(caller.auth).send({ until });

  describe('deadlines', () => {
    it('lists the deadline a new deal gets', async () => {
      expect(await deadlines()).toEqual([
        expect.objectContaining({ dealId: deal.id, dueAt: deal.deadlineAt, outcome: null, resolvedAt: null, resolvedBy: null, createdBy: { id: anna.id, name: 'Anna' } }),
      ]);
    });

    it('moves the open deadline, mirrored on the deal and written to the timeline', async () => {
      const [open] = await deadlines();
      const moved = (await setDeadline(at(DAY)).expect(200)).body as DeadlineDto;
      expect(moved).toMatchObject({ id: open.id, dueAt: at(DAY), outcome: null });
      expect((await get()).deadlineAt).toBe(at(DAY));
      expect(await eventsOfType('deal.deadline_set')).toEqual([
        expect.objectContaining({ actor: { id: anna.id, name: 'Anna' }, data: { deadlineId: open.id, from: deal.deadlineAt, to: at(DAY) } }),
      ]);
    });

    it('sets a new deadline when none is open', async () => {
      const [open] = await deadlines();
      await resolve(open.id, { outcome: 'contacted' }).expect(200);
      expect((await get()).deadlineAt).toBeNull();
      const fresh = (await setDeadline(at(2 * HOUR)).expect(200)).body as DeadlineDto;
      expect(fresh.id).not.toBe(open.id);
      expect((await deadlines()).map((item) => item.id)).toEqual([fresh.id, open.id]);
      expect((await eventsOfType('deal.deadline_set'))[0].data).toEqual({ deadlineId: fresh.id, from: null, to: at(2 * HOUR) });
    });

    it('refuses a time in the past (422) or not a time at all (400)', async () => {
      expect((await setDeadline(at(-MINUTE)).expect(422)).body.message).toMatch(/^dueAt .* is in the past/);
      expect((await setDeadline('next Monday').expect(400)).body.fields).toHaveProperty('dueAt');
      expect((await t.http.post(`/api/deals/${deal.id}/deadlines`).set(anna.auth).send({}).expect(400)).body.fields).toHaveProperty('dueAt');
      await t.http.post(`/api/deals/${randomUUID()}/deadlines`).set(anna.auth).send({ dueAt: at(HOUR) }).expect(404);
      expect((await get()).deadlineAt).toBe(deal.deadlineAt);
    });

    it('refuses a deadline on a closed deal', async () => {
      await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'lost', reason: 'Bought elsewhere' }).expect(200);
      expect((await setDeadline(at(HOUR)).expect(409)).body.message).toMatch(/This deal is lost; reopen it/);
    });

    it("keeps a manager off another manager's deadlines; a team lead may", async () => {
      const [open] = await deadlines();
      await t.http.get(`/api/deals/${deal.id}/deadlines`).set(boris.auth).expect(403);
      await setDeadline(at(HOUR), boris).expect(403);
      await resolve(open.id, { outcome: 'contacted' }, boris).expect(403);
      await setDeadline(at(HOUR), lead).expect(200);
      const resolved = (await resolve(open.id, { outcome: 'contacted' }, lead).expect(200)).body as DeadlineDto;
      expect(resolved.resolvedBy).toEqual({ id: lead.id, name: 'Lena Lead' });
    });
  });

  describe('resolve', () => {
    it('marks the customer contacted and opens the next deadline in the same step', async () => {
      const [open] = await deadlines();
      clock.advance(30 * MINUTE);
      const resolved = (await resolve(open.id, { outcome: 'contacted', note: 'Wants a test drive', nextDueAt: at(3 * DAY) }).expect(200)).body as DeadlineDto;
      expect(resolved).toMatchObject({ id: open.id, outcome: 'contacted', note: 'Wants a test drive', resolvedAt: clock.now().toISOString(), resolvedBy: { id: anna.id, name: 'Anna' } });
      const [next, previous] = await deadlines();
      expect(next).toMatchObject({ dueAt: at(3 * DAY), outcome: null, createdBy: { id: anna.id, name: 'Anna' } });
      expect(previous.id).toBe(open.id);
      expect((await get()).deadlineAt).toBe(at(3 * DAY));
      expect(await eventsOfType('deal.deadline_resolved')).toEqual([
        expect.objectContaining({
          actor: { id: anna.id, name: 'Anna' },
          data: { deadlineId: open.id, dueAt: open.dueAt, outcome: 'contacted', note: 'Wants a test drive', late: false, nextDueAt: at(3 * DAY) },
        }),
      ]);
    });

    it('requires a note saying why the customer was not contacted', async () => {
      const [open] = await deadlines();
      const missing = await resolve(open.id, { outcome: 'not_contacted' }).expect(400);
      expect(missing.body).toMatchObject({ message: expect.stringMatching(/^note is required when the customer was not contacted/), fields: { note: [expect.any(String)] } });
      await resolve(open.id, { outcome: 'not_contacted', note: '   ' }).expect(400);
      await resolve(open.id, { outcome: 'reached' }).expect(400);

      clock.set(new Date(new Date(open.dueAt).getTime() + HOUR));
      const resolved = (await resolve(open.id, { outcome: 'not_contacted', note: 'No answer, left a voicemail' }).expect(200)).body as DeadlineDto;
      expect(resolved).toMatchObject({ outcome: 'not_contacted', note: 'No answer, left a voicemail' });
      expect((await get()).deadlineAt).toBeNull();
      expect((await eventsOfType('deal.deadline_resolved'))[0].data).toMatchObject({ outcome: 'not_contacted', late: true, nextDueAt: null });
    });

    it('resolves a deadline once (409), and refuses a next deadline in the past (422)', async () => {
      const [open] = await deadlines();
      expect((await resolve(open.id, { outcome: 'contacted', nextDueAt: at(-HOUR) }).expect(422)).body.message).toMatch(/^nextDueAt .* is in the past/);
      await resolve(open.id, { outcome: 'contacted' }).expect(200);
      const again = await resolve(open.id, { outcome: 'contacted' }).expect(409);
      expect(again.body.message).toMatch(/already resolved \(contacted\) by you at/);
      await resolve(randomUUID(), { outcome: 'contacted' }).expect(404);
      expect(await eventsOfType('deal.deadline_resolved')).toHaveLength(1);
    });
  });

  describe('long-term follow-up', () => {
    it('parks the deal without a deadline until the date, and brings it back early by hand', async () => {
      const until = at(60 * DAY);
      const parked = (await followUp(until).expect(200)).body as DealDto;
      expect(parked).toMatchObject({ followUpUntil: until, deadlineAt: null, status: 'open' });
      expect((await deadlines()).filter((item) => item.resolvedAt === null)).toEqual([]);
      expect(await eventsOfType('deal.follow_up_scheduled')).toEqual([
        expect.objectContaining({ actor: { id: anna.id, name: 'Anna' }, data: { from: null, until, withdrawnDeadlineAt: deal.deadlineAt } }),
      ]);
      expect((await setDeadline(at(HOUR)).expect(409)).body.message).toMatch(/long-term follow-up until .*; bring it back/);

      clock.advance(DAY);
      const back = (await followUp(null).expect(200)).body as DealDto;
      const deadlineAt = at(120 * MINUTE);
      expect(back).toMatchObject({ followUpUntil: null, deadlineAt });
      expect((await deadlines())[0]).toMatchObject({ dueAt: deadlineAt, outcome: null, createdBy: { id: anna.id } });
      expect(await eventsOfType('deal.follow_up_returned')).toEqual([
        expect.objectContaining({ actor: { id: anna.id, name: 'Anna' }, data: { until, deadlineAt, early: true } }),
      ]);
      expect((await followUp(null).expect(409)).body.message).toBe('This deal is not in long-term follow-up');
    });

    it('moves the date of a parked deal', async () => {
      await followUp(at(30 * DAY)).expect(200);
      const moved = (await followUp(at(90 * DAY)).expect(200)).body as DealDto;
      expect(moved.followUpUntil).toBe(at(90 * DAY));
      expect((await eventsOfType('deal.follow_up_scheduled'))[1].data).toMatchObject({ from: at(30 * DAY), until: at(90 * DAY) });
    });

    it('refuses a date in the past, a missing date, a closed deal and another manager', async () => {
      expect((await followUp(at(-DAY)).expect(422)).body.message).toMatch(/^until .* is in the past/);
      expect((await t.http.post(`/api/deals/${deal.id}/follow-up`).set(anna.auth).send({}).expect(400)).body.message).toMatch(/until is required/);
      await followUp(at(DAY), boris).expect(403);
      await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'won' }).expect(200);
      expect((await followUp(at(DAY)).expect(409)).body.message).toMatch(/This deal is won/);
      expect((await get()).followUpUntil).toBeNull();
    });
  });
});
