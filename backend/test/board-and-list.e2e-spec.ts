import type { BoardDto, DealDto, DealListPage, FunnelDto } from '@autofunnel/shared';
import { createDeal, stageOf } from './support/deals.js';
import { TestApp, type TestUser } from './support/test-app.js';

describe('board and deal list (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let anna: TestUser;
  let funnel: FunnelDto;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    // In the admin's branch: the untaken deals the admin creates are hers to see.
    anna = await t.user('manager', { name: 'Anna', branchId: admin.branchId });
  });
  beforeEach(async () => {
    funnel = await t.funnel(admin);
  });
  afterAll(() => t.close());

  it('returns per-stage counts, amount sums and the first page of every column', async () => {
    for (const amount of [1000, 2500.5, 4000]) await createDeal(t, admin, funnel, { amount });
    const taken = await createDeal(t, admin, funnel, { amount: 700, responsibleId: anna.id });
    const lost = await createDeal(t, admin, funnel, { amount: 99, responsibleId: anna.id });
    await t.http.post(`/api/deals/${lost.id}/close`).set(admin.auth).send({ outcome: 'lost', reason: 'Unreachable' }).expect(200);

    const board: BoardDto = (await t.http.get(`/api/funnels/${funnel.id}/board?limit=2`).set(anna.auth).expect(200)).body;
    expect(board.funnel.id).toBe(funnel.id);
    expect(board.columns.map((column) => column.stageId)).toEqual(funnel.stages.map((stage) => stage.id));
    const [unassigned, carSelection, ...rest] = board.columns;
    expect(unassigned).toMatchObject({ count: 3, amountSum: 7500.5, nextCursor: expect.any(String) });
    expect(unassigned.deals).toHaveLength(2);
    expect(carSelection).toMatchObject({ count: 1, amountSum: 700, nextCursor: null, deals: [expect.objectContaining({ id: taken.id })] });
    expect(rest.every((column) => column.count === 0 && column.deals.length === 0)).toBe(true);

    const next = (await t.http.get(`/api/stages/${unassigned.stageId}/deals?limit=2&cursor=${unassigned.nextCursor}`).set(anna.auth).expect(200)).body;
    expect(next.nextCursor).toBeNull();
    const all = [...unassigned.deals, ...next.items].map((deal: DealDto) => deal.position);
    expect(all).toHaveLength(3);
    expect([...all].sort()).toEqual(all);

    const lostBoard: BoardDto = (await t.http.get(`/api/funnels/${funnel.id}/board?status=lost`).set(anna.auth).expect(200)).body;
    expect(lostBoard.columns[1]).toMatchObject({ count: 1, amountSum: 99, deals: [expect.objectContaining({ id: lost.id, status: 'lost' })] });
  });

  it('answers the board in a fixed number of queries, whatever the number of stages and deals', async () => {
    const count = async (target: FunnelDto) => {
      let queries = 0;
      const original = t.dataSource.driver.createQueryRunner.bind(t.dataSource.driver);
      // Count the statements the board request sends through TypeORM.
      t.dataSource.driver.createQueryRunner = (mode) => {
        const runner = original(mode);
        const query = runner.query.bind(runner);
        runner.query = ((...args: Parameters<typeof runner.query>) => {
          queries += 1;
          return query(...args);
        }) as typeof runner.query;
        return runner;
      };
      try {
        await t.http.get(`/api/funnels/${target.id}/board`).set(anna.auth).expect(200);
      } finally {
        t.dataSource.driver.createQueryRunner = original;
      }
      return queries;
    };
    const small = await t.funnel(admin, [{ name: 'In' }, { name: 'Work' }, { name: 'Done' }]);
    await createDeal(t, admin, small);
    for (let index = 0; index < 12; index += 1) await createDeal(t, admin, funnel, { responsibleId: index % 2 ? anna.id : undefined });
    const [few, many] = [await count(small), await count(funnel)];
    expect(few).toBeGreaterThanOrEqual(4);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(6);
  });

  it('lists deals with filters, search, sorting and keyset pages that add up to the total', async () => {
    const created: DealDto[] = [];
    for (const [index, amount] of [500, 1500, 250, 4000, 3000].entries()) {
      created.push(await createDeal(t, admin, funnel, { amount, responsibleId: index < 2 ? anna.id : undefined, contact: { name: `Listed ${index}`, phone: `+1 917 3${index}0 ${String(4000 + Math.floor(Math.random() * 5000))}` } }));
    }
    const page1: DealListPage = (await t.http.get(`/api/deals?funnelId=${funnel.id}&sort=amount&order=desc&limit=2`).set(anna.auth).expect(200)).body;
    expect(page1.total).toBe(5);
    expect(page1.items.map((deal) => deal.amount)).toEqual([4000, 3000]);
    const page2: DealListPage = (await t.http.get(`/api/deals?funnelId=${funnel.id}&sort=amount&order=desc&limit=2&cursor=${page1.nextCursor}`).set(anna.auth).expect(200)).body;
    const page3: DealListPage = (await t.http.get(`/api/deals?funnelId=${funnel.id}&sort=amount&order=desc&limit=2&cursor=${page2.nextCursor}`).set(anna.auth).expect(200)).body;
    expect([...page2.items, ...page3.items].map((deal) => deal.amount)).toEqual([1500, 500, 250]);
    expect(page3.nextCursor).toBeNull();

    const byCreation: DealListPage = (await t.http.get(`/api/deals?funnelId=${funnel.id}&sort=createdAt&order=asc&limit=10`).set(anna.auth)).body;
    expect(byCreation.items.map((deal) => deal.id)).toEqual(created.map((deal) => deal.id));

    const mine: DealListPage = (await t.http.get(`/api/deals?funnelId=${funnel.id}&responsibleId=me`).set(anna.auth)).body;
    expect(mine.items.map((deal) => deal.id).sort()).toEqual([created[0].id, created[1].id].sort());
    const untaken: DealListPage = (await t.http.get(`/api/deals?funnelId=${funnel.id}&responsibleId=none&stageId=${stageOf(funnel, 'unassigned')}`).set(anna.auth)).body;
    expect(untaken.total).toBe(3);

    const byName: DealListPage = (await t.http.get(`/api/deals?funnelId=${funnel.id}&q=listed 3`).set(anna.auth)).body;
    expect(byName.items.map((deal) => deal.id)).toEqual([created[3].id]);
    const phone = created[2].contact.phones[0];
    const localFormat = `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
    const byPhone: DealListPage = (await t.http.get(`/api/deals?funnelId=${funnel.id}&q=${encodeURIComponent(localFormat)}`).set(anna.auth)).body;
    expect(byPhone.items.map((deal) => deal.id)).toEqual([created[2].id]);
    const byCode: DealListPage = (await t.http.get(`/api/deals?q=${created[4].code}`).set(anna.auth)).body;
    expect(byCode.items.map((deal) => deal.id)).toContain(created[4].id);
  });

  it('keeps deals in long-term follow-up off the board and its counts, but in the list (followUp=only|exclude)', async () => {
    const shown = await createDeal(t, admin, funnel, { amount: 100, responsibleId: anna.id });
    const away = await createDeal(t, admin, funnel, { amount: 900, responsibleId: anna.id });
    // Written as POST /deals/:id/follow-up (FollowUpModule) writes it; the board's reading of it is under test here.
    await t.dataSource.query(`UPDATE deal SET follow_up_until = now() + interval '30 days' WHERE id = $1`, [away.id]);

    const board: BoardDto = (await t.http.get(`/api/funnels/${funnel.id}/board`).set(anna.auth).expect(200)).body;
    expect(board.columns[1]).toMatchObject({ stageId: stageOf(funnel, 'open'), count: 1, amountSum: 100, deals: [expect.objectContaining({ id: shown.id })] });
    const page = (await t.http.get(`/api/stages/${stageOf(funnel, 'open')}/deals`).set(anna.auth).expect(200)).body as { items: DealDto[] };
    expect(page.items.map((deal) => deal.id)).toEqual([shown.id]);

    const listed = async (extra: string) => (await t.http.get(`/api/deals?funnelId=${funnel.id}${extra}`).set(anna.auth).expect(200)).body as DealListPage;
    const all = await listed('');
    expect(all.total).toBe(2);
    expect(all.items.find((deal) => deal.id === away.id)?.followUpUntil).toEqual(expect.any(String));
    expect(await listed('&followUp=only')).toMatchObject({ total: 1, items: [expect.objectContaining({ id: away.id })] });
    expect(await listed('&followUp=exclude')).toMatchObject({ total: 1, items: [expect.objectContaining({ id: shown.id })] });
  });

  it('refuses bad list parameters with 400', async () => {
    for (const query of ['limit=0', 'limit=abc', 'sort=name', 'order=up', 'status=pending', 'cursor=%%%', 'responsibleId=x', 'followUp=maybe']) {
      const response = await t.http.get(`/api/deals?${query}`).set(anna.auth);
      expect([query, response.status]).toEqual([query, 400]);
    }
    await t.http.get('/api/funnels/00000000-0000-4000-8000-000000000000/board').set(anna.auth).expect(404);
    await t.http.get('/api/stages/00000000-0000-4000-8000-000000000000/deals').set(anna.auth).expect(404);
  });
});
