import { canSeeDeal, type BoardDto, type ContactWithDealsDto, type CursorPage, type DealDto, type DealListPage, type FunnelDto, type MessageListPage, type MyDayDto, type QuickSearchResult, type VehicleWithDealsDto } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { visibleDealsCondition } from '../src/deals/deal-visibility.js';
import { pdfFile } from './fixtures/document-files.js';
import { stageOf } from './support/deals.js';
import { TestApp, uniqueEmail, uniquePhone, type TestUser } from './support/test-app.js';

/**
 * The visibility rule (`canSeeDeal`) across the HTTP API, as one table: an admin sees every deal;
 * a team lead the deals of their branch, those without a branch and their own; a manager their
 * own deals and the untaken deals of their branch or without one. A deal out of sight answers
 * 403 by id and is simply absent from boards, counts, sums, lists, search and histories.
 */
describe('deal visibility by role (e2e)', () => {
  let t: TestApp;
  const documentsDir = mkdtempSync(path.join(tmpdir(), 'autofunnel-documents-'));

  const ROLES = ['admin', 'leadA', 'leadB', 'a1', 'a2', 'b1'] as const;
  type RoleName = (typeof ROLES)[number];
  const DEALS = ['ownA1', 'untakenA', 'untakenNone', 'ownB1'] as const;
  type DealName = (typeof DEALS)[number];

  /** Who sees what, written out rather than computed, so the rule itself is under test. */
  const SEES: Record<RoleName, DealName[]> = {
    admin: ['ownA1', 'untakenA', 'untakenNone', 'ownB1'],
    leadA: ['ownA1', 'untakenA', 'untakenNone'],
    leadB: ['untakenNone', 'ownB1'],
    a1: ['ownA1', 'untakenA', 'untakenNone'],
    a2: ['untakenA', 'untakenNone'],
    b1: ['untakenNone', 'ownB1'],
  };
  /** Distinct powers of ten, so a sum tells which deals it counted. */
  const AMOUNTS: Record<DealName, number> = { ownA1: 1, untakenA: 10, untakenNone: 100, ownB1: 1000 };

  const users = {} as Record<RoleName, TestUser>;
  let branchA: string;
  let branchB: string;

  beforeAll(async () => {
    process.env.DOCUMENTS_DIR = documentsDir;
    t = await TestApp.start();
    branchA = (await t.branch()).id;
    branchB = (await t.branch()).id;
    users.admin = await t.user('admin', { branchId: null });
    users.leadA = await t.user('lead', { branchId: branchA });
    users.leadB = await t.user('lead', { branchId: branchB });
    users.a1 = await t.user('manager', { branchId: branchA });
    users.a2 = await t.user('manager', { branchId: branchA });
    users.b1 = await t.user('manager', { branchId: branchB });
  });
  afterAll(async () => {
    await t.close();
    rmSync(documentsDir, { recursive: true, force: true });
  });

  interface World {
    funnel: FunnelDto;
    /** In every deal's title and the shared customer's name, for search. */
    token: string;
    contactId: string;
    vehicleId: string;
    deals: Record<DealName, DealDto>;
    byId: Map<string, DealName>;
  }

  const VIN_CHARACTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  const uniqueVin = () => `WVWZZZ1K${Array.from({ length: 9 }, () => VIN_CHARACTERS[Math.floor(Math.random() * VIN_CHARACTERS.length)]).join('')}`;
  const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();

  /**
   * A new funnel with the four deals, all of one customer: A1's own deal (branch A), an untaken
   * deal of branch A (made by branch A's lead), an untaken deal without a branch (made by the
   * branchless admin) and B1's own deal (branch B).
   */
  async function world(extra: Partial<Record<DealName, Record<string, unknown>>> = {}): Promise<World> {
    const { admin, leadA, a1, b1 } = users;
    const token = `Vis${randomUUID().slice(0, 8)}`;
    const funnel = await t.funnel(admin);
    const contact = (await t.http.post('/api/contacts').set(admin.auth).send({ name: `${token} Customer`, phones: [uniquePhone()], emails: [uniqueEmail()] }).expect(201)).body;
    const open = async (name: DealName, caller: TestUser, responsibleId?: string) => {
      const body = { funnelId: funnel.id, contactId: contact.id, title: `${token} ${name}`, amount: AMOUNTS[name], responsibleId, ...extra[name] };
      return (await t.http.post('/api/deals').set(caller.auth).send(body).expect(201)).body as DealDto;
    };
    const deals: Record<DealName, DealDto> = {
      ownA1: await open('ownA1', admin, a1.id),
      untakenA: await open('untakenA', leadA),
      untakenNone: await open('untakenNone', admin),
      ownB1: await open('ownB1', admin, b1.id),
    };
    expect(Object.fromEntries(DEALS.map((name) => [name, [deals[name].responsible?.id ?? null, deals[name].branchId]]))).toEqual({
      ownA1: [a1.id, branchA],
      untakenA: [null, branchA],
      untakenNone: [null, null],
      ownB1: [b1.id, branchB],
    });
    const vehicle = (await t.http.post('/api/vehicles').set(admin.auth).send({ vin: uniqueVin(), make: 'Skoda', model: 'Octavia', year: 2021, price: 21500 }).expect(201)).body;
    return { funnel, token, contactId: contact.id, vehicleId: vehicle.id, deals, byId: new Map(DEALS.map((name) => [deals[name].id, name])) };
  }

  /** The names of the world's deals among `ids` (other tests' deals ignored), in table order. */
  const namesOf = (w: World, ids: string[]) => DEALS.filter((name) => ids.includes(w.deals[name].id));

  it('says in SQL what canSeeDeal says, for every role, responsible and branch, and never NULL', async () => {
    const [self, colleague, own, other] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const scopes = [null, self, colleague].flatMap((responsibleId) => [null, own, other].map((branchId) => ({ responsibleId, branchId })));
    const rows = scopes.map((_scope, index) => `(${index}, :responsible${index}::uuid, :branch${index}::uuid)`).join(', ');
    const values = Object.fromEntries(scopes.flatMap((scope, index) => [[`responsible${index}`, scope.responsibleId], [`branch${index}`, scope.branchId]]));
    for (const role of ['admin', 'lead', 'manager'] as const) {
      for (const branchId of [own, null]) {
        const viewer = { id: self, role, branchId };
        const { condition, parameters } = visibleDealsCondition(viewer, 'd');
        const [sql, bound] = t.dataSource.driver.escapeQueryWithParameters(
          `SELECT d.i, (${condition}) AS visible FROM (VALUES ${rows}) AS d(i, responsible_id, branch_id) ORDER BY d.i`,
          { ...values, ...parameters },
        );
        const answers = ((await t.dataSource.query(sql, bound)) as { visible: boolean | null }[]).map((row) => row.visible);
        expect({ role, branchId, answers }).toEqual({ role, branchId, answers: scopes.map((scope) => canSeeDeal(viewer, scope)) });
      }
    }
  });

  describe('reads', () => {
    let w: World;
    /** Per deal, one record of each kind (made by the admin), for the record endpoints. */
    const records = {} as Record<DealName, { offerId: string; documentId: string; tradeInId: string }>;

    beforeAll(async () => {
      w = await world();
      const as = (dealId: string, what: string, body: object) => t.http.post(`/api/deals/${dealId}/${what}`).set(users.admin.auth).send(body).expect(201);
      for (const [index, name] of DEALS.entries()) {
        const id = w.deals[name].id;
        const tradeIn = (await as(id, 'trade-ins', { make: 'Opel', model: 'Astra' })).body;
        const offer = (await as(id, 'offers', { vehicleId: w.vehicleId })).body;
        await as(id, 'test-drives', { vehicleId: w.vehicleId, startsAt: inDays(7, index * 2), endsAt: inDays(7, index * 2 + 1) });
        const task = (await as(id, 'tasks', { kind: 'call', title: `Call ${name}` })).body;
        // Everyone takes part, as if the deal had changed hands since they were invited (a task
        // is only given to people who see its deal): My day must still hide it from those who no longer do.
        await t.dataSource.query(`INSERT INTO task_participant (task_id, user_id) SELECT $1, unnest($2::uuid[])`, [task.id, ROLES.map((role) => users[role].id)]);
        await as(id, 'notes', { text: `Note on ${name}` });
        await as(id, 'messages', { subject: `Offer ${name}`, body: 'Hello' });
        await as(id, 'contacts', { contact: { name: 'Spouse', phone: uniquePhone() }, role: 'Spouse' });
        const document = (await t.http.post(`/api/deals/${id}/documents`).set(users.admin.auth).attach('file', pdfFile(), 'licence.pdf').expect(201)).body;
        records[name] = { offerId: offer.id, documentId: document.id, tradeInId: tradeIn.id };
      }
      // Every stage rots after a day and every deal idled for three: rotten counts must follow visibility too.
      await t.dataSource.query(`UPDATE stage SET rot_after_days = 1 WHERE funnel_id = $1`, [w.funnel.id]);
      await t.dataSource.query(`UPDATE deal SET last_activity_at = now() - interval '3 days' WHERE funnel_id = $1`, [w.funnel.id]);
    });

    /** Each read of one deal by its id: 200 for whoever sees the deal, 403 for everyone else. */
    const BY_ID: [string, (dealId: string, name: DealName) => string][] = [
      ['the deal', (id) => `/api/deals/${id}`],
      ['its timeline', (id) => `/api/deals/${id}/events`],
      ['trade-ins', (id) => `/api/deals/${id}/trade-ins`],
      ['offers', (id) => `/api/deals/${id}/offers`],
      ['test drives', (id) => `/api/deals/${id}/test-drives`],
      ['tasks', (id) => `/api/deals/${id}/tasks`],
      ['documents', (id) => `/api/deals/${id}/documents`],
      ['messages', (id) => `/api/deals/${id}/messages`],
      ['deadlines', (id) => `/api/deals/${id}/deadlines`],
      ['contacts', (id) => `/api/deals/${id}/contacts`],
      ['the quote PDF', (_id, name) => `/api/offers/${records[name].offerId}/quote.pdf`],
      ['a document download', (_id, name) => `/api/documents/${records[name].documentId}/download`],
    ];

    it.each(ROLES)('%s gets every record of the deals they see, and 403 for the others', async (role) => {
      const outcomes: string[] = [];
      for (const name of DEALS) {
        for (const [what, url] of BY_ID) {
          const response = await t.http.get(url(w.deals[name].id, name)).set(users[role].auth);
          outcomes.push(`${name} ${what}: ${response.status}`);
        }
      }
      expect(outcomes).toEqual(DEALS.flatMap((name) => BY_ID.map(([what]) => `${name} ${what}: ${SEES[role].includes(name) ? 200 : 403}`)));
    });

    it.each(ROLES)('%s: a no-op edit of a trade-in shows it only on a deal they see', async (role) => {
      for (const name of DEALS) {
        const response = await t.http.patch(`/api/trade-ins/${records[name].tradeInId}`).set(users[role].auth).send({ make: 'Opel' });
        expect({ name, status: response.status }).toEqual({ name, status: SEES[role].includes(name) ? 200 : 403 });
      }
    });

    it.each(ROLES)('%s: the board, its counts, sums, rotten counts and column pages hold only the deals they see', async (role) => {
      const auth = users[role].auth;
      const board: BoardDto = (await t.http.get(`/api/funnels/${w.funnel.id}/board`).set(auth).expect(200)).body;
      const seen = SEES[role];
      const sum = (names: DealName[]) => names.reduce((total, name) => total + AMOUNTS[name], 0);
      expect(namesOf(w, board.columns.flatMap((column) => column.deals.map((deal) => deal.id)))).toEqual(seen);
      expect(board.columns.reduce((total, column) => total + column.count, 0)).toBe(seen.length);
      expect(board.columns.reduce((total, column) => total + column.amountSum, 0)).toBe(sum(seen));
      expect(board.columns.reduce((total, column) => total + column.rottenCount, 0)).toBe(seen.length);

      const unassigned = board.columns.find((column) => column.stageId === stageOf(w.funnel, 'unassigned'))!;
      const untaken = seen.filter((name) => name.startsWith('untaken'));
      expect(unassigned).toMatchObject({ count: untaken.length, amountSum: sum(untaken) });

      for (const stageId of [stageOf(w.funnel, 'unassigned'), stageOf(w.funnel, 'open')]) {
        const page: CursorPage<DealDto> = (await t.http.get(`/api/stages/${stageId}/deals`).set(auth).expect(200)).body;
        const column = board.columns.find((candidate) => candidate.stageId === stageId)!;
        expect(page.items.map((deal) => deal.id)).toEqual(column.deals.map((deal) => deal.id));
      }
    });

    it.each(ROLES)('%s: the deal list and its total hold only the deals they see', async (role) => {
      const list: DealListPage = (await t.http.get(`/api/deals?funnelId=${w.funnel.id}&sort=amount&order=asc`).set(users[role].auth).expect(200)).body;
      expect(namesOf(w, list.items.map((deal) => deal.id))).toEqual(SEES[role]);
      expect(list.items.map((deal) => w.byId.get(deal.id))).toEqual(SEES[role]);
      expect(list.total).toBe(SEES[role].length);
    });

    it.each(ROLES)('%s: search finds the customer, and only the deals they see', async (role) => {
      const result: QuickSearchResult = (await t.http.get(`/api/search?q=${w.token}`).set(users[role].auth).expect(200)).body;
      expect(result.contacts.map((contact) => contact.id)).toEqual([w.contactId]);
      expect(namesOf(w, result.deals.map((deal) => deal.id))).toEqual(SEES[role]);
      expect(result.deals).toHaveLength(SEES[role].length);
    });

    it.each(ROLES)("%s: the customer's history and the vehicle's deals list only the deals they see", async (role) => {
      const contact: ContactWithDealsDto = (await t.http.get(`/api/contacts/${w.contactId}`).set(users[role].auth).expect(200)).body;
      expect(contact.id).toBe(w.contactId);
      expect(namesOf(w, contact.deals.map((deal) => deal.id))).toEqual(SEES[role]);
      expect(contact.deals).toHaveLength(SEES[role].length);

      const vehicle: VehicleWithDealsDto = (await t.http.get(`/api/vehicles/${w.vehicleId}`).set(users[role].auth).expect(200)).body;
      expect(vehicle.id).toBe(w.vehicleId);
      // an offer and a test drive on each deal
      expect(vehicle.deals).toHaveLength(2 * SEES[role].length);
      expect(namesOf(w, vehicle.deals.map((deal) => deal.dealId))).toEqual(SEES[role]);
    });

    it.each(ROLES)('%s: My day lists only the tasks of deals they see', async (role) => {
      const myDay: MyDayDto = (await t.http.get('/api/my-day').set(users[role].auth).expect(200)).body;
      expect(namesOf(w, myDay.tasks.map((task) => task.dealId))).toEqual(SEES[role]);
      expect(myDay.tasks.filter((task) => w.byId.has(task.dealId))).toHaveLength(SEES[role].length);
    });

    it.each(['admin', 'leadA', 'leadB'] as const)("%s: the messages outbox lists the messages of the deals they see", async (role) => {
      const outbox: MessageListPage = (await t.http.get('/api/messages?limit=200').set(users[role].auth).expect(200)).body;
      expect(namesOf(w, outbox.items.map((message) => message.dealId))).toEqual(SEES[role]);
    });

    it('says whom to ask when a deal is out of sight', async () => {
      const { ownA1, untakenA } = w.deals;
      const colleague = await t.http.get(`/api/deals/${ownA1.id}`).set(users.a2.auth).expect(403);
      expect(colleague.body.message).toBe('This deal belongs to another manager; ask a team lead to reassign it');
      const otherBranch = await t.http.get(`/api/deals/${untakenA.id}/tasks`).set(users.b1.auth).expect(403);
      expect(otherBranch.body.message).toBe('This deal belongs to another branch; ask its team lead');
      await t.http.get(`/api/deals/${ownA1.id}`).set(users.leadB.auth).expect(403, /another branch; ask its team lead/);
    });
  });

  describe('writes', () => {
    it.each(ROLES)('%s may add a note to the deals they see and no other (403, nothing written)', async (role) => {
      const w = await world();
      for (const name of DEALS) {
        const before = (await t.http.get(`/api/deals/${w.deals[name].id}/events`).set(users.admin.auth).expect(200)).body.length;
        const response = await t.http.post(`/api/deals/${w.deals[name].id}/notes`).set(users[role].auth).send({ text: `from ${role}` });
        const after = (await t.http.get(`/api/deals/${w.deals[name].id}/events`).set(users.admin.auth).expect(200)).body.length;
        const sees = SEES[role].includes(name);
        expect({ name, status: response.status, written: after - before }).toEqual({ name, status: sees ? 201 : 403, written: sees ? 1 : 0 });
      }
    });

    it('moves only deals the caller sees', async () => {
      const w = await world();
      // Within its own stage (to the top), so no stage rule stands in the way.
      const target = stageOf(w.funnel, 'open');
      const move = (role: RoleName, name: DealName) => t.http.post(`/api/deals/${w.deals[name].id}/move`).set(users[role].auth).send({ stageId: target });
      await move('b1', 'ownA1').expect(403);
      await move('leadB', 'untakenNone').expect(200);
      await move('leadB', 'untakenA').expect(403);
      await move('a2', 'ownA1').expect(403);
      await move('leadA', 'ownA1').expect(200);
      await move('b1', 'ownB1').expect(200);
    });

    it('takes into work as if the deal were untaken: another branch 403, a deal someone holds 409 naming them', async () => {
      const w = await world();
      const take = (role: RoleName, name: DealName) => t.http.post(`/api/deals/${w.deals[name].id}/take`).set(users[role].auth);
      expect((await take('b1', 'untakenA').expect(403)).body.message).toBe('This deal belongs to another branch; ask its team lead');
      await take('leadB', 'untakenA').expect(403);
      await take('b1', 'ownA1').expect(403);
      const held = await take('a2', 'ownA1').expect(409);
      expect(held.body).toMatchObject({ message: `Already taken into work by ${users.a1.name}`, responsible: { id: users.a1.id } });
      await take('leadA', 'ownA1').expect(409);

      const taken = (await take('a2', 'untakenA').expect(200)).body as DealDto;
      expect(taken).toMatchObject({ responsible: { id: users.a2.id }, branchId: branchA });
      // Now A2's own deal: out of A1's sight, in their lead's.
      await t.http.get(`/api/deals/${taken.id}`).set(users.a1.auth).expect(403);
      await t.http.get(`/api/deals/${taken.id}`).set(users.leadA.auth).expect(200);

      // A branchless deal taken by B1 joins branch B.
      const joined = (await take('b1', 'untakenNone').expect(200)).body as DealDto;
      expect(joined.branchId).toBe(branchB);
      await t.http.get(`/api/deals/${joined.id}`).set(users.leadA.auth).expect(403);
    });
  });

  describe('board filters', () => {
    let w: World;
    let sourceId: string;

    beforeAll(async () => {
      sourceId = (await t.http.post('/api/sources').set(users.admin.auth).send({ name: `Source ${randomUUID().slice(0, 8)}` }).expect(201)).body.id;
      w = await world({ ownA1: { sourceId }, untakenA: { type: 'phone_up' } });
      // B1's deal idles past its stage's limit; A1's lost its manager (deactivated elsewhere).
      await t.dataSource.query(`UPDATE stage SET rot_after_days = 2 WHERE id = $1`, [w.deals.ownB1.stageId]);
      await t.dataSource.query(`UPDATE deal SET last_activity_at = now() - interval '5 days' WHERE id = $1`, [w.deals.ownB1.id]);
      await t.dataSource.query(`UPDATE deal SET reassignment_flagged_at = now() WHERE id = $1`, [w.deals.ownA1.id]);
    });

    const boardOf = async (role: RoleName, query: string) => {
      const response = await t.http.get(`/api/funnels/${w.funnel.id}/board?${query}`).set(users[role].auth).expect(200);
      const board = response.body as BoardDto;
      return {
        deals: namesOf(w, board.columns.flatMap((column) => column.deals.map((deal) => deal.id))),
        count: board.columns.reduce((total, column) => total + column.count, 0),
        amountSum: board.columns.reduce((total, column) => total + column.amountSum, 0),
        rottenCount: board.columns.reduce((total, column) => total + column.rottenCount, 0),
      };
    };
    const expected = (names: DealName[]) => ({
      deals: names,
      count: names.length,
      amountSum: names.reduce((total, name) => total + AMOUNTS[name], 0),
      rottenCount: names.includes('ownB1') ? 1 : 0,
    });

    /** `<a1>`, `<A>`, `<B>` and `<source>` stand for ids made in beforeAll. */
    const withIds = (query: string) =>
      query.replace('<a1>', users.a1.id).replace('<A>', branchA).replace('<B>', branchB).replace('<source>', sourceId);

    it.each([
      ['admin', 'responsibleId=<a1>', ['ownA1']],
      ['admin', 'responsibleId=none', ['untakenA', 'untakenNone']],
      ['a1', 'responsibleId=me', ['ownA1']],
      ['b1', 'responsibleId=me', ['ownB1']],
      ['a2', 'responsibleId=<a1>', []],
      ['admin', 'branchId=<A>', ['ownA1', 'untakenA']],
      ['admin', 'branchId=none', ['untakenNone']],
      ['leadA', 'branchId=<B>', []],
      ['leadB', 'branchId=<B>', ['ownB1']],
      ['admin', 'sourceId=<source>', ['ownA1']],
      ['admin', 'sourceId=none', ['untakenA', 'untakenNone', 'ownB1']],
      ['admin', 'type=phone_up', ['untakenA']],
      ['admin', 'type=none', ['ownA1', 'untakenNone', 'ownB1']],
      ['admin', 'rotten=true', ['ownB1']],
      ['leadA', 'rotten=true', []],
      ['admin', 'rotten=false', ['ownA1', 'untakenA', 'untakenNone', 'ownB1']],
      ['admin', 'needsReassignment=true', ['ownA1']],
      ['leadB', 'needsReassignment=true', []],
      ['leadA', 'branchId=<A>&responsibleId=none', ['untakenA']],
      ['admin', 'branchId=<A>&sourceId=none', ['untakenA']],
    ] as [RoleName, string, DealName[]][])('%s with %s: columns, counts, sums and rotten counts follow', async (role, query, names) => {
      expect(await boardOf(role, withIds(query))).toEqual(expected(names));
    });

    it('filters a column page and the deal list alike', async () => {
      const unassigned = stageOf(w.funnel, 'unassigned');
      const page: CursorPage<DealDto> = (await t.http.get(`/api/stages/${unassigned}/deals?branchId=none`).set(users.a1.auth).expect(200)).body;
      expect(namesOf(w, page.items.map((deal) => deal.id))).toEqual(['untakenNone']);
      const rotten: CursorPage<DealDto> = (await t.http.get(`/api/stages/${w.deals.ownB1.stageId}/deals?rotten=true`).set(users.b1.auth).expect(200)).body;
      expect(namesOf(w, rotten.items.map((deal) => deal.id))).toEqual(['ownB1']);

      const list = async (role: RoleName, query: string) => {
        const page: DealListPage = (await t.http.get(`/api/deals?funnelId=${w.funnel.id}&${query}`).set(users[role].auth).expect(200)).body;
        return { deals: namesOf(w, page.items.map((deal) => deal.id)), total: page.total };
      };
      expect(await list('admin', `branchId=${branchB}`)).toEqual({ deals: ['ownB1'], total: 1 });
      expect(await list('leadA', `sourceId=${sourceId}`)).toEqual({ deals: ['ownA1'], total: 1 });
      expect(await list('leadB', `sourceId=${sourceId}`)).toEqual({ deals: [], total: 0 });
      expect(await list('a2', 'type=phone_up')).toEqual({ deals: ['untakenA'], total: 1 });
      expect(await list('admin', 'type=none&branchId=none')).toEqual({ deals: ['untakenNone'], total: 1 });
    });

    it.each([
      ['responsibleId=someone', 'responsibleId must be a user id, "me" or "none"'],
      ['branchId=me', 'branchId must be a branch id or "none"'],
      ['sourceId=12', 'sourceId must be a source id or "none"'],
      ['rotten=yes', 'rotten must be true or false'],
      ['needsReassignment=1', 'needsReassignment must be true or false'],
    ])('refuses %s with 400 naming the field', async (query, message) => {
      const board = await t.http.get(`/api/funnels/${w.funnel.id}/board?${query}`).set(users.admin.auth).expect(400);
      expect(board.body.message).toBe(message);
      await t.http.get(`/api/stages/${stageOf(w.funnel, 'unassigned')}/deals?${query}`).set(users.admin.auth).expect(400);
      await t.http.get(`/api/deals?${query}`).set(users.admin.auth).expect(400);
    });
  });
});
