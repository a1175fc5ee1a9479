import type { DealDto, FunnelDto } from '@autofunnel/shared';
import { createDeal, stageOf } from './support/deals.js';
import { TestApp, type TestUser } from './support/test-app.js';

/** The races users actually run into, against real PostgreSQL with real parallel requests. */
describe('concurrent writers (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let managers: TestUser[];
  let funnel: FunnelDto;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    // One branch: every manager sees (and may take) the untaken deals the admin creates.
    managers = await Promise.all(Array.from({ length: 5 }, (_, index) => t.user('manager', { name: `Manager ${index}`, branchId: admin.branchId })));
  });
  beforeEach(async () => {
    funnel = await t.funnel(admin);
  });
  afterAll(() => t.close());

  it('lets exactly one of 50 parallel takes win; the other 49 get 409', async () => {
    const deal = await createDeal(t, admin, funnel);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) => t.http.post(`/api/deals/${deal.id}/take`).set(managers[index % managers.length].auth)),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const winner = responses.find((response) => response.status === 200)!.body as DealDto;
    const stored = (await t.http.get(`/api/deals/${deal.id}`).set(admin.auth)).body as DealDto;
    expect(stored).toMatchObject({ responsible: winner.responsible, version: 2, stageId: stageOf(funnel, 'open') });
    const events = (await t.http.get(`/api/deals/${deal.id}/events`).set(admin.auth)).body;
    expect(events.map((event: { type: string }) => event.type)).toEqual(['deal.created', 'deal.taken']);
  });

  it('gives parallel moves into one column distinct positions and loses none of them', async () => {
    const target = stageOf(funnel, 'open', 1);
    const deals = await Promise.all(Array.from({ length: 20 }, () => createDeal(t, admin, funnel)));
    const [anchor, ...movers] = deals;
    await t.http.post(`/api/deals/${anchor.id}/move`).set(admin.auth).send({ stageId: target }).expect(200);
    // Everyone drops their card right below the same anchor at the same moment.
    const responses = await Promise.all(
      movers.map((deal, index) => t.http.post(`/api/deals/${deal.id}/move`).set(managers[index % managers.length].auth).send({ stageId: target, beforeId: anchor.id })),
    );
    expect(responses.map((response) => response.status)).toEqual(movers.map(() => 200));

    const rows: { id: string; position: string; version: number }[] = await t.dataSource.query(
      `SELECT id, position, version FROM deal WHERE stage_id = $1 ORDER BY position`,
      [target],
    );
    expect(rows).toHaveLength(deals.length);
    expect(new Set(rows.map((row) => row.position)).size).toBe(deals.length);
    expect(rows[0].id).toBe(anchor.id);
    expect(rows.every((row) => row.version === 2)).toBe(true);

    // The funnel's log is gap-free: seq 1..n with no duplicates, one event per change.
    const seqs: { seq: string }[] = await t.dataSource.query(`SELECT seq FROM funnel_event WHERE funnel_id = $1 ORDER BY seq`, [funnel.id]);
    expect(seqs.map((row) => Number(row.seq))).toEqual(Array.from({ length: 1 + deals.length * 2 }, (_, index) => index + 1));
  });

  it('keeps the last of two parallel moves of one deal and records both', async () => {
    const deal = await createDeal(t, admin, funnel, { responsibleId: managers[0].id });
    const [first, second] = await Promise.all([
      t.http.post(`/api/deals/${deal.id}/move`).set(admin.auth).send({ stageId: stageOf(funnel, 'open', 2) }),
      t.http.post(`/api/deals/${deal.id}/move`).set(admin.auth).send({ stageId: stageOf(funnel, 'open', 3) }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const versions = [first.body.version, second.body.version].sort();
    expect(versions).toEqual([2, 3]);
    const last = first.body.version === 3 ? first.body : second.body;
    const stored = (await t.http.get(`/api/deals/${deal.id}`).set(admin.auth)).body;
    expect(stored).toMatchObject({ stageId: last.stageId, version: 3 });
  });

  it('lets only one of two parallel edits with the same version through', async () => {
    const deal = await createDeal(t, admin, funnel);
    const responses = await Promise.all(
      [1000, 2000].map((amount) => t.http.patch(`/api/deals/${deal.id}`).set(admin.auth).send({ version: 1, amount })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    const winner = responses.find((response) => response.status === 200)!.body;
    expect((await t.http.get(`/api/deals/${deal.id}`).set(admin.auth)).body.amount).toBe(winner.amount);
  });

  it('creates one contact for parallel requests from one new customer', async () => {
    const phone = '+1 646 555 0199'.replace('555 0199', `${200 + Math.floor(Math.random() * 700)} ${1000 + Math.floor(Math.random() * 8999)}`);
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => t.http.post('/api/deals').set(admin.auth).send({ funnelId: funnel.id, contact: { name: 'Same Person', phone } })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
    expect(new Set(responses.map((response) => response.body.contact.id)).size).toBe(1);
  });
});
