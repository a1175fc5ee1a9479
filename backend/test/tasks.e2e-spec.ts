import type { DealDto, DealEventDto, FunnelDto, MyDayDto, TaskDto } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { Clock } from '../src/common/clock.js';
import { createDeal } from './support/deals.js';
import { DAY, FakeClock, HOUR, MINUTE } from './support/fake-clock.js';
import { TestApp, type TestUser } from './support/test-app.js';

describe('tasks, calls, meetings and my day (e2e)', () => {
  const clock = new FakeClock();
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let anna: TestUser;
  let boris: TestUser;
  let funnel: FunnelDto;
  let deal: DealDto;

  beforeAll(async () => {
    t = await TestApp.start({ override: (builder) => builder.overrideProvider(Clock).useValue(clock) });
    admin = await t.user('admin');
    // One branch: Boris is Anna's colleague, their lead sees both their deals.
    const { id: branchId } = await t.branch();
    lead = await t.user('lead', { branchId });
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
  const events = async (dealId: string): Promise<DealEventDto[]> => (await t.http.get(`/api/deals/${dealId}/events`).set(anna.auth).expect(200)).body;
  const addTask = async (caller: TestUser, body: Record<string, unknown>, dealId = deal.id): Promise<TaskDto> =>
    (await t.http.post(`/api/deals/${dealId}/tasks`).set(caller.auth).send(body).expect(201)).body;

  describe('create', () => {
    it('plans a call for the caller by default and writes it to the timeline', async () => {
      const dueAt = at(2 * HOUR);
      const task = await addTask(anna, { kind: 'call', title: '  Call about financing  ', dueAt });
      expect(task).toMatchObject({
        dealId: deal.id,
        deal: { id: deal.id, code: deal.code, title: deal.title, funnelId: funnel.id },
        kind: 'call',
        title: 'Call about financing',
        dueAt,
        endsAt: null,
        assignee: { id: anna.id, name: 'Anna' },
        participants: [],
        branchId: null,
        priority: 'normal',
        notes: null,
        doneAt: null,
        doneBy: null,
        result: null,
        createdBy: { id: anna.id, name: 'Anna' },
      });
      const created = (await events(deal.id)).find((event) => event.type === 'deal.task_created');
      expect(created).toMatchObject({
        actor: { id: anna.id, name: 'Anna' },
        data: { taskId: task.id, kind: 'call', title: 'Call about financing', dueAt, assignee: { id: anna.id, name: 'Anna' }, participants: [] },
      });
      const after = (await t.http.get(`/api/deals/${deal.id}`).set(anna.auth).expect(200)).body as DealDto;
      expect(after.version).toBe(deal.version + 1);
    });

    it('plans a meeting with participants, a branch, an end and a priority', async () => {
      const branch = await t.branch();
      const meeting = await addTask(anna, {
        kind: 'meeting',
        title: 'Showroom visit',
        dueAt: at(DAY),
        endsAt: at(DAY + HOUR),
        assigneeId: lead.id,
        participantIds: [lead.id, anna.id],
        branchId: branch.id,
        priority: 'high',
        notes: 'Bring the trade-in papers',
      });
      expect(meeting).toMatchObject({
        assignee: { id: lead.id, name: lead.name },
        participants: [{ id: anna.id, name: 'Anna' }, { id: lead.id, name: lead.name }],
        branchId: branch.id,
        priority: 'high',
        endsAt: at(DAY + HOUR),
        notes: 'Bring the trade-in papers',
      });
    });

    it('refuses malformed input with 400 naming the field', async () => {
      const post = (body: Record<string, unknown>) => t.http.post(`/api/deals/${deal.id}/tasks`).set(anna.auth).send(body).expect(400);
      expect((await post({ kind: 'visit', title: 'x' })).body.fields).toHaveProperty('kind');
      expect((await post({ kind: 'task', title: '   ' })).body.message).toMatch(/title must not be empty/);
      expect((await post({ kind: 'task', title: 'x', dueAt: 'tomorrow' })).body.message).toMatch(/dueAt must be an ISO-8601 date-time/);
      expect((await post({ kind: 'task', title: 'x', participantIds: ['nobody'] })).body.fields).toHaveProperty('participantIds');
      expect((await post({ kind: 'task', title: 'x', participantIds: [anna.id, anna.id] })).body.message).toMatch(/participantIds lists a user twice/);
      expect((await post({ kind: 'task', title: 'x', priority: 'critical' })).body.fields).toHaveProperty('priority');
      expect((await post({ kind: 'task', title: 'x', colour: 'red' })).body.message).toMatch(/colour/);
    });

    it('refuses times and references that do not fit with 422 naming the field', async () => {
      const post = (body: Record<string, unknown>) => t.http.post(`/api/deals/${deal.id}/tasks`).set(anna.auth).send(body).expect(422);
      expect((await post({ kind: 'meeting', title: 'Visit' })).body.message).toMatch(/dueAt is required for a meeting/);
      expect((await post({ kind: 'meeting', title: 'Visit', dueAt: at(HOUR), endsAt: at(30 * MINUTE) })).body.message).toMatch(/endsAt .* must not be before dueAt/);
      expect((await post({ kind: 'task', title: 'x', endsAt: at(HOUR) })).body.message).toMatch(/endsAt needs dueAt/);
      const gone = await t.user('manager', { active: false });
      expect((await post({ kind: 'task', title: 'x', assigneeId: gone.id })).body.message).toBe(`assigneeId ${gone.id} is not an active user`);
      const unknown = randomUUID();
      expect((await post({ kind: 'task', title: 'x', participantIds: [boris.id, unknown, gone.id] })).body.message).toBe(
        `participantIds: ${unknown}, ${gone.id} are not active users`,
      );
      expect((await post({ kind: 'task', title: 'x', branchId: unknown })).body.message).toBe(`branchId ${unknown} is not a branch`);
    });

    it('answers 404 for a deal that does not exist', async () => {
      await t.http.post(`/api/deals/${randomUUID()}/tasks`).set(anna.auth).send({ kind: 'task', title: 'x' }).expect(404);
      await t.http.get(`/api/deals/${randomUUID()}/tasks`).set(anna.auth).expect(404);
    });
  });

  it('lists open tasks soonest first, undated after them, then done ones', async () => {
    const done = await addTask(anna, { kind: 'task', title: 'Done', dueAt: at(-HOUR) });
    await t.http.post(`/api/tasks/${done.id}/complete`).set(anna.auth).send({}).expect(200);
    const undated = await addTask(anna, { kind: 'task', title: 'Undated' });
    const later = await addTask(anna, { kind: 'call', title: 'Later', dueAt: at(3 * HOUR) });
    const sooner = await addTask(anna, { kind: 'meeting', title: 'Sooner', dueAt: at(HOUR) });
    const list = (await t.http.get(`/api/deals/${deal.id}/tasks`).set(lead.auth).expect(200)).body as TaskDto[];
    expect(list.map((task) => task.id)).toEqual([sooner.id, later.id, undated.id, done.id]);
  });

  describe('update', () => {
    it('reschedules and reassigns, recording what changed', async () => {
      const task = await addTask(anna, { kind: 'meeting', title: 'Visit', dueAt: at(HOUR), participantIds: [lead.id] });
      const response = await t.http
        .patch(`/api/tasks/${task.id}`)
        .set(anna.auth)
        .send({ dueAt: at(2 * HOUR), endsAt: at(3 * HOUR), assigneeId: lead.id, participantIds: [anna.id], notes: 'Moved by the customer' })
        .expect(200);
      expect(response.body).toMatchObject({ dueAt: at(2 * HOUR), endsAt: at(3 * HOUR), assignee: { id: lead.id }, participants: [{ id: anna.id }], notes: 'Moved by the customer' });
      const updated = (await events(deal.id)).find((event) => event.type === 'deal.task_updated');
      expect(updated?.data).toMatchObject({
        taskId: task.id,
        changes: {
          dueAt: { from: at(HOUR), to: at(2 * HOUR) },
          endsAt: { from: null, to: at(3 * HOUR) },
          assignee: { from: { id: anna.id, name: 'Anna' }, to: { id: lead.id, name: lead.name } },
          participants: { from: [{ id: lead.id, name: lead.name }], to: [{ id: anna.id, name: 'Anna' }] },
          notes: { from: null, to: 'Moved by the customer' },
        },
      });
      expect(Object.keys((updated!.data as { changes: object }).changes)).toHaveLength(5);
    });

    it('applies the same rules as create, and refuses a done task or one that does not exist', async () => {
      const meeting = await addTask(anna, { kind: 'meeting', title: 'Visit', dueAt: at(HOUR) });
      expect((await t.http.patch(`/api/tasks/${meeting.id}`).set(anna.auth).send({ dueAt: null }).expect(422)).body.message).toMatch(/dueAt is required for a meeting/);
      expect((await t.http.patch(`/api/tasks/${meeting.id}`).set(anna.auth).send({ endsAt: at(-HOUR) }).expect(422)).body.message).toMatch(/must not be before dueAt/);
      await t.http.patch(`/api/tasks/${meeting.id}`).set(anna.auth).send({ assigneeId: randomUUID() }).expect(422);
      await t.http.patch(`/api/tasks/${meeting.id}`).set(anna.auth).send({ title: '' }).expect(400);
      await t.http.post(`/api/tasks/${meeting.id}/complete`).set(anna.auth).send({}).expect(200);
      expect((await t.http.patch(`/api/tasks/${meeting.id}`).set(anna.auth).send({ title: 'Visit 2' }).expect(409)).body.message).toMatch(/is done; reopen it/);
      await t.http.patch(`/api/tasks/${randomUUID()}`).set(anna.auth).send({ title: 'x' }).expect(404);
    });
  });

  describe('complete, reopen, delete', () => {
    it('completes a task once, with its result on the timeline', async () => {
      const call = await addTask(anna, { kind: 'call', title: 'Call back', dueAt: at(HOUR) });
      clock.advance(30 * MINUTE);
      const done = await t.http.post(`/api/tasks/${call.id}/complete`).set(anna.auth).send({ result: 'Comes on Saturday at 10' }).expect(200);
      expect(done.body).toMatchObject({ doneAt: clock.now().toISOString(), doneBy: { id: anna.id, name: 'Anna' }, result: 'Comes on Saturday at 10' });
      const again = await t.http.post(`/api/tasks/${call.id}/complete`).set(anna.auth).send({}).expect(409);
      expect(again.body.message).toMatch(/already completed by you at/);
      const completed = (await events(deal.id)).filter((event) => event.type === 'deal.task_completed');
      expect(completed).toEqual([
        expect.objectContaining({ actor: { id: anna.id, name: 'Anna' }, data: expect.objectContaining({ taskId: call.id, kind: 'call', title: 'Call back', result: 'Comes on Saturday at 10' }) }),
      ]);
    });

    it('lets exactly one of two simultaneous completions win', async () => {
      const call = await addTask(anna, { kind: 'call', title: 'Race' });
      const statuses = await Promise.all([anna, lead].map(async (user) => (await t.http.post(`/api/tasks/${call.id}/complete`).set(user.auth).send({})).status));
      expect(statuses.sort()).toEqual([200, 409]);
    });

    it('reopens a completed task, and refuses to reopen an open one', async () => {
      const task = await addTask(anna, { kind: 'task', title: 'Send the brochure' });
      await t.http.post(`/api/tasks/${task.id}/complete`).set(anna.auth).send({ result: 'sent' }).expect(200);
      const reopened = await t.http.post(`/api/tasks/${task.id}/reopen`).set(anna.auth).expect(200);
      expect(reopened.body).toMatchObject({ doneAt: null, doneBy: null, result: null });
      await t.http.post(`/api/tasks/${task.id}/reopen`).set(anna.auth).expect(409);
      const updated = (await events(deal.id)).find((event) => event.type === 'deal.task_updated');
      expect(updated?.data).toMatchObject({ taskId: task.id, reopened: true, changes: { doneAt: { from: expect.any(String), to: null } } });
    });

    it('deletes a task, on the timeline too', async () => {
      const task = await addTask(anna, { kind: 'task', title: 'Obsolete' });
      await t.http.delete(`/api/tasks/${task.id}`).set(anna.auth).expect(204);
      expect((await t.http.get(`/api/deals/${deal.id}/tasks`).set(anna.auth).expect(200)).body).toEqual([]);
      expect((await events(deal.id)).find((event) => event.type === 'deal.task_deleted')?.data).toMatchObject({ taskId: task.id, title: 'Obsolete' });
      await t.http.delete(`/api/tasks/${task.id}`).set(anna.auth).expect(404);
    });
  });

  describe('permissions', () => {
    it("keeps a manager off another manager's deal; the lead and admins may", async () => {
      const task = await addTask(anna, { kind: 'call', title: 'Anna calls' });
      await t.http.post(`/api/deals/${deal.id}/tasks`).set(boris.auth).send({ kind: 'task', title: 'Boris was here' }).expect(403);
      await t.http.patch(`/api/tasks/${task.id}`).set(boris.auth).send({ title: 'Boris was here' }).expect(403);
      const refused = await t.http.post(`/api/tasks/${task.id}/complete`).set(boris.auth).send({}).expect(403);
      expect(refused.body.message).toBe('This deal belongs to another manager; ask a team lead to reassign it');
      await t.http.delete(`/api/tasks/${task.id}`).set(boris.auth).expect(403);

      await addTask(lead, { kind: 'task', title: 'Lead checks in' });
      await t.http.post(`/api/tasks/${task.id}/complete`).set(lead.auth).send({}).expect(200);
      const another = await addTask(admin, { kind: 'task', title: 'Admin task', assigneeId: anna.id });
      await t.http.post(`/api/tasks/${another.id}/complete`).set(admin.auth).send({}).expect(200);
      await t.http.get(`/api/deals/${deal.id}/tasks`).expect(401);
    });

    it('refuses a task for someone who cannot see the deal, naming them; once the deal is theirs, they get it', async () => {
      const refused = await t.http.post(`/api/deals/${deal.id}/tasks`).set(anna.auth).send({ kind: 'call', title: 'Boris calls in German', assigneeId: boris.id }).expect(422);
      expect(refused.body.message).toMatch(/^assigneeId: Boris cannot see this deal/);
      const asParticipant = await t.http.post(`/api/deals/${deal.id}/tasks`).set(anna.auth).send({ kind: 'meeting', title: 'Showroom visit', dueAt: at(DAY), participantIds: [lead.id, boris.id] }).expect(422);
      expect(asParticipant.body.message).toMatch(/^participantIds: Boris cannot see this deal/);
      const own = await addTask(anna, { kind: 'task', title: 'Mine' });
      await t.http.patch(`/api/tasks/${own.id}`).set(anna.auth).send({ assigneeId: boris.id }).expect(422);
      expect((await t.http.get(`/api/deals/${deal.id}/tasks`).set(anna.auth).expect(200)).body).toHaveLength(1);

      await t.http.post(`/api/deals/${deal.id}/assign`).set(lead.auth).send({ userId: boris.id }).expect(200);
      const forBoris = await addTask(lead, { kind: 'call', title: 'Boris calls in German', assigneeId: boris.id });
      const myDay = ((await t.http.get('/api/my-day').set(boris.auth).expect(200)).body as MyDayDto).tasks.map((task) => task.id);
      expect(myDay).toContain(forBoris.id);
      const done = await t.http.post(`/api/tasks/${forBoris.id}/complete`).set(boris.auth).send({ result: 'Done' }).expect(200);
      expect(done.body.doneBy).toEqual({ id: boris.id, name: 'Boris' });
    });
  });

  describe('my day', () => {
    let carol: TestUser;
    let dave: TestUser;

    beforeEach(async () => {
      // Dave leads Carol's branch: he sees her deals, so she may give him tasks on them.
      const { id: branchId } = await t.branch();
      carol = await t.user('manager', { name: 'Carol', branchId });
      dave = await t.user('lead', { name: 'Dave', branchId });
      // 09:00 today (server time), so "today" has room on both sides whenever the test runs.
      const nine = new Date();
      nine.setHours(9, 0, 0, 0);
      clock.set(nine);
    });

    const myDay = async (user: TestUser, query: Record<string, string | number> = {}): Promise<MyDayDto> =>
      (await t.http.get('/api/my-day').query(query).set(user.auth).expect(200)).body;
    const carolsDeal = async (deadlineOffset: number): Promise<DealDto> => {
      const created = await createDeal(t, carol, funnel, { responsibleId: carol.id });
      await t.http.post(`/api/deals/${created.id}/deadlines`).set(carol.auth).send({ dueAt: at(deadlineOffset) }).expect(200);
      return created;
    };

    it("lists the caller's tasks and deadlines due today, overdue first", async () => {
      const own = await createDeal(t, carol, funnel, { responsibleId: carol.id });
      const overdue = await addTask(carol, { kind: 'call', title: 'Overdue call', dueAt: at(-HOUR) }, own.id);
      const undated = await addTask(carol, { kind: 'task', title: 'Some day' }, own.id);
      const later = await addTask(carol, { kind: 'task', title: 'At noon', dueAt: at(3 * HOUR) }, own.id);
      const asParticipant = await addTask(carol, { kind: 'meeting', title: 'Dave meets the customer', dueAt: at(2 * HOUR), assigneeId: dave.id, participantIds: [carol.id] }, own.id);
      const tomorrow = await addTask(carol, { kind: 'call', title: 'Tomorrow', dueAt: at(DAY) }, own.id);
      const done = await addTask(carol, { kind: 'call', title: 'Done', dueAt: at(-2 * HOUR) }, own.id);
      await t.http.post(`/api/tasks/${done.id}/complete`).set(carol.auth).send({}).expect(200);
      await addTask(carol, { kind: 'call', title: "Dave's own", dueAt: at(HOUR), assigneeId: dave.id }, own.id);

      const soon = await carolsDeal(30 * MINUTE);
      const afternoon = await carolsDeal(5 * HOUR);
      const nextWeek = await carolsDeal(7 * DAY);
      const parked = await carolsDeal(HOUR);
      await t.http.post(`/api/deals/${parked.id}/follow-up`).set(carol.auth).send({ until: at(30 * DAY) }).expect(200);
      const lost = await carolsDeal(HOUR);
      await t.http.post(`/api/deals/${lost.id}/close`).set(carol.auth).send({ outcome: 'lost', reason: 'Bought elsewhere' }).expect(200);
      // `own` keeps the deadline it was created with: CONTACT_DEADLINE_MINUTES from the real time.
      await t.http.post(`/api/deals/${own.id}/deadlines`).set(carol.auth).send({ dueAt: at(2 * DAY) }).expect(200);

      clock.advance(HOUR);
      const day = await myDay(carol);
      const endOfToday = new Date(clock.now());
      endOfToday.setHours(24, 0, 0, 0);
      expect(day).toMatchObject({ now: clock.now().toISOString(), until: endOfToday.toISOString(), tasksTotal: 4, deadlinesTotal: 2 });
      expect(day.tasks.map((task) => [task.id, task.overdue])).toEqual([
        [overdue.id, true],
        [asParticipant.id, false],
        [later.id, false],
        [undated.id, false],
      ]);
      expect(day.deadlines.map((item) => [item.deal.id, item.overdue])).toEqual([
        [soon.id, true],
        [afternoon.id, false],
      ]);
      expect(day.deadlines[0]).toMatchObject({ deadlineId: expect.any(String), dueAt: at(-30 * MINUTE), deal: { responsible: { id: carol.id } } });

      const week = await myDay(carol, { until: at(8 * DAY) });
      expect(week.tasks.map((task) => task.id)).toEqual([overdue.id, asParticipant.id, later.id, tomorrow.id, undated.id]);
      expect(week.deadlines.map((item) => item.deal.id)).toEqual([soon.id, afternoon.id, own.id, nextWeek.id]);

      const first = await myDay(carol, { limit: 1 });
      expect(first).toMatchObject({ tasksTotal: 4, deadlinesTotal: 2 });
      expect(first.tasks.map((task) => task.id)).toEqual([overdue.id]);
      expect(first.deadlines.map((item) => item.deal.id)).toEqual([soon.id]);
    });

    it('lists overdue items even when until lies before now', async () => {
      const own = await createDeal(t, carol, funnel, { responsibleId: carol.id });
      const overdue = await addTask(carol, { kind: 'call', title: 'Overdue', dueAt: at(-2 * HOUR) }, own.id);
      await addTask(carol, { kind: 'call', title: 'Later', dueAt: at(2 * HOUR) }, own.id);
      const day = await myDay(carol, { until: at(-3 * HOUR) });
      expect(day.tasks.map((task) => task.id)).toEqual([overdue.id]);
    });

    it('refuses a malformed window', async () => {
      expect((await t.http.get('/api/my-day').query({ until: 'tonight' }).set(carol.auth).expect(400)).body.message).toMatch(/until must be an ISO-8601 date-time/);
      await t.http.get('/api/my-day').query({ limit: 0 }).set(carol.auth).expect(400);
      await t.http.get('/api/my-day').expect(401);
    });
  });
});
