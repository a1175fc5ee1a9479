import type { DealDto, FunnelDto, InflowDto } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { createDeal } from './support/deals.js';
import { MINUTE } from './support/fake-clock.js';
import { TestApp, type TestUser } from './support/test-app.js';

describe('the Inflow view (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let amy: TestUser;
  let ben: TestUser;
  let funnel: FunnelDto;
  /** The start of the period asked for. */
  const since = new Date(Date.now() - 60 * MINUTE);
  const at = (minutes: number) => new Date(since.getTime() + minutes * MINUTE);
  const deals: Record<string, DealDto> = {};

  /** Puts a deal's arrival (and, when taken, its take) at known times. */
  async function timed(deal: DealDto, arrivedAt: Date, takenAt?: Date): Promise<void> {
    await t.dataSource.query(`UPDATE deal SET created_at = $2, stage_entered_at = $2, taken_at = $3 WHERE id = $1`, [deal.id, arrivedAt, takenAt ?? null]);
  }
  async function takenBy(user: TestUser, arrivedAt: Date, waitedSeconds: number, from = user): Promise<DealDto> {
    const deal = await createDeal(t, from, funnel);
    await t.http.post(`/api/deals/${deal.id}/take`).set(user.auth).expect(200);
    await timed(deal, arrivedAt, new Date(arrivedAt.getTime() + waitedSeconds * 1000));
    return deal;
  }
  const inflow = async (user: TestUser, query: Record<string, string> = { funnelId: funnel.id, since: since.toISOString() }): Promise<InflowDto> =>
    (await t.http.get('/api/inflow').query(query).set(user.auth).expect(200)).body;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    const [north, south] = [await t.branch(), await t.branch()];
    lead = await t.user('lead', { branchId: north.id, name: 'Lena North' });
    amy = await t.user('manager', { branchId: north.id, name: `Amy ${randomUUID().slice(0, 4)}` });
    ben = await t.user('manager', { branchId: north.id, name: `Ben ${randomUUID().slice(0, 4)}` });
    const sid = await t.user('manager', { branchId: south.id, name: 'Sid South' });
    const nomad = await t.user('manager', { branchId: null });
    funnel = await t.funnel(admin);

    // Taken by hand: Amy after 60 s and 180 s, Ben after 300 s.
    deals.amyFast = await takenBy(amy, at(5), 60);
    deals.amySlow = await takenBy(amy, at(10), 180);
    deals.ben = await takenBy(ben, at(15), 300);
    // Given to Ben by distribution the moment it arrived (he alone is on duty in the branch).
    await t.dataSource.query(`UPDATE funnel SET distribution = 'round_robin' WHERE id = $1`, [funnel.id]);
    await t.dataSource.query(`UPDATE app_user SET on_duty = true WHERE id = $1`, [ben.id]);
    deals.distributed = await createDeal(t, lead, funnel);
    await t.dataSource.query(`UPDATE app_user SET on_duty = false WHERE id = $1`, [ben.id]);
    await t.dataSource.query(`UPDATE funnel SET distribution = 'off' WHERE id = $1`, [funnel.id]);
    expect(deals.distributed.responsible?.id).toBe(ben.id);
    await timed(deals.distributed, at(30), at(30));
    // Waiting: one of the branch, one without a branch, one that arrived before the period.
    deals.waiting = await createDeal(t, amy, funnel);
    await timed(deals.waiting, at(50));
    deals.branchless = await createDeal(t, nomad, funnel);
    await timed(deals.branchless, at(40));
    deals.yesterday = await createDeal(t, amy, funnel);
    await timed(deals.yesterday, at(-120));
    // A manager's own deal arrived taken: counted as arrived, not as a take.
    deals.own = await createDeal(t, amy, funnel, { responsibleId: amy.id });
    await timed(deals.own, at(20), at(20));
    // Taken before the period: not among its takes.
    deals.early = await takenBy(amy, at(-30), 10);
    // In the trash: nowhere.
    const trashed = await takenBy(amy, at(25), 1);
    await t.dataSource.query(`UPDATE deal SET trashed_at = now() WHERE id = $1`, [trashed.id]);
    const trashedWaiting = await createDeal(t, amy, funnel);
    await t.dataSource.query(`UPDATE deal SET trashed_at = now() WHERE id = $1`, [trashedWaiting.id]);
    // Another branch: only the admin counts it (taken after 1000 s).
    deals.south = await takenBy(sid, at(35), 1000);
  });
  afterAll(() => t.close());

  it("gives a team lead the numbers of the deals they see: arrived, untaken, median take, takers, recent takes", async () => {
    const view = await inflow(lead);
    expect(view).toMatchObject({ funnelId: funnel.id, since: since.toISOString(), arrived: 7, untakenCount: 3 });
    // Oldest first.
    expect(view.untaken.map((deal) => deal.id)).toEqual([deals.yesterday.id, deals.branchless.id, deals.waiting.id]);
    expect(view.untaken[0]).toMatchObject({ responsible: null, contact: { name: 'Test Customer' } });
    // Takes of 0, 60, 180 and 300 seconds.
    expect(view.medianTakeSeconds).toBe(120);
    expect(view.takers).toEqual([
      { user: { id: amy.id, name: amy.name }, count: 2, medianTakeSeconds: 120 },
      { user: { id: ben.id, name: ben.name }, count: 2, medianTakeSeconds: 150 },
    ]);
    expect(view.recentTakes.map((take) => [take.deal.code, take.user.id, take.takeSeconds, take.auto])).toEqual([
      [deals.distributed.code, ben.id, 0, true],
      [deals.ben.code, ben.id, 300, false],
      [deals.amySlow.code, amy.id, 180, false],
      [deals.amyFast.code, amy.id, 60, false],
    ]);
    expect(view.recentTakes[1]).toEqual({
      deal: { id: deals.ben.id, code: deals.ben.code, title: deals.ben.title },
      user: { id: ben.id, name: ben.name },
      takenAt: new Date(at(15).getTime() + 300_000).toISOString(),
      takeSeconds: 300,
      auto: false,
    });
  });

  it('gives an admin every branch', async () => {
    const view = await inflow(admin);
    expect(view).toMatchObject({ arrived: 8, untakenCount: 3, medianTakeSeconds: 180 });
    expect(view.takers.map((taker) => [taker.user.name, taker.count])).toEqual([
      [amy.name, 2],
      [ben.name, 2],
      ['Sid South', 1],
    ]);
    expect(view.recentTakes[0]).toMatchObject({ deal: { id: deals.south.id }, takeSeconds: 1000, auto: false });
  });

  it('counts from the start of the UTC day unless told otherwise', async () => {
    const view = await inflow(admin, { funnelId: funnel.id });
    const now = new Date();
    expect(view.since).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString());
  });

  it('is for team leads and admins, about a funnel that exists', async () => {
    await t.http.get('/api/inflow').query({ funnelId: funnel.id }).set(amy.auth).expect(403);
    await t.http.get('/api/inflow').query({ funnelId: funnel.id }).expect(401);
    const missing = await t.http.get('/api/inflow').query({ funnelId: randomUUID() }).set(lead.auth).expect(404);
    expect(missing.body.message).toMatch(/Funnel .* does not exist/);
    const bad = await t.http.get('/api/inflow').query({ since: 'yesterday' }).set(lead.auth).expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('funnelId must be an id (UUID)');
    expect(JSON.stringify(bad.body.message)).toContain('since must be an ISO-8601 date-time');
  });
});
