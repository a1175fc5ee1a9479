import './support/russian-phone-region.js';
import type { AdfIntakeResponse, ChannelWithKeyDto, DealDto, DealEventDto, FunnelDto, IntakeResult, SourceDto } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Listener } from './support/board-listener.js';
import { stageOf } from './support/deals.js';
import { TestApp, uniqueEmail, uniquePhone, type TestUser } from './support/test-app.js';

/** A Russian mobile number unique to this run, in E.164. */
function uniqueRussianMobile(): string {
  return `+7912${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
}

describe('lead intake (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let anna: TestUser;
  let funnel: FunnelDto;
  let source: SourceDto;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    anna = await t.user('manager');
    funnel = await t.funnel(admin);
    source = (await t.http.post('/api/sources').set(admin.auth).send({ name: `Website ${randomUUID().slice(0, 6)}` }).expect(201)).body as SourceDto;
  });

  afterAll(async () => {
    await t.close();
  });

  async function channel(extra: Record<string, unknown> = {}): Promise<ChannelWithKeyDto> {
    const response = await t.http
      .post('/api/channels')
      .set(admin.auth)
      .send({ name: `Channel ${randomUUID().slice(0, 8)}`, kind: 'web', funnelId: funnel.id, sourceId: source.id, ...extra });
    expect(response.status).toBe(201);
    return response.body as ChannelWithKeyDto;
  }

  const send = (key: string, kind: 'calls' | 'forms' | 'messages', body: unknown) => t.http.post(`/api/intake/${kind}`).set('X-Api-Key', key).send(body as object);
  const deal = async (id: string) => (await t.http.get(`/api/deals/${id}`).set(admin.auth).expect(200)).body as DealDto;
  const timeline = async (id: string) => (await t.http.get(`/api/deals/${id}/events`).set(admin.auth).expect(200)).body as DealEventDto[];
  const dealsOfContact = async (contactId: string) =>
    ((await t.http.get(`/api/contacts/${contactId}`).set(admin.auth).expect(200)).body as { deals: DealDto[] }).deals;

  describe('channels', () => {
    it('shows the API key once, stores only its hash, and is for admins only', async () => {
      const created = await channel();
      expect(created.apiKey).toMatch(/^af_[A-Za-z0-9_-]{43}$/);
      expect(created.apiKeyPrefix).toBe(created.apiKey.slice(0, 8));
      expect(created).toMatchObject({ kind: 'web', funnelId: funnel.id, sourceId: source.id, mergeRepeatRequests: true, active: true, lastUsedAt: null });

      const listed = (await t.http.get('/api/channels').set(admin.auth).expect(200)).body as Record<string, unknown>[];
      const mine = listed.find((item) => item.id === created.id)!;
      expect(mine.apiKeyPrefix).toBe(created.apiKeyPrefix);
      expect(JSON.stringify(listed)).not.toContain(created.apiKey);
      const [row] = (await t.dataSource.query(`SELECT api_key_hash FROM ad_channel WHERE id = $1`, [created.id])) as { api_key_hash: string }[];
      expect(row.api_key_hash).toMatch(/^[0-9a-f]{64}$/);

      await t.http.get('/api/channels').set(anna.auth).expect(403);
      await t.http.post('/api/channels').set(anna.auth).send({ name: 'Mine', kind: 'web', funnelId: funnel.id }).expect(403);
      await t.http.get('/api/channels').expect(401);
    });

    it('refuses bad channel settings with the field named', async () => {
      const bad = await t.http.post('/api/channels').set(admin.auth).send({ name: 'X', kind: 'fax', funnelId: funnel.id });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('kind must be one of phone, web, messenger, partner');
      const noFunnel = await t.http.post('/api/channels').set(admin.auth).send({ name: `Y ${randomUUID()}`, kind: 'web', funnelId: randomUUID() });
      expect(noFunnel.status).toBe(422);
      expect(noFunnel.body.message).toMatch(/funnelId .* is not a funnel/);
      const first = await channel();
      const duplicate = await t.http.post('/api/channels').set(admin.auth).send({ name: first.name, kind: 'web', funnelId: funnel.id });
      expect(duplicate.status).toBe(409);
    });

    it('rotating the key stops the old one at once; a switched-off channel is refused', async () => {
      const created = await channel();
      const rotated = (await t.http.post(`/api/channels/${created.id}/rotate-key`).set(admin.auth).expect(200)).body as ChannelWithKeyDto;
      expect(rotated.apiKey).not.toBe(created.apiKey);
      const old = await send(created.apiKey, 'forms', { name: 'Old Key', phone: uniquePhone() });
      expect(old.status).toBe(401);
      expect(old.body.message).toContain('not valid');
      await send(rotated.apiKey, 'forms', { name: 'New Key', phone: uniquePhone() }).expect(201);

      await t.http.patch(`/api/channels/${created.id}`).set(admin.auth).send({ active: false }).expect(200);
      const off = await send(rotated.apiKey, 'forms', { name: 'Switched Off', phone: uniquePhone() });
      expect(off.status).toBe(403);
      expect(off.body.message).toContain('switched off');

      await t.http.delete(`/api/channels/${created.id}`).set(admin.auth).expect(204);
      await send(rotated.apiKey, 'forms', { name: 'Deleted', phone: uniquePhone() }).expect(401);
    });
  });

  describe('routing', () => {
    it('an answered call starts in the first open stage with the answering user responsible', async () => {
      const line = await channel({ kind: 'phone' });
      const response = await send(line.apiKey, 'calls', { externalId: `c-${randomUUID()}`, from: '8 (912) 555 01 23', status: 'answered', answeredBy: anna.email.toUpperCase(), durationSeconds: 75 });
      expect(response.status).toBe(201);
      const result = response.body as IntakeResult;
      expect(result).toMatchObject({ created: true, addedToOpenDeal: false, replayed: false });
      const created = await deal(result.dealId);
      expect(created).toMatchObject({ stageId: stageOf(funnel, 'open'), responsible: { id: anna.id }, sourceId: source.id, channel: line.name, type: 'phone_up', code: result.dealCode });
      expect(created.contact.phones).toEqual(['+79125550123']);
      const [event] = await timeline(result.dealId);
      expect(event).toMatchObject({ type: 'deal.created', actor: null });
      expect(event.data.request).toMatchObject({ kind: 'call', channel: { id: line.id, name: line.name }, summary: 'Answered call (1 min 15 s)' });
    });

    it("matches the answering user by phone extension; a missed call or an unknown answerer waits in Unassigned", async () => {
      const line = await channel({ kind: 'phone' });
      const extension = String(Math.floor(1000 + Math.random() * 8999));
      const boris = await t.user('manager');
      await t.dataSource.query(`UPDATE app_user SET phone_extension = $1 WHERE id = $2`, [extension, boris.id]);

      const byExtension = (await send(line.apiKey, 'calls', { externalId: `c-${randomUUID()}`, from: uniqueRussianMobile(), status: 'answered', answeredBy: extension }).expect(201)).body as IntakeResult;
      expect((await deal(byExtension.dealId)).responsible?.id).toBe(boris.id);

      const missed = (await send(line.apiKey, 'calls', { externalId: `c-${randomUUID()}`, from: uniqueRussianMobile(), status: 'missed', answeredBy: anna.email }).expect(201)).body as IntakeResult;
      expect(await deal(missed.dealId)).toMatchObject({ stageId: stageOf(funnel, 'unassigned'), responsible: null });
      expect((await timeline(missed.dealId))[0].data.request).toMatchObject({ summary: 'Missed call' });

      const unknown = (await send(line.apiKey, 'calls', { externalId: `c-${randomUUID()}`, from: uniqueRussianMobile(), status: 'answered', answeredBy: 'nobody@nowhere.test' }).expect(201)).body as IntakeResult;
      expect(await deal(unknown.dealId)).toMatchObject({ stageId: stageOf(funnel, 'unassigned'), responsible: null });
    });

    it('a web form lands in Unassigned with the customer, car and campaign; fields beyond the contract are kept, not refused', async () => {
      const form = await channel();
      const email = uniqueEmail();
      const response = await send(form.apiKey, 'forms', {
        name: '  Maria   Gonzalez ',
        email: email.toUpperCase(),
        message: 'Is the blue RAV4 still available?',
        vehicleInterest: 'Toyota RAV4 2022',
        utm: { utm_source: 'google', utm_campaign: 'winter-suv' },
        gclid: 'abc123',
        consent: true,
      });
      expect(response.status).toBe(201);
      const created = await deal((response.body as IntakeResult).dealId);
      expect(created).toMatchObject({ stageId: stageOf(funnel, 'unassigned'), responsible: null, vehicleInterest: 'Toyota RAV4 2022', type: 'internet_lead', sourceId: source.id });
      expect(created.contact).toMatchObject({ name: 'Maria   Gonzalez', emails: [email] });
      const request = (await timeline(created.id))[0].data.request as { summary: string; details: Record<string, unknown> };
      expect(request.summary).toBe('Web form: Is the blue RAV4 still available?');
      expect(request.details).toMatchObject({ utm: { utm_source: 'google', utm_campaign: 'winter-suv' }, extra: { gclid: 'abc123', consent: true } });
    });

    it('a message lands in Unassigned as a chat (or SMS) lead', async () => {
      const messenger = await channel({ kind: 'messenger' });
      const chat = (await send(messenger.apiKey, 'messages', { externalId: `m-${randomUUID()}`, phone: uniqueRussianMobile(), text: 'Can I book a test drive on Saturday?', messenger: 'WhatsApp' }).expect(201)).body as IntakeResult;
      const created = await deal(chat.dealId);
      expect(created).toMatchObject({ stageId: stageOf(funnel, 'unassigned'), type: 'chat' });
      expect((await timeline(chat.dealId))[0].data.request).toMatchObject({ summary: 'WhatsApp: Can I book a test drive on Saturday?' });
      const sms = (await send(messenger.apiKey, 'messages', { externalId: `m-${randomUUID()}`, phone: uniqueRussianMobile(), text: 'Call me', messenger: 'sms' }).expect(201)).body as IntakeResult;
      expect((await deal(sms.dealId)).type).toBe('sms');
    });

    it('emits the usual board event, so the inflow shows live', async () => {
      const form = await channel();
      const listener = await Listener.connect(await t.url(), admin.token);
      try {
        await listener.join(funnel.id);
        const result = (await send(form.apiKey, 'forms', { name: 'Live Lead', phone: uniqueRussianMobile() }).expect(201)).body as IntakeResult;
        const events = await listener.received(1);
        expect(events[0]).toMatchObject({ type: 'deal.created', funnelId: funnel.id, deal: { id: result.dealId, stageId: stageOf(funnel, 'unassigned') } });
      } finally {
        listener.close();
      }
    });
  });

  describe('repeat customers', () => {
    it('recognises one Russian customer across phone formats and adds the new request to their open deal', async () => {
      const line = await channel({ kind: 'phone' });
      const digits = String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0');
      const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 5), digits.slice(5)];
      const formats = [`+7 912 ${a}-${b}-${c}`, `8912${digits}`, `8 (912) ${a} ${b} ${c}`];

      const first = (await send(line.apiKey, 'calls', { externalId: `c-${randomUUID()}`, from: formats[0], status: 'missed' }).expect(201)).body as IntakeResult;
      const again = [];
      for (const from of formats.slice(1)) again.push((await send(line.apiKey, 'calls', { externalId: `c-${randomUUID()}`, from, status: 'missed' }).expect(201)).body as IntakeResult);

      expect(first.created).toBe(true);
      for (const result of again) expect(result).toMatchObject({ dealId: first.dealId, contactId: first.contactId, created: false, addedToOpenDeal: true, replayed: false });
      const flagged = await deal(first.dealId);
      expect(flagged.newRequestAt).not.toBeNull();
      expect(flagged.version).toBe(3);
      expect((await timeline(first.dealId)).map((event) => event.type)).toEqual(['deal.created', 'deal.request_added', 'deal.request_added']);
      expect(await dealsOfContact(first.contactId)).toHaveLength(1);

      // taking the deal into work clears the flag
      const taken = (await t.http.post(`/api/deals/${first.dealId}/take`).set(anna.auth).expect(200)).body as DealDto;
      expect(taken.newRequestAt).toBeNull();
    });

    it('names a caller known only by their number once a later request gives the name', async () => {
      const line = await channel({ kind: 'phone', mergeRepeatRequests: false });
      const phone = uniqueRussianMobile();
      const call = (await send(line.apiKey, 'calls', { externalId: `c-${randomUUID()}`, from: phone, status: 'missed' }).expect(201)).body as IntakeResult;
      expect((await deal(call.dealId)).contact.name).toBe(phone);
      const form = (await send(line.apiKey, 'forms', { name: 'Pavel Orlov', phone }).expect(201)).body as IntakeResult;
      expect(form.contactId).toBe(call.contactId);
      expect((await deal(call.dealId)).contact.name).toBe('Pavel Orlov');
      // a real name is never replaced by a number
      await send(line.apiKey, 'calls', { externalId: `c-${randomUUID()}`, from: phone, status: 'missed' }).expect(201);
      expect((await deal(call.dealId)).contact.name).toBe('Pavel Orlov');
    });

    it('brings a deal in long-term follow-up back to the board, with a new deadline, when the customer writes again', async () => {
      const web = await channel();
      const email = uniqueEmail();
      const first = (await send(web.apiKey, 'forms', { name: 'Nina Sokolova', email }).expect(201)).body as IntakeResult;
      const until = new Date(Date.now() + 60 * 86_400_000).toISOString();
      const parked = (await t.http.post(`/api/deals/${first.dealId}/follow-up`).set(admin.auth).send({ until }).expect(200)).body as DealDto;
      expect(parked).toMatchObject({ followUpUntil: until, deadlineAt: null });

      const again = (await send(web.apiKey, 'forms', { name: 'Nina Sokolova', email, message: 'Is the offer still valid?' }).expect(201)).body as IntakeResult;
      expect(again).toMatchObject({ dealId: first.dealId, addedToOpenDeal: true });
      const back = await deal(first.dealId);
      expect(back.followUpUntil).toBeNull();
      expect(new Date(back.deadlineAt!).getTime()).toBeGreaterThan(Date.now());
      const added = (await timeline(first.dealId)).filter((event) => event.type === 'deal.request_added');
      expect(added.at(-1)!.data).toMatchObject({ returnedFromFollowUp: { until } });
      const deadlines = (await t.http.get(`/api/deals/${first.dealId}/deadlines`).set(admin.auth).expect(200)).body as { dueAt: string; resolvedAt: string | null }[];
      expect(deadlines.filter((deadline) => deadline.resolvedAt === null)).toEqual([expect.objectContaining({ dueAt: back.deadlineAt })]);
    });

    it('opens a new deal for a repeat customer when the channel says so, or when their earlier deal is closed', async () => {
      const separate = await channel({ mergeRepeatRequests: false });
      const phone = uniqueRussianMobile();
      const first = (await send(separate.apiKey, 'forms', { name: 'Ivan Petrov', phone }).expect(201)).body as IntakeResult;
      const second = (await send(separate.apiKey, 'forms', { name: 'Ivan Petrov', phone }).expect(201)).body as IntakeResult;
      expect(second).toMatchObject({ contactId: first.contactId, created: true, addedToOpenDeal: false });
      expect(second.dealId).not.toBe(first.dealId);

      const merging = await channel();
      const email = uniqueEmail();
      const earlier = (await send(merging.apiKey, 'forms', { name: 'Olga Ivanova', email }).expect(201)).body as IntakeResult;
      await t.http.post(`/api/deals/${earlier.dealId}/close`).set(admin.auth).send({ outcome: 'lost', reason: 'Bought elsewhere' }).expect(200);
      const later = (await send(merging.apiKey, 'forms', { name: 'Olga Ivanova', email }).expect(201)).body as IntakeResult;
      expect(later).toMatchObject({ contactId: earlier.contactId, created: true });
      expect(later.dealId).not.toBe(earlier.dealId);
    });
  });

  describe('retries', () => {
    it('answers a repeated externalId or Idempotency-Key with the first result, 200, creating nothing', async () => {
      const line = await channel({ kind: 'phone' });
      const call = { externalId: `c-${randomUUID()}`, from: uniqueRussianMobile(), status: 'missed' };
      const first = (await send(line.apiKey, 'calls', call).expect(201)).body as IntakeResult;
      const retry = await send(line.apiKey, 'calls', call);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual({ ...first, created: false, replayed: true });
      expect(await timeline(first.dealId)).toHaveLength(1);

      const form = await channel();
      const key = randomUUID();
      const submitted = (await send(form.apiKey, 'forms', { name: 'Header Key', phone: uniqueRussianMobile() }).set('Idempotency-Key', key).expect(201)).body as IntakeResult;
      const resubmitted = await send(form.apiKey, 'forms', { name: 'Header Key', phone: uniqueRussianMobile() }).set('Idempotency-Key', key);
      expect(resubmitted.status).toBe(200);
      expect(resubmitted.body).toMatchObject({ dealId: submitted.dealId, replayed: true });

      // the same id from another channel is another request
      const other = await channel({ kind: 'phone' });
      expect((await send(other.apiKey, 'calls', call).expect(201)).body.replayed).toBe(false);
    });

    it('20 concurrent identical requests make one deal', async () => {
      const form = await channel({ mergeRepeatRequests: false });
      const body = { externalId: `f-${randomUUID()}`, name: 'Impatient Customer', phone: uniqueRussianMobile() };
      const responses = await Promise.all(Array.from({ length: 20 }, () => send(form.apiKey, 'forms', body)));
      expect(responses.map((response) => response.status).sort()).toEqual([...Array(19).fill(200), 201]);
      const dealIds = new Set(responses.map((response) => (response.body as IntakeResult).dealId));
      expect(dealIds.size).toBe(1);
      const contactId = (responses[0].body as IntakeResult).contactId;
      expect(await dealsOfContact(contactId)).toHaveLength(1);
      const [{ count }] = (await t.dataSource.query(`SELECT count(*)::int AS count FROM intake_request WHERE channel_id = $1`, [form.id])) as { count: number }[];
      expect(count).toBe(1);
    });
  });

  describe('ADF/XML', () => {
    const fixture = (name: string) => readFileSync(new URL(`../src/intake/adf/fixtures/${name}`, import.meta.url), 'utf8');
    const sendAdf = (key: string, xml: string, type = 'application/xml') => t.http.post('/api/intake/adf').set('X-Api-Key', key).set('Content-Type', type).send(xml);

    it("makes a marketplace's lead a deal: car of interest and price, trade-in, comments, provider as source; a resend is a retry", async () => {
      const partner = await channel({ kind: 'partner', mergeRepeatRequests: false });
      const response = await sendAdf(partner.apiKey, fixture('marketplace-used.xml'));
      expect(response.status).toBe(201);
      const [result] = (response.body as AdfIntakeResponse).results as (IntakeResult & { prospectId: string })[];
      expect(result).toMatchObject({ prospectId: '4F8C2A-77', created: true });

      const created = await deal(result.dealId);
      expect(created).toMatchObject({ vehicleInterest: '2022 Toyota RAV4 XLE', amount: 27995, type: 'internet_lead', stageId: stageOf(funnel, 'unassigned'), channel: partner.name });
      // 555 numbers are fictional, so not valid: dropped, as her email identifies her
      expect(created.contact).toMatchObject({ name: 'Maria Gonzalez', emails: ['maria.g@example.com'], phones: [] });
      const sources = (await t.http.get('/api/sources').set(admin.auth).expect(200)).body as SourceDto[];
      expect(sources.find((item) => item.id === created.sourceId)?.name).toBe('AutoTrader.com');
      const request = (await timeline(created.id))[0].data.request as { summary: string; details: { vehicles: { interest: string; vin: string | null }[] } };
      expect(request.summary).toBe('ADF lead from AutoTrader.com: buy 2022 Toyota RAV4 XLE; trade-in 2015 Honda Civic; Prefer a call after 5pm');
      expect(request.details.vehicles.map((vehicle) => vehicle.interest)).toEqual(['buy', 'trade-in']);

      const resent = await sendAdf(partner.apiKey, fixture('marketplace-used.xml'), 'text/xml');
      expect(resent.status).toBe(200);
      expect((resent.body as AdfIntakeResponse).results[0]).toMatchObject({ dealId: result.dealId, replayed: true });
    });

    it('takes each prospect of a document on its own: a usable one becomes a deal, an unusable one is reported', async () => {
      const website = await channel();
      const response = await sendAdf(website.apiKey, fixture('website-resend-two-prospects.xml'));
      expect(response.status).toBe(201);
      const [bob, sam] = (response.body as AdfIntakeResponse).results;
      expect(bob).toMatchObject({ prospectId: 'WEB-2026-00017', created: true });
      expect(sam).toEqual({ prospectId: 'WEB-2026-00018', error: 'phone "555-0123" is not a valid phone number; include the country code, e.g. +1 212 555 2368' });
      const created = await deal((bob as IntakeResult).dealId);
      // the Dutch-looking mobile does not read as a Russian number; the email still identifies him
      expect(created.contact).toMatchObject({ name: 'Bob J. O\'Neil Jr.', phones: [], emails: ['bob.oneil@example.com'] });
      expect(created).toMatchObject({ vehicleInterest: '2027 Ford Mustang Mach-E', sourceId: source.id });
    });

    it('reads the sloppy documents real senders send: no declarations, HTML entities, odd spacing', async () => {
      const partner = await channel({ kind: 'partner' });
      const email = uniqueEmail();
      const xml = `\r\n  <adf><prospect><id source="Cars.com">${randomUUID()}</id><customer><contact>
        <name part="full">  Ren&eacute;e   Dubois </name><email>${email}</email></contact>
        <comments>Looking for an SUV&nbsp;&amp; financing</comments></customer><unknown><tag/></unknown>
        <vehicle><make>Peugeot</make><model>3008</model></vehicle><provider><name>Cars.com</name></provider></prospect></adf>  `;
      const response = await sendAdf(partner.apiKey, xml);
      expect(response.status).toBe(201);
      const created = await deal(((response.body as AdfIntakeResponse).results[0] as IntakeResult).dealId);
      expect(created.contact.name).toBe('Renée Dubois');
      expect(created.vehicleInterest).toBe('Peugeot 3008');
    });

    it('keeps a lead whose values overflow what a deal holds: long names and ids, absurd prices', async () => {
      const partner = await channel({ kind: 'partner', name: `A partner with a rather long channel name that goes well past sixty characters ${randomUUID()}` });
      const provider = `Provider ${'x'.repeat(300)}`;
      const xml = `<adf><prospect><id source="${'s'.repeat(150)}">${'i'.repeat(250)}</id><customer><contact><name>${'N'.repeat(250)}</name>
        <email>${uniqueEmail()}</email></contact></customer><vehicle><make>Bugatti</make><model>${'M'.repeat(250)}</model>
        <price>123456789012345</price></vehicle><provider><name>${provider}</name></provider></prospect></adf>`;
      const response = await sendAdf(partner.apiKey, xml);
      expect(response.status).toBe(201);
      const created = await deal(((response.body as AdfIntakeResponse).results[0] as IntakeResult).dealId);
      expect(created).toMatchObject({ channel: partner.name, amount: null });
      expect(created.contact.name).toHaveLength(200);
      expect(created.vehicleInterest).toHaveLength(200);
      expect((await sendAdf(partner.apiKey, xml)).status).toBe(200);
    });

    it("400 with the parser's reason for malformed XML; 415 for a body that is not XML; 422 when no prospect is usable", async () => {
      const partner = await channel({ kind: 'partner' });
      const malformed = await sendAdf(partner.apiKey, '<adf>\n<prospect>\n<customer><contact><name>Ann</contact></customer>\n</prospect></adf>');
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toMatch(/^Malformed ADF\/XML: Expected closing tag 'name'.*\(line 3/);
      const notAdf = await sendAdf(partner.apiKey, '<leads><lead/></leads>');
      expect(notAdf.status).toBe(400);
      expect(notAdf.body.message).toContain('expected the root element <adf>');

      const json = await t.http.post('/api/intake/adf').set('X-Api-Key', partner.apiKey).send({ name: 'JSON' });
      expect(json.status).toBe(415);
      expect(json.body.message).toContain('Content-Type: application/xml');

      const unusable = await sendAdf(partner.apiKey, '<adf><prospect><customer><contact><name>Nobody</name></contact></customer></prospect></adf>');
      expect(unusable.status).toBe(422);
      expect(unusable.body.message).toContain('No prospect could become a deal');
      expect(unusable.body.results).toEqual([{ prospectId: null, error: 'The request needs a phone or an email so the customer can be reached and recognised' }]);
    });
  });

  describe('email', () => {
    const sendEmail = (key: string, mime: string) => t.http.post('/api/intake/email').set('X-Api-Key', key).set('Content-Type', 'message/rfc822').send(mime);
    const adf = (id: string, email: string) =>
      `<?xml version="1.0"?><?adf version="1.0"?><adf><prospect><id source="Cars.com">${id}</id><vehicle interest="buy"><year>2024</year><make>Kia</make><model>EV6</model></vehicle>` +
      `<customer><contact><name part="full">Eva Lind</name><email>${email}</email></contact></customer><provider><name>Cars.com</name></provider></prospect></adf>`;

    it('takes an ADF lead sent as an attachment, as a forwarded inbox would', async () => {
      const inbox = await channel({ kind: 'partner' });
      const email = uniqueEmail();
      const mime = [
        'From: Cars.com Leads <leads@cars.example.com>',
        'To: sales@dealer.example.com',
        `Message-ID: <${randomUUID()}@cars.example.com>`,
        'Subject: New lead: 2024 Kia EV6',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'A new lead is attached.',
        '--b1',
        'Content-Type: application/xml; name="lead.xml"',
        'Content-Disposition: attachment; filename="lead.xml"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from(adf(randomUUID(), email)).toString('base64'),
        '--b1--',
        '',
      ].join('\r\n');
      const response = await sendEmail(inbox.apiKey, mime);
      expect(response.status).toBe(201);
      const created = await deal(((response.body as AdfIntakeResponse).results[0] as IntakeResult).dealId);
      expect(created).toMatchObject({ vehicleInterest: '2024 Kia EV6', contact: { name: 'Eva Lind', emails: [email] } });
    });

    it('takes an ADF lead pasted into the body', async () => {
      const inbox = await channel({ kind: 'partner' });
      const email = uniqueEmail();
      const mime = `From: leads@oem.example.com\r\nSubject: Lead\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nLead follows:\r\n${adf(randomUUID(), email)}\r\n-- \r\nOEM lead service\r\n`;
      const response = await sendEmail(inbox.apiKey, mime);
      expect(response.status).toBe(201);
      expect((await deal(((response.body as AdfIntakeResponse).results[0] as IntakeResult).dealId)).contact.emails).toEqual([email]);
    });

    it("makes a customer's own email a lead from the Reply-To address; the same Message-ID again is a retry", async () => {
      const inbox = await channel({ kind: 'web' });
      const email = uniqueEmail();
      const messageId = `<${randomUUID()}@mail.example.com>`;
      const mime = `From: Website <no-reply@dealer.example.com>\r\nReply-To: Jonas Berg <${email}>\r\nMessage-ID: ${messageId}\r\nSubject: Question about the XC60\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello, is the XC60 still for sale?\r\n`;
      const response = await sendEmail(inbox.apiKey, mime);
      expect(response.status).toBe(201);
      const result = (response.body as AdfIntakeResponse).results[0] as IntakeResult;
      const created = await deal(result.dealId);
      expect(created).toMatchObject({ contact: { name: 'Jonas Berg', emails: [email] }, type: 'internet_lead', stageId: stageOf(funnel, 'unassigned') });
      const request = (await timeline(result.dealId))[0].data.request as { kind: string; summary: string; details: { text: string } };
      expect(request).toMatchObject({ kind: 'email', summary: 'Email: Question about the XC60', details: { text: 'Hello, is the XC60 still for sale?' } });

      const again = await sendEmail(inbox.apiKey, mime);
      expect(again.status).toBe(200);
      expect((again.body as AdfIntakeResponse).results[0]).toMatchObject({ dealId: result.dealId, replayed: true });
    });

    it('refuses an email without a sender address (422) and a body that is not an email (415)', async () => {
      const inbox = await channel();
      const anonymous = await sendEmail(inbox.apiKey, 'Subject: Hi\r\n\r\nCall me');
      expect(anonymous.status).toBe(422);
      expect(anonymous.body.message).toContain('no sender address');
      const json = await t.http.post('/api/intake/email').set('X-Api-Key', inbox.apiKey).send({ subject: 'JSON' });
      expect(json.status).toBe(415);
      expect(json.body.message).toContain('message/rfc822');
    });
  });

  describe('bad requests', () => {
    it('401 without a key or with a wrong one', async () => {
      const missing = await t.http.post('/api/intake/forms').send({ name: 'No Key', phone: uniquePhone() });
      expect(missing.status).toBe(401);
      expect(missing.body.message).toContain('X-Api-Key');
      await send('af_not-a-real-key', 'forms', { name: 'Wrong Key', phone: uniquePhone() }).expect(401);
      // a user's token is not a channel key
      await t.http.post('/api/intake/forms').set(admin.auth).send({ name: 'User Token', phone: uniquePhone() }).expect(401);
    });

    it('400 naming the field for a malformed body; 422 when the customer cannot be reached', async () => {
      const line = await channel({ kind: 'phone' });
      const noFrom = await send(line.apiKey, 'calls', { externalId: 'x', status: 'missed' });
      expect(noFrom.status).toBe(400);
      expect(noFrom.body.fields).toHaveProperty('from');
      const badStatus = await send(line.apiKey, 'calls', { externalId: 'x', from: uniqueRussianMobile(), status: 'ringing' });
      expect(badStatus.status).toBe(400);
      expect(badStatus.body.message).toContain('status must be answered or missed');
      await send(line.apiKey, 'calls', [1, 2]).expect(400);
      const badPhone = await send(line.apiKey, 'calls', { externalId: `c-${randomUUID()}`, from: '12', status: 'missed' });
      expect(badPhone.status).toBe(422);
      expect(badPhone.body.message).toContain('phone "12" is not a valid phone number');

      const form = await channel();
      const unreachable = await send(form.apiKey, 'forms', { name: 'No Contact Details' });
      expect(unreachable.status).toBe(422);
      expect(unreachable.body.message).toContain('needs a phone or an email');
      const badEmail = await send(form.apiKey, 'forms', { name: 'Bad Email', email: 'not-an-email' });
      expect(badEmail.status).toBe(400);
      expect(badEmail.body.fields).toHaveProperty('email');
      // an unreadable phone next to a good email does not lose the lead
      const email = uniqueEmail();
      const kept = (await send(form.apiKey, 'forms', { name: 'Typo Phone', phone: '12', email }).expect(201)).body as IntakeResult;
      expect((await deal(kept.dealId)).contact).toMatchObject({ phones: [], emails: [email] });
    });

    it("429 with Retry-After beyond the channel's rate, without touching other channels", async () => {
      const limited = await channel({ rateLimitPerMinute: 3 });
      for (let index = 0; index < 3; index += 1) await send(limited.apiKey, 'forms', { name: 'Flood', phone: uniqueRussianMobile() }).expect(201);
      const refused = await send(limited.apiKey, 'forms', { name: 'Flood', phone: uniqueRussianMobile() });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body.message).toContain(`Too many requests for the channel "${limited.name}": at most 3 a minute`);
      const other = await channel();
      await send(other.apiKey, 'forms', { name: 'Calm', phone: uniqueRussianMobile() }).expect(201);
    });
  });
});
