import type { BoardDto, ChannelWithKeyDto, ContactWithDealsDto, CursorPage, DealDto, DealEventDto, DealListPage, FunnelDto, IntakeResult, QuickSearchResult, TrashPage } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { Listener } from './support/board-listener.js';
import { createDeal, stageOf } from './support/deals.js';
import { TestApp, uniquePhone, type TestUser } from './support/test-app.js';

describe('the trash: invalid deals (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let anna: TestUser;
  let boris: TestUser;
  let funnel: FunnelDto;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    // One branch, the admin's: the untaken deals the admin makes are everyone's to see, Boris is Anna's colleague.
    const { branchId } = admin;
    [lead, anna, boris] = await Promise.all([t.user('lead', { branchId }), t.user('manager', { name: 'Anna', branchId }), t.user('manager', { name: 'Boris', branchId })]);
  });
  beforeEach(async () => {
    funnel = await t.funnel(admin);
  });
  afterAll(() => t.close());

  const trash = (caller: TestUser, id: string) => t.http.post(`/api/deals/${id}/trash`).set(caller.auth);
  const restore = (caller: TestUser, id: string) => t.http.post(`/api/deals/${id}/restore`).set(caller.auth);
  const board = async (caller: TestUser = anna) => (await t.http.get(`/api/funnels/${funnel.id}/board`).set(caller.auth).expect(200)).body as BoardDto;
  const ids = (deals: DealDto[]) => deals.map((deal) => deal.id);

  it('hides a trashed deal everywhere: board, counts and sums, column pages, list and total, search, the contact history', async () => {
    const phone = uniquePhone();
    const name = `Trashy ${randomUUID().slice(0, 8)}`;
    const kept = await createDeal(t, admin, funnel, { amount: 1000, contact: { name, phone } });
    const invalid = await createDeal(t, admin, funnel, { amount: 250, contact: { name, phone } });
    const other = await createDeal(t, admin, funnel, { amount: 40 });
    expect(invalid.contact.id).toBe(kept.contact.id);

    const before = (await board()).columns[0];
    expect(before).toMatchObject({ count: 3, amountSum: 1290 });

    const trashed = (await trash(anna, invalid.id).expect(200)).body as DealDto;
    expect(trashed).toMatchObject({ id: invalid.id, trashedAt: expect.any(String), version: invalid.version + 1 });

    const unassigned = (await board()).columns[0];
    expect(unassigned).toMatchObject({ count: 2, amountSum: 1040 });
    expect(ids(unassigned.deals)).toEqual([other.id, kept.id]);
    const page = (await t.http.get(`/api/stages/${stageOf(funnel, 'unassigned')}/deals?limit=1`).set(anna.auth).expect(200)).body as CursorPage<DealDto>;
    const next = (await t.http.get(`/api/stages/${stageOf(funnel, 'unassigned')}/deals?limit=1&cursor=${page.nextCursor}`).set(anna.auth).expect(200)).body as CursorPage<DealDto>;
    expect([...ids(page.items), ...ids(next.items)]).toEqual([other.id, kept.id]);
    expect(next.nextCursor).toBeNull();

    const list = (await t.http.get(`/api/deals?funnelId=${funnel.id}`).set(admin.auth).expect(200)).body as DealListPage;
    expect(list.total).toBe(2);
    expect(ids(list.items)).toEqual([other.id, kept.id]);
    const byCode = (await t.http.get(`/api/deals?q=${invalid.code}`).set(admin.auth).expect(200)).body as DealListPage;
    expect(byCode).toMatchObject({ total: 0, items: [] });

    const search = (await t.http.get('/api/search').query({ q: name }).set(anna.auth).expect(200)).body as QuickSearchResult;
    expect(ids(search.deals)).toEqual([kept.id]);
    expect(search.contacts.map((contact) => contact.id)).toEqual([kept.contact.id]);
    const byCodeSearch = (await t.http.get('/api/search').query({ q: invalid.code }).set(anna.auth).expect(200)).body as QuickSearchResult;
    expect(byCodeSearch.deals).toEqual([]);

    const contact = (await t.http.get(`/api/contacts/${kept.contact.id}`).set(admin.auth).expect(200)).body as ContactWithDealsDto;
    expect(ids(contact.deals)).toEqual([kept.id]);
  });

  it('answers 404 for a trashed deal to everyone but an admin, who sees it and its timeline', async () => {
    const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id });
    await trash(anna, deal.id).expect(200);

    for (const caller of [anna, lead]) {
      await t.http.get(`/api/deals/${deal.id}`).set(caller.auth).expect(404);
      await t.http.get(`/api/deals/${deal.id}/events`).set(caller.auth).expect(404);
    }
    const seen = (await t.http.get(`/api/deals/${deal.id}`).set(admin.auth).expect(200)).body as DealDto;
    expect(seen.trashedAt).toEqual(expect.any(String));
    const events = (await t.http.get(`/api/deals/${deal.id}/events`).set(admin.auth).expect(200)).body as DealEventDto[];
    expect(events.map((event) => event.type)).toEqual(['deal.created', 'deal.trashed']);
    expect(events[1]).toMatchObject({ actor: { id: anna.id, name: 'Anna' }, data: { stageId: deal.stageId, status: 'open' } });

    // Hidden means no changes either, for anyone: trashing twice, moving, editing, notes.
    await trash(admin, deal.id).expect(404);
    await t.http.post(`/api/deals/${deal.id}/move`).set(admin.auth).send({ stageId: stageOf(funnel, 'open', 1) }).expect(404);
    await t.http.patch(`/api/deals/${deal.id}`).set(admin.auth).send({ version: seen.version, title: 'Edited' }).expect(404);
    await t.http.post(`/api/deals/${deal.id}/notes`).set(admin.auth).send({ text: 'Hello?' }).expect(404);
    await trash(admin, randomUUID()).expect(404);
  });

  it('lets the responsible manager, anyone for an untaken deal, team leads and admins trash a deal', async () => {
    const annas = await createDeal(t, admin, funnel, { responsibleId: anna.id });
    const refused = await trash(boris, annas.id).expect(403);
    expect(refused.body.message).toMatch(/another manager/);
    await trash(anna, annas.id).expect(200);

    const untaken = await createDeal(t, admin, funnel);
    await trash(boris, untaken.id).expect(200);
    const borises = await createDeal(t, admin, funnel, { responsibleId: boris.id });
    await trash(lead, borises.id).expect(200);
    const another = await createDeal(t, admin, funnel, { responsibleId: boris.id });
    await trash(admin, another.id).expect(200);

    await t.http.post(`/api/deals/${annas.id}/trash`).expect(401);
    await t.http.post('/api/deals/not-an-id/trash').set(admin.auth).expect(400);
  });

  it('lists the trash for admins only, newest-trashed first, in pages, with its total', async () => {
    const [first, second, third] = [await createDeal(t, admin, funnel), await createDeal(t, admin, funnel), await createDeal(t, admin, funnel)];
    await createDeal(t, admin, funnel);
    await trash(admin, second.id).expect(200);
    await trash(anna, first.id).expect(200);
    await trash(lead, third.id).expect(200);

    const page1 = (await t.http.get(`/api/deals/trash?funnelId=${funnel.id}&limit=2`).set(admin.auth).expect(200)).body as TrashPage;
    expect(page1.total).toBe(3);
    expect(ids(page1.items)).toEqual([third.id, first.id]);
    expect(page1.items.map((deal) => deal.trashedBy)).toEqual([
      { id: lead.id, name: lead.name },
      { id: anna.id, name: 'Anna' },
    ]);
    expect(page1.items.every((deal) => deal.trashedAt !== null)).toBe(true);
    const page2 = (await t.http.get(`/api/deals/trash?funnelId=${funnel.id}&limit=2&cursor=${page1.nextCursor}`).set(admin.auth).expect(200)).body as TrashPage;
    expect(ids(page2.items)).toEqual([second.id]);
    expect(page2.items[0].trashedBy).toEqual({ id: admin.id, name: admin.name });
    expect(page2.nextCursor).toBeNull();

    const everyFunnel = (await t.http.get('/api/deals/trash?limit=200').set(admin.auth).expect(200)).body as TrashPage;
    expect(everyFunnel.total).toBeGreaterThanOrEqual(3);
    expect(ids(everyFunnel.items)).toEqual(expect.arrayContaining([first.id, second.id, third.id]));

    await t.http.get('/api/deals/trash').set(lead.auth).expect(403);
    await t.http.get('/api/deals/trash').set(anna.auth).expect(403);
    await t.http.get('/api/deals/trash?cursor=bogus').set(admin.auth).expect(400);
    await t.http.get('/api/deals/trash?funnelId=x').set(admin.auth).expect(400);
  });

  it('restores a deal to its place on the board; live boards hear both the trashing and the restoring', async () => {
    const bottom = await createDeal(t, admin, funnel, { amount: 10 });
    const middle = await createDeal(t, admin, funnel, { amount: 20 });
    const top = await createDeal(t, admin, funnel, { amount: 30 });
    const listener = await Listener.connect(await t.url(), anna.token);
    try {
      await listener.join(funnel.id);
      await trash(anna, middle.id).expect(200);
      expect(ids((await board()).columns[0].deals)).toEqual([top.id, bottom.id]);

      await restore(lead, middle.id).expect(403);
      await restore(anna, middle.id).expect(403);
      const restored = (await restore(admin, middle.id).expect(200)).body as DealDto;
      expect(restored).toMatchObject({ id: middle.id, trashedAt: null, stageId: middle.stageId, position: middle.position, status: 'open' });
      const column = (await board()).columns[0];
      expect(ids(column.deals)).toEqual([top.id, middle.id, bottom.id]);
      expect(column).toMatchObject({ count: 3, amountSum: 60 });

      const [trashedEvent, restoredEvent] = await listener.received(2);
      // The trash is for admins only: Anna's board is told to drop the card, and nothing else about it.
      expect(trashedEvent).toEqual({ type: 'deal.hidden', funnelId: funnel.id, seq: expect.any(Number), at: expect.any(String), actor: null, data: { dealId: middle.id } });
      expect(restoredEvent).toMatchObject({ type: 'deal.restored', seq: trashedEvent.seq + 1, actor: { id: admin.id }, deal: { id: middle.id, trashedAt: null } });

      const events = (await t.http.get(`/api/deals/${middle.id}/events`).set(anna.auth).expect(200)).body as DealEventDto[];
      expect(events.map((event) => event.type)).toEqual(['deal.created', 'deal.trashed', 'deal.restored']);

      const notTrashed = await restore(admin, middle.id).expect(409);
      expect(notTrashed.body.message).toBe('This deal is not in the trash');
      await restore(admin, randomUUID()).expect(404);
      // Back to normal: its manager works on it again.
      await t.http.post(`/api/deals/${middle.id}/take`).set(anna.auth).expect(200);
    } finally {
      listener.close();
    }
  });

  it('opens a new deal for a repeat request whose customer only has a trashed open deal', async () => {
    const channel = (
      await t.http.post('/api/channels').set(admin.auth).send({ name: `Web ${randomUUID().slice(0, 8)}`, kind: 'web', funnelId: funnel.id }).expect(201)
    ).body as ChannelWithKeyDto;
    const phone = uniquePhone();
    const send = async () =>
      (await t.http.post('/api/intake/forms').set('X-Api-Key', channel.apiKey).send({ name: 'Repeat Customer', phone, message: 'Call me' })).body as IntakeResult;

    const first = await send();
    expect(first.created).toBe(true);
    const repeat = await send();
    expect(repeat).toMatchObject({ dealId: first.dealId, created: false });

    await trash(admin, first.dealId).expect(200);
    const afterTrash = await send();
    expect(afterTrash).toMatchObject({ created: true, contactId: first.contactId });
    expect(afterTrash.dealId).not.toBe(first.dealId);
    const untouched = (await t.http.get(`/api/deals/${first.dealId}/events`).set(admin.auth).expect(200)).body as DealEventDto[];
    expect(untouched.map((event) => event.type)).toEqual(['deal.created', 'deal.request_added', 'deal.trashed']);
  });

  it("merging contacts moves a trashed deal with them without bringing it back to live boards", async () => {
    const kept = await createDeal(t, admin, funnel);
    const duplicate = await createDeal(t, admin, funnel);
    const trashedOfDuplicate = await createDeal(t, admin, funnel, { contact: undefined, contactId: duplicate.contact.id });
    await trash(admin, trashedOfDuplicate.id).expect(200);
    const listener = await Listener.connect(await t.url(), admin.token);
    try {
      await listener.join(funnel.id);
      await t.http.post(`/api/contacts/${kept.contact.id}/merge`).set(admin.auth).send({ duplicateId: duplicate.contact.id }).expect(200);
      const [moved] = await listener.received(1);
      expect(moved).toMatchObject({ type: 'deal.updated', deal: { id: duplicate.id, contact: { id: kept.contact.id } } });
      // Let any further (wrong) event arrive before checking there was none.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(listener.events).toHaveLength(1);
    } finally {
      listener.close();
    }
    const history = (await t.http.get(`/api/contacts/${kept.contact.id}`).set(admin.auth).expect(200)).body as ContactWithDealsDto;
    expect(ids(history.deals).sort()).toEqual([kept.id, duplicate.id].sort());
    const trashed = (await t.http.get(`/api/deals/${trashedOfDuplicate.id}`).set(admin.auth).expect(200)).body as DealDto;
    expect(trashed).toMatchObject({ contact: { id: kept.contact.id }, trashedAt: expect.any(String) });
  });
});
