import type { NotificationDto, NotificationPage } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { createDeal } from './support/deals.js';
import { TestApp, type TestUser } from './support/test-app.js';

describe('notifications (e2e)', () => {
  let t: TestApp;
  let service: NotificationsService;

  beforeAll(async () => {
    t = await TestApp.start();
    service = t.app.get(NotificationsService);
  });
  afterAll(() => t.close());

  const page = async (user: TestUser, query: Record<string, string | number | boolean> = {}): Promise<NotificationPage> =>
    (await t.http.get('/api/notifications').query(query).set(user.auth).expect(200)).body;
  /** `count` notifications for the user, one transaction each, oldest first. */
  async function notifications(user: TestUser, count: number): Promise<NotificationDto[]> {
    const made = [];
    for (let index = 1; index <= count; index += 1) {
      made.push(...(await service.notifyNow([user.id], { kind: 'deal_assigned', title: `Notification ${index}`, body: 'About a deal' })));
    }
    return made;
  }
  /** The notifier reacts to committed events after the response went out: wait for its row. */
  async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const until = Date.now() + 5000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > until) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('lists the newest first in pages, with the unread count of all of them', async () => {
    const user = await t.user('manager');
    await notifications(user, 25);

    const first = await page(user, { limit: 10 });
    expect(first.items.map((item) => item.title)).toEqual(Array.from({ length: 10 }, (_, index) => `Notification ${25 - index}`));
    expect(first.items[0]).toEqual({ id: expect.any(String), kind: 'deal_assigned', title: 'Notification 25', body: 'About a deal', dealId: null, createdAt: expect.any(String), readAt: null });
    expect(first.unreadCount).toBe(25);
    const second = await page(user, { limit: 10, cursor: first.nextCursor! });
    expect(second.items.map((item) => item.title)).toEqual(Array.from({ length: 10 }, (_, index) => `Notification ${15 - index}`));
    const last = await page(user, { limit: 10, cursor: second.nextCursor! });
    expect(last.items.map((item) => item.title)).toEqual(['Notification 5', 'Notification 4', 'Notification 3', 'Notification 2', 'Notification 1']);
    expect(last.nextCursor).toBeNull();
    // 20 by default.
    expect((await page(user)).items).toHaveLength(20);
  });

  it('marks one read (the first time counts), lists only the unread on request', async () => {
    const user = await t.user('manager');
    const [older, newer] = await notifications(user, 2);

    const read = (await t.http.post(`/api/notifications/${newer.id}/read`).set(user.auth).expect(200)).body as NotificationDto;
    expect(read).toMatchObject({ id: newer.id, readAt: expect.any(String) });
    const again = (await t.http.post(`/api/notifications/${newer.id}/read`).set(user.auth).expect(200)).body as NotificationDto;
    expect(again.readAt).toBe(read.readAt);

    const all = await page(user);
    expect(all.unreadCount).toBe(1);
    expect(all.items.map((item) => [item.id, item.readAt !== null])).toEqual([
      [newer.id, true],
      [older.id, false],
    ]);
    const unread = await page(user, { unread: true });
    expect(unread.items.map((item) => item.id)).toEqual([older.id]);
    expect(unread.unreadCount).toBe(1);
  });

  it("marks all of the caller's read, and nobody else's", async () => {
    const [me, colleague] = [await t.user('lead'), await t.user('manager')];
    await notifications(me, 3);
    await notifications(colleague, 2);
    expect((await t.http.post('/api/notifications/read-all').set(me.auth).expect(200)).body).toEqual({ read: 3 });
    expect((await page(me)).unreadCount).toBe(0);
    expect((await page(me, { unread: true })).items).toEqual([]);
    expect((await page(colleague)).unreadCount).toBe(2);
    expect((await t.http.post('/api/notifications/read-all').set(me.auth).expect(200)).body).toEqual({ read: 0 });
  });

  it("answers 404 for another user's notification and leaves it unread", async () => {
    const [owner, other] = [await t.user('manager'), await t.user('admin')];
    const [mine] = await notifications(owner, 1);
    const refused = await t.http.post(`/api/notifications/${mine.id}/read`).set(other.auth).expect(404);
    expect(refused.body.message).toBe(`Notification ${mine.id} does not exist`);
    await t.http.post(`/api/notifications/${randomUUID()}/read`).set(owner.auth).expect(404);
    expect((await page(owner)).items[0].readAt).toBeNull();
    expect((await page(other)).items).toEqual([]);
  });

  it('refuses bad queries and strangers', async () => {
    const user = await t.user('manager');
    const bad = await t.http.get('/api/notifications').query({ unread: 'maybe' }).set(user.auth).expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('unread must be true or false');
    await t.http.get('/api/notifications').query({ cursor: 'not-ours' }).set(user.auth).expect(400);
    await t.http.get('/api/notifications').query({ limit: 500 }).set(user.auth).expect(400);
    await t.http.post('/api/notifications/not-an-id/read').set(user.auth).expect(400);
    await t.http.get('/api/notifications').expect(401);
    await t.http.post('/api/notifications/read-all').expect(401);
  });

  it('tells a manager when a team lead assigns them a deal, not when they take or assign it themselves', async () => {
    const branch = await t.branch();
    const [lead, anna, funnel] = [await t.user('lead', { branchId: branch.id, name: 'Lena Lead' }), await t.user('manager', { branchId: branch.id }), await t.funnel(await t.user('admin'))];
    const delivered: string[] = [];
    const subscription = service.delivered$.subscribe(({ userId, notification }) => delivered.push(`${userId}:${notification.dealId}`));
    try {
      // Taken by herself, assigned to herself by the lead, assigned again to whoever holds it: nothing to tell.
      const taken = await createDeal(t, anna, funnel);
      await t.http.post(`/api/deals/${taken.id}/take`).set(anna.auth).expect(200);
      const leads = await createDeal(t, lead, funnel);
      await t.http.post(`/api/deals/${leads.id}/assign`).set(lead.auth).send({ userId: lead.id }).expect(200);
      await t.http.post(`/api/deals/${taken.id}/assign`).set(lead.auth).send({ userId: anna.id }).expect(200);

      const assigned = await createDeal(t, lead, funnel);
      await t.http.post(`/api/deals/${assigned.id}/assign`).set(lead.auth).send({ userId: anna.id }).expect(200);

      const mine = await eventually(() => page(anna), (result) => result.items.length > 0);
      expect(mine.items).toEqual([
        expect.objectContaining({ kind: 'deal_assigned', dealId: assigned.id, readAt: null, title: `Lena Lead assigned you ${assigned.code}: ${assigned.title}` }),
      ]);
      expect(mine.unreadCount).toBe(1);
      expect((await page(lead)).items).toEqual([]);
      expect(delivered).toEqual([`${anna.id}:${assigned.id}`]);
    } finally {
      subscription.unsubscribe();
    }
  });
});
