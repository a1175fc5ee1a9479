/**
 * `npm run simulate`: sends realistic calls, web forms, messenger messages and ADF leads to a
 * running server, so anyone can watch the inflow arrive on the board. It signs in as the demo
 * admin, sets up its own channels in the first funnel (rotating their keys to learn them), then
 * sends requests at the chosen rate until stopped (or `--count` are sent). Some callers come
 * back (repeat customers) and some requests are sent twice (retries), as in real life.
 *
 *   npm run simulate -- --rate 30 --count 100 --url http://localhost:3000
 */
import type { ChannelDto, ChannelKind, ChannelWithKeyDto, FunnelDto, IntakeResult, LoginResponse } from '@autofunnel/shared';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { AREA_CODES, DEMO_PASSWORD, FIRST_NAMES, LAST_NAMES, VEHICLES } from '../database/seed/demo-data.js';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.SIMULATE_URL ?? 'http://localhost:3000' },
    rate: { type: 'string', default: '20' },
    count: { type: 'string' },
    email: { type: 'string', default: 'admin@demo.local' },
    password: { type: 'string', default: DEMO_PASSWORD },
  },
});
const base = options.url.replace(/\/$/, '');
const perMinute = Number(options.rate);
const limit = options.count === undefined ? Infinity : Number(options.count);
if (!(perMinute > 0) || !(limit > 0)) throw new Error('--rate and --count must be positive numbers');

const CHANNELS: { name: string; kind: ChannelKind }[] = [
  { name: 'Simulated phone line', kind: 'phone' },
  { name: 'Simulated website form', kind: 'web' },
  { name: 'Simulated WhatsApp', kind: 'messenger' },
  { name: 'Simulated AutoTrader feed', kind: 'partner' },
];
const EXTENSIONS = ['102', '103'];
const MESSAGES = ['Is this car still available?', 'Can I book a test drive on Saturday?', 'What would my monthly payment be?', 'Do you take trade-ins?', 'Please call me back after 5 pm.'];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const chance = (probability: number) => Math.random() < probability;

interface Customer {
  name: string;
  phone: string;
  email: string;
}

function newCustomer(): Customer {
  const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
  const phone = `+1 ${pick(AREA_CODES)} ${200 + Math.floor(Math.random() * 700)} ${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
  return { name, phone, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${randomUUID().slice(0, 4)}@example.com` };
}

