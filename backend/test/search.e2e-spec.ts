// A Russian dealership: numbers typed without a country code (8 912 …) are Russian.
import './support/russian-phone-region.js';
import { randomUUID } from 'node:crypto';
import type { ContactDto, DealDto, DealListPage, FunnelDto, QuickSearchResult } from '@autofunnel/shared';
import { TestApp, uniqueEmail, type TestUser } from './support/test-app.js';

/** A Russian mobile number unique enough per run, as E.164 digits without the "+": 7912xxxxxxx. */
const uniqueMobile = () => `7912${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
/** "79123456789" written "+7 912 345-67-89". */
const international = (d: string) => `+7 ${d.slice(1, 4)} ${d.slice(4, 7)}-${d.slice(7, 9)}-${d.slice(9)}`;
/** Letters only, so a name token never looks like a phone or a deal code. */
const token = () => randomUUID().replace(/[^a-f]/g, '').slice(0, 8).padEnd(8, 'x');

describe('quick search (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let manager: TestUser;
  let funnel: FunnelDto;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    // In the admin's branch: the untaken deals the admin makes are the manager's to see (visibility.e2e-spec.ts tests the rule).
    manager = await t.user('manager', { branchId: admin.branchId });
    funnel = await t.funnel(admin);
  });
  afterAll(() => t.close());

  async function contact(body: Record<string, unknown>): Promise<ContactDto> {
    return (await t.http.post('/api/contacts').set(admin.auth).send(body).expect(201)).body as ContactDto;
  }

  async function dealFor(customer: ContactDto, title = `Car for ${customer.name}`): Promise<DealDto> {
    return (await t.http.post('/api/deals').set(admin.auth).send({ funnelId: funnel.id, contactId: customer.id, title }).expect(201)).body as DealDto;
  }

  async function search(q: string, limit?: number): Promise<QuickSearchResult> {
    return (await t.http.get('/api/search').query({ q, ...(limit && { limit }) }).set(manager.auth).expect(200)).body as QuickSearchResult;
  }

  const ids = (items: { id: string }[]) => items.map((item) => item.id);

  it('finds a contact and their deals by part of the name, ignoring case and accents', async () => {
    const tag = token();
    const customer = await contact({ name: `Jürgen Émile-${tag}`, phones: [international(uniqueMobile())] });
    const deal = await dealFor(customer);

    const found = await search(`jurgen emile-${tag}`);
    expect(found.contacts).toEqual([customer]);
    expect(ids(found.deals)).toEqual([deal.id]);
    expect(found.deals[0]).toEqual(deal);
    expect(ids((await search(`ÉMILE-${tag.toUpperCase()}`)).contacts)).toEqual([customer.id]);
    expect(ids((await search(`JÜRGEN ÉMILE-${tag}`)).contacts)).toEqual([customer.id]);
  });

  it('finds a deal by its code written D-1042, d1042 or 1042', async () => {
    const customer = await contact({ name: `Code ${token()}`, emails: [uniqueEmail()] });
    const deal = await dealFor(customer);
    const number = deal.code.slice(2);
    expect(ids((await search(deal.code)).deals)).toEqual([deal.id]);
    expect(ids((await search(`d${number}`)).deals)).toEqual([deal.id]);
    // Bare digits are also part of phone numbers, so other deals may match: the coded one is among them.
    expect(ids((await search(number, 50)).deals)).toContain(deal.id);
  });

  it('finds a contact by phone in any format, whole or in part', async () => {
    const digits = uniqueMobile();
    const customer = await contact({ name: `Phone ${token()}`, phones: [`8 (${digits.slice(1, 4)}) ${digits.slice(4)}`] });
    const deal = await dealFor(customer);
    expect(customer.phones).toEqual([`+${digits}`]);

    for (const typed of [international(digits), `+${digits}`, `8${digits.slice(1)}`, `8 ${digits.slice(1, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`]) {
      const found = await search(typed);
      expect({ typed, contacts: ids(found.contacts), deals: ids(found.deals) }).toEqual({ typed, contacts: [customer.id], deals: [deal.id] });
    }
    const lastSeven = await search(`${digits.slice(4, 7)}-${digits.slice(7, 9)}-${digits.slice(9)}`, 50);
    expect(ids(lastSeven.contacts)).toContain(customer.id);
  });

  it('finds a contact by email, any case, whole or in part', async () => {
    const email = uniqueEmail();
    const customer = await contact({ name: `Mail ${token()}`, emails: [email] });
    expect((await search(email.toUpperCase())).contacts).toEqual([customer]);
    expect((await search(email.split('@')[0].slice(-12))).contacts).toEqual([customer]);
  });

  it('answers at most `limit` of each, and nothing for a blank query', async () => {
    const shared = token();
    const customers = [await contact({ name: `Many ${shared} A`, emails: [uniqueEmail()] }), await contact({ name: `Many ${shared} B`, emails: [uniqueEmail()] })];
    await Promise.all(customers.map((customer) => dealFor(customer)));
    await contact({ name: `Many ${shared} C`, emails: [uniqueEmail()] });

    const limited = await search(`many ${shared}`, 2);
    expect(limited.contacts.map((each) => each.name)).toEqual([`Many ${shared} A`, `Many ${shared} B`]);
    expect(limited.deals).toHaveLength(2);
    expect(await search('   ')).toEqual({ contacts: [], deals: [] });
    expect(await search(`nobody ${token()}`)).toEqual({ contacts: [], deals: [] });
  });

  it('refuses a missing q, a bad limit and anonymous callers; takes LIKE wildcards literally', async () => {
    await t.http.get('/api/search').set(manager.auth).expect(400);
    await t.http.get('/api/search').query({ q: 'a', limit: 0 }).set(manager.auth).expect(400);
    await t.http.get('/api/search').query({ q: 'a', limit: 51 }).set(manager.auth).expect(400);
    await t.http.get('/api/search').query({ q: 'x'.repeat(201) }).set(manager.auth).expect(400);
    await t.http.get('/api/search').query({ q: 'a' }).expect(401);
    const customer = await contact({ name: `Percent 100%_${token()}`, emails: [uniqueEmail()] });
    expect(ids((await search(customer.name.slice(8))).contacts)).toEqual([customer.id]);
    expect((await search(`%_${token()}`)).contacts).toEqual([]);
  });

  it('improves the deal list search too: national phone formats and accent-free names', async () => {
    const digits = uniqueMobile();
    const customer = await contact({ name: `Zoë Ångström ${token()}`, phones: [`+${digits}`] });
    const deal = await dealFor(customer);
    const list = async (q: string) => ((await t.http.get('/api/deals').query({ funnelId: funnel.id, q }).set(manager.auth).expect(200)).body as DealListPage).items;
    expect(ids(await list(`8${digits.slice(1)}`))).toEqual([deal.id]);
    expect(ids(await list(`zoe angstrom ${customer.name.slice(-8)}`))).toEqual([deal.id]);
    expect(ids(await list(deal.code.toLowerCase().replace('-', '')))).toEqual([deal.id]);
  });
});
