import { BUILT_IN_DEAL_TYPES, type DealDto, type DealTypeDto, type FunnelDto } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { createDeal } from './support/deals.js';
import { TestApp, type TestUser } from './support/test-app.js';

describe('deal types (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let anna: TestUser;
  let funnel: FunnelDto;
  /** The list is shared by the whole run: what a test adds, it removes. */
  const created: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    [lead, anna] = await Promise.all([t.user('lead', { branchId: admin.branchId }), t.user('manager', { branchId: admin.branchId })]);
    funnel = await t.funnel(admin);
  });
  afterAll(async () => {
    // deals keep their type (the key is RESTRICT): give them a built-in one before deleting the rest
    const walkIn = (await list()).find((type) => type.code === 'walk_in')!;
    for (const id of created) await t.http.delete(`/api/deal-types/${id}`).query({ replaceWith: walkIn.id }).set(admin.auth);
    await t.close();
  });

  const list = async (caller: TestUser = anna) => (await t.http.get('/api/deal-types').set(caller.auth).expect(200)).body as DealTypeDto[];
  const add = async (name: string) => {
    const type = (await t.http.post('/api/deal-types').set(admin.auth).send({ name }).expect(201)).body as DealTypeDto;
    created.push(type.id);
    return type;
  };
  const tag = () => randomUUID().slice(0, 8);
  const expectPositionsInOrder = (types: DealTypeDto[]) => expect(types.map((type) => type.position)).toEqual(types.map((_type, index) => index + 1));

  it('lists the types in order for any signed-in user, starting with the built-in ones', async () => {
    const types = await list(anna);
    expect(types.slice(0, 5)).toEqual(
      BUILT_IN_DEAL_TYPES.map((code, index) => ({ id: expect.any(String), code, name: expect.any(String), position: index + 1, system: true })),
    );
    expect(types.find((type) => type.code === 'phone_up')?.name).toBe('Phone call');
    expectPositionsInOrder(types);
    await t.http.get('/api/deal-types').expect(401);
  });

  it('adds a type last (admins only) with a code made from its name; names are unique ignoring case', async () => {
    const suffix = tag();
    const name = `Fleet / B2B request ${suffix}`;
    const type = await add(`  ${name}  `);
    expect(type).toEqual({ id: expect.any(String), code: `fleet_b2b_request_${suffix}`, name, position: (await list()).length, system: false });
    expect((await list()).at(-1)).toEqual(type);

    const duplicate = await t.http.post('/api/deal-types').set(admin.auth).send({ name: name.toUpperCase() }).expect(409);
    expect(duplicate.body).toEqual({ statusCode: 409, error: 'Conflict', message: `There is already a deal type named "${name}"` });
    await t.http.post('/api/deal-types').set(admin.auth).send({ name: 'phone call' }).expect(409);

    for (const caller of [lead, anna]) {
      const refused = await t.http.post('/api/deal-types').set(caller.auth).send({ name: `Nope ${tag()}` }).expect(403);
      expect(refused.body.message).toBe(`This needs the role admin; you are signed in as ${caller.role}`);
    }
    for (const body of [{ name: '   ' }, {}, { name: 'x'.repeat(81) }, { name: 7 }, { name: 'Ok', code: 'mine' }]) {
      const response = await t.http.post('/api/deal-types').set(admin.auth).send(body).expect(400);
      expect(Object.keys(response.body.fields)).toHaveLength(1);
    }
  });

  it('makes a distinct code when the name gives one already taken, and one from accented or non-Latin names', async () => {
    const suffix = tag();
    const first = await add(`Lease ${suffix}`);
    const second = await add(`Lease-${suffix}`);
    expect([first.code, second.code]).toEqual([`lease_${suffix}`, `lease_${suffix}_2`]);
    expect((await add(`Flotte société ${suffix}`)).code).toBe(`flotte_societe_${suffix}`);
    expect((await add(`Звонок ${suffix}`)).code).toBe(suffix);
  });

  it('gives one of two concurrent adds of a name a 409', async () => {
    const name = `Raced ${tag()}`;
    const responses = await Promise.all([name, name.toUpperCase()].map((variant) => t.http.post('/api/deal-types').set(admin.auth).send({ name: variant })));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    created.push((responses.find((response) => response.status === 201)!.body as DealTypeDto).id);
    expectPositionsInOrder(await list());
  });

  it('renames a type (its code stays, deals keep it) and moves it; the others shift', async () => {
    const type = await add(`Broker ${tag()}`);
    const deal = await createDeal(t, admin, funnel, { type: type.code });
    const renamed = (await t.http.patch(`/api/deal-types/${type.id}`).set(admin.auth).send({ name: `Dealer broker ${tag()}` }).expect(200)).body as DealTypeDto;
    expect(renamed).toMatchObject({ id: type.id, code: type.code, position: type.position, system: false });
    expect(((await t.http.get(`/api/deals/${deal.id}`).set(admin.auth).expect(200)).body as DealDto).type).toBe(type.code);

    // built-in types may be renamed too
    const chat = (await list()).find((each) => each.code === 'chat')!;
    const renamedChat = (await t.http.patch(`/api/deal-types/${chat.id}`).set(admin.auth).send({ name: 'Chat & messengers' }).expect(200)).body as DealTypeDto;
    expect(renamedChat).toEqual({ ...chat, name: 'Chat & messengers' });
    await t.http.patch(`/api/deal-types/${chat.id}`).set(admin.auth).send({ name: chat.name }).expect(200);
    await t.http.patch(`/api/deal-types/${type.id}`).set(admin.auth).send({ name: 'WALK-IN' }).expect(409);

    const before = await list();
    const moved = (await t.http.patch(`/api/deal-types/${type.id}`).set(admin.auth).send({ position: 1 }).expect(200)).body as DealTypeDto;
    expect(moved.position).toBe(1);
    const after = await list();
    expect(after.map((each) => each.id)).toEqual([type.id, ...before.filter((each) => each.id !== type.id).map((each) => each.id)]);
    expectPositionsInOrder(after);
    await t.http.patch(`/api/deal-types/${type.id}`).set(admin.auth).send({ position: 999 }).expect(200);
    expect((await list()).at(-1)?.id).toBe(type.id);

    for (const body of [{}, { position: 0 }, { position: 1.5 }, { name: '' }, { code: 'other' }]) await t.http.patch(`/api/deal-types/${type.id}`).set(admin.auth).send(body).expect(400);
    await t.http.patch(`/api/deal-types/${randomUUID()}`).set(admin.auth).send({ name: `Ghost ${tag()}` }).expect(404);
    await t.http.patch(`/api/deal-types/${type.id}`).set(lead.auth).send({ position: 1 }).expect(403);
  });

  it('refuses to delete a built-in type: rename it instead', async () => {
    const phoneUp = (await list()).find((type) => type.code === 'phone_up')!;
    const refused = await t.http.delete(`/api/deal-types/${phoneUp.id}`).set(admin.auth).expect(422);
    expect(refused.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message: '"Phone call" is built in (intake uses it); rename it instead' });
    const other = await add(`Other ${tag()}`);
    await t.http.delete(`/api/deal-types/${phoneUp.id}`).query({ replaceWith: other.id }).set(admin.auth).expect(422);
    expect((await list()).some((type) => type.id === phoneUp.id)).toBe(true);
  });

  it('refuses to delete a type deals have, naming how many, until told which type they get instead', async () => {
    const old = await add(`Auction ${tag()}`);
    const replacement = await add(`Trade buyer ${tag()}`);
    const deals = [await createDeal(t, admin, funnel, { type: old.code }), await createDeal(t, admin, funnel, { type: old.code })];
    await t.http.post(`/api/deals/${deals[1].id}/trash`).set(admin.auth).expect(200);
    const untouched = await createDeal(t, admin, funnel, { type: 'walk_in' });

    const refused = await t.http.delete(`/api/deal-types/${old.id}`).set(admin.auth).expect(409);
    expect(refused.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: `"${old.name}" is the type of 2 deals; choose a type to give them instead (replaceWith)`,
      deals: 2,
    });
    await t.http.delete(`/api/deal-types/${old.id}`).query({ replaceWith: old.id }).set(admin.auth).expect(422);
    const unknown = await t.http.delete(`/api/deal-types/${old.id}`).query({ replaceWith: randomUUID() }).set(admin.auth).expect(422);
    expect(unknown.body.message).toMatch(/is not a deal type$/);
    await t.http.delete(`/api/deal-types/${old.id}`).query({ replaceWith: 'walk-in' }).set(admin.auth).expect(400);
    await t.http.delete(`/api/deal-types/${old.id}`).query({ replaceWith: replacement.id }).set(lead.auth).expect(403);
    expect((await list()).some((type) => type.id === old.id)).toBe(true);

    await t.http.delete(`/api/deal-types/${old.id}`).query({ replaceWith: replacement.id }).set(admin.auth).expect(204);
    const [{ types }]: { types: (string | null)[] }[] = await t.dataSource.query(`SELECT array_agg(type ORDER BY created_at) AS types FROM deal WHERE id = ANY($1)`, [deals.map((deal) => deal.id)]);
    expect(types).toEqual([replacement.code, replacement.code]);
    expect(((await t.http.get(`/api/deals/${untouched.id}`).set(admin.auth).expect(200)).body as DealDto).type).toBe('walk_in');
    const after = await list();
    expect(after.some((type) => type.id === old.id)).toBe(false);
    expectPositionsInOrder(after);
    await t.http.delete(`/api/deal-types/${old.id}`).set(admin.auth).expect(404);
  });

  it('deletes an unused type at once (admins only); the others close the gap', async () => {
    const doomed = await add(`Doomed ${tag()}`);
    const next = await add(`After doomed ${tag()}`);
    await t.http.delete(`/api/deal-types/${doomed.id}`).set(anna.auth).expect(403);
    await t.http.delete(`/api/deal-types/${doomed.id}`).set(admin.auth).expect(204);
    const types = await list();
    expect(types.find((type) => type.id === next.id)?.position).toBe(next.position - 1);
    expectPositionsInOrder(types);
  });

  it('lets deals use a new type and refuses an unknown one with 422 naming the codes', async () => {
    const type = await add(`Fleet ${tag()}`);
    const deal = await createDeal(t, admin, funnel, { type: type.code });
    expect(deal.type).toBe(type.code);

    const response = await t.http.post('/api/deals').set(admin.auth).send({ funnelId: funnel.id, contact: { name: 'Typo', email: `typo-${tag()}@example.com` }, type: 'walkin' }).expect(422);
    const codes = (await list()).map((each) => each.code);
    expect(response.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message: `type "walkin" is not a deal type; use one of: ${codes.join(', ')}` });
    await t.http.patch(`/api/deals/${deal.id}`).set(admin.auth).send({ version: deal.version, type: 'walkin' }).expect(422);
    const changed = (await t.http.patch(`/api/deals/${deal.id}`).set(admin.auth).send({ version: deal.version, type: 'sms' }).expect(200)).body as DealDto;
    expect(changed.type).toBe('sms');
  });
});