async function call<T>(method: string, path: string, headers: Record<string, string>, body?: unknown, contentType = 'application/json'): Promise<{ status: number; body: T }> {
  const response = await fetch(base + path, {
    method,
    headers: { ...headers, ...(body !== undefined && { 'content-type': contentType }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => null)) as T;
  if (response.status >= 400) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
  return { status: response.status, body: answer };
}

/** Signs in as the admin and returns each simulated channel's key (created, or rotated to learn it). */
async function setUpChannels(): Promise<Map<ChannelKind, string>> {
  const { body: login } = await call<LoginResponse>('POST', '/api/auth/login', {}, { email: options.email, password: options.password });
  const auth = { Authorization: `Bearer ${login.accessToken}` };
  const { body: funnels } = await call<FunnelDto[]>('GET', '/api/funnels', auth);
  if (funnels.length === 0) throw new Error('The server has no funnel to send leads to');
  const { body: existing } = await call<ChannelDto[]>('GET', '/api/channels', auth);
  const keys = new Map<ChannelKind, string>();
  for (const wanted of CHANNELS) {
    const found = existing.find((channel) => channel.name === wanted.name);
    const { body } = found
      ? await call<ChannelWithKeyDto>('POST', `/api/channels/${found.id}/rotate-key`, auth)
      : await call<ChannelWithKeyDto>('POST', '/api/channels', auth, { ...wanted, funnelId: funnels[0].id, rateLimitPerMinute: 600 });
    keys.set(wanted.kind, body.apiKey);
  }
  console.log(`Sending to "${funnels[0].name}" on ${base} at ${perMinute} requests a minute; Ctrl-C stops.`);
  return keys;
}

/** One request of a random kind: what to send and how to describe it. */
function nextRequest(customer: Customer): { kind: ChannelKind; path: string; body: unknown; contentType?: string; label: string } {
  const roll = Math.random();
  if (roll < 0.4) {
    const answered = chance(0.4);
    return {
      kind: 'phone',
      path: '/api/intake/calls',
      body: { externalId: `sim-call-${randomUUID()}`, from: customer.phone, status: answered ? 'answered' : 'missed', ...(answered && { answeredBy: pick(EXTENSIONS), durationSeconds: 30 + Math.floor(Math.random() * 400) }) },
      label: `${answered ? 'answered' : 'missed'} call from ${customer.phone}`,
    };
  }
  const vehicle = pick(VEHICLES);
  if (roll < 0.7) {
    return {
      kind: 'web',
      path: '/api/intake/forms',
      body: { externalId: `sim-form-${randomUUID()}`, name: customer.name, phone: customer.phone, email: customer.email, vehicleInterest: vehicle.label, message: pick(MESSAGES), utm: { utm_source: pick(['google', 'facebook', 'newsletter']) } },
      label: `web form from ${customer.name} about a ${vehicle.label}`,
    };
  }
  if (roll < 0.9) {
    return {
      kind: 'messenger',
      path: '/api/intake/messages',
      body: { externalId: `sim-msg-${randomUUID()}`, name: customer.name, phone: customer.phone, text: pick(MESSAGES), messenger: 'WhatsApp' },
      label: `WhatsApp message from ${customer.name}`,
    };
  }
  const [first, ...last] = customer.name.split(' ');
  const xml = `<?xml version="1.0"?><?adf version="1.0"?><adf><prospect><id source="AutoTrader">${randomUUID()}</id><requestdate>${new Date().toISOString()}</requestdate>
<vehicle interest="buy" status="used"><make>${vehicle.label.split(' ')[0]}</make><model>${vehicle.label.split(' ').slice(1).join(' ')}</model><price currency="USD">${vehicle.price}</price></vehicle>
<customer><contact><name part="first">${first}</name><name part="last">${last.join(' ')}</name><email>${customer.email}</email><phone type="cellphone">${customer.phone}</phone></contact><comments>${pick(MESSAGES)}</comments></customer>
<provider><name part="full">AutoTrader.com</name></provider></prospect></adf>`;
  return { kind: 'partner', path: '/api/intake/adf', body: xml, contentType: 'application/xml', label: `ADF lead from AutoTrader for ${customer.name}` };
}

function describe(result: IntakeResult): string {
  if (result.replayed) return `${result.dealCode} (a retry: nothing new)`;
  return result.addedToOpenDeal ? `${result.dealCode} (added to the customer's open deal)` : `${result.dealCode} (new deal)`;
}

const keys = await setUpChannels();
const customers: Customer[] = [];
for (let sent = 0; sent < limit; sent += 1) {
  const customer = customers.length > 0 && chance(0.15) ? pick(customers) : newCustomer();
  customers.push(customer);
  const request = nextRequest(customer);
  const headers = { 'X-Api-Key': keys.get(request.kind)! };
  try {
    const { body } = await call<IntakeResult | { results: IntakeResult[] }>('POST', request.path, headers, request.body, request.contentType);
    const result = 'results' in body ? body.results[0] : body;
    console.log(`${new Date().toLocaleTimeString()}  ${request.label} → ${describe(result)}`);
    if (chance(0.05)) {
      const { body: again } = await call<IntakeResult>('POST', request.path, headers, request.body, request.contentType);
      if (!('results' in again)) console.log(`${new Date().toLocaleTimeString()}  …sent again by the sender → ${describe(again)}`);
    }
  } catch (error) {
    console.error(`${new Date().toLocaleTimeString()}  ${request.label} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  await sleep(60_000 / perMinute);
}
