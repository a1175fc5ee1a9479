import { randomUUID } from 'node:crypto';
import type { ContactDto, DealDto, FunnelDto } from '@autofunnel/shared';
import type { Response } from 'supertest';
import { TestApp, uniqueEmail, uniquePhone, type TestUser } from './support/test-app.js';

/**
 * No request may cause a 500: every write endpoint gets a table of hostile bodies (wrong JSON
 * types, wrong field types, oversized and out-of-range values, prototype keys, malformed JSON),
 * built around a body that would succeed and real ids, so validation is what answers. A refused
 * request must be a 4xx with `{statusCode, error, message}` and must leave the data unchanged.
 */

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
};

/** A JSON literal that JSON.stringify cannot produce (1e309, -1e309, 1e-7 as written). */
class RawJson {
  constructor(readonly literal: string) {}
}
const raw = (literal: string) => new RawJson(literal);

function serialise(body: unknown): string {
  const literals: string[] = [];
  const json = JSON.stringify(body, (_key, value: unknown) => (value instanceof RawJson ? `@@raw${literals.push(value.literal) - 1}@@` : value));
  return json.replace(/"@@raw(\d+)@@"/g, (_match, index: string) => literals[Number(index)]);
}

type Json = null | boolean | number | string | RawJson | Json[] | { [key: string]: Json };
type Body = Record<string, Json>;

interface Fixture {
  admin: TestUser;
  funnel: FunnelDto;
  deal: DealDto;
  contact: ContactDto;
}

interface Endpoint {
  name: string;
  method: 'post' | 'patch' | 'put';
  needs: 'nothing' | 'funnel' | 'deal' | 'contact';
  path(f: Fixture): string;
  /** A body that the endpoint accepts. */
  valid(f: Fixture): Body;
  /** `{}` is a legitimate no-op (every field optional). */
  allOptional?: boolean;
  /** What a refused request must leave unchanged. */
  snapshot?(f: Fixture, valid: Body): Promise<unknown>;
  /** More bodies that must be refused with a 4xx. */
  extras?(f: Fixture, valid: Body): [string, Body][];
}

/** A hostile request body: the raw text sent, and whether it must be refused or only not crash. */
interface Case {
  label: string;
  build(valid: Body): string;
  expect: '4xx' | 'no 5xx' | '200 no-op';
}

const longString = 'x'.repeat(10_000);

