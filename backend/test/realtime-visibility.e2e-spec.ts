import type { BoardEvent, DealDto, FunnelDto, NotificationDto } from '@autofunnel/shared';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { UsersService } from '../src/users/users.service.js';
import { Listener } from './support/board-listener.js';
import { createDeal, stageOf } from './support/deals.js';
import { TestApp, uniquePhone, type TestUser } from './support/test-app.js';

const NAMES = ['admin', 'leadA', 'leadB', 'a1', 'a2', 'b1'] as const;
type Name = (typeof NAMES)[number];

/**
 * The socket's half of the visibility rule: every socket on a board gets one `board:event` per
 * event of the funnel (so its `seq` has no gap), in full only when its user may see the deal;
 * a `deal.hidden` naming the deal to those who just lost sight of it; one saying nothing to the
 * rest. Two branches, A and B; the admin has none.
 */
describe('socket visibility (e2e)', () => {
  let t: TestApp;
  let url: string;
  let users: Record<Name, TestUser>;
  let funnel: FunnelDto;
  let boards: Record<Name, Listener>;
  /** The funnel's seq when the boards joined. */
  let startSeq: number;
  const open: Listener[] = [];

  const connect = async (user: TestUser) => {
    const listener = await Listener.connect(url, user.token);
    open.push(listener);
    return listener;
  };
  /** Waits until every board has received `count` events (each gets every event, hidden or not). */
  const everyoneReceived = (count: number) => Promise.all(NAMES.map((name) => boards[name].received(count)));
  const eventAt = (name: Name, index: number) => boards[name].events[index];
  const silent = (seq: number): BoardEvent => ({ funnelId: funnel.id, seq, type: 'deal.hidden', at: expect.any(String) as string, actor: null, data: {} });
  const lost = (seq: number, dealId: string): BoardEvent => ({ ...silent(seq), data: { dealId } });
  const take = (user: TestUser, deal: DealDto) => t.http.post(`/api/deals/${deal.id}/take`).set(user.auth).expect(200);

  beforeAll(async () => {
    t = await TestApp.start();
    url = await t.url();
    const [branchA, branchB] = [await t.branch(), await t.branch()];
    users = {
      admin: await t.user('admin', { branchId: null, name: 'Admin' }),
      leadA: await t.user('lead', { branchId: branchA.id, name: 'Lead A' }),
      leadB: await t.user('lead', { branchId: branchB.id, name: 'Lead B' }),
      a1: await t.user('manager', { branchId: branchA.id, name: 'Manager A1' }),
      a2: await t.user('manager', { branchId: branchA.id, name: 'Manager A2' }),
      b1: await t.user('manager', { branchId: branchB.id, name: 'Manager B1' }),
    };
  });
  beforeEach(async () => {
    funnel = await t.funnel(users.admin);
    boards = {} as Record<Name, Listener>;
    const acks = [];
    for (const name of NAMES) {
      boards[name] = await connect(users[name]);
      acks.push(await boards[name].join(funnel.id));
    }
    startSeq = acks[0].seq;
    expect(acks).toEqual(NAMES.map(() => ({ seq: startSeq })));
  });
  afterEach(() => open.splice(0).forEach((listener) => listener.close()));
  afterAll(() => t.close());

  it('shows a new untaken deal of branch A in full to branch A and the admin, and nothing of it to branch B', async () => {
    const deal = await createDeal(t, users.leadA, funnel, { title: 'Branch A request' });
    await everyoneReceived(1);
    for (const name of ['admin', 'leadA', 'a1', 'a2'] as const) {
      expect(eventAt(name, 0)).toMatchObject({ seq: startSeq + 1, type: 'deal.created', actor: { id: users.leadA.id }, deal: { id: deal.id, title: 'Branch A request' } });
      expect(eventAt(name, 0)).not.toHaveProperty('dealBefore');
    }
    for (const name of ['leadB', 'b1'] as const) expect(eventAt(name, 0)).toEqual(silent(startSeq + 1));
  });

  it('tells the managers who lose sight of a deal which one, when it is taken and then reassigned', async () => {
    const deal = await createDeal(t, users.leadA, funnel);
    await take(users.a1, deal);
    await everyoneReceived(2);
    for (const name of ['admin', 'leadA', 'a1'] as const) {
      expect(eventAt(name, 1)).toMatchObject({ seq: startSeq + 2, type: 'deal.taken', actor: { id: users.a1.id }, deal: { id: deal.id, responsible: { id: users.a1.id } } });
    }
    expect(eventAt('a2', 1)).toEqual(lost(startSeq + 2, deal.id));
    for (const name of ['leadB', 'b1'] as const) expect(eventAt(name, 1)).toEqual(silent(startSeq + 2));

    // The team lead hands it to A2: A1 loses it, A2 gets it back in full.
    await t.http.post(`/api/deals/${deal.id}/assign`).set(users.leadA.auth).send({ userId: users.a2.id }).expect(200);
    await everyoneReceived(3);
    for (const name of ['admin', 'leadA', 'a2'] as const) {
      expect(eventAt(name, 2)).toMatchObject({ type: 'deal.assigned', deal: { id: deal.id, responsible: { id: users.a2.id } } });
    }
    expect(eventAt('a1', 2)).toEqual(lost(startSeq + 3, deal.id));
    for (const name of ['leadB', 'b1'] as const) expect(eventAt(name, 2)).toEqual(silent(startSeq + 3));

    // Moved to branch B: lead A and A2 lose it, branch B's lead sees it (it has a responsible, so B1 does not).
    await t.http.post(`/api/deals/${deal.id}/assign`).set(users.leadA.auth).send({ branchId: users.leadB.branchId }).expect(200);
    await everyoneReceived(4);
    for (const name of ['admin', 'leadB'] as const) expect(eventAt(name, 3)).toMatchObject({ type: 'deal.assigned', deal: { id: deal.id, branchId: users.leadB.branchId } });
    // A2 is still its responsible.
    expect(eventAt('a2', 3)).toMatchObject({ type: 'deal.assigned', deal: { id: deal.id } });
    expect(eventAt('leadA', 3)).toEqual(lost(startSeq + 4, deal.id));
    for (const name of ['a1', 'b1'] as const) expect(eventAt(name, 3)).toEqual(silent(startSeq + 4));
  });

  it("never sends branch A anything of a branch-B deal's life", async () => {
    const deal = await createDeal(t, users.leadB, funnel, { title: 'Secret B deal', contact: { name: 'Bernadette Bsecret', phone: uniquePhone() } });
    await take(users.b1, deal);
    await t.http.post(`/api/deals/${deal.id}/move`).set(users.b1.auth).send({ stageId: stageOf(funnel, 'open', 2) }).expect(200);
    await t.http.post(`/api/deals/${deal.id}/notes`).set(users.b1.auth).send({ text: 'Customer wants a blue one' }).expect(201);
    await everyoneReceived(4);
    for (const name of ['leadA', 'a1', 'a2'] as const) {
      expect(boards[name].events).toEqual([1, 2, 3, 4].map((offset) => silent(startSeq + offset)));
      const wire = JSON.stringify(boards[name].events);
      for (const secret of [deal.id, 'Secret B deal', 'Bsecret', 'blue one', users.b1.id]) expect(wire).not.toContain(secret);
    }
    for (const name of ['admin', 'leadB', 'b1'] as const) {
      expect(boards[name].events.map((event) => event.type)).toEqual(['deal.created', 'deal.taken', 'deal.moved', 'deal.note_added']);
    }
  });

  it('hides a trashed deal from everyone but the admin, naming it to those who saw it, and brings it back on restore', async () => {
    const deal = await createDeal(t, users.leadA, funnel);
    await take(users.a1, deal);
    await t.http.post(`/api/deals/${deal.id}/trash`).set(users.leadA.auth).expect(200);
    await everyoneReceived(3);
    expect(eventAt('admin', 2)).toMatchObject({ type: 'deal.trashed', deal: { id: deal.id, trashedAt: expect.any(String) } });
    for (const name of ['leadA', 'a1'] as const) expect(eventAt(name, 2)).toEqual(lost(startSeq + 3, deal.id));
    for (const name of ['a2', 'leadB', 'b1'] as const) expect(eventAt(name, 2)).toEqual(silent(startSeq + 3));

    await t.http.post(`/api/deals/${deal.id}/restore`).set(users.admin.auth).expect(200);
    await everyoneReceived(4);
    for (const name of ['admin', 'leadA', 'a1'] as const) expect(eventAt(name, 3)).toMatchObject({ type: 'deal.restored', deal: { id: deal.id, trashedAt: null } });
    for (const name of ['a2', 'leadB', 'b1'] as const) expect(eventAt(name, 3)).toEqual(silent(startSeq + 4));
  });

  it('tells the former responsible when deleting a stage sends their deal back to unassigned', async () => {
    // A branch-B deal in A1's hands: once untaken, only branch B's managers see it.
    const deal = await createDeal(t, users.leadB, funnel);
    await t.http.post(`/api/deals/${deal.id}/assign`).set(users.admin.auth).send({ userId: users.a1.id }).expect(200);
    await t.http.delete(`/api/stages/${stageOf(funnel, 'open')}`).query({ moveDealsTo: stageOf(funnel, 'unassigned') }).set(users.admin.auth).expect(204);
    await everyoneReceived(4);
    expect(boards.a1.events.map((event) => event.type)).toEqual(['deal.hidden', 'deal.assigned', 'deal.hidden', 'stage.deleted']);
    expect(eventAt('a1', 2)).toEqual(lost(startSeq + 3, deal.id));
    for (const name of ['b1', 'leadB', 'admin'] as const) expect(eventAt(name, 2)).toMatchObject({ type: 'deal.moved', deal: { id: deal.id, responsible: null } });
  });

  it("keeps every socket's seq gap-free, and a replay gives each user the same view as live", async () => {
    const dealA = await createDeal(t, users.a1, funnel);
    const dealB = await createDeal(t, users.leadB, funnel);
    await t.http.post(`/api/funnels/${funnel.id}/stages`).set(users.admin.auth).send({ name: 'Financing' }).expect(201);
    await take(users.a2, dealA);
    await take(users.b1, dealB);
    await t.http.post(`/api/deals/${dealA.id}/assign`).set(users.leadA.auth).send({ userId: users.a1.id }).expect(200);
    await t.http.post(`/api/deals/${dealB.id}/trash`).set(users.leadB.auth).expect(200);
    const count = 7;
    await everyoneReceived(count);
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const name of NAMES) {
      expect([name, boards[name].events.map((event) => event.seq)]).toEqual([name, Array.from({ length: count }, (_, index) => startSeq + 1 + index)]);
      // The stage is nobody's secret.
      expect(eventAt(name, 2)).toMatchObject({ type: 'stage.created', stage: { name: 'Financing' } });
    }

    for (const name of NAMES) {
      const replay = await connect(users[name]);
      expect(await replay.join(funnel.id, startSeq)).toEqual({ seq: startSeq + count });
      // Replayed events are emitted before the ack.
      expect([name, replay.events]).toEqual([name, boards[name].events]);
    }
  });

  it('delivers a notification to every socket of its user and to nobody else', async () => {
    const secondTab = await connect(users.a1);
    const received = new Map<Listener, NotificationDto[]>();
    const everySocket = [...NAMES.map((name) => boards[name]), secondTab];
    for (const listener of everySocket) {
      received.set(listener, []);
      listener.socket.on('notification:new', (notification) => received.get(listener)!.push(notification));
    }
    const title = `Call the customer back ${Date.now()}`;
    const [stored] = await t.app.get(NotificationsService).notifyNow([users.a1.id], { kind: 'deal_assigned', title });

    const deadline = Date.now() + 5000;
    while ([boards.a1, secondTab].some((listener) => !received.get(listener)!.some((n) => n.title === title)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const listener of everySocket) {
      const mine = listener === boards.a1 || listener === secondTab;
      expect(received.get(listener)!.filter((n) => n.title === title)).toEqual(mine ? [stored] : []);
    }
  });

  it("disconnects a user's sockets when their sessions are revoked, and only theirs", async () => {
    const secondTab = await connect(users.a2);
    const disconnected = [boards.a2, secondTab].map((listener) => new Promise<string>((resolve) => listener.socket.once('disconnect', resolve)));
    t.app.get(UsersService).revokeSessions(users.a2.id);
    expect(await Promise.all(disconnected)).toEqual(['io server disconnect', 'io server disconnect']);

    await createDeal(t, users.leadA, funnel);
    await boards.a1.received(1);
    expect(boards.a1.socket.connected).toBe(true);
    expect(boards.a2.events).toEqual([]);
  });
});
