import type { BoardColumnDto, BoardDto, DealDto, FunnelDto, SourceDto, StageRequirement, StageRuleRefusal, VehicleDto } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { createDeal, stageOf } from './support/deals.js';
import { TestApp, uniqueEmail, uniquePhone, type TestUser } from './support/test-app.js';

const VIN_CHARACTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

describe('stage rules (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let anna: TestUser;
  let funnel: FunnelDto;
  let source: SourceDto;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    anna = await t.user('manager', { name: 'Anna Rules', branchId: admin.branchId });
    source = (await t.http.post('/api/sources').set(admin.auth).send({ name: `Rules ${randomUUID().slice(0, 8)}` }).expect(201)).body;
  });
  beforeEach(async () => {
    funnel = await t.funnel(admin);
  });
  afterAll(() => t.close());

  const stageNamed = (name: string) => funnel.stages.find((stage) => stage.name === name)!;
  const requireFields = async (stageName: string, requiredFields: StageRequirement[]) =>
    t.http.patch(`/api/stages/${stageNamed(stageName).id}`).set(admin.auth).send({ requiredFields }).expect(200);
  /** Anna's deal in the first open stage (Car selection), with nothing filled in unless given. */
  const annasDeal = (extra: Record<string, unknown> = {}) => createDeal(t, admin, funnel, { responsibleId: anna.id, ...extra });
  const dealNow = async (id: string): Promise<DealDto> => (await t.http.get(`/api/deals/${id}`).set(anna.auth).expect(200)).body;
  const move = (deal: DealDto, stageName: string) => t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageNamed(stageName).id });
  const eventCount = async () => {
    const [{ n }]: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM funnel_event WHERE funnel_id = $1`, [funnel.id]);
    return n;
  };
  const addVehicle = async (): Promise<VehicleDto> => {
    const vin = `TMBJJ7NE${Array.from({ length: 9 }, () => VIN_CHARACTERS[Math.floor(Math.random() * VIN_CHARACTERS.length)]).join('')}`;
    return (await t.http.post('/api/vehicles').set(admin.auth).send({ vin, make: 'Skoda', model: 'Kodiaq', year: 2023, mileage: 12000, price: 38000 }).expect(201)).body;
  };
  const addOffer = async (deal: DealDto) =>
    (await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: (await addVehicle()).id }).expect(201)).body as { id: string };

  /** A refusal, and proof nothing was written: same stage, same version, no new event. */
  async function expectRefused(deal: DealDto, attempt: () => PromiseLike<{ status: number; body: unknown }>, stageName: string, missing: StageRequirement[], message: string) {
    const before = await dealNow(deal.id);
    const events = await eventCount();
    const response = await attempt();
    expect(response.status).toBe(422);
    const refusal: StageRuleRefusal = { statusCode: 422, error: 'Unprocessable Entity', message, stageId: stageNamed(stageName).id, missing };
    expect(response.body).toEqual(refusal);
    expect(await dealNow(deal.id)).toEqual(before);
    expect(await eventCount()).toBe(events);
  }

  describe('moves', () => {
    it('refuses a move into a stage whose required fields the deal lacks, naming them, and writes nothing', async () => {
      await requireFields('Test drive', ['vehicleInterest', 'amount', 'offer']);
      const deal = await annasDeal();
      await expectRefused(deal, () => move(deal, 'Test drive'), 'Test drive', ['vehicleInterest', 'amount', 'offer'], 'Cannot move to "Test drive": fill in vehicle of interest, amount, an active offer first');

      // a blank vehicle of interest is no vehicle of interest; a withdrawn offer no offer
      const filled = (await t.http.patch(`/api/deals/${deal.id}`).set(anna.auth).send({ version: deal.version, vehicleInterest: '', amount: 0 }).expect(200)).body as DealDto;
      const offer = await addOffer(filled);
      await t.http.post(`/api/offers/${offer.id}/withdraw`).set(anna.auth).expect(200);
      await expectRefused(deal, () => move(deal, 'Test drive'), 'Test drive', ['vehicleInterest', 'offer'], 'Cannot move to "Test drive": fill in vehicle of interest, an active offer first');
    });

    it('lets the move through once everything is filled in', async () => {
      await requireFields('Test drive', ['vehicleInterest', 'amount', 'offer']);
      const deal = await annasDeal({ vehicleInterest: 'Skoda Kodiaq', amount: 38000 });
      await expectRefused(deal, () => move(deal, 'Test drive'), 'Test drive', ['offer'], 'Cannot move to "Test drive": fill in an active offer first');
      await addOffer(deal);
      const moved = (await move(deal, 'Test drive').expect(200)).body as DealDto;
      expect(moved.stageId).toBe(stageNamed('Test drive').id);
    });

    it("checks the customer's phone and email (the deal's contact), trade-in, test drive (not cancelled), source and type", async () => {
      await requireFields('Trade-in appraisal', ['contactPhone', 'contactEmail', 'tradeIn', 'testDrive', 'source', 'type']);
      const deal = await createDeal(t, admin, funnel, { responsibleId: anna.id, contact: { name: 'Mail Only', email: uniqueEmail() } });
      const all = 'Cannot move to "Trade-in appraisal": fill in';
      await expectRefused(deal, () => move(deal, 'Trade-in appraisal'), 'Trade-in appraisal', ['contactPhone', 'tradeIn', 'testDrive', 'source', 'type'], `${all} customer's phone, a trade-in, a test drive, source, deal type first`);

      const { contact } = deal;
      await t.http.patch(`/api/contacts/${contact.id}`).set(admin.auth).send({ phones: [uniquePhone()], emails: [] }).expect(200);
      await t.http.post(`/api/deals/${deal.id}/trade-ins`).set(anna.auth).send({ make: 'Volkswagen', model: 'Golf' }).expect(201);
      const drive = (
        await t.http
          .post(`/api/deals/${deal.id}/test-drives`)
          .set(anna.auth)
          .send({ vehicleId: (await addVehicle()).id, startsAt: '2099-05-01T10:00:00Z', endsAt: '2099-05-01T11:00:00Z' })
          .expect(201)
      ).body as { id: string };
      await t.http.patch(`/api/test-drives/${drive.id}`).set(anna.auth).send({ status: 'cancelled' }).expect(200);
      const current = await dealNow(deal.id);
      await t.http.patch(`/api/deals/${deal.id}`).set(anna.auth).send({ version: current.version, sourceId: source.id, type: 'walk_in' }).expect(200);
      await expectRefused(deal, () => move(deal, 'Trade-in appraisal'), 'Trade-in appraisal', ['contactEmail', 'testDrive'], `${all} customer's email, a test drive first`);

      await t.http.patch(`/api/contacts/${contact.id}`).set(admin.auth).send({ emails: [uniqueEmail()] }).expect(200);
      await t.http
        .post(`/api/deals/${deal.id}/test-drives`)
        .set(anna.auth)
        .send({ vehicleId: (await addVehicle()).id, startsAt: '2099-05-02T10:00:00Z', endsAt: '2099-05-02T11:00:00Z' })
        .expect(201);
      await move(deal, 'Trade-in appraisal').expect(200);
    });

    it('does not check a reorder within the stage, nor take into work, assignment and reopening', async () => {
      const untaken = await createDeal(t, admin, funnel);
      const neighbour = await annasDeal();
      const deal = await annasDeal();
      await requireFields('Car selection', ['amount', 'offer']);

      // already in the stage: moving within it is no entry
      await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageNamed('Car selection').id, afterId: neighbour.id }).expect(200);
      // take into work and assignment bring deals to Car selection without a move
      expect((await t.http.post(`/api/deals/${untaken.id}/take`).set(anna.auth).expect(200)).body.stageId).toBe(stageNamed('Car selection').id);
      const other = await createDeal(t, admin, funnel);
      expect((await t.http.post(`/api/deals/${other.id}/assign`).set(admin.auth).send({ userId: anna.id }).expect(200)).body.stageId).toBe(stageNamed('Car selection').id);
      // a lost deal reopens where it was
      await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'lost', reason: 'Unreachable' }).expect(200);
      await t.http.post(`/api/deals/${deal.id}/reopen`).set(anna.auth).expect(200);
      // …but a move back in from another stage is an entry
      await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageNamed('Test drive').id }).expect(200);
      await expectRefused(deal, () => move(deal, 'Car selection'), 'Car selection', ['amount', 'offer'], 'Cannot move to "Car selection": fill in amount, an active offer first');
    });
  });

  describe('winning', () => {
    it("refuses closing as won (and moving to the won stage) without what the won stage requires; losing stays possible", async () => {
      await requireFields('Delivered', ['amount', 'offer']);
      const deal = await annasDeal({ amount: 41000 });
      await expectRefused(
        deal,
        () => t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'won' }),
        'Delivered',
        ['offer'],
        'Cannot close the deal as won ("Delivered"): fill in an active offer first',
      );
      await expectRefused(deal, () => move(deal, 'Delivered'), 'Delivered', ['offer'], 'Cannot move to "Delivered": fill in an active offer first');

      await addOffer(deal);
      const won = (await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'won' }).expect(200)).body as DealDto;
      expect(won).toMatchObject({ status: 'won', stageId: stageOf(funnel, 'won') });

      const lost = await annasDeal();
      await t.http.post(`/api/deals/${lost.id}/close`).set(anna.auth).send({ outcome: 'lost', reason: 'Bought elsewhere' }).expect(200);
    });
  });

  describe('settings', () => {
    it.each([
      [{ winProbability: 101 }, 'winProbability'],
      [{ winProbability: -1 }, 'winProbability'],
      [{ winProbability: 12.5 }, 'winProbability'],
      [{ winProbability: '50' }, 'winProbability'],
      [{ rotAfterDays: 0 }, 'rotAfterDays'],
      [{ rotAfterDays: 1.5 }, 'rotAfterDays'],
      [{ rotAfterDays: 5000 }, 'rotAfterDays'],
      [{ requiredFields: ['wings'] }, 'requiredFields'],
      [{ requiredFields: ['amount', 'amount'] }, 'requiredFields'],
      [{ requiredFields: 'amount' }, 'requiredFields'],
      [{ requiredFields: null }, 'requiredFields'],
      [{ probability: 50 }, 'probability'],
    ])('refuses %j with 400 naming the field and keeps the stage', async (body, field) => {
      const stage = funnel.stages[2];
      const response = await t.http.patch(`/api/stages/${stage.id}`).set(admin.auth).send(body).expect(400);
      expect(Object.keys(response.body.fields)).toEqual([field]);
      expect(response.body.message).toContain(field);
      const after = (await t.http.get(`/api/funnels/${funnel.id}`).set(admin.auth).expect(200)).body as FunnelDto;
      expect(after.stages[2]).toEqual(stage);
    });

    it('names the allowed requirements when one is unknown', async () => {
      const response = await t.http.patch(`/api/stages/${funnel.stages[2].id}`).set(admin.auth).send({ requiredFields: ['wings'] }).expect(400);
      expect(response.body.fields.requiredFields).toEqual([
        'each value in requiredFields must be one of: vehicleInterest, amount, source, type, contactPhone, contactEmail, tradeIn, testDrive, offer',
      ]);
    });

    it('refuses required fields on the unassigned stage with 422, and rules from a team lead or manager with 403', async () => {
      const refused = await t.http.patch(`/api/stages/${funnel.stages[0].id}`).set(admin.auth).send({ requiredFields: ['amount'] }).expect(422);
      expect(refused.body.message).toBe('"Unassigned" is the unassigned stage, where new requests arrive; it cannot have required fields');
      for (const role of ['lead', 'manager'] as const) {
        const caller = await t.user(role);
        await t.http.patch(`/api/stages/${funnel.stages[2].id}`).set(caller.auth).send({ winProbability: 99 }).expect(403);
      }
      expect((await t.http.get(`/api/funnels/${funnel.id}`).set(admin.auth).expect(200)).body).toEqual(funnel);
    });
  });

  describe('the board', () => {
    const column = async (stageName: string, status = 'open'): Promise<BoardColumnDto> => {
      const board = (await t.http.get(`/api/funnels/${funnel.id}/board`).query({ status }).set(admin.auth).expect(200)).body as BoardDto;
      return board.columns.find((each) => each.stageId === stageNamed(stageName).id)!;
    };
    const backdate = (deal: DealDto, days: number) =>
      t.dataSource.query(`UPDATE deal SET last_activity_at = now() - make_interval(days => $2) WHERE id = $1`, [deal.id, days]);

    it('weighs each column by its win probability and counts its rotten deals', async () => {
      const fresh = await annasDeal({ amount: 10_000 });
      const idle = await annasDeal({ amount: 30_000 });
      const idleButLost = await annasDeal({ amount: 5_000 });
      await t.http.post(`/api/deals/${idleButLost.id}/close`).set(anna.auth).send({ outcome: 'lost', reason: 'Unreachable' }).expect(200);
      await backdate(idle, 10);
      await backdate(idleButLost, 30);
      await backdate(fresh, 2);

      // the default probability of Car selection is 10%; no rotting yet
      expect(await column('Car selection')).toMatchObject({ count: 2, amountSum: 40_000, weightedAmountSum: 4_000, rottenCount: 0 });

      await t.http.patch(`/api/stages/${stageNamed('Car selection').id}`).set(admin.auth).send({ winProbability: 25, rotAfterDays: 7 }).expect(200);
      expect(await column('Car selection')).toMatchObject({ count: 2, amountSum: 40_000, weightedAmountSum: 10_000, rottenCount: 1 });
      // a closed deal does not rot
      expect(await column('Car selection', 'lost')).toMatchObject({ count: 1, amountSum: 5_000, weightedAmountSum: 1_250, rottenCount: 0 });

      await t.http.patch(`/api/stages/${stageNamed('Car selection').id}`).set(admin.auth).send({ rotAfterDays: 1 }).expect(200);
      expect((await column('Car selection')).rottenCount).toBe(2);

      // no probability counts in full; no rotting limit, nothing rotten
      await t.http.patch(`/api/stages/${stageNamed('Car selection').id}`).set(admin.auth).send({ winProbability: null, rotAfterDays: null }).expect(200);
      expect(await column('Car selection')).toMatchObject({ amountSum: 40_000, weightedAmountSum: 40_000, rottenCount: 0 });

      // any change to a deal is activity: it is fresh again
      await t.http.patch(`/api/stages/${stageNamed('Car selection').id}`).set(admin.auth).send({ rotAfterDays: 7 }).expect(200);
      expect((await column('Car selection')).rottenCount).toBe(1);
      await t.http.patch(`/api/deals/${idle.id}`).set(anna.auth).send({ version: idle.version, title: 'Called: comes on Saturday' }).expect(200);
      expect((await column('Car selection')).rottenCount).toBe(0);
    });
  });
});