describe('robustness: no request causes a 500 (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    // Only read by these tests (nobody changes this user), so one per file is enough.
    admin = await t.user('admin');
  });
  afterAll(() => t.close());

  async function fixture(needs: Endpoint['needs']): Promise<Fixture> {
    const f = { admin } as Fixture;
    if (needs === 'funnel' || needs === 'deal') f.funnel = await t.funnel(admin);
    if (needs === 'deal') {
      const deal = await t.http
        .post('/api/deals')
        .set(admin.auth)
        .send({ funnelId: f.funnel.id, contact: { name: 'Hostile Tester', phone: uniquePhone(), email: uniqueEmail() }, amount: 1000 })
        .expect(201);
      f.deal = deal.body as DealDto;
      f.contact = { ...(deal.body as DealDto).contact, createdAt: '', updatedAt: '', customerNumber: null, convertedAt: null };
    }
    if (needs === 'contact') {
      f.contact = (await t.http.post('/api/contacts').set(admin.auth).send({ name: 'Hostile Contact', phones: [uniquePhone()], emails: [uniqueEmail()] }).expect(201))
        .body as ContactDto;
    }
    return f;
  }

  const getJson = async (path: string) => (await t.http.get(path).set(admin.auth).expect(200)).body as unknown;
  const dealSnapshot = (f: Fixture) => getJson(`/api/deals/${f.deal.id}`);
  const funnelSnapshot = (f: Fixture) => getJson(`/api/funnels/${f.funnel.id}`);

  const endpoints: Endpoint[] = [
    {
      name: 'POST /api/auth/login',
      method: 'post',
      needs: 'nothing',
      path: () => '/api/auth/login',
      valid: (f) => ({ email: f.admin.email, password: 'secret-password' }),
    },
    {
      name: 'POST /api/funnels',
      method: 'post',
      needs: 'nothing',
      path: () => '/api/funnels',
      valid: () => ({ name: `Hostile ${randomUUID()}`, stages: [{ name: 'In', color: '#aaa' }, { name: 'Work', color: '#bbb' }, { name: 'Done', color: '#ccc' }] }),
      snapshot: async (_f, valid) => ((await getJson('/api/funnels')) as FunnelDto[]).filter((funnel) => funnel.name === valid.name),
    },
    {
      name: 'PATCH /api/funnels/:id',
      method: 'patch',
      needs: 'funnel',
      path: (f) => `/api/funnels/${f.funnel.id}`,
      valid: () => ({ name: 'Renamed funnel' }),
      snapshot: funnelSnapshot,
    },
    {
      name: 'POST /api/funnels/:id/stages',
      method: 'post',
      needs: 'funnel',
      path: (f) => `/api/funnels/${f.funnel.id}/stages`,
      valid: (f) => ({ name: 'Financing', color: '#123456', afterStageId: f.funnel.stages[2].id }),
      snapshot: funnelSnapshot,
    },
    {
      name: 'PATCH /api/stages/:id',
      method: 'patch',
      needs: 'funnel',
      path: (f) => `/api/stages/${f.funnel.stages[3].id}`,
      valid: () => ({ name: 'Appraisal', color: '#654321' }),
      allOptional: true,
      snapshot: funnelSnapshot,
    },
    {
      name: 'PUT /api/funnels/:id/stage-order',
      method: 'put',
      needs: 'funnel',
      path: (f) => `/api/funnels/${f.funnel.id}/stage-order`,
      valid: (f) => ({ stageIds: f.funnel.stages.map((stage) => stage.id) }),
      snapshot: funnelSnapshot,
      extras: (f, valid) => [
        ['a repeated stage id', { stageIds: [...(valid.stageIds as string[]), f.funnel.stages[1].id] }],
        ['an empty list', { stageIds: [] }],
        ['the stages reversed', { stageIds: [...(valid.stageIds as string[])].reverse() }],
      ],
    },
    {
      name: 'POST /api/deals',
      method: 'post',
      needs: 'funnel',
      path: () => '/api/deals',
      valid: (f) => ({
        funnelId: f.funnel.id,
        contact: { name: 'Maria Jansen', phone: uniquePhone(), email: uniqueEmail() },
        title: 'Skoda Octavia',
        type: 'walk_in',
        amount: 28500,
        vehicleInterest: 'Octavia Combi',
      }),
      snapshot: async (f) => ((await getJson(`/api/deals?funnelId=${f.funnel.id}`)) as { total: number }).total,
      extras: (f, valid) => [
        ['contactId as a number', { ...valid, contact: undefined as never, contactId: 42 }],
        ['contactId null and no contact', { funnelId: f.funnel.id, contactId: null }],
        ['both contact and contactId', { ...valid, contactId: f.funnel.id }],
        ['responsibleId as a number', { ...valid, responsibleId: 42 }],
        ['responsibleId that is not a user', { ...valid, responsibleId: f.funnel.id }],
        ['sourceId as a nested object', { ...valid, sourceId: { id: f.funnel.id } }],
        ['funnelId of no funnel', { ...valid, funnelId: randomUUID() }],
        ['funnelId of a stage', { ...valid, funnelId: f.funnel.stages[1].id }],
      ],
    },
    {
      name: 'PATCH /api/deals/:id',
      method: 'patch',
      needs: 'deal',
      path: (f) => `/api/deals/${f.deal.id}`,
      valid: (f) => ({ version: f.deal.version, title: 'New title', type: 'phone_up', amount: 31000.5, vehicleInterest: 'Kia', deadlineAt: '2030-01-02T03:04:05.000Z' }),
      snapshot: dealSnapshot,
      extras: (_f, valid) => [
        ['a stale version', { ...valid, version: 999 }],
        ['sourceId as a number', { ...valid, sourceId: 42 }],
        ['sourceId of nothing', { ...valid, sourceId: randomUUID() }],
        ['an impossible date', { ...valid, deadlineAt: '2024-02-30T10:00:00Z' }],
        ['a date without a time', { ...valid, deadlineAt: 'tomorrow' }],
        ['a read-only field', { ...valid, status: 'won' }],
        ['a stage change', { ...valid, stageId: randomUUID() }],
      ],
    },
    {
      name: 'POST /api/deals/:id/move',
      method: 'post',
      needs: 'deal',
      path: (f) => `/api/deals/${f.deal.id}/move`,
      valid: (f) => ({ stageId: f.funnel.stages[2].id }),
      snapshot: dealSnapshot,
      extras: (f, valid) => [
        ['beforeId as a number', { ...valid, beforeId: 42 }],
        ['afterId as a long string', { ...valid, afterId: longString }],
        ['beforeId the deal itself', { stageId: f.deal.stageId, beforeId: f.deal.id }],
        ['a negative version', { ...valid, version: -1 }],
        ['a stale version', { ...valid, version: 999 }],
        ['stageId of no stage', { stageId: randomUUID() }],
        ['stageId of a funnel', { stageId: f.funnel.id }],
      ],
    },
    {
      name: 'POST /api/deals/:id/assign',
      method: 'post',
      needs: 'deal',
      path: (f) => `/api/deals/${f.deal.id}/assign`,
      valid: (f) => ({ userId: f.admin.id }),
      snapshot: dealSnapshot,
      extras: (f) => [
        ['branchId as a number', { branchId: 42 }],
        ['userId that is not a user', { userId: f.funnel.id }],
        ['branchId that is not a branch', { branchId: f.funnel.id }],
      ],
    },
    {
      name: 'POST /api/deals/:id/close',
      method: 'post',
      needs: 'deal',
      path: (f) => `/api/deals/${f.deal.id}/close`,
      valid: () => ({ outcome: 'lost', reason: 'Bought elsewhere' }),
      snapshot: dealSnapshot,
      extras: () => [
        ['lost without a reason', { outcome: 'lost' }],
        ['lost with a blank reason', { outcome: 'lost', reason: '   ' }],
        ['an unknown outcome', { outcome: 'maybe', reason: 'x' }],
      ],
    },
    {
      name: 'POST /api/contacts',
      method: 'post',
      needs: 'nothing',
      path: () => '/api/contacts',
      valid: () => ({ name: 'Van Dijk Logistics', kind: 'company', phones: [uniquePhone()], emails: [uniqueEmail()] }),
      snapshot: async (_f, valid) => [
        await getJson(`/api/contacts?q=${encodeURIComponent((valid.phones as string[])[0])}`),
        await getJson(`/api/contacts?q=${encodeURIComponent((valid.emails as string[])[0])}`),
      ],
      extras: (_f, valid) => [
        ['an invalid phone', { ...valid, phones: ['12345'] }],
        ['eleven phones', { ...valid, phones: Array.from({ length: 11 }, () => uniquePhone()) }],
        ['no phone and no email', { name: 'Nobody' }],
      ],
    },
    {
      name: 'PATCH /api/contacts/:id',
      method: 'patch',
      needs: 'contact',
      path: (f) => `/api/contacts/${f.contact.id}`,
      valid: () => ({ name: 'Renamed Contact', kind: 'person', phones: [uniquePhone()], emails: [uniqueEmail()] }),
      allOptional: true,
      snapshot: async (f) => {
        const { name, kind, phones, emails } = (await getJson(`/api/contacts/${f.contact.id}`)) as ContactDto;
        return { name, kind, phones, emails };
      },
      extras: () => [
        ['an invalid phone', { phones: ['555'] }],
        ['no phone and no email left', { phones: [], emails: [] }],
      ],
    },
  ];

  /** Whole-body cases, the same for every endpoint. */
  function bodyCases(endpoint: Endpoint): Case[] {
    const emptyIsValid = endpoint.allOptional ? ('200 no-op' as const) : ('4xx' as const);
    return [
      { label: 'a JSON array', build: () => '[]', expect: '4xx' },
      { label: 'a JSON array holding the valid body', build: (valid) => serialise([valid]), expect: '4xx' },
      { label: 'null', build: () => 'null', expect: '4xx' },
      { label: 'a JSON string', build: () => '"hello"', expect: '4xx' },
      { label: 'a JSON number', build: () => '42', expect: '4xx' },
      { label: 'true', build: () => 'true', expect: '4xx' },
      { label: 'an empty object', build: () => '{}', expect: emptyIsValid },
      { label: 'malformed JSON', build: () => '{"name": ', expect: '4xx' },
      { label: 'JSON with a trailing comma', build: (valid) => serialise(valid).replace(/}$/, ',}'), expect: '4xx' },
      { label: 'single-quoted JSON', build: () => "{'name': 'x'}", expect: '4xx' },
      { label: 'the valid fields only inside __proto__', build: (valid) => `{"__proto__": ${serialise(valid)}}`, expect: emptyIsValid },
      { label: 'the valid fields only inside constructor.prototype', build: (valid) => `{"constructor": {"prototype": ${serialise(valid)}}}`, expect: emptyIsValid },
      { label: 'a __proto__ key beside the valid fields', build: (valid) => serialise(valid).replace(/^{/, '{"__proto__": {"polluted": "yes"}, '), expect: 'no 5xx' },
      { label: 'an unknown field', build: (valid) => serialise({ ...valid, isAdmin: true }), expect: '4xx' },
      {
        label: 'a deeply nested array in a field',
        build: (valid) => `{"${Object.keys(valid)[0]}": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
        expect: '4xx',
      },
      { label: 'a body over the size limit', build: (valid) => serialise({ ...valid, [Object.keys(valid)[0]]: 'x'.repeat(2_000_000) }), expect: '4xx' },
    ];
  }

  /** Field-level cases: every field of the valid body (nested ones too) replaced by hostile values. */
  function fieldCases(sample: Body): Case[] {
    const cases: Case[] = [];
    const at = (path: (string | number)[], value: Json | undefined, label: string, expect: Case['expect'] = '4xx') =>
      cases.push({ label: `${path.join('.')} ${label}`, build: (valid) => serialise(withValue(valid, path, value)), expect });

    const walk = (value: Json, path: (string | number)[]) => {
      at(path, null, 'null', 'no 5xx');
      if (typeof value === 'string') {
        at(path, { $ne: '' }, 'as a nested object');
        at(path, 12345, 'as a number');
        at(path, longString, 'of 10,000 characters');
        at(path, [value], 'wrapped in an array');
        at(path, true, 'as a boolean');
      } else if (typeof value === 'number') {
        at(path, String(value), 'as a string');
        at(path, -1, 'negative');
        at(path, 1e15, 'huge');
        at(path, raw('1e309'), 'as 1e309 (Infinity)');
        at(path, raw('-1e309'), 'as -1e309 (-Infinity)');
        at(path, 'NaN', 'as "NaN"');
        at(path, 12.345, 'with 3 decimals');
        at(path, raw('1e-7'), 'as 1e-7 (exponent notation)');
        at(path, { value }, 'as a nested object');
        at(path, [value], 'wrapped in an array');
      } else if (Array.isArray(value)) {
        at(path, 'a string', 'as a string');
        at(path, { 0: value[0] ?? null }, 'as an object');
        at(path, 42, 'as a number');
        at(path, [42, 42, 42], 'holding numbers');
        at(path, [null, null, null], 'holding nulls');
        at(path, [[], [], []], 'holding arrays');
        at(path, [longString, longString, longString], 'holding 10,000-character strings');
        at(path, Array.from({ length: 1000 }, () => value[0] ?? null), 'with 1,000 entries');
        if (value[0] !== null && typeof value[0] === 'object' && !Array.isArray(value[0]) && !(value[0] instanceof RawJson)) {
          for (const [key, nested] of Object.entries(value[0])) walk(nested, [...path, 0, key]);
        }
      } else if (value !== null && typeof value === 'object' && !(value instanceof RawJson)) {
        at(path, 'a string', 'as a string');
        at(path, 42, 'as a number');
        at(path, [], 'as an array');
        for (const [key, nested] of Object.entries(value)) walk(nested, [...path, key]);
      }
    };
    for (const [key, value] of Object.entries(sample)) walk(value, [key]);
    return cases;
  }

  function withValue(body: Body, path: (string | number)[], value: Json | undefined): Body {
    const copy = structuredCloneJson(body) as Body;
    let target: Record<string | number, Json> = copy as Record<string | number, Json>;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, Json>;
    target[path[path.length - 1]] = value as Json;
    return copy;
  }

  function structuredCloneJson(value: Json): Json {
    if (value instanceof RawJson || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(structuredCloneJson);
    return Object.fromEntries(Object.entries(value).map(([key, nested]) => [key, structuredCloneJson(nested)]));
  }

  function send(endpoint: Endpoint, f: Fixture, body: string) {
    const request = t.http[endpoint.method](endpoint.path(f)).set('Content-Type', 'application/json');
    if (endpoint.name !== 'POST /api/auth/login') request.set(admin.auth);
    return request.send(body);
  }

  const fakeFixture: Fixture = {
    admin: { id: randomUUID(), email: 'x@test.local', name: 'x', role: 'admin', branchId: null, token: '', auth: { Authorization: '' } },
    funnel: {
      id: randomUUID(),
      name: 'x',
      distribution: 'off',
      slaWarnMinutes: null,
      slaEscalateMinutes: null,
      stages: Array.from({ length: 8 }, (_, position) => ({ id: randomUUID(), name: 'x', color: '#fff', kind: 'open' as const, position, winProbability: null, rotAfterDays: null, requiredFields: [] })),
    },
    deal: { id: randomUUID(), version: 1, stageId: randomUUID() } as DealDto,
    contact: { id: randomUUID() } as ContactDto,
  };

  for (const endpoint of endpoints) {
    describe(endpoint.name, () => {
      const cases = [...bodyCases(endpoint), ...fieldCases(endpoint.valid(fakeFixture))];
      for (const hostile of cases) {
        it(`${hostile.expect === '4xx' ? 'refuses' : 'survives'} ${hostile.label}`, async () => {
          const f = await fixture(endpoint.needs);
          const valid = endpoint.valid(f);
          const before = await endpoint.snapshot?.(f, valid);
          const response = await send(endpoint, f, hostile.build(valid));
          if (hostile.expect === '200 no-op') {
            expect(response.status).toBe(200);
            expect(await endpoint.snapshot!(f, valid)).toEqual(before);
          } else if (hostile.expect === '4xx' || response.status >= 400) {
            expectClientError(response);
            if (endpoint.snapshot) expect(await endpoint.snapshot(f, valid)).toEqual(before);
          } else {
            expect(response.status).toBeLessThan(300);
          }
          expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
        });
      }
      if (endpoint.extras) {
        const labels = endpoint.extras(fakeFixture, endpoint.valid(fakeFixture)).map(([label]) => label);
        for (const [index, label] of labels.entries()) {
          it(`refuses ${label}`, async () => {
            const f = await fixture(endpoint.needs);
            const valid = endpoint.valid(f);
            const before = await endpoint.snapshot?.(f, valid);
            const [, body] = endpoint.extras!(f, valid)[index];
            const response = await send(endpoint, f, serialise(body));
            expectClientError(response);
            if (endpoint.snapshot) expect(await endpoint.snapshot(f, valid)).toEqual(before);
          });
        }
      }
      it('accepts the valid body the table is built from', async () => {
        const f = await fixture(endpoint.needs);
        const response = await send(endpoint, f, serialise(endpoint.valid(f)));
        expect([200, 201]).toContain(response.status);
      });
    });
  }

  describe('hostile query strings', () => {
    const forgedCursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

    it.each([
      ['limit=-1', { limit: '-1' }],
      ['limit=0', { limit: '0' }],
      ['limit=abc', { limit: 'abc' }],
      ['limit=1.5', { limit: '1.5' }],
      ['limit=100000', { limit: '100000' }],
      ['limit=1e309', { limit: '1e309' }],
      ['sort=drop table', { sort: 'drop table deal;--' }],
      ['order=sideways', { order: 'sideways' }],
      ['cursor=garbage', { cursor: 'garbage' }],
      ['a cursor of 10,000 characters', { cursor: longString }],
      ['a forged cursor with a non-date sort value', { cursor: forgedCursor(['yesterday', 'not-a-uuid']) }],
      ['a forged cursor with a non-uuid id', { cursor: forgedCursor(['2024-01-01T00:00:00Z', 'not-a-uuid']) }],
      ['a forged amount cursor', { sort: 'amount', cursor: forgedCursor(['lots', randomUUID()]) }],
      ['status[]=x', 'status[]=x'],
      ['status=deleted', { status: 'deleted' }],
      ['responsibleId=x', { responsibleId: 'x' }],
      ['responsibleId of 36 dashes', { responsibleId: '-'.repeat(36) }],
      ['responsibleId of 36 hex digits', { responsibleId: 'a'.repeat(36) }],
      ['funnelId=1', { funnelId: '1' }],
      ['stageId[]=x', 'stageId[]=x'],
      ['q[]=x', 'q[]=x'],
      ['q[a]=x', 'q[a]=x'],
      ['q of 10,000 characters', { q: longString }],
    ])('GET /api/deals?%s → 400', async (_label, query) => {
      const response = await t.http.get('/api/deals').query(query).set(admin.auth);
      expectClientError(response);
      expect(response.status).toBe(400);
    });

    it.each([
      ['a NUL character in q', { q: 'a\u0000b' }],
      ['invalid percent-encoding in q', 'q=%FF%FE%'],
      ['LIKE wildcards in q', { q: '%_\\' }],
    ])('GET /api/deals with %s answers 200 or 400, never 500', async (_label, query) => {
      const response = await t.http.get('/api/deals').query(query).set(admin.auth);
      if (response.status >= 400) expectClientError(response);
      expect([200, 400]).toContain(response.status);
    });

    it.each([
      ['limit=0', { limit: '0' }],
      ['limit=100000', { limit: '100000' }],
      ['limit=-5', { limit: '-5' }],
      ['limit=abc', { limit: 'abc' }],
      ['status=x', { status: 'x' }],
      ['status[]=open', 'status[]=open'],
    ])('GET /api/funnels/:id/board?%s → 400', async (_label, query) => {
      const funnel = await t.funnel(admin);
      const response = await t.http.get(`/api/funnels/${funnel.id}/board`).query(query).set(admin.auth);
      expectClientError(response);
      expect(response.status).toBe(400);
    });

    it.each([
      ['cursor=garbage', { cursor: 'garbage' }],
      ['a forged cursor of the wrong length', { cursor: forgedCursor(['a', 'b']) }],
      ['limit=0', { limit: '0' }],
      ['limit=201', { limit: '201' }],
      ['status=x', { status: 'x' }],
    ])('GET /api/stages/:id/deals?%s → 400', async (_label, query) => {
      const funnel = await t.funnel(admin);
      const response = await t.http.get(`/api/stages/${funnel.stages[1].id}/deals`).query(query).set(admin.auth);
      expectClientError(response);
      expect(response.status).toBe(400);
    });

    it.each([
      ['limit=abc', { limit: 'abc' }],
      ['limit=0', { limit: '0' }],
      ['q[]=x', 'q[]=x'],
      ['q of 10,000 characters', { q: longString }],
    ])('GET /api/contacts?%s → 400', async (_label, query) => {
      const response = await t.http.get('/api/contacts').query(query).set(admin.auth);
      expectClientError(response);
      expect(response.status).toBe(400);
    });

    it('GET /api/contacts with a NUL character in q answers 200 or 400, never 500', async () => {
      const response = await t.http.get('/api/contacts').query({ q: 'a\u0000b' }).set(admin.auth);
      if (response.status >= 400) expectClientError(response);
      expect([200, 400]).toContain(response.status);
    });
  });

  it('refuses NUL characters in stored text with a 4xx and stores nothing', async () => {
    const name = `Nul ${randomUUID()}`;
    const response = await t.http.post('/api/funnels').set(admin.auth).send({ name: `${name}\u0000` });
    expectClientError(response);
    const funnels = (await t.http.get('/api/funnels').set(admin.auth).expect(200)).body as FunnelDto[];
    expect(funnels.filter((funnel) => funnel.name.startsWith(name))).toEqual([]);
  });
});

function expectClientError(response: Response): void {
  if (response.status < 400 || response.status >= 500) {
    throw new Error(`Expected a 4xx, got ${response.status}: ${JSON.stringify(response.body).slice(0, 500)}`);
  }
  expect(response.body).toEqual(expect.objectContaining({ statusCode: response.status, error: STATUS_TEXT[response.status], message: expect.any(String) }));
  expect(response.body.message.length).toBeGreaterThan(0);
}
