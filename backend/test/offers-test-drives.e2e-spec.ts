import type { DealDto, DealEventDto, FunnelDto, OfferDto, TestDriveDto, VehicleDto } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { Listener } from './support/board-listener.js';
import { createDeal, stageOf } from './support/deals.js';
import { TestApp, uniqueEmail, uniquePhone, type TestUser } from './support/test-app.js';

const HOUR = 3_600_000;
const VIN_CHARACTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

/** A European VIN (no check digit), unique enough for one test run. */
function uniqueVin(): string {
  return `TMBJJ7NE${Array.from({ length: 9 }, () => VIN_CHARACTERS[Math.floor(Math.random() * VIN_CHARACTERS.length)]).join('')}`;
}

/**
 * The lines of text a PDF shows. pdfkit writes text in an embedded font as glyph ids; each
 * font's ToUnicode map turns them back into characters.
 */
function pdfText(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const objectBody = (id: string) => source.slice(source.indexOf(`\n${id} 0 obj`), source.indexOf('endobj', source.indexOf(`\n${id} 0 obj`)));
  const streamOf = (id: string) => {
    const body = objectBody(id);
    const length = Number(/\/Length (\d+)/.exec(body)![1]);
    const start = source.indexOf(`\n${id} 0 obj`) + body.indexOf('stream') + 'stream\n'.length;
    const raw = pdf.subarray(start, start + length);
    return (body.includes('/FlateDecode') ? inflateSync(raw) : raw).toString('latin1');
  };
  const glyphsOfFont = new Map<string, Map<number, string>>();
  for (const [, name, id] of source.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const glyphs = new Map<number, string>();
    const cmap = streamOf(/\/ToUnicode (\d+) 0 R/.exec(objectBody(id))![1]);
    for (const [, start, entries] of cmap.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/g)) {
      [...entries.matchAll(/<([0-9a-f ]+)>/g)].forEach(([, units], index) =>
        glyphs.set(parseInt(start, 16) + index, String.fromCharCode(...units.split(' ').map((unit) => parseInt(unit, 16)))),
      );
    }
    glyphsOfFont.set(name, glyphs);
  }
  const lines: string[] = [];
  for (const [, contents] of source.matchAll(/\/Contents (\d+) 0 R/g)) {
    let font = new Map<number, string>();
    for (const [, name, array] of streamOf(contents).matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (name) font = glyphsOfFont.get(name)!;
      else lines.push([...array.matchAll(/<([0-9a-f]+)>/g)].flatMap(([, hex]) => hex.match(/.{4}/g)!.map((glyph) => font.get(parseInt(glyph, 16)) ?? '?')).join(''));
    }
  }
  return lines;
}

