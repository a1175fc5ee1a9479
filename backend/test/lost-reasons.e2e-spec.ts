import type { DealDto, FunnelDto, LostReasonDto } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { createDeal } from './support/deals.js';
import { TestApp, type TestUser } from './support/test-app.js';

describe('lost reasons (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let anna: TestUser;
  let funnel: FunnelDto;
  /** The list is shared by the whole run: what a test adds, it removes. */
  const created: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    [admin, lead, anna] = await Promise.all([t.user('admin'), t.user('lead'), t.user('manager')]);
    funnel = await t.funnel(admin);
  });
  afterAll(async () => {
    // lost deals giving one get a default reason instead
    const refused = (await list(admin)).find((reason) => reason.name === 'Refused')!;
    for (const id of created) await t.http.delete(`/api/lost-reasons/${id}`).query({ replaceWith: refused.id }).set(admin.auth);
    await t.close();
  });

  const list = async (caller: TestUser = anna) => (await t.http.get('/api/lost-reasons').set(caller.auth).expect(200)).body as LostReasonDto[];
  const add = async (name: string) => {
    const reason = (await t.http.post('/api/lost-reasons').set(admin.auth).send({ name }).expect(201)).body as LostReasonDto;
    created.push(reason.id);
    return reason;
  };
  const tag = () => randomUUID().slice(0, 8);
  const expectPositionsInOrder = (reasons: LostReasonDto[]) => expect(reasons.map((reason) => reason.position)).toEqual(reasons.map((_reason, index) => index + 1));

  it('lists the reasons in order for any signed-in user, starting with the defaults', async () => {
    const reasons = await list(anna);
    expect(reasons.map((reason) => reason.name)).toEqual(expect.arrayContaining(['Refused', 'Unreachable', 'Bought elsewhere', 'Too expensive', 'Credit declined', 'Invalid or duplicate']));
    expectPositionsInOrder(reasons);
    expect(reasons[0]).toEqual({ id: expect.any(String), name: expect.any(String), position: 1 });
    await t.http.get('/api/lost-reasons').expect(401);
  });

  it('adds a reason last (admins only), refusing a name that exists in any case', async () => {
    const name = `Went quiet ${tag()}`;
    const reason = await add(`  ${name}  `);
    const reasons = await list();
    expect(reason).toEqual({ id: expect.any(String), name, position: reasons.length });
    expect(reasons.at(-1)).toEqual(reason);

    const duplicate = await t.http.post('/api/lost-reasons').set(admin.auth).send({ name: name.toUpperCase() }).expect(409);
    expect(duplicate.body.message).toBe(`There is already a lost reason named "${name}"`);
    await t.http.post('/api/lost-reasons').set(admin.auth).send({ name: 'refused' }).expect(409);

    for (const caller of [lead, anna]) await t.http.post('/api/lost-reasons').set(caller.auth).send({ name: `Nope ${tag()}` }).expect(403);
    for (const body of [{ name: '   ' }, {}, { name: 'x'.repeat(201) }, { name: 7 }]) {
      const response = await t.http.post('/api/lost-reasons').set(admin.auth).send(body).expect(400);
      expect(response.body.fields).toHaveProperty('name');
    }
    expect(await list()).toHaveLength(reasons.length);
  });

  it('gives one of two concurrent adds of a name a 409', async () => {
    const name = `Raced ${tag()}`;
    const responses = await Promise.all([name, name.toUpperCase()].map((variant) => t.http.post('/api/lost-reasons').set(admin.auth).send({ name: variant })));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    created.push((responses.find((response) => response.status === 201)!.body as LostReasonDto).id);
    expectPositionsInOrder(await list());
  });

  it('renames a reason and moves it; the others shift and positions stay 1..n', async () => {
    const first = await add(`Moved ${tag()}`);
    const second = await add(`Stays ${tag()}`);

    const renamed = (await t.http.patch(`/api/lost-reasons/${first.id}`).set(admin.auth).send({ name: `Renamed ${tag()}` }).expect(200)).body as LostReasonDto;
    expect(renamed).toMatchObject({ id: first.id, position: first.position });
    const recased = (await t.http.patch(`/api/lost-reasons/${first.id}`).set(admin.auth).send({ name: renamed.name.toUpperCase() }).expect(200)).body as LostReasonDto;
    expect(recased.name).toBe(renamed.name.toUpperCase());
    await t.http.patch(`/api/lost-reasons/${first.id}`).set(admin.auth).send({ name: second.name.toLowerCase() }).expect(409);

    const before = await list();
    const moved = (await t.http.patch(`/api/lost-reasons/${first.id}`).set(admin.auth).send({ position: 1 }).expect(200)).body as LostReasonDto;
    expect(moved.position).toBe(1);
    const after = await list();
    expect(after.map((reason) => reason.id)).toEqual([first.id, ...before.filter((reason) => reason.id !== first.id).map((reason) => reason.id)]);
    expectPositionsInOrder(after);

    const last = (await t.http.patch(`/api/lost-reasons/${first.id}`).set(admin.auth).send({ position: 999 }).expect(200)).body as LostReasonDto;
    expect(last.position).toBe(after.length);
    const back = await list();
    expect(back.map((reason) => reason.id)).toEqual([...before.filter((reason) => reason.id !== first.id).map((reason) => reason.id), first.id]);
    expectPositionsInOrder(back);

    for (const body of [{}, { position: 0 }, { position: 1.5 }, { name: '' }]) await t.http.patch(`/api/lost-reasons/${first.id}`).set(admin.auth).send(body).expect(400);
    await t.http.patch(`/api/lost-reasons/${randomUUID()}`).set(admin.auth).send({ name: `Ghost ${tag()}` }).expect(404);
    await t.http.patch(`/api/lost-reasons/${first.id}`).set(lead.auth).send({ position: 1 }).expect(403);
  });

  it('deletes a reason (admins only); the others close the gap', async () => {
    const doomed = await add(`Doomed ${tag()}`);
    const after = await add(`After doomed ${tag()}`);
    await t.http.delete(`/api/lost-reasons/${doomed.id}`).set(anna.auth).expect(403);
    await t.http.delete(`/api/lost-reasons/${doomed.id}`).set(admin.auth).expect(204);
    await t.http.delete(`/api/lost-reasons/${doomed.id}`).set(admin.auth).expect(404);
    const reasons = await list();
    expect(reasons.map((reason) => reason.id)).not.toContain(doomed.id);
    expect(reasons.find((reason) => reason.id === after.id)?.position).toBe(after.position - 1);
    expectPositionsInOrder(reasons);
  });

  it('refuses to delete a reason lost deals give (in any case), naming how many, until told which reason they get instead', async () => {
    const old = await add(`Chose a bike ${tag()}`);
    const replacement = await add(`Changed plans ${tag()}`);
    const lose = async (reason: string) => {
      const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id });
      return (await t.http.post(`/api/deals/${deal.id}/close`).set(admin.auth).send({ outcome: 'lost', reason }).expect(200)).body as DealDto;
    };
    const lost = [await lose(old.name), await lose(old.name.toUpperCase())];
    const other = await lose('Unreachable');

    const refused = await t.http.delete(`/api/lost-reasons/${old.id}`).set(admin.auth).expect(409);
    expect(refused.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: `"${old.name}" is the reason of 2 lost deals; choose a reason to give them instead (replaceWith)`,
      deals: 2,
    });
    await t.http.delete(`/api/lost-reasons/${old.id}`).query({ replaceWith: old.id }).set(admin.auth).expect(422);
    const unknown = await t.http.delete(`/api/lost-reasons/${old.id}`).query({ replaceWith: randomUUID() }).set(admin.auth).expect(422);
    expect(unknown.body.message).toMatch(/is not a lost reason$/);
    const malformed = await t.http.delete(`/api/lost-reasons/${old.id}`).query({ replaceWith: 'Unreachable' }).set(admin.auth).expect(400);
    expect(malformed.body.fields).toEqual({ replaceWith: ['replaceWith must be an id (UUID)'] });
    await t.http.delete(`/api/lost-reasons/${old.id}`).query({ replaceWith: replacement.id }).set(lead.auth).expect(403);
    expect((await list()).some((reason) => reason.id === old.id)).toBe(true);

    await t.http.delete(`/api/lost-reasons/${old.id}`).query({ replaceWith: replacement.id }).set(admin.auth).expect(204);
    for (const deal of lost) expect(((await t.http.get(`/api/deals/${deal.id}`).set(admin.auth).expect(200)).body as DealDto).lostReason).toBe(replacement.name);
    expect(((await t.http.get(`/api/deals/${other.id}`).set(admin.auth).expect(200)).body as DealDto).lostReason).toBe('Unreachable');
    const reasons = await list();
    expect(reasons.some((reason) => reason.id === old.id)).toBe(false);
    expectPositionsInOrder(reasons);
  });

  it('keeps the reason of a past lost deal as written when its entry is renamed (then deleting it is free); free text stays accepted', async () => {
    const reason = await add(`Chose a lease ${tag()}`);
    const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id });
    const lost = (await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'lost', reason: reason.name }).expect(200)).body as DealDto;
    expect(lost.lostReason).toBe(reason.name);
    await t.http.patch(`/api/lost-reasons/${reason.id}`).set(admin.auth).send({ name: `Leased ${tag()}` }).expect(200);
    await t.http.delete(`/api/lost-reasons/${reason.id}`).set(admin.auth).expect(204);
    expect(((await t.http.get(`/api/deals/${deal.id}`).set(anna.auth).expect(200)).body as DealDto).lostReason).toBe(reason.name);

    const other = await createDeal(t, admin, funnel, { responsibleId: anna.id });
    const missing = await t.http.post(`/api/deals/${other.id}/close`).set(anna.auth).send({ outcome: 'lost' }).expect(400);
    expect(missing.body.message).toMatch(/reason is required/);
    await t.http.post(`/api/deals/${other.id}/close`).set(anna.auth).send({ outcome: 'lost', reason: '   ' }).expect(400);
    const freeText = (await t.http.post(`/api/deals/${other.id}/close`).set(anna.auth).send({ outcome: 'lost', reason: 'Partner CRM: duplicate lead' }).expect(200)).body as DealDto;
    expect(freeText.lostReason).toBe('Partner CRM: duplicate lead');
  });
});
