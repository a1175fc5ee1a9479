import type { DealDto, DealEventDto, FunnelDto, TradeInDto } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { createDeal } from './support/deals.js';
import { TestApp, type TestUser } from './support/test-app.js';

/** A valid European VIN (no check digit there); trade-ins may repeat one, so no need to vary it. */
const GOLF_VIN = 'WVWZZZAUZGW123456';

describe('trade-ins (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let anna: TestUser;
  let boris: TestUser;
  let funnel: FunnelDto;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    // One branch: Boris is Anna's colleague, their lead sees both their deals.
    const { id: branchId } = await t.branch();
    lead = await t.user('lead', { branchId });
    anna = await t.user('manager', { name: 'Anna', branchId });
    boris = await t.user('manager', { name: 'Boris', branchId });
    funnel = await t.funnel(admin);
  });
  afterAll(() => t.close());

  const annasDeal = () => createDeal(t, admin, funnel, { responsibleId: anna.id });
  const dealNow = async (id: string): Promise<DealDto> => (await t.http.get(`/api/deals/${id}`).set(anna.auth).expect(200)).body;
  const events = async (id: string): Promise<DealEventDto[]> => (await t.http.get(`/api/deals/${id}/events`).set(anna.auth).expect(200)).body;
  const addTradeIn = async (deal: DealDto, body: Record<string, unknown> = {}, user = anna): Promise<TradeInDto> =>
    (await t.http.post(`/api/deals/${deal.id}/trade-ins`).set(user.auth).send({ make: 'Volkswagen', model: 'Golf', ...body }).expect(201)).body;

  it("adds the customer's car, counts it on the deal and writes the car to the timeline", async () => {
    const deal = await annasDeal();
    const response = await t.http
      .post(`/api/deals/${deal.id}/trade-ins`)
      .set(anna.auth)
      .send({ make: ' Volkswagen ', model: 'Golf', year: 2016, vin: 'wvw zzz auz gw1 234 56', mileage: 98000, appraisalValue: 9500.5, notes: 'Scratch on the rear bumper' })
      .expect(201);
    const tradeIn: TradeInDto = response.body;
    expect(tradeIn).toMatchObject({
      dealId: deal.id,
      make: 'Volkswagen',
      model: 'Golf',
      year: 2016,
      vin: GOLF_VIN,
      mileage: 98000,
      appraisalValue: 9500.5,
      notes: 'Scratch on the rear bumper',
      createdBy: { id: anna.id, name: 'Anna' },
    });
    const changed = await dealNow(deal.id);
    expect(changed).toMatchObject({ tradeInCount: 1, version: deal.version + 1 });
    expect((await events(deal.id)).at(-1)).toMatchObject({
      type: 'deal.trade_in_added',
      actor: { id: anna.id },
      data: { tradeInId: tradeIn.id, tradeIn: { make: 'Volkswagen', model: 'Golf', year: 2016, vin: GOLF_VIN, mileage: 98000, appraisalValue: 9500.5 } },
    });
  });

  it('needs only make and model; an empty VIN field means none', async () => {
    const deal = await annasDeal();
    const tradeIn = await addTradeIn(deal, { vin: '' });
    expect(tradeIn).toMatchObject({ year: null, vin: null, mileage: null, appraisalValue: null, notes: null });
  });

  it('lists the trade-ins of a deal in the order they were added, to whoever sees the deal', async () => {
    const deal = await annasDeal();
    const first = await addTradeIn(deal, { model: 'Polo' });
    const second = await addTradeIn(deal, { make: 'Ford', model: 'Focus' });
    const listed: TradeInDto[] = (await t.http.get(`/api/deals/${deal.id}/trade-ins`).set(lead.auth).expect(200)).body;
    expect(listed.map((tradeIn) => tradeIn.id)).toEqual([first.id, second.id]);
    expect((await dealNow(deal.id)).tradeInCount).toBe(2);
    await t.http.get(`/api/deals/${deal.id}/trade-ins`).set(boris.auth).expect(403);
    await t.http.get(`/api/deals/${randomUUID()}/trade-ins`).set(boris.auth).expect(404);
  });

  it.each([
    ['a missing make', { make: undefined }, 'make'],
    ['a blank model', { model: '   ' }, 'model'],
    ['a VIN of the wrong length', { vin: 'WVWZZZAUZGW12345' }, 'vin'],
    ['a VIN with an O', { vin: 'WVWZZZAUZGWO23456' }, 'vin'],
    ['a VIN with a wrong check digit', { vin: '1HGCM82643A004352' }, 'vin'],
    ['a year before 1950', { year: 1949 }, 'year'],
    ['a negative mileage', { mileage: -10 }, 'mileage'],
    ['a negative appraisal', { appraisalValue: -1 }, 'appraisalValue'],
    ['an appraisal with three decimals', { appraisalValue: 10.001 }, 'appraisalValue'],
    ['notes over 2000 characters', { notes: 'x'.repeat(2001) }, 'notes'],
    ['an unknown field', { colour: 'red' }, 'colour'],
  ])('refuses %s with 400 naming the field, adding nothing', async (_case, body, field) => {
    const deal = await annasDeal();
    const response = await t.http.post(`/api/deals/${deal.id}/trade-ins`).set(anna.auth).send({ make: 'Volkswagen', model: 'Golf', ...body }).expect(400);
    expect(response.body.message).toMatch(field);
    expect((await dealNow(deal.id)).tradeInCount).toBe(0);
  });

  it('says what is wrong with a VIN', async () => {
    const deal = await annasDeal();
    const response = await t.http.post(`/api/deals/${deal.id}/trade-ins`).set(anna.auth).send({ make: 'Honda', model: 'Accord', vin: '1HGCM82643A004352' }).expect(400);
    expect(response.body).toMatchObject({ message: "vin: The VIN's check digit (9th character) should be 3; look for a mistyped character", fields: { vin: [expect.any(String)] } });
  });

  it('edits the fields given, clears those set to null, and records what changed', async () => {
    const deal = await annasDeal();
    const tradeIn = await addTradeIn(deal, { year: 2016, mileage: 98000, appraisalValue: 9500, notes: 'First look' });
    const response = await t.http.patch(`/api/trade-ins/${tradeIn.id}`).set(anna.auth).send({ appraisalValue: 8750, notes: null, vin: GOLF_VIN.toLowerCase() }).expect(200);
    expect(response.body).toMatchObject({ id: tradeIn.id, make: 'Volkswagen', model: 'Golf', year: 2016, mileage: 98000, appraisalValue: 8750, notes: null, vin: GOLF_VIN });
    expect((await events(deal.id)).at(-1)).toMatchObject({
      type: 'deal.trade_in_updated',
      data: {
        tradeInId: tradeIn.id,
        tradeIn: { make: 'Volkswagen', model: 'Golf', appraisalValue: 8750, vin: GOLF_VIN },
        changes: { appraisalValue: { from: 9500, to: 8750 }, notes: { from: 'First look', to: null }, vin: { from: null, to: GOLF_VIN } },
      },
    });
    expect((await dealNow(deal.id)).tradeInCount).toBe(1);
  });

  it('writes nothing for an edit that changes nothing, and refuses bad edits', async () => {
    const deal = await annasDeal();
    const tradeIn = await addTradeIn(deal, { year: 2016 });
    const before = await events(deal.id);
    await t.http.patch(`/api/trade-ins/${tradeIn.id}`).set(anna.auth).send({ year: 2016, model: 'Golf' }).expect(200);
    expect(await events(deal.id)).toHaveLength(before.length);

    expect((await t.http.patch(`/api/trade-ins/${tradeIn.id}`).set(anna.auth).send({ make: null }).expect(400)).body.fields).toHaveProperty('make');
    expect((await t.http.patch(`/api/trade-ins/${tradeIn.id}`).set(anna.auth).send({ vin: 'WVW' }).expect(400)).body.fields).toHaveProperty('vin');
    await t.http.patch(`/api/trade-ins/${randomUUID()}`).set(anna.auth).send({ year: 2017 }).expect(404);
    await t.http.patch('/api/trade-ins/nope').set(anna.auth).send({ year: 2017 }).expect(400);
  });

  it('removes a trade-in: the count drops and the timeline names the car', async () => {
    const deal = await annasDeal();
    const kept = await addTradeIn(deal, { model: 'Passat' });
    const removed = await addTradeIn(deal, { make: 'Opel', model: 'Astra', year: 2012 });
    await t.http.delete(`/api/trade-ins/${removed.id}`).set(anna.auth).expect(204);
    expect((await dealNow(deal.id)).tradeInCount).toBe(1);
    expect((await t.http.get(`/api/deals/${deal.id}/trade-ins`).set(anna.auth).expect(200)).body.map((tradeIn: TradeInDto) => tradeIn.id)).toEqual([kept.id]);
    expect((await events(deal.id)).at(-1)).toMatchObject({ type: 'deal.trade_in_removed', data: { tradeInId: removed.id, tradeIn: { make: 'Opel', model: 'Astra', year: 2012 } } });
    await t.http.delete(`/api/trade-ins/${removed.id}`).set(anna.auth).expect(404);
    expect((await dealNow(deal.id)).tradeInCount).toBe(1);
  });

  it('keeps the count right under parallel adds and removes', async () => {
    const deal = await annasDeal();
    const existing = await Promise.all([1, 2, 3].map(() => addTradeIn(deal)));
    await Promise.all([
      ...[1, 2, 3, 4, 5].map(() => addTradeIn(deal)),
      ...existing.map((tradeIn) => t.http.delete(`/api/trade-ins/${tradeIn.id}`).set(anna.auth).expect(204)),
    ]);
    const listed: TradeInDto[] = (await t.http.get(`/api/deals/${deal.id}/trade-ins`).set(anna.auth).expect(200)).body;
    expect(listed).toHaveLength(5);
    expect((await dealNow(deal.id)).tradeInCount).toBe(5);
  });

  it("refuses a manager on another manager's deal for every write (403); a lead and an admin may", async () => {
    const deal = await annasDeal();
    const tradeIn = await addTradeIn(deal);
    const refused = await t.http.post(`/api/deals/${deal.id}/trade-ins`).set(boris.auth).send({ make: 'Fiat', model: 'Panda' }).expect(403);
    expect(refused.body.message).toMatch(/belongs to another manager/);
    await t.http.patch(`/api/trade-ins/${tradeIn.id}`).set(boris.auth).send({ mileage: 1 }).expect(403);
    await t.http.delete(`/api/trade-ins/${tradeIn.id}`).set(boris.auth).expect(403);

    await addTradeIn(deal, {}, lead);
    await t.http.patch(`/api/trade-ins/${tradeIn.id}`).set(lead.auth).send({ mileage: 1 }).expect(200);
    await addTradeIn(deal, {}, admin);
    await t.http.delete(`/api/trade-ins/${tradeIn.id}`).set(admin.auth).expect(204);
    expect((await dealNow(deal.id)).tradeInCount).toBe(2);
  });

  it('treats a trashed deal as gone (404)', async () => {
    const deal = await annasDeal();
    const tradeIn = await addTradeIn(deal);
    await t.http.post(`/api/deals/${deal.id}/trash`).set(anna.auth).expect(200);
    await t.http.get(`/api/deals/${deal.id}/trade-ins`).set(anna.auth).expect(404);
    await t.http.post(`/api/deals/${deal.id}/trade-ins`).set(anna.auth).send({ make: 'Fiat', model: 'Panda' }).expect(404);
    await t.http.patch(`/api/trade-ins/${tradeIn.id}`).set(anna.auth).send({ mileage: 5 }).expect(404);
    await t.http.delete(`/api/trade-ins/${tradeIn.id}`).set(anna.auth).expect(404);
  });
});