describe('offers and test drives (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let anna: TestUser;
  let boris: TestUser;
  let funnel: FunnelDto;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    // One branch, the admin's: Boris is Anna's colleague, their lead sees both their deals, and
    // the untaken deals the admin makes are theirs to see.
    const { branchId } = admin;
    lead = await t.user('lead', { branchId });
    anna = await t.user('manager', { name: 'Anna Jansen', branchId });
    boris = await t.user('manager', { name: 'Boris', branchId });
  });
  beforeEach(async () => {
    funnel = await t.funnel(admin);
  });
  afterAll(() => t.close());

  const addVehicle = async (fields: Record<string, unknown> = {}): Promise<VehicleDto> =>
    (await t.http.post('/api/vehicles').set(lead.auth).send({ vin: uniqueVin(), make: 'Skoda', model: 'Octavia', year: 2021, mileage: 42000, price: 23950, ...fields }).expect(201)).body;
  /** Anna's deal, unless said otherwise. */
  const annasDeal = (extra: Record<string, unknown> = {}) => createDeal(t, admin, funnel, { responsibleId: anna.id, ...extra });
  const dealNow = async (id: string): Promise<DealDto> => (await t.http.get(`/api/deals/${id}`).set(anna.auth).expect(200)).body;
  const events = async (id: string): Promise<DealEventDto[]> => (await t.http.get(`/api/deals/${id}/events`).set(anna.auth).expect(200)).body;
  const vehicleNow = async (id: string): Promise<VehicleDto> => (await t.http.get(`/api/vehicles/${id}`).set(anna.auth).expect(200)).body;

  describe('offers', () => {
    it('makes an offer at the vehicle price by default, counts it on the deal and writes it to the timeline', async () => {
      const deal = await annasDeal();
      const vehicle = await addVehicle({ make: 'Škoda', model: 'Octavia Combi' });
      const response = await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id, discount: 1000, validUntil: '2099-12-15', notes: 'Winter tyres included' }).expect(201);
      const offer: OfferDto = response.body;
      expect(offer).toMatchObject({
        dealId: deal.id,
        vehicle: { id: vehicle.id, vin: vehicle.vin, make: 'Škoda' },
        price: 23950,
        discount: 1000,
        total: 22950,
        validUntil: '2099-12-15T23:59:59.999Z',
        status: 'active',
        notes: 'Winter tyres included',
        createdBy: { id: anna.id, name: 'Anna Jansen' },
      });
      const changed = await dealNow(deal.id);
      expect(changed.offerCount).toBe(1);
      expect(changed.version).toBe(deal.version + 1);
      expect((await events(deal.id)).at(-1)).toMatchObject({
        type: 'deal.offer_added',
        actor: { id: anna.id },
        data: { offerId: offer.id, vehicle: { id: vehicle.id, make: 'Škoda', model: 'Octavia Combi', year: 2021, vin: vehicle.vin }, price: 23950, discount: 1000, total: 22950, validUntil: '2099-12-15T23:59:59.999Z' },
      });
    });

    it('takes a price of its own, a date-time for validUntil, and totals in cents', async () => {
      const deal = await annasDeal();
      const vehicle = await addVehicle();
      const offer: OfferDto = (
        await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id, price: 20000.3, discount: 0.1, validUntil: '2099-01-31T17:00:00+01:00' }).expect(201)
      ).body;
      expect(offer).toMatchObject({ price: 20000.3, discount: 0.1, total: 20000.2, validUntil: '2099-01-31T16:00:00.000Z' });
    });

    it('withdraws an offer: it stays listed, the count drops, the timeline says so; a second withdrawal is 409', async () => {
      const deal = await annasDeal();
      const [first, second] = [await addVehicle(), await addVehicle({ model: 'Kodiaq' })];
      const kept: OfferDto = (await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: first.id }).expect(201)).body;
      const dropped: OfferDto = (await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: second.id }).expect(201)).body;
      expect((await dealNow(deal.id)).offerCount).toBe(2);

      const withdrawn = await t.http.post(`/api/offers/${dropped.id}/withdraw`).set(anna.auth).expect(200);
      expect(withdrawn.body).toMatchObject({ id: dropped.id, status: 'withdrawn' });
      expect((await dealNow(deal.id)).offerCount).toBe(1);
      const listed: OfferDto[] = (await t.http.get(`/api/deals/${deal.id}/offers`).set(lead.auth).expect(200)).body;
      expect(listed.map((offer) => [offer.id, offer.status])).toEqual([
        [dropped.id, 'withdrawn'],
        [kept.id, 'active'],
      ]);
      expect((await events(deal.id)).at(-1)).toMatchObject({ type: 'deal.offer_withdrawn', data: { offerId: dropped.id, vehicle: { model: 'Kodiaq' }, total: 23950 } });

      expect((await t.http.post(`/api/offers/${dropped.id}/withdraw`).set(anna.auth).expect(409)).body.message).toBe('This offer is already withdrawn');
      expect((await dealNow(deal.id)).offerCount).toBe(1);
      await t.http.post(`/api/offers/${randomUUID()}/withdraw`).set(anna.auth).expect(404);
    });

    it('refuses an unknown vehicle (422), a sold one (409) and a discount over the price (422), writing nothing', async () => {
      const deal = await annasDeal();
      const unknown = await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: randomUUID() }).expect(422);
      expect(unknown.body.message).toMatch(/vehicleId .* is not a vehicle in stock/);

      const sold = await addVehicle({ make: 'Volvo', model: 'V60', year: 2019, status: 'sold' });
      const soldResponse = await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: sold.id }).expect(409);
      expect(soldResponse.body.message).toBe(`The 2019 Volvo V60 (VIN ${sold.vin}) is already sold; offer another vehicle`);

      const vehicle = await addVehicle({ price: 10000 });
      const overDiscount = await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id, discount: 10000.01 }).expect(422);
      expect(overDiscount.body.message).toBe('discount (10,000.01) cannot be more than the price (10,000.00)');
      await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id, price: 500, discount: 600 }).expect(422);
      await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id, discount: 10000 }).expect(201);

      expect((await dealNow(deal.id)).offerCount).toBe(1);
      expect((await t.http.get(`/api/deals/${deal.id}/offers`).set(anna.auth).expect(200)).body).toHaveLength(1);
    });

    it.each([
      ['no vehicleId', { vehicleId: undefined }, 'vehicleId'],
      ['a vehicleId that is no id', { vehicleId: 'car-1' }, 'vehicleId'],
      ['a negative discount', { discount: -5 }, 'discount'],
      ['a price with three decimals', { price: 1.005 }, 'price'],
      ['validUntil that is no date', { validUntil: 'next week' }, 'validUntil'],
      ['validUntil with a month only', { validUntil: '2099-12' }, 'validUntil'],
      ['an unknown field', { colour: 'red' }, 'colour'],
    ])('refuses %s with 400 naming the field', async (_case, body, field) => {
      const deal = await annasDeal();
      const vehicle = await addVehicle();
      const response = await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id, ...body }).expect(400);
      expect(response.body.message).toMatch(field);
    });

    it('refuses a validUntil in the past (422), an offer on a closed deal (409) and a missing deal (404)', async () => {
      const deal = await annasDeal();
      const vehicle = await addVehicle();
      expect((await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id, validUntil: '2020-01-01' }).expect(422)).body.message).toMatch(
        /validUntil 2020-01-01 is in the past/,
      );
      await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'lost', reason: 'Bought elsewhere' }).expect(200);
      expect((await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id }).expect(409)).body.message).toBe(
        'This deal is lost; reopen it before making an offer',
      );
      await t.http.post(`/api/deals/${randomUUID()}/offers`).set(anna.auth).send({ vehicleId: vehicle.id }).expect(404);
      await t.http.get(`/api/deals/${randomUUID()}/offers`).set(anna.auth).expect(404);
    });

    it("refuses a manager on another manager's deal (403); the deal's manager, a lead and an admin may; anyone on an untaken deal", async () => {
      const deal = await annasDeal();
      const vehicle = await addVehicle();
      const refused = await t.http.post(`/api/deals/${deal.id}/offers`).set(boris.auth).send({ vehicleId: vehicle.id }).expect(403);
      expect(refused.body.message).toMatch(/belongs to another manager/);
      const offers: OfferDto[] = [];
      for (const user of [anna, lead, admin]) offers.push((await t.http.post(`/api/deals/${deal.id}/offers`).set(user.auth).send({ vehicleId: vehicle.id }).expect(201)).body);
      await t.http.post(`/api/offers/${offers[0].id}/withdraw`).set(boris.auth).expect(403);
      await t.http.post(`/api/offers/${offers[0].id}/withdraw`).set(lead.auth).expect(200);
      await t.http.post(`/api/offers/${offers[1].id}/withdraw`).set(admin.auth).expect(200);
      expect((await dealNow(deal.id)).offerCount).toBe(1);

      const untaken = await createDeal(t, admin, funnel);
      await t.http.post(`/api/deals/${untaken.id}/offers`).set(boris.auth).send({ vehicleId: vehicle.id }).expect(201);
    });

    it("treats a trashed deal's offers and test drives as gone (404)", async () => {
      const deal = await annasDeal();
      const vehicle = await addVehicle();
      const offer: OfferDto = (await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id }).expect(201)).body;
      await t.http.post(`/api/deals/${deal.id}/trash`).set(anna.auth).expect(200);
      await t.http.get(`/api/deals/${deal.id}/offers`).set(anna.auth).expect(404);
      await t.http.get(`/api/deals/${deal.id}/test-drives`).set(anna.auth).expect(404);
      await t.http.get(`/api/offers/${offer.id}/quote.pdf`).set(anna.auth).expect(404);
      await t.http.post(`/api/offers/${offer.id}/withdraw`).set(anna.auth).expect(404);
      await t.http.post(`/api/deals/${deal.id}/test-drives`).set(anna.auth).send({ vehicleId: vehicle.id, startsAt: '2099-05-01T10:00:00Z', endsAt: '2099-05-01T11:00:00Z' }).expect(404);
    });

    it('sends deal.offer_added with the new offerCount to open boards', async () => {
      const deal = await annasDeal();
      const vehicle = await addVehicle();
      const listener = await Listener.connect(await t.url(), lead.token);
      try {
        await listener.join(funnel.id);
        await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id }).expect(201);
        const [event] = await listener.received(1);
        expect(event).toMatchObject({ type: 'deal.offer_added', funnelId: funnel.id, actor: { id: anna.id }, deal: { id: deal.id, offerCount: 1 }, data: { vehicle: { id: vehicle.id } } });
      } finally {
        listener.close();
      }
    });
  });

  describe('the quote PDF', () => {
    it('is a printable PDF with the dealership, customer, vehicle, amounts, validity, manager and notes', async () => {
      const phone = uniquePhone();
      const email = uniqueEmail();
      const deal = await annasDeal({ contact: { name: 'Зоя Кузнецова-Müller', phone, email } });
      const vehicle = await addVehicle({ make: 'Škoda', model: 'Octavia Combi', colour: 'Moon white', mileage: 42000 });
      const offer: OfferDto = (
        await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id, discount: 1000.5, validUntil: '2099-12-15', notes: 'Winter tyres included; délivrance gratuite' }).expect(201)
      ).body;

      await t.http.get(`/api/offers/${offer.id}/quote.pdf`).set(boris.auth).expect(403);
      const response = await t.http.get(`/api/offers/${offer.id}/quote.pdf`).set(lead.auth).responseType('blob').expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(`inline; filename="Quote ${deal.code}.pdf"`);
      const pdf: Buffer = response.body;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(Number(response.headers['content-length'])).toBe(pdf.length);

      const text = pdfText(pdf);
      const stored = (await dealNow(deal.id)).contact;
      expect(text).toEqual(
        expect.arrayContaining([
          'Autofunnel',
          `Quote ${deal.code}-${offer.id.slice(0, 6).toUpperCase()}`,
          'Зоя Кузнецова-Müller',
          stored.phones[0],
          email,
          'Škoda Octavia Combi',
          '2021',
          vehicle.vin,
          '42,000 km',
          'Moon white',
          '23,950.00',
          '− 1,000.50',
          '22,949.50',
          '15 Dec 2099',
          `Anna Jansen, ${anna.email}`,
          'Winter tyres included; délivrance gratuite',
        ]),
      );
    });

    it('marks a withdrawn offer as no longer valid; 404 for an unknown offer', async () => {
      const deal = await annasDeal();
      const offer: OfferDto = (await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: (await addVehicle()).id }).expect(201)).body;
      await t.http.post(`/api/offers/${offer.id}/withdraw`).set(anna.auth).expect(200);
      const response = await t.http.get(`/api/offers/${offer.id}/quote.pdf`).set(anna.auth).responseType('blob').expect(200);
      expect(pdfText(response.body)).toContain('This offer has been withdrawn and is no longer valid.');
      expect((await t.http.get(`/api/offers/${randomUUID()}/quote.pdf`).set(anna.auth).expect(404)).body.message).toMatch(/Offer .* does not exist/);
    });
  });

  describe('winning a deal sells the offered vehicle', () => {
    it('sells the vehicle of the latest active offer when the deal is closed as won', async () => {
      const deal = await annasDeal();
      const [chosen, withdrawn] = [await addVehicle(), await addVehicle({ model: 'Superb' })];
      await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: chosen.id }).expect(201);
      const later: OfferDto = (await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: withdrawn.id }).expect(201)).body;
      await t.http.post(`/api/offers/${later.id}/withdraw`).set(anna.auth).expect(200);

      await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'won' }).expect(200);
      expect(await vehicleNow(chosen.id)).toMatchObject({ status: 'sold', version: 2 });
      expect((await vehicleNow(withdrawn.id)).status).toBe('in_stock');
      expect((await events(deal.id)).at(-1)).toMatchObject({ type: 'deal.closed', data: { outcome: 'won', soldVehicleId: chosen.id } });

      // A sold vehicle takes no more offers or test drives, and a won deal keeps its offer.
      const other = await annasDeal();
      await t.http.post(`/api/deals/${other.id}/offers`).set(anna.auth).send({ vehicleId: chosen.id }).expect(409);
      const drive = await t.http.post(`/api/deals/${other.id}/test-drives`).set(anna.auth).send({ vehicleId: chosen.id, startsAt: '2099-03-01T10:00:00Z', endsAt: '2099-03-01T11:00:00Z' }).expect(409);
      expect(drive.body.message).toMatch(/is sold; choose another vehicle/);
      const [sale] = (await t.http.get(`/api/deals/${deal.id}/offers`).set(anna.auth).expect(200)).body as OfferDto[];
      expect((await t.http.post(`/api/offers/${sale.id}/withdraw`).set(anna.auth).expect(409)).body.message).toMatch(/deal is won/);
    });

    it('sells it when the deal is moved into the won stage', async () => {
      const deal = await annasDeal();
      const vehicle = await addVehicle();
      await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id }).expect(201);
      await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageOf(funnel, 'won') }).expect(200);
      expect((await vehicleNow(vehicle.id)).status).toBe('sold');
    });

    it('refuses (409) to win a second deal whose offered vehicle another deal already bought', async () => {
      const vehicle = await addVehicle({ make: 'Kia', model: 'Ceed' });
      const [first, second] = [await annasDeal(), await annasDeal()];
      for (const deal of [first, second]) await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id }).expect(201);
      await t.http.post(`/api/deals/${first.id}/close`).set(anna.auth).send({ outcome: 'won' }).expect(200);
      const refused = await t.http.post(`/api/deals/${second.id}/close`).set(anna.auth).send({ outcome: 'won' }).expect(409);
      expect(refused.body.message).toMatch(new RegExp(`Kia Ceed \\(VIN ${vehicle.vin}\\) is already sold with deal ${first.code}`));
      expect((await dealNow(second.id)).status).toBe('open');
    });

    it('puts the vehicle back in stock when the won deal is reopened or moved out of won, so it can be won again', async () => {
      const deal = await annasDeal();
      const vehicle = await addVehicle();
      await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id }).expect(201);
      await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'won' }).expect(200);
      await t.http.post(`/api/deals/${deal.id}/reopen`).set(anna.auth).expect(200);
      expect((await vehicleNow(vehicle.id)).status).toBe('in_stock');
      expect((await events(deal.id)).at(-1)).toMatchObject({ type: 'deal.reopened', data: { releasedVehicleId: vehicle.id } });

      await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageOf(funnel, 'won') }).expect(200);
      expect((await vehicleNow(vehicle.id)).status).toBe('sold');
      await t.http.post(`/api/deals/${deal.id}/move`).set(anna.auth).send({ stageId: stageOf(funnel, 'open') }).expect(200);
      expect((await vehicleNow(vehicle.id)).status).toBe('in_stock');
      await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'won' }).expect(200);
      expect((await vehicleNow(vehicle.id)).status).toBe('sold');
    });

    it('lists the buying deal on the vehicle', async () => {
      const deal = await annasDeal();
      const vehicle = await addVehicle();
      const offer: OfferDto = (await t.http.post(`/api/deals/${deal.id}/offers`).set(anna.auth).send({ vehicleId: vehicle.id }).expect(201)).body;
      await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'won' }).expect(200);
      const shown = (await t.http.get(`/api/vehicles/${vehicle.id}`).set(anna.auth).expect(200)).body;
      expect(shown).toMatchObject({ status: 'sold', deals: [{ dealId: deal.id, code: deal.code, status: 'won', via: 'offer', id: offer.id }] });
    });
  });

  describe('test drives', () => {
    /** A one-hour (or longer) slot `hours` after a far-future start of the test's own. */
    let base: number;
    beforeEach(() => {
      base = Date.UTC(2099, 10, 26, 14) + Math.floor(Math.random() * 1000) * 7 * 24 * HOUR;
    });
    const slot = (fromHour: number, toHour = fromHour + 1) => ({ startsAt: new Date(base + fromHour * HOUR).toISOString(), endsAt: new Date(base + toHour * HOUR).toISOString() });
    const book = (deal: DealDto, vehicle: VehicleDto, when: { startsAt: string; endsAt: string }, user = anna, extra: Record<string, unknown> = {}) =>
      t.http.post(`/api/deals/${deal.id}/test-drives`).set(user.auth).send({ vehicleId: vehicle.id, ...when, ...extra });

    it('books a slot, counts it on the deal and writes it to the timeline', async () => {
      const deal = await annasDeal();
      const vehicle = await addVehicle();
      const response = await book(deal, vehicle, slot(0), anna, { licenceChecked: true, notes: 'Bring the licence' }).expect(201);
      const drive: TestDriveDto = response.body;
      expect(drive).toMatchObject({ dealId: deal.id, vehicle: { id: vehicle.id }, ...slot(0), licenceChecked: true, status: 'scheduled', notes: 'Bring the licence', createdBy: { id: anna.id } });
      expect((await dealNow(deal.id)).testDriveCount).toBe(1);
      expect((await events(deal.id)).at(-1)).toMatchObject({
        type: 'deal.test_drive_scheduled',
        data: { testDriveId: drive.id, vehicle: { id: vehicle.id, make: 'Skoda', model: 'Octavia', vin: vehicle.vin }, ...slot(0), licenceChecked: true },
      });
      expect((await t.http.get(`/api/deals/${deal.id}/test-drives`).set(lead.auth).expect(200)).body.map((item: TestDriveDto) => item.id)).toEqual([drive.id]);
    });

    it('frees the slots of a deal moved to the trash', async () => {
      const [trashed, other] = [await annasDeal(), await annasDeal()];
      const vehicle = await addVehicle();
      await book(trashed, vehicle, slot(0), anna).expect(201);
      await t.http.post(`/api/deals/${trashed.id}/trash`).set(anna.auth).expect(200);
      await book(other, vehicle, slot(0), anna).expect(201);
      await t.http.get(`/api/deals/${trashed.id}/test-drives`).set(anna.auth).expect(404);
      const restored = (await t.http.post(`/api/deals/${trashed.id}/restore`).set(admin.auth).expect(200)).body as DealDto;
      expect(restored.testDriveCount).toBe(0);
      const drives = (await t.http.get(`/api/deals/${trashed.id}/test-drives`).set(anna.auth).expect(200)).body as TestDriveDto[];
      expect(drives.map((drive) => drive.status)).toEqual(['cancelled']);
    });

    it('refuses a double booking with 409 naming the clashing slot and deal; back-to-back slots are fine', async () => {
      const [first, second] = [await annasDeal(), await annasDeal()];
      const vehicle = await addVehicle({ make: 'Skoda', model: 'Octavia' });
      const booked: TestDriveDto = (await book(first, vehicle, slot(0)).expect(201)).body;
      const clash = await book(second, vehicle, { startsAt: new Date(base + 0.5 * HOUR).toISOString(), endsAt: new Date(base + 1.5 * HOUR).toISOString() }).expect(409);
      const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(base);
      expect(clash.body.message).toBe(`The Skoda Octavia is already booked 14:00–15:00 UTC on ${day} for deal ${first.code}; choose another time or vehicle`);
      expect(clash.body.clash).toEqual({ testDriveId: booked.id, dealId: first.id, dealCode: first.code, ...slot(0) });
      // Inside, around and the same slot again from the same deal.
      await book(second, vehicle, { startsAt: new Date(base + 10 * 60_000).toISOString(), endsAt: new Date(base + 20 * 60_000).toISOString() }).expect(409);
      await book(second, vehicle, slot(-1, 2)).expect(409);
      expect((await book(first, vehicle, slot(0)).expect(409)).body.message).toMatch(`for this deal (${first.code})`);

      await book(second, vehicle, slot(1)).expect(201);
      await book(second, vehicle, slot(-1)).expect(201);
      await book(second, await addVehicle(), slot(0)).expect(201);
      expect((await dealNow(second.id)).testDriveCount).toBe(3);
    });

    it('lets exactly one of 10 parallel bookings of one slot (deals in different funnels) through; the rest get 409', async () => {
      const vehicle = await addVehicle();
      const deals = await Promise.all(Array.from({ length: 10 }, async () => createDeal(t, admin, await t.funnel(admin), { responsibleId: anna.id })));
      const responses = await Promise.all(deals.map((deal) => book(deal, vehicle, slot(0))));
      expect(responses.map((response) => response.status).sort()).toEqual([201, ...Array(9).fill(409)]);
      const winner = deals[responses.findIndex((response) => response.status === 201)];
      for (const response of responses.filter((item) => item.status === 409)) expect(response.body.message).toMatch(`for deal ${winner.code}`);
      const counts = await Promise.all(deals.map(async (deal) => (await dealNow(deal.id)).testDriveCount));
      expect(counts.sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    });

    it('still answers 409 naming the clash when the exclusion constraint catches a booking made alongside', async () => {
      const [deal, other] = [await annasDeal(), await annasDeal()];
      const vehicle = await addVehicle();
      // A writer that does not lock the vehicle: its slot is invisible to the look-up until it commits.
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query(`INSERT INTO test_drive (deal_id, vehicle_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)`, [other.id, vehicle.id, slot(0).startsAt, slot(0).endsAt]);
        const [{ pid }]: { pid: number }[] = await runner.query('SELECT pg_backend_pid() AS pid');
        const booking = book(deal, vehicle, slot(0)).then((response) => response);
        const deadline = Date.now() + 5000;
        while ((await t.dataSource.query('SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [pid])).length === 0) {
          if (Date.now() > deadline) throw new Error('the booking never waited for the other writer');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await runner.commitTransaction();
        const response = await booking;
        expect(response.status).toBe(409);
        expect(response.body.message).toMatch(`already booked 14:00–15:00 UTC`);
        expect(response.body.message).toMatch(`for deal ${other.code}`);
      } finally {
        await runner.release();
      }
      expect((await dealNow(deal.id)).testDriveCount).toBe(0);
    });

    it('frees the slot when cancelled (count drops); bringing the drive back then clashes with the new booking', async () => {
      const [first, second] = [await annasDeal(), await annasDeal()];
      const vehicle = await addVehicle();
      const drive: TestDriveDto = (await book(first, vehicle, slot(0)).expect(201)).body;
      const cancelled = await t.http.patch(`/api/test-drives/${drive.id}`).set(anna.auth).send({ status: 'cancelled' }).expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      expect((await dealNow(first.id)).testDriveCount).toBe(0);
      expect((await events(first.id)).at(-1)).toMatchObject({ type: 'deal.test_drive_updated', data: { testDriveId: drive.id, status: 'cancelled', changes: { status: { from: 'scheduled', to: 'cancelled' } } } });

      await book(second, vehicle, slot(0)).expect(201);
      const revived = await t.http.patch(`/api/test-drives/${drive.id}`).set(anna.auth).send({ status: 'scheduled' }).expect(409);
      expect(revived.body.message).toMatch(`for deal ${second.code}`);
      await t.http.patch(`/api/test-drives/${drive.id}`).set(anna.auth).send({ status: 'scheduled', ...slot(3) }).expect(200);
      expect((await dealNow(first.id)).testDriveCount).toBe(1);
    });

    it('reschedules with the same checks, and records what changed', async () => {
      const deal = await annasDeal();
      const vehicle = await addVehicle();
      const [drive, other]: TestDriveDto[] = [(await book(deal, vehicle, slot(0)).expect(201)).body, (await book(deal, vehicle, slot(2)).expect(201)).body];
      await t.http.patch(`/api/test-drives/${drive.id}`).set(anna.auth).send({ endsAt: slot(2, 3).endsAt }).expect(409);
      await t.http.patch(`/api/test-drives/${drive.id}`).set(anna.auth).send({ endsAt: slot(0).startsAt }).expect(422);
      await t.http.patch(`/api/test-drives/${drive.id}`).set(anna.auth).send({ endsAt: slot(0, 30).endsAt }).expect(422);

      const moved = await t.http.patch(`/api/test-drives/${drive.id}`).set(anna.auth).send(slot(1)).expect(200);
      expect(moved.body).toMatchObject(slot(1));
      expect((await events(deal.id)).at(-1)).toMatchObject({
        type: 'deal.test_drive_updated',
        data: { testDriveId: drive.id, changes: { startsAt: { from: slot(0).startsAt, to: slot(1).startsAt }, endsAt: { from: slot(0).endsAt, to: slot(1).endsAt } } },
      });
      // Shortening a slot within itself does not clash with itself.
      await t.http.patch(`/api/test-drives/${other.id}`).set(anna.auth).send({ endsAt: new Date(base + 2.5 * HOUR).toISOString() }).expect(200);
      expect((await dealNow(deal.id)).testDriveCount).toBe(2);
    });

    it('marks a drive done only once the licence is checked; a request that changes nothing writes nothing', async () => {
      const deal = await annasDeal();
      const drive: TestDriveDto = (await book(deal, await addVehicle(), slot(0)).expect(201)).body;
      const refused = await t.http.patch(`/api/test-drives/${drive.id}`).set(anna.auth).send({ status: 'done' }).expect(422);
      expect(refused.body.message).toMatch(/Check the customer's driving licence/);
      const done = await t.http.patch(`/api/test-drives/${drive.id}`).set(anna.auth).send({ status: 'done', licenceChecked: true, notes: 'Liked the gearbox' }).expect(200);
      expect(done.body).toMatchObject({ status: 'done', licenceChecked: true, notes: 'Liked the gearbox' });
      expect((await dealNow(deal.id)).testDriveCount).toBe(1);

      const before = await events(deal.id);
      await t.http.patch(`/api/test-drives/${drive.id}`).set(anna.auth).send({ status: 'done', notes: 'Liked the gearbox' }).expect(200);
      expect(await events(deal.id)).toHaveLength(before.length);
    });

    it('refuses an end not after the start and slots over a day (422), dates without a time (400), unknown vehicles (422), sold ones (409)', async () => {
      const deal = await annasDeal();
      const vehicle = await addVehicle();
      expect((await book(deal, vehicle, slot(1, 1)).expect(422)).body.message).toBe('endsAt must be after startsAt');
      await book(deal, vehicle, slot(1, 0)).expect(422);
      expect((await book(deal, vehicle, slot(0, 25)).expect(422)).body.message).toMatch(/at most 24 hours; this one would last 25 hours/);
      await book(deal, vehicle, slot(0, 24)).expect(201);

      const dateOnly = await book(deal, vehicle, { startsAt: '2099-11-26', endsAt: '2099-11-27' }).expect(400);
      expect(dateOnly.body.fields).toEqual({ startsAt: [expect.stringMatching(/date-time/)], endsAt: [expect.stringMatching(/date-time/)] });
      expect((await t.http.post(`/api/deals/${deal.id}/test-drives`).set(anna.auth).send(slot(0)).expect(400)).body.fields).toHaveProperty('vehicleId');
      await book(deal, vehicle, slot(30), anna, { licenceChecked: 'yes' }).expect(400);
      await book(deal, { id: randomUUID() } as VehicleDto, slot(40)).expect(422);
      const sold = await addVehicle({ status: 'sold' });
      await book(deal, sold, slot(40)).expect(409);
      await t.http.patch(`/api/test-drives/${randomUUID()}`).set(anna.auth).send({ status: 'cancelled' }).expect(404);
      await t.http.patch(`/api/test-drives/${randomUUID()}`).set(anna.auth).send({ status: 'gone' }).expect(400);
      expect((await dealNow(deal.id)).testDriveCount).toBe(1);
    });

    it('books no test drive on a closed deal (409)', async () => {
      const deal = await annasDeal();
      await t.http.post(`/api/deals/${deal.id}/close`).set(anna.auth).send({ outcome: 'lost', reason: 'Unreachable' }).expect(200);
      expect((await book(deal, await addVehicle(), slot(0)).expect(409)).body.message).toBe('This deal is lost; reopen it before booking a test drive');
    });

    it("refuses a manager on another manager's deal (403); a lead and an admin may", async () => {
      const deal = await annasDeal();
      const vehicle = await addVehicle();
      expect((await book(deal, vehicle, slot(0), boris).expect(403)).body.message).toMatch(/belongs to another manager/);
      const drive: TestDriveDto = (await book(deal, vehicle, slot(0), lead).expect(201)).body;
      await book(deal, vehicle, slot(1), admin).expect(201);
      await t.http.patch(`/api/test-drives/${drive.id}`).set(boris.auth).send({ status: 'cancelled' }).expect(403);
      await t.http.patch(`/api/test-drives/${drive.id}`).set(admin.auth).send({ licenceChecked: true }).expect(200);
      await t.http.patch(`/api/test-drives/${drive.id}`).set(lead.auth).send({ status: 'cancelled' }).expect(200);
      expect((await dealNow(deal.id)).testDriveCount).toBe(1);
    });
  });
});
