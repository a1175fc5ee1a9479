import type { ChannelWithKeyDto, FunnelDto } from '@autofunnel/shared';
import { createClient } from 'redis';
import { Listener } from './support/board-listener.js';
import { createDeal, stageOf } from './support/deals.js';
import { TestApp, uniquePhone, type TestUser } from './support/test-app.js';

describe('live board over socket.io (e2e)', () => {
  let t: TestApp;
  let url: string;
  let admin: TestUser;
  let anna: TestUser;
  let funnel: FunnelDto;
  const listeners: Listener[] = [];
  const listen = async (user: TestUser) => {
    const listener = await Listener.connect(url, user.token);
    listeners.push(listener);
    return listener;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    url = await t.url();
    admin = await t.user('admin');
    // In the admin's branch: Anna sees (and may take) the untaken deals the admin creates.
    anna = await t.user('manager', { name: 'Anna', branchId: admin.branchId });
  });
  beforeEach(async () => {
    funnel = await t.funnel(admin);
  });
  afterEach(() => listeners.splice(0).forEach((listener) => listener.close()));
  afterAll(() => t.close());

  it('refuses a handshake without a valid token with "unauthorized"', async () => {
    await expect(Listener.connect(url, undefined)).rejects.toThrow('unauthorized');
    await expect(Listener.connect(url, 'forged.token.value')).rejects.toThrow('unauthorized');
  });

  it('sends a move to every client in the room, with consecutive seq and the deal as it is now', async () => {
    const deal = await createDeal(t, admin, funnel);
    const [first, second] = [await listen(anna), await listen(admin)];
    const [ackA, ackB] = await Promise.all([first.join(funnel.id), second.join(funnel.id)]);
    expect(ackA).toEqual({ seq: 2 });
    expect(ackB).toEqual({ seq: 2 });

    await t.http.post(`/api/deals/${deal.id}/take`).set(anna.auth).expect(200);
    await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageOf(funnel, 'open', 2) }).expect(200);
    for (const listener of [first, second]) {
      const events = await listener.received(2);
      expect(events.map((event) => [event.seq, event.type])).toEqual([
        [3, 'deal.taken'],
        [4, 'deal.moved'],
      ]);
      expect(events[1]).toMatchObject({
        funnelId: funnel.id,
        actor: { id: anna.id, name: 'Anna' },
        deal: { id: deal.id, stageId: stageOf(funnel, 'open', 2), version: 3, responsible: { id: anna.id, name: 'Anna' } },
        data: { fromStageId: stageOf(funnel, 'open'), toStageId: stageOf(funnel, 'open', 2) },
      });
    }
  });

  it('replays exactly the events missed while disconnected, in order, before the ack', async () => {
    const first = await listen(anna);
    const { seq } = await first.join(funnel.id);
    first.close();

    const deal = await createDeal(t, admin, funnel);
    await t.http.post(`/api/deals/${deal.id}/take`).set(anna.auth).expect(200);
    await t.http.post(`/api/funnels/${funnel.id}/stages`).set(admin.auth).send({ name: 'Financing' }).expect(201);

    const again = await listen(anna);
    const ack = await again.join(funnel.id, seq);
    expect(ack).toEqual({ seq: seq + 3 });
    // Replayed events were emitted before the ack, so they are all here already.
    expect(again.events.map((event) => [event.seq, event.type])).toEqual([
      [seq + 1, 'deal.created'],
      [seq + 2, 'deal.taken'],
      [seq + 3, 'stage.created'],
    ]);
    expect(again.events[2].stage).toMatchObject({ name: 'Financing', kind: 'open' });
    expect(again.events[0].deal).toMatchObject({ id: deal.id, version: 1 });
  });

  it('asks a client that is ahead of the server to reload, and refuses unknown funnels', async () => {
    const listener = await listen(anna);
    expect(await listener.join(funnel.id, 999)).toEqual({ seq: 1, resync: true });
    expect(await listener.join('00000000-0000-4000-8000-000000000000')).toEqual({ seq: 0, error: expect.stringMatching(/does not exist/) });
    expect(await listener.join('not-a-uuid')).toEqual({ seq: 0, error: expect.stringMatching(/UUID/) });
  });

  it("does not deliver another funnel's events, nor a left board's", async () => {
    const other = await t.funnel(admin);
    const listener = await listen(anna);
    await listener.join(funnel.id);
    await listener.join(other.id);
    await listener.socket.timeout(5000).emitWithAck('board:leave', { funnelId: other.id });
    await createDeal(t, admin, other);
    await createDeal(t, admin, funnel);
    const events = await listener.received(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events.map((event) => event.funnelId)).toEqual([funnel.id]);
  });

  it('sends nothing for a refused change', async () => {
    const deal = await createDeal(t, admin, funnel);
    const listener = await listen(anna);
    await listener.join(funnel.id);
    await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'lost' }).expect(400);
    await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    await t.http.post(`/api/deals/${deal.id}/take`).set(anna.auth).expect(200);
    const events = await listener.received(1);
    expect(events.map((event) => event.type)).toEqual(['deal.taken']);
  });
});

/** Several API instances behind a load balancer share rooms through Redis. */
describe('live board across two API instances (Redis)', () => {
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  let redisReachable = true;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    const probe = createClient({ url: redisUrl, socket: { connectTimeout: 1000, reconnectStrategy: false } });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.quit();
    } catch (error) {
      // CI sets TEST_REDIS_URL and must not skip; a laptop without Redis may.
      if (process.env.TEST_REDIS_URL) throw error;
      redisReachable = false;
      console.warn(`Redis is not reachable at ${redisUrl}: skipping the multi-instance test`);
      return;
    }
    [first, second] = [await TestApp.start({ redisUrl }), await TestApp.start({ redisUrl })];
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it("enforces one intake rate limit per channel across the instances", async () => {
    if (!redisReachable) return;
    const admin = await first.user('admin');
    const funnel = await first.funnel(admin);
    const channel = (await first.http.post('/api/channels').set(admin.auth).send({ name: `Shared ${Date.now()}`, kind: 'web', funnelId: funnel.id, rateLimitPerMinute: 3 }).expect(201)).body as ChannelWithKeyDto;
    const send = (app: TestApp) => app.http.post('/api/intake/forms').set('X-Api-Key', channel.apiKey).send({ name: 'Shared Limit', phone: uniquePhone() });
    for (const app of [first, second, first]) expect((await send(app)).status).toBe(201);
    const refused = await send(second);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('delivers a change made through one instance to a client connected to the other', async () => {
    if (!redisReachable) return;
    const admin = await first.user('admin');
    const funnel = await first.funnel(admin);
    const listener = await Listener.connect(await first.url(), admin.token);
    try {
      await listener.join(funnel.id);
      const deal = await createDeal(second, admin, funnel);
      const [event] = await listener.received(1);
      expect(event).toMatchObject({ type: 'deal.created', funnelId: funnel.id, deal: { id: deal.id } });
    } finally {
      listener.close();
    }
  });
});
