// First: a branchless deal may go to an on-duty manager of any branch, so this file's managers
// must be the only ones on duty: it gets a database of its own.
import { dropOwnDatabase } from './support/own-database.js';
import type { ChannelWithKeyDto, DealDto, DealEventDto, DistributionMode, FunnelDto, IntakeResult, NotificationPage } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { createDeal, stageOf } from './support/deals.js';
import { TestApp, type TestUser } from './support/test-app.js';

describe('automatic distribution (e2e, own database)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
  });
  afterAll(async () => {
    await t?.close();
    await dropOwnDatabase();
  });

  /** Distribution is a funnel setting (PATCH /api/funnels/:id is tested with the funnels). */
  async function funnelWith(distribution: DistributionMode): Promise<FunnelDto> {
    const funnel = await t.funnel(admin);
    await t.dataSource.query(`UPDATE funnel SET distribution = $2 WHERE id = $1`, [funnel.id, distribution]);
    return funnel;
  }

  /** A manager with their duty switch and cap as given (each manager sets the switch in the app). */
  async function manager(branchId: string, options: { onDuty?: boolean; maxOpenDeals?: number | null; name?: string; role?: 'manager' | 'lead'; active?: boolean } = {}): Promise<TestUser> {
    const user = await t.user(options.role ?? 'manager', { branchId, name: options.name, active: options.active });
    await t.dataSource.query(`UPDATE app_user SET on_duty = $2, max_open_deals = $3 WHERE id = $1`, [user.id, options.onDuty ?? true, options.maxOpenDeals ?? null]);
    return user;
  }

  async function channel(funnel: FunnelDto, branchId: string | null): Promise<ChannelWithKeyDto> {
    const response = await t.http
      .post('/api/channels')
      .set(admin.auth)
      .send({ name: `Web form ${randomUUID().slice(0, 8)}`, kind: 'web', funnelId: funnel.id, branchId, rateLimitPerMinute: 10_000 });
    expect(response.status).toBe(201);
    return response.body as ChannelWithKeyDto;
  }

  /** `count` distinct US phone numbers, unique within the run. */
  const phones = (count: number): string[] => {
    const exchange = 300 + Math.floor(Math.random() * 600);
    const base = Math.floor(Math.random() * (10_000 - count));
    return Array.from({ length: count }, (_, index) => `+1 212 ${exchange} ${String(base + index).padStart(4, '0')}`);
  };

  async function submit(key: string, phone: string): Promise<IntakeResult> {
    const response = await t.http.post('/api/intake/forms').set('X-Api-Key', key).send({ name: `Customer ${phone}`, phone });
    if (response.status !== 201) throw new Error(`intake: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as IntakeResult;
  }

  const deal = async (id: string): Promise<DealDto> => (await t.http.get(`/api/deals/${id}`).set(admin.auth).expect(200)).body;
  const createdEvent = async (id: string): Promise<DealEventDto> =>
    ((await t.http.get(`/api/deals/${id}/events`).set(admin.auth).expect(200)).body as DealEventDto[]).find((event) => event.type === 'deal.created')!;
  /** Open deals (any funnel, not trashed) per user id. */
  async function openDeals(users: TestUser[]): Promise<Record<string, number>> {
    const rows = (await t.dataSource.query(
      `SELECT u.id, count(d.id)::int AS open FROM app_user u LEFT JOIN deal d ON d.responsible_id = u.id AND d.status = 'open' AND d.trashed_at IS NULL
        WHERE u.id = ANY($1) GROUP BY u.id`,
      [users.map((user) => user.id)],
    )) as { id: string; open: number }[];
    return Object.fromEntries(users.map((user) => [user.name, rows.find((row) => row.id === user.id)!.open]));
  }

  it('round robin: 100 concurrent requests go 25 to each of 4 managers on duty, none to the one off duty', async () => {
    const branch = await t.branch();
    const funnel = await funnelWith('round_robin');
    const onDuty = [];
    for (const name of ['Ada', 'Ben', 'Cleo', 'Dan']) onDuty.push(await manager(branch.id, { name }));
    const offDuty = await manager(branch.id, { name: 'Eve', onDuty: false });
    // Neither a team lead nor a deactivated manager receives deals, on duty or not.
    const lead = await manager(branch.id, { name: 'Lead Lou', role: 'lead' });
    const inactive = await manager(branch.id, { name: 'Gone Gus', active: false });
    const line = await channel(funnel, branch.id);

    const results = await Promise.all(phones(100).map((phone) => submit(line.apiKey, phone)));

    expect(new Set(results.map((result) => result.dealId)).size).toBe(100);
    expect(await openDeals([...onDuty, offDuty, lead, inactive])).toEqual({ Ada: 25, Ben: 25, Cleo: 25, Dan: 25, Eve: 0, 'Lead Lou': 0, 'Gone Gus': 0 });
    const deals = (await t.dataSource.query(`SELECT stage_id, branch_id, taken_at IS NOT NULL AS taken FROM deal WHERE funnel_id = $1`, [funnel.id])) as {
      stage_id: string;
      branch_id: string;
      taken: boolean;
    }[];
    expect(deals).toHaveLength(100);
    for (const row of deals) expect(row).toEqual({ stage_id: stageOf(funnel, 'open'), branch_id: branch.id, taken: true });
    // The rotation continues where it stopped: the next four go to the four, one each.
    const next = await Promise.all(phones(4).map((phone) => submit(line.apiKey, phone)));
    const takers = await Promise.all(next.map(async (result) => (await deal(result.dealId)).responsible!.name));
    expect(takers.sort()).toEqual(['Ada', 'Ben', 'Cleo', 'Dan']);

    const event = await createdEvent(results[0].dealId);
    expect(event.data).toMatchObject({ distributed: 'round_robin', responsibleId: expect.any(String) });
    // Each of them was told about each of their deals.
    for (const user of onDuty) {
      const page = (await t.http.get('/api/notifications').query({ limit: 1 }).set(user.auth).expect(200)).body as NotificationPage;
      expect(page.unreadCount).toBe(26);
      expect(page.items[0]).toMatchObject({ kind: 'deal_assigned', readAt: null, dealId: expect.any(String) });
    }
    expect(((await t.http.get('/api/notifications').set(offDuty.auth).expect(200)).body as NotificationPage).unreadCount).toBe(0);
  });

  it('keeps the rotation across funnels: requests into two funnels at once share one turn order', async () => {
    const branch = await t.branch();
    const [showroom, service] = [await funnelWith('round_robin'), await funnelWith('round_robin')];
    const team = [];
    for (const name of ['Fay', 'Gil', 'Hal', 'Ivy']) team.push(await manager(branch.id, { name }));
    const [showroomLine, serviceLine] = [await channel(showroom, branch.id), await channel(service, branch.id)];

    // Each funnel has its own lock; only the distribution lock keeps the two streams from picking the same turn.
    const numbers = phones(80);
    await Promise.all(numbers.map((phone, index) => submit(index % 2 === 0 ? showroomLine.apiKey : serviceLine.apiKey, phone)));

    expect(await openDeals(team)).toEqual({ Fay: 20, Gil: 20, Hal: 20, Ivy: 20 });
  });

  it('least busy: the manager with the fewest open deals (in any funnel; lost and trashed ones do not count) gets the next', async () => {
    const branch = await t.branch();
    const funnel = await funnelWith('least_busy');
    const elsewhere = await funnelWith('off');
    const [amy, bob, cat] = [await manager(branch.id, { name: 'Amy' }), await manager(branch.id, { name: 'Bob' }), await manager(branch.id, { name: 'Cat' })];
    for (let i = 0; i < 2; i += 1) await createDeal(t, amy, elsewhere, { responsibleId: amy.id });
    await createDeal(t, bob, elsewhere, { responsibleId: bob.id });
    const lost = await createDeal(t, cat, elsewhere, { responsibleId: cat.id });
    await t.http.post(`/api/deals/${lost.id}/close`).set(cat.auth).send({ outcome: 'lost', reason: 'Bought elsewhere' }).expect(200);
    const trashed = await createDeal(t, cat, elsewhere, { responsibleId: cat.id });
    await t.dataSource.query(`UPDATE deal SET trashed_at = now() WHERE id = $1`, [trashed.id]);
    const line = await channel(funnel, branch.id);

    const order: string[] = [];
    for (const phone of phones(6)) order.push((await deal((await submit(line.apiKey, phone)).dealId)).responsible!.name);

    // Cat (0) first; then Bob and Cat tie at 1 and Bob, never picked, goes first; and so on.
    expect(order).toEqual(['Cat', 'Bob', 'Cat', 'Amy', 'Bob', 'Cat']);
    expect(await openDeals([amy, bob, cat])).toEqual({ Amy: 3, Bob: 3, Cat: 3 });
    const [first] = (await t.dataSource.query(`SELECT id FROM deal WHERE funnel_id = $1 ORDER BY created_at LIMIT 1`, [funnel.id])) as { id: string }[];
    expect((await createdEvent(first.id)).data).toMatchObject({ distributed: 'least_busy' });
  });

  it('skips a manager at their cap; with everyone at their cap the deal stays unassigned', async () => {
    const branch = await t.branch();
    const funnel = await funnelWith('round_robin');
    const elsewhere = await funnelWith('off');
    const capped = await manager(branch.id, { name: 'Capped Carl', maxOpenDeals: 2 });
    const small = await manager(branch.id, { name: 'Small Sue', maxOpenDeals: 1 });
    await createDeal(t, capped, elsewhere, { responsibleId: capped.id });
    const line = await channel(funnel, branch.id);

    const taken = [];
    for (const phone of phones(2)) taken.push(await deal((await submit(line.apiKey, phone)).dealId));
    expect(taken.map((item) => item.responsible?.name).sort()).toEqual(['Capped Carl', 'Small Sue']);
    expect(await openDeals([capped, small])).toEqual({ 'Capped Carl': 2, 'Small Sue': 1 });

    const waiting = await deal((await submit(line.apiKey, phones(1)[0])).dealId);
    expect(waiting).toMatchObject({ responsible: null, stageId: stageOf(funnel, 'unassigned'), branchId: branch.id, takenAt: null });
    expect((await createdEvent(waiting.id)).data).not.toHaveProperty('distributed');

    // A closed deal frees a place under the cap.
    await t.http.post(`/api/deals/${taken.find((item) => item.responsible!.id === small.id)!.id}/close`).set(small.auth).send({ outcome: 'won' }).expect(200);
    expect((await deal((await submit(line.apiKey, phones(1)[0])).dealId)).responsible).toEqual({ id: small.id, name: 'Small Sue' });
  });

  it("keeps a branch's deals in the branch; a deal without a branch goes to any branch's manager on duty", async () => {
    // Only this test's managers are on duty from here on.
    await t.dataSource.query(`UPDATE app_user SET on_duty = false`);
    const [north, south] = [await t.branch(), await t.branch()];
    const funnel = await funnelWith('round_robin');
    const nina = await manager(north.id, { name: 'Nina North' });
    const sam = await manager(south.id, { name: 'Sam South' });
    const northLine = await channel(funnel, north.id);
    for (const phone of phones(3)) {
      expect(await deal((await submit(northLine.apiKey, phone)).dealId)).toMatchObject({ responsible: { id: nina.id }, branchId: north.id });
    }

    const anywhere = await channel(funnel, null);
    const branchless = [];
    for (const phone of phones(2)) branchless.push(await deal((await submit(anywhere.apiKey, phone)).dealId));
    // Sam has had no automatic deal yet, so he is first; the deal takes its manager's branch.
    expect(branchless.map((item) => [item.responsible!.name, item.branchId])).toEqual([
      ['Sam South', south.id],
      ['Nina North', north.id],
    ]);

    // A deal a team lead creates without a responsible is distributed in the lead's branch.
    const lead = await manager(south.id, { role: 'lead', onDuty: false });
    const created = await createDeal(t, lead, funnel);
    expect(created).toMatchObject({ responsible: { id: sam.id }, branchId: south.id, stageId: stageOf(funnel, 'open') });
    expect((await createdEvent(created.id)).actor).toEqual({ id: lead.id, name: lead.name });
  });

  it("a channel names the branch that receives its requests; an answered call stays in the answering user's branch", async () => {
    const [main, other] = [await t.branch(), await t.branch()];
    const funnel = await funnelWith('off');
    const line = (await t.http.post('/api/channels').set(admin.auth).send({ name: `Phone ${randomUUID().slice(0, 8)}`, kind: 'phone', funnelId: funnel.id, branchId: main.id }).expect(201))
      .body as ChannelWithKeyDto;
    expect(line.branchId).toBe(main.id);
    expect((await t.http.get(`/api/channels/${line.id}`).set(admin.auth).expect(200)).body.branchId).toBe(main.id);

    const missed = await t.http.post('/api/intake/calls').set('X-Api-Key', line.apiKey).send({ externalId: randomUUID(), from: phones(1)[0], status: 'missed' }).expect(201);
    expect(await deal((missed.body as IntakeResult).dealId)).toMatchObject({ branchId: main.id, responsible: null });
    const receptionist = await t.user('manager', { branchId: other.id });
    const answered = await t.http
      .post('/api/intake/calls')
      .set('X-Api-Key', line.apiKey)
      .send({ externalId: randomUUID(), from: phones(1)[0], status: 'answered', answeredBy: receptionist.email, durationSeconds: 40 })
      .expect(201);
    expect(await deal((answered.body as IntakeResult).dealId)).toMatchObject({ branchId: other.id, responsible: { id: receptionist.id } });

    expect((await t.http.patch(`/api/channels/${line.id}`).set(admin.auth).send({ branchId: null }).expect(200)).body.branchId).toBeNull();
    const unknown = await t.http.patch(`/api/channels/${line.id}`).set(admin.auth).send({ branchId: randomUUID() }).expect(422);
    expect(unknown.body.message).toMatch(/branchId .* is not a branch/);
    const malformed = await t.http.post('/api/channels').set(admin.auth).send({ name: `Form ${randomUUID().slice(0, 8)}`, kind: 'web', funnelId: funnel.id, branchId: 'north' }).expect(400);
    expect(JSON.stringify(malformed.body.message)).toContain('branchId must be an id (UUID) or null');
    await t.http.post('/api/channels').set(admin.auth).send({ name: `Form ${randomUUID().slice(0, 8)}`, kind: 'web', funnelId: funnel.id, branchId: randomUUID() }).expect(422);
    const withoutBranch = await channel(funnel, null);
    const request = await deal((await submit(withoutBranch.apiKey, phones(1)[0])).dealId);
    expect(request.branchId).toBeNull();
  });

  it('leaves new deals unassigned when the funnel distributes nothing', async () => {
    const branch = await t.branch();
    const funnel = await funnelWith('off');
    await manager(branch.id);
    const line = await channel(funnel, branch.id);
    const waiting = await deal((await submit(line.apiKey, phones(1)[0])).dealId);
    expect(waiting).toMatchObject({ responsible: null, stageId: stageOf(funnel, 'unassigned'), branchId: branch.id });
  });
});
