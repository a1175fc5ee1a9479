import type { FunnelDto, VehicleDto, VehicleListPage, VehicleWithDealsDto } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { createDeal } from './support/deals.js';
import { TestApp, type TestUser } from './support/test-app.js';

const VIN_CHARACTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const VALUES: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9 };
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** A random North American VIN with its check digit worked out here (ISO 3779), independently of the app. */
function uniqueVin(): string {
  const chars = ['1', ...Array.from({ length: 16 }, () => VIN_CHARACTERS[Math.floor(Math.random() * VIN_CHARACTERS.length)])];
  chars[8] = '0';
  const sum = chars.reduce((total, char, index) => total + (/\d/.test(char) ? Number(char) : VALUES[char]) * WEIGHTS[index], 0);
  chars[8] = sum % 11 === 10 ? 'X' : String(sum % 11);
  return chars.join('');
}

/** The same VIN with a wrong check digit. */
function withWrongCheckDigit(vin: string): string {
  const wrong = vin[8] === '1' ? '2' : '1';
  return `${vin.slice(0, 8)}${wrong}${vin.slice(9)}`;
}

describe('stock (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let manager: TestUser;
  let funnel: FunnelDto;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    // In the admin's branch: the untaken deals the admin makes are theirs to see.
    lead = await t.user('lead', { branchId: admin.branchId });
    manager = await t.user('manager', { branchId: admin.branchId });
    funnel = await t.funnel(admin);
  });
  afterAll(() => t.close());

  const addVehicle = async (fields: Record<string, unknown> = {}): Promise<VehicleDto> =>
    (await t.http.post('/api/vehicles').set(lead.auth).send({ vin: uniqueVin(), make: 'Skoda', model: 'Octavia', year: 2021, mileage: 42000, price: 23950, ...fields }).expect(201)).body;

  describe('create', () => {
    it('adds a vehicle with its VIN normalised; a lead may, as may an admin', async () => {
      const vin = uniqueVin();
      const typed = `${vin.slice(0, 6).toLowerCase()} ${vin.slice(6, 11)}-${vin.slice(11)}`;
      const response = await t.http
        .post('/api/vehicles')
        .set(lead.auth)
        .send({ vin: typed, make: ' Škoda ', model: 'Octavia Combi', year: 2021, mileage: 42000, colour: 'Moon white', price: 23950.5 })
        .expect(201);
      const vehicle: VehicleDto = response.body;
      expect(vehicle).toMatchObject({ vin, make: 'Škoda', model: 'Octavia Combi', year: 2021, mileage: 42000, colour: 'Moon white', price: 23950.5, status: 'in_stock', version: 1 });
      expect(vehicle.id).toMatch(/^[0-9a-f-]{36}$/);
      await t.http.post('/api/vehicles').set(admin.auth).send({ vin: uniqueVin(), make: 'Kia', model: 'Ceed', year: 2024, price: 21000, status: 'reserved' }).expect(201);
    });

    it('accepts a VIN from outside North America, where the 9th character is no check digit', async () => {
      const vin = `XTA21099${randomUUID().replace(/[^0-9]/g, '').padEnd(9, '7').slice(0, 9)}`;
      const vehicle = await addVehicle({ vin, make: 'Lada', model: 'Niva' });
      expect(vehicle.vin).toBe(vin);
      expect(vehicle.mileage).toBe(42000);
    });

    it.each([
      ['too short', (vin: string) => vin.slice(0, 16), /vin: A VIN has 17 characters; this one has 16/],
      ['too long', (vin: string) => `${vin}7`, /vin: A VIN has 17 characters; this one has 18/],
      ['with an O', (vin: string) => `${vin.slice(0, 12)}O${vin.slice(13)}`, /vin: A VIN has only digits and the letters A–Z without I, O and Q/],
      ['with an I', (vin: string) => `${vin.slice(0, 12)}I${vin.slice(13)}`, /without I, O and Q/],
      ['with a Q', (vin: string) => `${vin.slice(0, 12)}Q${vin.slice(13)}`, /without I, O and Q/],
      ['with a wrong check digit', withWrongCheckDigit, /vin: The VIN's check digit \(9th character\) should be [0-9X]; look for a mistyped character/],
    ])('refuses a VIN %s with 400 naming the field vin', async (_case, spoil, message) => {
      const response = await t.http.post('/api/vehicles').set(lead.auth).send({ vin: spoil(uniqueVin()), make: 'Skoda', model: 'Octavia', year: 2021, price: 23950 }).expect(400);
      expect(response.body.message).toMatch(message);
      expect(Object.keys(response.body.fields)).toEqual(['vin']);
    });

    it.each([
      ['a missing vin', { vin: undefined }, 'vin', /vin must be a VIN/],
      ['a vin that is a number', { vin: 12345678901234567 }, 'vin', /vin must be a VIN/],
      ['a blank make', { make: '  ' }, 'make', /make must not be empty/],
      ['a missing model', { model: undefined }, 'model', /model/],
      ['a year before 1950', { year: 1949 }, 'year', /year must be a year from 1950 to \d{4}/],
      ['a year after next year', { year: new Date().getUTCFullYear() + 2 }, 'year', /year must be a year from 1950/],
      ['a fractional year', { year: 2020.5 }, 'year', /year must be a year/],
      ['a negative mileage', { mileage: -1 }, 'mileage', /mileage must not be negative/],
      ['a fractional mileage', { mileage: 10.5 }, 'mileage', /mileage must be a whole number/],
      ['a negative price', { price: -1 }, 'price', /price must not be negative/],
      ['a price with three decimals', { price: 100.005 }, 'price', /price must be an amount with at most two decimals/],
      ['a price given as text', { price: '23950' }, 'price', /price must be an amount/],
      ['an unknown status', { status: 'gone' }, 'status', /status must be one of in_stock, reserved, sold/],
      ['a colour over 40 characters', { colour: 'x'.repeat(41) }, 'colour', /colour/],
    ])('refuses %s with 400 naming the field', async (_case, change, field, message) => {
      const response = await t.http
        .post('/api/vehicles')
        .set(lead.auth)
        .send({ vin: uniqueVin(), make: 'Skoda', model: 'Octavia', year: 2021, price: 23950, ...change })
        .expect(400);
      expect(response.body.fields).toHaveProperty(field);
      expect(response.body.message).toMatch(message);
    });

    it('refuses a VIN already in stock (409 naming that vehicle), however it is typed', async () => {
      const existing = await addVehicle({ make: 'Volvo', model: 'XC60', year: 2020 });
      const response = await t.http
        .post('/api/vehicles')
        .set(admin.auth)
        .send({ vin: ` ${existing.vin.toLowerCase()} `, make: 'Volvo', model: 'XC40', year: 2022, price: 30000 })
        .expect(409);
      expect(response.body.message).toBe(`VIN ${existing.vin} already belongs to the 2020 Volvo XC60 (in stock); open that vehicle instead`);
      expect(response.body.vehicle).toMatchObject({ id: existing.id });
    });

    it('lets exactly one of two parallel creates with one VIN through; the other gets 409 naming it', async () => {
      const vin = uniqueVin();
      const responses = await Promise.all(
        [1, 2].map(() => t.http.post('/api/vehicles').set(lead.auth).send({ vin, make: 'Audi', model: 'A4', year: 2019, price: 18000 })),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
      const created = responses.find((response) => response.status === 201)!.body as VehicleDto;
      expect(responses.find((response) => response.status === 409)!.body.vehicle.id).toBe(created.id);
    });

    it('is refused (403) to managers, who may still read the stock', async () => {
      const response = await t.http.post('/api/vehicles').set(manager.auth).send({ vin: uniqueVin(), make: 'Skoda', model: 'Octavia', year: 2021, price: 23950 }).expect(403);
      expect(response.body.message).toMatch(/admin or lead/);
      const vehicle = await addVehicle();
      await t.http.get('/api/vehicles').set(manager.auth).expect(200);
      await t.http.get(`/api/vehicles/${vehicle.id}`).set(manager.auth).expect(200);
    });
  });

  describe('edit', () => {
    it('changes fields with the version seen and bumps it; colour null clears it', async () => {
      const vehicle = await addVehicle({ colour: 'Red' });
      const response = await t.http
        .patch(`/api/vehicles/${vehicle.id}`)
        .set(admin.auth)
        .send({ version: 1, price: 22500, mileage: 43010, colour: null, status: 'reserved' })
        .expect(200);
      expect(response.body).toMatchObject({ id: vehicle.id, price: 22500, mileage: 43010, colour: null, status: 'reserved', version: 2, vin: vehicle.vin });
    });

    it('refuses a stale version with 409 and the current one', async () => {
      const vehicle = await addVehicle();
      await t.http.patch(`/api/vehicles/${vehicle.id}`).set(lead.auth).send({ version: 1, price: 20000 }).expect(200);
      const stale = await t.http.patch(`/api/vehicles/${vehicle.id}`).set(admin.auth).send({ version: 1, price: 19000 }).expect(409);
      expect(stale.body).toMatchObject({ currentVersion: 2, message: expect.stringMatching(/Someone changed this vehicle meanwhile.*version 2/) });
      expect((await t.http.get(`/api/vehicles/${vehicle.id}`).set(lead.auth).expect(200)).body.price).toBe(20000);
    });

    it('keeps the version when an edit changes nothing', async () => {
      const vehicle = await addVehicle({ colour: 'Red' });
      const same = await t.http.patch(`/api/vehicles/${vehicle.id}`).set(lead.auth).send({ version: 1, price: vehicle.price, colour: 'Red', vin: vehicle.vin.toLowerCase() }).expect(200);
      expect(same.body).toMatchObject({ version: 1, updatedAt: vehicle.updatedAt });
      await t.http.patch(`/api/vehicles/${vehicle.id}`).set(admin.auth).send({ version: 1, mileage: 1 }).expect(200);
    });

    it('validates a new VIN again: 400 when invalid, 409 when another vehicle has it', async () => {
      const [vehicle, other] = [await addVehicle(), await addVehicle({ make: 'BMW', model: 'X3' })];
      const invalid = await t.http.patch(`/api/vehicles/${vehicle.id}`).set(lead.auth).send({ version: 1, vin: withWrongCheckDigit(vehicle.vin) }).expect(400);
      expect(invalid.body.fields).toHaveProperty('vin');
      const taken = await t.http.patch(`/api/vehicles/${vehicle.id}`).set(lead.auth).send({ version: 1, vin: other.vin.toLowerCase() }).expect(409);
      expect(taken.body.message).toMatch(/BMW X3/);
      const renewed = uniqueVin();
      expect((await t.http.patch(`/api/vehicles/${vehicle.id}`).set(lead.auth).send({ version: 1, vin: renewed }).expect(200)).body.vin).toBe(renewed);
    });

    it('refuses bad input (400), a missing vehicle (404) and managers (403)', async () => {
      const vehicle = await addVehicle();
      expect((await t.http.patch(`/api/vehicles/${vehicle.id}`).set(lead.auth).send({ price: 1 }).expect(400)).body.fields).toHaveProperty('version');
      expect((await t.http.patch(`/api/vehicles/${vehicle.id}`).set(lead.auth).send({ version: 1, make: null }).expect(400)).body.fields).toHaveProperty('make');
      expect((await t.http.patch(`/api/vehicles/${vehicle.id}`).set(lead.auth).send({ version: 1, year: 1900 }).expect(400)).body.fields).toHaveProperty('year');
      await t.http.patch(`/api/vehicles/${randomUUID()}`).set(lead.auth).send({ version: 1, price: 1 }).expect(404);
      await t.http.patch(`/api/vehicles/${vehicle.id}`).set(manager.auth).send({ version: 1, price: 1 }).expect(403);
      await t.http.patch('/api/vehicles/not-an-id').set(lead.auth).send({ version: 1, price: 1 }).expect(400);
    });
  });

  describe('delete', () => {
    it('deletes a vehicle no deal names (204); managers may not (403)', async () => {
      const vehicle = await addVehicle();
      await t.http.delete(`/api/vehicles/${vehicle.id}`).set(manager.auth).expect(403);
      await t.http.delete(`/api/vehicles/${vehicle.id}`).set(lead.auth).expect(204);
      await t.http.get(`/api/vehicles/${vehicle.id}`).set(lead.auth).expect(404);
      await t.http.delete(`/api/vehicles/${vehicle.id}`).set(lead.auth).expect(404);
    });

    it('refuses (409) while an offer or a test drive names the vehicle, even a withdrawn or cancelled one', async () => {
      const deal = await createDeal(t, admin, funnel);
      const offered = await addVehicle({ make: 'Toyota', model: 'Corolla' });
      const offer = (await t.http.post(`/api/deals/${deal.id}/offers`).set(admin.auth).send({ vehicleId: offered.id }).expect(201)).body;
      await t.http.post(`/api/offers/${offer.id}/withdraw`).set(admin.auth).expect(200);
      const refused = await t.http.delete(`/api/vehicles/${offered.id}`).set(admin.auth).expect(409);
      expect(refused.body.message).toBe(`The 2021 Toyota Corolla (VIN ${offered.vin}) is named in 1 offer, so it cannot be deleted; mark it sold instead`);

      const driven = await addVehicle();
      const startsAt = new Date(Date.now() + 86_400_000);
      const drive = (
        await t.http
          .post(`/api/deals/${deal.id}/test-drives`)
          .set(admin.auth)
          .send({ vehicleId: driven.id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() })
          .expect(201)
      ).body;
      await t.http.patch(`/api/test-drives/${drive.id}`).set(admin.auth).send({ status: 'cancelled' }).expect(200);
      expect((await t.http.delete(`/api/vehicles/${driven.id}`).set(admin.auth).expect(409)).body.message).toMatch(/named in 1 test drive, so it cannot be deleted; mark it sold instead/);
      await t.http.get(`/api/vehicles/${driven.id}`).set(admin.auth).expect(200);
    });
  });

  describe('list', () => {
    /** Vehicles of a make no other test uses, so the shared database does not disturb the counts. */
    const stockOfOwnMake = async () => {
      const make = `Make${randomUUID().slice(0, 8)}`;
      const vehicles = [];
      for (const [model, year, price, mileage, status] of [
        ['Alpha', 2018, 12000, 90000, 'in_stock'],
        ['Beta', 2020, 18500.5, 40000, 'reserved'],
        ['Gamma Sport', 2022, 26000, 12000, 'in_stock'],
        ['Delta', 2023, 31000, 5000, 'sold'],
        ['Alpha', 2024, 34000, 100, 'in_stock'],
      ] as const) {
        vehicles.push(await addVehicle({ make, model, year, price, mileage, status }));
      }
      return { make, vehicles };
    };
    const list = async (query: Record<string, string | number>): Promise<VehicleListPage> => (await t.http.get('/api/vehicles').query(query).set(manager.auth).expect(200)).body;

    it('filters by make (any case), status, year and price ranges (ends included), with the total', async () => {
      const { make } = await stockOfOwnMake();
      const models = (page: VehicleListPage) => page.items.map((vehicle) => `${vehicle.model} ${vehicle.year}`).sort();
      expect((await list({ make: make.toUpperCase() })).total).toBe(5);
      expect(models(await list({ make, status: 'in_stock' }))).toEqual(['Alpha 2018', 'Alpha 2024', 'Gamma Sport 2022']);
      expect(models(await list({ make, yearFrom: 2020, yearTo: 2023 }))).toEqual(['Beta 2020', 'Delta 2023', 'Gamma Sport 2022']);
      const priced = await list({ make, priceFrom: 18500.5, priceTo: 31000 });
      expect(models(priced)).toEqual(['Beta 2020', 'Delta 2023', 'Gamma Sport 2022']);
      expect(priced.total).toBe(3);
    });

    it('searches by the end of the VIN, the whole VIN however typed, and words of make and model', async () => {
      const { make, vehicles } = await stockOfOwnMake();
      const gamma = vehicles[2];
      expect((await list({ q: gamma.vin.slice(-6) })).items.map((vehicle) => vehicle.id)).toContain(gamma.id);
      const whole = await list({ q: `${gamma.vin.slice(0, 8).toLowerCase()} ${gamma.vin.slice(8)}` });
      expect(whole.items.map((vehicle) => vehicle.id)).toEqual([gamma.id]);
      expect((await list({ q: `${make.toLowerCase()} sport` })).items.map((vehicle) => vehicle.id)).toEqual([gamma.id]);
      expect((await list({ q: `${make} alpha`, sort: 'year', order: 'asc' })).items.map((vehicle) => vehicle.year)).toEqual([2018, 2024]);
      expect((await list({ q: `${make} 100%` })).total).toBe(0);
    });

    it.each([
      ['price', 'asc', [12000, 18500.5, 26000, 31000, 34000]],
      ['price', 'desc', [34000, 31000, 26000, 18500.5, 12000]],
      ['year', 'desc', [34000, 31000, 26000, 18500.5, 12000]],
      ['mileage', 'asc', [34000, 31000, 26000, 18500.5, 12000]],
      ['createdAt', 'asc', [12000, 18500.5, 26000, 31000, 34000]],
    ])('sorts by %s %s and pages through with the cursor, missing none', async (sort, order, prices) => {
      const { make } = await stockOfOwnMake();
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: VehicleListPage = await list({ make, sort, order, limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(5);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((vehicle) => vehicle.price));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(prices);
    });

    it('lists newest first by default', async () => {
      const { make, vehicles } = await stockOfOwnMake();
      expect((await list({ make })).items.map((vehicle) => vehicle.id)).toEqual(vehicles.map((vehicle) => vehicle.id).reverse());
    });

    it('refuses bad filters with 400 naming them', async () => {
      for (const [query, field] of [
        [{ status: 'gone' }, 'status'],
        [{ sort: 'colour' }, 'sort'],
        [{ yearFrom: 'old' }, 'yearFrom'],
        [{ priceTo: 'cheap' }, 'priceTo'],
        [{ limit: 0 }, 'limit'],
      ] as const) {
        expect((await t.http.get('/api/vehicles').query(query).set(manager.auth).expect(400)).body.fields).toHaveProperty(field);
      }
      expect((await t.http.get('/api/vehicles').query({ cursor: 'bogus' }).set(manager.auth).expect(400)).body.message).toMatch(/cursor/);
    });
  });

  describe('the deals a vehicle is in', () => {
    it('lists the deals with offers and test drives of the vehicle, newest first, leaving out trashed deals and those the caller may not see', async () => {
      const vehicle = await addVehicle({ make: 'Mazda', model: 'CX-5' });
      const offered = await createDeal(t, admin, funnel, { title: 'Mazda for the Jansens', responsibleId: manager.id });
      const driven = await createDeal(t, admin, funnel, { title: 'Test drive deal' });
      const trashed = await createDeal(t, admin, funnel, { title: 'Invalid request' });
      const offer = (await t.http.post(`/api/deals/${offered.id}/offers`).set(admin.auth).send({ vehicleId: vehicle.id }).expect(201)).body;
      const startsAt = new Date(Date.now() + 3 * 86_400_000);
      const slot = (hours: number) => ({ startsAt: new Date(startsAt.getTime() + hours * 3_600_000).toISOString(), endsAt: new Date(startsAt.getTime() + (hours + 1) * 3_600_000).toISOString() });
      const drive = (await t.http.post(`/api/deals/${driven.id}/test-drives`).set(admin.auth).send({ vehicleId: vehicle.id, ...slot(0) }).expect(201)).body;
      await t.http.post(`/api/deals/${trashed.id}/offers`).set(admin.auth).send({ vehicleId: vehicle.id }).expect(201);
      await t.http.post(`/api/deals/${trashed.id}/trash`).set(admin.auth).expect(200);
      const colleague = await t.user('manager', { branchId: admin.branchId });
      const colleagues = await createDeal(t, admin, funnel, { title: "A colleague's deal", responsibleId: colleague.id });
      await t.http.post(`/api/deals/${colleagues.id}/offers`).set(admin.auth).send({ vehicleId: vehicle.id }).expect(201);

      const found: VehicleWithDealsDto = (await t.http.get(`/api/vehicles/${vehicle.id}`).set(manager.auth).expect(200)).body;
      expect(found).toMatchObject({ id: vehicle.id, vin: vehicle.vin, make: 'Mazda' });
      expect(found.deals).toEqual([
        { dealId: driven.id, code: driven.code, title: 'Test drive deal', status: 'open', responsible: null, via: 'test_drive', id: drive.id, recordStatus: 'scheduled', at: drive.startsAt },
        {
          dealId: offered.id,
          code: offered.code,
          title: 'Mazda for the Jansens',
          status: 'open',
          responsible: { id: manager.id, name: manager.name },
          via: 'offer',
          id: offer.id,
          recordStatus: 'active',
          at: offer.createdAt,
        },
      ]);
    });

    it('answers 404 for a vehicle that does not exist and 400 for a malformed id', async () => {
      expect((await t.http.get(`/api/vehicles/${randomUUID()}`).set(manager.auth).expect(404)).body.message).toMatch(/Vehicle .* does not exist/);
      await t.http.get('/api/vehicles/123').set(manager.auth).expect(400);
    });
  });
});
