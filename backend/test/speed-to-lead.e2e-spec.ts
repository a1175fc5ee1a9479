// First: the SLA job acts on every deal in the database, so this file gets a database of its own.
import { dropOwnDatabase } from './support/own-database.js';
import type { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { DealDto, DealEventDto, FunnelDto, NotificationPage, TaskDto } from '@autofunnel/shared';
import pg from 'pg';
import { Clock } from '../src/common/clock.js';
import { validateEnvironment, type AppEnvironment } from '../src/config/env.js';
import { DealsService } from '../src/deals/deals.service.js';
import { EventsService } from '../src/events/events.service.js';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { SLA_JOB, SlaJob } from '../src/speed-to-lead/sla.job.js';
import { createDeal } from './support/deals.js';
import { FakeClock, MINUTE } from './support/fake-clock.js';
import { TestApp, type TestUser } from './support/test-app.js';

describe('speed to lead: SLA escalation (e2e, own database)', () => {
  const clock = new FakeClock();
  let t: TestApp;
  let job: SlaJob;
  let admin: TestUser;
  /** North has two team leads, South one, West none. */
  let north: { manager: TestUser; alice: TestUser; zed: TestUser };
  let south: { manager: TestUser; lead: TestUser };
  let westManager: TestUser;
  let funnel: FunnelDto;

  const start = () => TestApp.start({ override: (builder) => builder.overrideProvider(Clock).useValue(clock) });

  beforeAll(async () => {
    t = await start();
    job = t.app.get(SlaJob);
    admin = await t.user('admin', { name: 'Admin Ann' });
    const [northBranch, southBranch, westBranch] = [await t.branch(), await t.branch(), await t.branch()];
    north = {
      manager: await t.user('manager', { branchId: northBranch.id }),
      // Named so that the task goes to Alice, the first lead by name.
      zed: await t.user('lead', { branchId: northBranch.id, name: 'Zed North' }),
      alice: await t.user('lead', { branchId: northBranch.id, name: 'Alice North' }),
    };
    south = { manager: await t.user('manager', { branchId: southBranch.id }), lead: await t.user('lead', { branchId: southBranch.id, name: 'Sid South' }) };
    westManager = await t.user('manager', { branchId: westBranch.id });
    // A deactivated lead is told nothing.
    await t.user('lead', { branchId: northBranch.id, name: 'Aaron Gone', active: false });
    funnel = await t.funnel(admin);
    await slaOf(funnel, 15, 30);
  });
  // Each test starts with none of the earlier tests' deals in the job's way, at the real time.
  beforeEach(async () => {
    await t.dataSource.query(`UPDATE deal SET trashed_at = now() WHERE trashed_at IS NULL`);
    clock.set(new Date());
  });
  afterAll(async () => {
    await t?.close();
    await dropOwnDatabase();
  });

  /** The funnel's SLA (PATCH /api/funnels/:id is tested with the funnels). */
  async function slaOf(target: FunnelDto, warn: number | null, escalate: number | null): Promise<void> {
    await t.dataSource.query(`UPDATE funnel SET sla_warn_minutes = $2, sla_escalate_minutes = $3 WHERE id = $1`, [target.id, warn, escalate]);
  }
  const deal = async (id: string): Promise<DealDto> => (await t.http.get(`/api/deals/${id}`).set(admin.auth).expect(200)).body;
  const escalations = async (id: string): Promise<DealEventDto[]> =>
    ((await t.http.get(`/api/deals/${id}/events`).set(admin.auth).expect(200)).body as DealEventDto[]).filter((event) => event.type === 'deal.sla_escalated');
  const tasks = async (id: string): Promise<TaskDto[]> => (await t.http.get(`/api/deals/${id}/tasks`).set(admin.auth).expect(200)).body;
  const notifications = async (user: TestUser, dealId: string) =>
    ((await t.http.get('/api/notifications').query({ limit: 200 }).set(user.auth).expect(200)).body as NotificationPage).items.filter((item) => item.dealId === dealId);
  /** An untaken request of the user's branch, waiting in the unassigned stage since now. */
  const newRequest = (from: TestUser, target = funnel) => createDeal(t, from, target, { contact: { name: 'Maria Lopez', phone: `+1 212 555 ${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}` } });

  it('does nothing before the escalation time', async () => {
    const waiting = await newRequest(north.manager);
    clock.set(new Date(new Date(waiting.stageEnteredAt).getTime() + 29 * MINUTE));
    expect(await job.run()).toEqual({ escalated: 0 });
    expect((await deal(waiting.id)).slaEscalatedAt).toBeNull();
    expect(await tasks(waiting.id)).toEqual([]);
  });

  it("escalates once past it: the branch's team leads are notified, the first by name gets an urgent call-back task", async () => {
    const waiting = await newRequest(north.manager);
    clock.set(new Date(new Date(waiting.stageEnteredAt).getTime() + 31 * MINUTE));
    const now = clock.now().toISOString();

    expect(await job.run()).toEqual({ escalated: 1 });

    const escalated = await deal(waiting.id);
    expect(escalated).toMatchObject({ slaEscalatedAt: now, responsible: null, stageId: waiting.stageId, version: waiting.version + 1 });
    const [task] = await tasks(waiting.id);
    expect(task).toMatchObject({
      kind: 'call',
      priority: 'urgent',
      title: 'Urgent: call back Maria Lopez (waiting 31 min)',
      dueAt: now,
      assignee: { id: north.alice.id, name: 'Alice North' },
      doneAt: null,
    });
    const [event] = await escalations(waiting.id);
    expect(event).toMatchObject({
      actor: null,
      data: { waitedMinutes: 31, slaEscalateMinutes: 30, notifiedUserIds: [north.alice.id, north.zed.id], taskId: task.id },
    });
    for (const lead of [north.alice, north.zed]) {
      expect(await notifications(lead, waiting.id)).toEqual([expect.objectContaining({ kind: 'sla_escalated', readAt: null, title: expect.stringContaining('31 min') })]);
    }
    // Not the other branch's lead, not the admins (the branch has leads), not the manager.
    for (const other of [south.lead, admin, north.manager]) expect(await notifications(other, waiting.id)).toEqual([]);

    // Once per deal: the next runs find nothing, however long it still waits.
    clock.advance(60 * MINUTE);
    expect(await job.run()).toEqual({ escalated: 0 });
    expect(await escalations(waiting.id)).toHaveLength(1);
    expect(await tasks(waiting.id)).toHaveLength(1);
    expect(await notifications(north.alice, waiting.id)).toHaveLength(1);
  });

  it('counts from when the deal entered the unassigned stage, and only where the funnel has an SLA', async () => {
    const noSla = await t.funnel(admin);
    const elsewhere = await newRequest(north.manager, noSla);
    const returned = await newRequest(south.manager);
    // Taken long ago, put back into Unassigned 10 minutes ago: its clock restarted then.
    await t.dataSource.query(`UPDATE deal SET created_at = created_at - interval '3 hours', stage_entered_at = $2 WHERE id = $1`, [
      returned.id,
      new Date(clock.now().getTime() - 10 * MINUTE),
    ]);
    // 25 minutes in the stage (3 hours since it arrived): not yet.
    clock.advance(15 * MINUTE);
    expect(await job.run()).toEqual({ escalated: 0 });
    clock.advance(6 * MINUTE);
    expect(await job.run()).toEqual({ escalated: 1 });
    expect((await deal(returned.id)).slaEscalatedAt).toBe(clock.now().toISOString());
    expect(await notifications(south.lead, returned.id)).toHaveLength(1);
    expect(await notifications(north.alice, returned.id)).toEqual([]);
    expect((await deal(elsewhere.id)).slaEscalatedAt).toBeNull();
  });

  it('escalates again a deal given back to the unassigned stage after its escalation', async () => {
    const waiting = await newRequest(north.manager);
    clock.advance(31 * MINUTE);
    expect(await job.run()).toEqual({ escalated: 1 });
    await t.http.post(`/api/deals/${waiting.id}/take`).set(north.manager.auth).expect(200);
    const unassigned = funnel.stages.find((stage) => stage.kind === 'unassigned')!;
    const given = await t.http.post(`/api/deals/${waiting.id}/move`).set(north.manager.auth).send({ stageId: unassigned.id }).expect(200);
    expect(given.body).toMatchObject({ responsible: null, slaEscalatedAt: null });

    // Its new wait is counted from when it came back (the real time), not from the first arrival.
    clock.set(new Date(new Date(given.body.stageEnteredAt).getTime() + 29 * MINUTE));
    expect(await job.run()).toEqual({ escalated: 0 });
    clock.advance(2 * MINUTE);
    expect(await job.run()).toEqual({ escalated: 1 });
    expect(await escalations(waiting.id)).toHaveLength(2);
    expect(await tasks(waiting.id)).toHaveLength(2);
  });

  it('leaves a deal taken before the run, or while the run waits for it', async () => {
    const takenBefore = await newRequest(north.manager);
    const takenMeanwhile = await newRequest(north.manager);
    await t.http.post(`/api/deals/${takenBefore.id}/take`).set(north.manager.auth).expect(200);
    clock.advance(45 * MINUTE);

    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      // Someone takes it in a transaction that holds the deal while the run reaches it.
      await other.query('BEGIN');
      await other.query(`SELECT id FROM deal WHERE id = $1 FOR UPDATE`, [takenMeanwhile.id]);
      await other.query(`UPDATE deal SET responsible_id = $2, taken_at = now() WHERE id = $1`, [takenMeanwhile.id, north.manager.id]);
      const run = job.run();
      await waitUntilSomeoneWaitsForALock(t);
      await other.query('COMMIT');
      expect(await run).toEqual({ escalated: 0 });
    } finally {
      await other.end();
    }
    for (const { id } of [takenBefore, takenMeanwhile]) {
      expect((await deal(id)).slaEscalatedAt).toBeNull();
      expect(await escalations(id)).toEqual([]);
      expect(await tasks(id)).toEqual([]);
    }
    expect(await notifications(north.alice, takenMeanwhile.id)).toEqual([]);
  });

  it('tells every team lead about a deal without a branch, and the admins when the branch has no lead', async () => {
    const branchless = await createDeal(t, await t.user('manager', { branchId: null }), funnel);
    const west = await newRequest(westManager);
    clock.advance(31 * MINUTE);
    expect(await job.run()).toEqual({ escalated: 2 });

    for (const lead of [north.alice, north.zed, south.lead]) expect(await notifications(lead, branchless.id)).toHaveLength(1);
    expect(await notifications(admin, branchless.id)).toEqual([]);
    expect((await tasks(branchless.id))[0].assignee).toEqual({ id: north.alice.id, name: 'Alice North' });

    expect(await notifications(admin, west.id)).toEqual([expect.objectContaining({ kind: 'sla_escalated' })]);
    expect((await tasks(west.id))[0].assignee).toEqual({ id: admin.id, name: 'Admin Ann' });
    for (const lead of [north.alice, south.lead]) expect(await notifications(lead, west.id)).toEqual([]);
  });

  it('delivers the notifications live only once the escalation has committed', async () => {
    const delivered: string[] = [];
    const subscription = t.app.get(NotificationsService).delivered$.subscribe(({ userId, notification }) => delivered.push(`${userId}:${notification.kind}`));
    try {
      const waiting = await newRequest(south.manager);
      clock.advance(31 * MINUTE);
      expect(await job.run()).toEqual({ escalated: 1 });
      expect(delivered).toEqual([`${south.lead.id}:sla_escalated`]);

      // A transaction that fails after notifying delivers nothing and stores nothing.
      const rolledBack = t.app.get(EventsService).transaction(async (em, log) => {
        await t.app.get(NotificationsService).notify(em, log, [south.lead.id], { kind: 'sla_escalated', title: 'Never', dealId: waiting.id });
        throw new Error('changed my mind');
      });
      await expect(rolledBack).rejects.toThrow('changed my mind');
      expect(delivered).toHaveLength(1);
      expect(await notifications(south.lead, waiting.id)).toHaveLength(1);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('lets only admins run it by hand, and answers 409 while another run holds the lock', async () => {
    const waiting = await newRequest(north.manager);
    clock.advance(31 * MINUTE);
    await t.http.post('/api/sla/run').set(north.manager.auth).expect(403);
    await t.http.post('/api/sla/run').set(north.alice.auth).expect(403);
    await t.http.post('/api/sla/run').expect(401);

    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtextextended('sla-escalation-job', 0))`);
      const busy = await t.http.post('/api/sla/run').set(admin.auth).expect(409);
      expect(busy.body.message).toMatch(/already running/);
      expect((await deal(waiting.id)).slaEscalatedAt).toBeNull();
    } finally {
      await holder.end();
    }
    expect((await t.http.post('/api/sla/run').set(admin.auth).expect(200)).body).toEqual({ escalated: 1 });
  });

  describe('SLA_JOB_CRON', () => {
    const settings = (cron: string) => ({ get: () => cron }) as unknown as ConfigService<AppEnvironment, true>;
    const scheduled = (cron: string, registry = new SchedulerRegistry()) => ({
      registry,
      job: new SlaJob(t.dataSource, t.app.get(DealsService), t.app.get(EventsService), t.app.get(NotificationsService), clock as unknown as Clock, registry, settings(cron)),
    });

    it('runs every minute unless configured; not scheduled when "off" (as in these tests)', () => {
      expect(validateEnvironment({}).SLA_JOB_CRON).toBe('* * * * *');
      expect(t.app.get(SchedulerRegistry).doesExist('cron', SLA_JOB)).toBe(false);
      const { registry, job: offJob } = scheduled('off');
      offJob.onApplicationBootstrap();
      expect(registry.getCronJobs().size).toBe(0);
    });

    it('refuses to start with a setting that is not a cron expression', () => {
      const { job: badJob } = scheduled('every minute');
      expect(() => badJob.onApplicationBootstrap()).toThrow(/SLA_JOB_CRON "every minute" is neither a cron expression/);
    });

    it('registers the job in the SchedulerRegistry and runs it on schedule', async () => {
      const waiting = await newRequest(north.manager);
      clock.advance(31 * MINUTE);
      // Every second (cron's optional seconds field), so the test sees a tick.
      const { registry, job: everySecond } = scheduled('* * * * * *');
      everySecond.onApplicationBootstrap();
      try {
        const cron = registry.getCronJob(SLA_JOB);
        expect(cron.isActive).toBe(true);
        const until = Date.now() + 5000;
        while ((await deal(waiting.id)).slaEscalatedAt === null && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
        expect((await deal(waiting.id)).slaEscalatedAt).toBe(clock.now().toISOString());
      } finally {
        registry.deleteCronJob(SLA_JOB);
        await everySecond.beforeApplicationShutdown();
      }
    });
  });
});

async function waitUntilSomeoneWaitsForALock(t: TestApp): Promise<void> {
  const until = Date.now() + 5000;
  for (;;) {
    const [{ waiting }] = await t.dataSource.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if (waiting > 0) return;
    if (Date.now() > until) throw new Error('the job never waited for the locked deal');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
