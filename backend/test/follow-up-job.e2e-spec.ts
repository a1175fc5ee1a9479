// First: this file's job runs act on every deal in the database, so it gets a database of its own.
import { dropOwnDatabase, ownDatabaseName } from './support/own-database.js';
import type { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { DealDto, DealEventDto, DeadlineDto, FunnelDto, MyDayDto } from '@autofunnel/shared';
import pg from 'pg';
import { Clock } from '../src/common/clock.js';
import type { AppEnvironment } from '../src/config/env.js';
import { DealsService } from '../src/deals/deals.service.js';
import { FOLLOW_UP_JOB, FollowUpJob } from '../src/follow-up/follow-up.job.js';
import { createDeal, stageOf } from './support/deals.js';
import { DAY, FakeClock, MINUTE, WEEK } from './support/fake-clock.js';
import { TestApp, type TestUser } from './support/test-app.js';

describe('follow-up job (e2e, own database)', () => {
  const clock = new FakeClock();
  let t: TestApp;
  let job: FollowUpJob;
  let admin: TestUser;
  let anna: TestUser;
  let funnel: FunnelDto;

  const start = () => TestApp.start({ override: (builder) => builder.overrideProvider(Clock).useValue(clock) });

  beforeAll(async () => {
    t = await start();
    job = t.app.get(FollowUpJob);
    admin = await t.user('admin');
    anna = await t.user('manager', { name: 'Anna' });
    funnel = await t.funnel(admin);
  });
  // The job acts on the whole database: each test starts with none of the earlier tests' deals
  // in its way (the trash is out of the job's reach), and the clock at the real time.
  beforeEach(async () => {
    await t.dataSource.query(`UPDATE deal SET trashed_at = now() WHERE trashed_at IS NULL`);
    clock.set(new Date());
  });
  afterAll(async () => {
    await t?.close();
    await dropOwnDatabase();
  });

  const deal = async (id: string): Promise<DealDto> => (await t.http.get(`/api/deals/${id}`).set(admin.auth).expect(200)).body;
  const events = async (id: string): Promise<DealEventDto[]> => (await t.http.get(`/api/deals/${id}/events`).set(admin.auth).expect(200)).body;
  const eventsOfType = async (id: string, type: string) => (await events(id)).filter((event) => event.type === type);
  const lastActiveAt = (id: string, at: Date) => t.dataSource.query(`UPDATE deal SET last_activity_at = $2 WHERE id = $1`, [id, at]);
  const parkUntil = async (id: string, until: Date): Promise<DealDto> =>
    (await t.http.post(`/api/deals/${id}/follow-up`).set(anna.auth).send({ until: until.toISOString() }).expect(200)).body;

  it('runs on a database of its own', async () => {
    const [{ name }] = await t.dataSource.query(`SELECT current_database() AS name`);
    expect(name).toBe(ownDatabaseName);
    expect(process.env.TEST_DB_URL).not.toContain(ownDatabaseName);
  });

  it('expires an open deal after 8 weeks without activity, not at 7', async () => {
    const untouched = await createDeal(t, anna, funnel, { responsibleId: anna.id });
    const unassigned = await createDeal(t, anna, funnel);
    const since = new Date(untouched.lastActivityAt);

    clock.set(new Date(since.getTime() + 7 * WEEK + 6 * DAY));
    expect(await job.run()).toEqual({ expired: 0, returned: 0 });
    expect((await deal(untouched.id)).status).toBe('open');

    clock.set(new Date(new Date(unassigned.lastActivityAt).getTime() + 8 * WEEK + MINUTE));
    expect(await job.run()).toEqual({ expired: 2, returned: 0 });
    const expired = await deal(untouched.id);
    expect(expired).toMatchObject({ status: 'lost', lostReason: 'expired', closedAt: clock.now().toISOString(), stageId: stageOf(funnel, 'open') });
    expect(expired.version).toBe(untouched.version + 1);
    expect((await deal(unassigned.id)).status).toBe('lost');
    const [event] = await eventsOfType(untouched.id, 'deal.expired');
    expect(event).toMatchObject({ actor: null, data: { reason: 'expired', inactiveSince: since.toISOString(), weeks: 8 } });
  });

  it('keeps a deal someone worked on, and one in long-term follow-up', async () => {
    const nineWeeksAgo = new Date(clock.now().getTime() - 9 * WEEK);
    const stale = await createDeal(t, anna, funnel, { responsibleId: anna.id });
    const worked = await createDeal(t, anna, funnel, { responsibleId: anna.id });
    const parked = await createDeal(t, anna, funnel, { responsibleId: anna.id });
    await parkUntil(parked.id, new Date(clock.now().getTime() + 10 * WEEK));
    for (const { id } of [stale, worked, parked]) await lastActiveAt(id, nineWeeksAgo);
    // Activity today: a call planned on the deal.
    await t.http.post(`/api/deals/${worked.id}/tasks`).set(anna.auth).send({ kind: 'call', title: 'Call about the trade-in' }).expect(201);

    expect(await job.run()).toEqual({ expired: 1, returned: 0 });
    expect((await deal(stale.id)).status).toBe('lost');
    expect((await deal(worked.id)).status).toBe('open');
    expect(await deal(parked.id)).toMatchObject({ status: 'open', followUpUntil: expect.any(String) });
    expect(await eventsOfType(parked.id, 'deal.expired')).toEqual([]);
  });

  it('brings a deal back from long-term follow-up when its date comes, with a fresh deadline', async () => {
    const created = await createDeal(t, anna, funnel, { responsibleId: anna.id });
    const until = new Date(clock.now().getTime() + 30 * DAY);
    expect(await parkUntil(created.id, until)).toMatchObject({ followUpUntil: until.toISOString(), deadlineAt: null });
    const myDay = async (): Promise<MyDayDto> =>
      (await t.http.get('/api/my-day').query({ until: new Date(clock.now().getTime() + DAY).toISOString() }).set(anna.auth).expect(200)).body;

    clock.set(new Date(until.getTime() - MINUTE));
    expect(await job.run()).toEqual({ expired: 0, returned: 0 });
    expect((await myDay()).deadlines.map((item) => item.deal.id)).not.toContain(created.id);

    clock.set(new Date(until.getTime() + MINUTE));
    expect(await job.run()).toEqual({ expired: 0, returned: 1 });
    const deadlineAt = new Date(clock.now().getTime() + 120 * MINUTE).toISOString();
    expect(await deal(created.id)).toMatchObject({ status: 'open', followUpUntil: null, deadlineAt });
    const [open] = (await t.http.get(`/api/deals/${created.id}/deadlines`).set(anna.auth).expect(200)).body as DeadlineDto[];
    expect(open).toMatchObject({ dueAt: deadlineAt, outcome: null, createdBy: null });
    expect(await eventsOfType(created.id, 'deal.follow_up_returned')).toEqual([
      expect.objectContaining({ actor: null, data: { until: until.toISOString(), deadlineAt, early: false } }),
    ]);
    expect((await myDay()).deadlines).toEqual([expect.objectContaining({ deadlineId: open.id, dueAt: deadlineAt, overdue: false })]);
  });

  it('is idempotent: a second run at the same time finds nothing to do', async () => {
    const stale = await createDeal(t, anna, funnel, { responsibleId: anna.id });
    const parked = await createDeal(t, anna, funnel, { responsibleId: anna.id });
    await parkUntil(parked.id, new Date(clock.now().getTime() + DAY));
    await lastActiveAt(stale.id, new Date(clock.now().getTime() - 9 * WEEK));
    clock.advance(2 * DAY);

    expect(await job.run()).toEqual({ expired: 1, returned: 1 });
    expect(await job.run()).toEqual({ expired: 0, returned: 0 });
    expect(await eventsOfType(stale.id, 'deal.expired')).toHaveLength(1);
    expect(await eventsOfType(parked.id, 'deal.follow_up_returned')).toHaveLength(1);
  });

  it('works through a backlog larger than one batch, deals with the same last activity included', async () => {
    const template = await createDeal(t, anna, funnel);
    const longAgo = new Date(clock.now().getTime() - 10 * WEEK);
    await lastActiveAt(template.id, longAgo);
    // More than one batch (200), all with the very same last activity: paging goes by (time, id).
    await t.dataSource.query(
      `INSERT INTO deal (title, funnel_id, stage_id, contact_id, position, last_activity_at)
       SELECT 'Backlog ' || i, $1, $2, $3, 'backlog-' || lpad(i::text, 4, '0'), $4 FROM generate_series(1, 250) AS i`,
      [funnel.id, template.stageId, template.contact.id, longAgo],
    );
    expect(await job.run()).toEqual({ expired: 251, returned: 0 });
    const [{ open }] = await t.dataSource.query(`SELECT count(*)::int AS open FROM deal WHERE funnel_id = $1 AND status = 'open' AND trashed_at IS NULL`, [funnel.id]);
    expect(open).toBe(0);
  });

  it('leaves a deal that someone touches while the run waits for it', async () => {
    const touched = await createDeal(t, anna, funnel, { responsibleId: anna.id });
    await lastActiveAt(touched.id, new Date(clock.now().getTime() - 9 * WEEK));
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`SELECT id FROM deal WHERE id = $1 FOR UPDATE`, [touched.id]);
      await other.query(`UPDATE deal SET last_activity_at = now() WHERE id = $1`, [touched.id]);
      const run = job.run();
      await waitUntilSomeoneWaitsForALock(t);
      await other.query('COMMIT');
      expect(await run).toEqual({ expired: 0, returned: 0 });
    } finally {
      await other.end();
    }
    expect((await deal(touched.id)).status).toBe('open');
    expect(await eventsOfType(touched.id, 'deal.expired')).toEqual([]);
  });

  describe('one run at a time', () => {
    let second: TestApp;
    beforeAll(async () => {
      second = await start();
    });
    afterAll(() => second?.close());

    it('two API instances running at once change each deal once', async () => {
      const stale = await Promise.all(Array.from({ length: 6 }, () => createDeal(t, anna, funnel, { responsibleId: anna.id })));
      const parked = await Promise.all(Array.from({ length: 3 }, () => createDeal(t, anna, funnel, { responsibleId: anna.id })));
      for (const { id } of stale) await lastActiveAt(id, new Date(clock.now().getTime() - 9 * WEEK));
      for (const { id } of parked) await parkUntil(id, new Date(clock.now().getTime() + DAY));
      clock.advance(2 * DAY);

      const results = await Promise.all([job.run(), second.app.get(FollowUpJob).run(), job.run()]);
      const done = results.filter((result) => result !== null);
      expect(done.length).toBeGreaterThanOrEqual(1);
      expect(done.reduce((sum, result) => ({ expired: sum.expired + result!.expired, returned: sum.returned + result!.returned }), { expired: 0, returned: 0 })).toEqual({
        expired: 6,
        returned: 3,
      });
      for (const { id } of stale) expect(await eventsOfType(id, 'deal.expired')).toHaveLength(1);
      for (const { id } of parked) expect(await eventsOfType(id, 'deal.follow_up_returned')).toHaveLength(1);
    });

    it('answers 409 to an admin while a run holds the lock, and runs once it is free', async () => {
      const stale = await createDeal(t, anna, funnel);
      await lastActiveAt(stale.id, new Date(clock.now().getTime() - 9 * WEEK));
      const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await holder.connect();
      try {
        await holder.query(`SELECT pg_advisory_lock(hashtextextended('follow-up-job', 0))`);
        const busy = await t.http.post('/api/follow-up/run').set(admin.auth).expect(409);
        expect(busy.body.message).toMatch(/already running/);
        expect(await second.app.get(FollowUpJob).run()).toBeNull();
        expect((await deal(stale.id)).status).toBe('open');
        await holder.query(`SELECT pg_advisory_unlock(hashtextextended('follow-up-job', 0))`);
      } finally {
        await holder.end();
      }
      const ran = await t.http.post('/api/follow-up/run').set(admin.auth).expect(200);
      expect(ran.body).toEqual({ expired: 1, returned: 0 });
    });
  });

  it('lets only admins run it by hand', async () => {
    const lead = await t.user('lead');
    await t.http.post('/api/follow-up/run').set(anna.auth).expect(403);
    await t.http.post('/api/follow-up/run').set(lead.auth).expect(403);
    await t.http.post('/api/follow-up/run').expect(401);
    expect((await t.http.post('/api/follow-up/run').set(admin.auth).expect(200)).body).toEqual({ expired: 0, returned: 0 });
  });

  describe('FOLLOW_UP_JOB_CRON', () => {
    const settings = (cron: string) =>
      ({ get: (key: keyof AppEnvironment) => ({ FOLLOW_UP_JOB_CRON: cron, DEAL_EXPIRY_WEEKS: 8, CONTACT_DEADLINE_MINUTES: 120 })[key as string] }) as unknown as ConfigService<AppEnvironment, true>;
    const scheduled = (cron: string, registry = new SchedulerRegistry()) => ({
      registry,
      job: new FollowUpJob(t.dataSource, t.app.get(DealsService), clock as unknown as Clock, registry, settings(cron)),
    });

    it('is not scheduled when "off" (as in these tests)', () => {
      expect(t.app.get(SchedulerRegistry).doesExist('cron', FOLLOW_UP_JOB)).toBe(false);
      const { registry, job: offJob } = scheduled('off');
      offJob.onApplicationBootstrap();
      expect(registry.getCronJobs().size).toBe(0);
    });

    it('refuses to start with a setting that is not a cron expression', () => {
      const { job: badJob } = scheduled('every ten minutes');
      expect(() => badJob.onApplicationBootstrap()).toThrow(/FOLLOW_UP_JOB_CRON "every ten minutes" is neither a cron expression/);
    });

    it('registers the job in the SchedulerRegistry and runs it on schedule', async () => {
      const stale = await createDeal(t, anna, funnel);
      await lastActiveAt(stale.id, new Date(clock.now().getTime() - 9 * WEEK));
      // Every second (cron's optional seconds field), so the test sees a tick.
      const { registry, job: everySecond } = scheduled('* * * * * *');
      everySecond.onApplicationBootstrap();
      try {
        const cron = registry.getCronJob(FOLLOW_UP_JOB);
        expect(cron.isActive).toBe(true);
        expect(cron.cronTime.source).toBe('* * * * * *');
        const until = Date.now() + 5000;
        while ((await deal(stale.id)).status === 'open' && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
        expect(await deal(stale.id)).toMatchObject({ status: 'lost', lostReason: 'expired' });
      } finally {
        registry.deleteCronJob(FOLLOW_UP_JOB);
        await everySecond.beforeApplicationShutdown();
      }
    });
  });
});

/** Polls (outside the test's own transaction, whose view of pg_stat_activity would stay frozen). */
async function waitUntilSomeoneWaitsForALock(t: TestApp): Promise<void> {
  const until = Date.now() + 5000;
  for (;;) {
    const [{ waiting }] = await t.dataSource.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if (waiting > 0) return;
    if (Date.now() > until) throw new Error('the job never waited for the locked deal');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
