import { DEFAULT_STAGES, type DealStatus, type DealType } from '@autofunnel/shared';
import * as argon2 from 'argon2';
import { generateNKeysBetween } from 'fractional-indexing';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { generateApiKey } from '../../channels/api-key.js';
import { Channel } from '../../channels/channel.entity.js';
import { Contact } from '../../contacts/contact.entity.js';
import { Deal } from '../../deals/deal.entity.js';
import { FunnelEvent } from '../../events/funnel-event.entity.js';
import { Funnel } from '../../funnels/funnel.entity.js';
import { Stage } from '../../funnels/stage.entity.js';
import { Source } from '../../sources/source.entity.js';
import { Branch } from '../../users/branch.entity.js';
import { User } from '../../users/user.entity.js';
import {
  AREA_CODES, COMPANY_NAMES, DEMO_BRANCHES, DEMO_PASSWORD, DEMO_SOURCES, DEMO_USERS, FIRST_NAMES, LAST_NAMES, LOST_REASONS,
  SERVICE_JOBS, SERVICE_STAGES, VEHICLES, seededRandom,
} from './demo-data.js';

const SHOWROOM_DEALS = 320;
const SERVICE_DEALS = 60;
const DAY_MS = 86_400_000;
const DEAL_TYPES: DealType[] = ['internet_lead', 'phone_up', 'chat', 'sms', 'walk_in'];
const DEMO_CHANNELS = [
  { name: 'Website form', kind: 'web', source: 'Website', type: 'internet_lead' },
  { name: 'Main phone line', kind: 'phone', source: 'Phone call', type: 'phone_up' },
  { name: 'WhatsApp', kind: 'messenger', source: 'Website', type: 'chat' },
] as const;

/** Seeds the demo dealership unless the database already has users. Returns whether it seeded. */
export async function seedDemoDataIfEmpty(dataSource: DataSource): Promise<boolean> {
  if ((await dataSource.getRepository(User).count()) > 0) return false;
  await seedDemoData(dataSource);
  return true;
}

/** Wipes every table and creates the demo dealership (`npm run seed`). */
export async function seedDemoData(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (em) => {
    await em.query(`TRUNCATE funnel_event, deal, contact, stage, funnel, source, app_user, branch RESTART IDENTITY CASCADE`);
    await em.query(`ALTER SEQUENCE deal_code_seq RESTART WITH 1001`);
    const random = seededRandom(20261123);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

    const branches = await em.save(DEMO_BRANCHES.map((name) => em.create(Branch, { name })));
    const users: User[] = [];
    for (const demo of DEMO_USERS) {
      users.push(
        await em.save(
          em.create(User, {
            email: demo.email,
            name: demo.name,
            role: demo.role,
            branchId: branches[demo.branch].id,
            phoneExtension: demo.phoneExtension,
            passwordHash: await argon2.hash(DEMO_PASSWORD),
          }),
        ),
      );
    }
    const managers = users.filter((user) => user.role === 'manager');
    const sources = await em.save(DEMO_SOURCES.map((name) => em.create(Source, { name })));

    const showroom = await createFunnel(em, 'Car showroom', DEFAULT_STAGES);
    // The showroom's advertising channels; their keys are shown to nobody: an admin rotates one to use it.
    const channelOfType = new Map<DealType, Channel>();
    for (const { name, kind, source, type } of DEMO_CHANNELS) {
      const { hash, prefix } = generateApiKey();
      const sourceId = sources.find((item) => item.name === source)!.id;
      channelOfType.set(type, await em.save(em.create(Channel, { name, kind, funnelId: showroom.funnel.id, sourceId, apiKeyHash: hash, apiKeyPrefix: prefix })));
    }
    const phoneLine = channelOfType.get('phone_up')!;
    const service = await createFunnel(em, 'Service', SERVICE_STAGES);

    const contacts = await em.save(
      Array.from({ length: 260 }, (_, index) => {
        const company = index % 25 === 0;
        const name = company ? pick(COMPANY_NAMES) : `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
        const phone = `+1${pick(AREA_CODES)}${200 + Math.floor(random() * 700)}${String(Math.floor(random() * 10000)).padStart(4, '0')}`;
        const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${index}@example.com`;
        return em.create(Contact, { kind: company ? 'company' : 'person', name, phones: [phone], emails: random() < 0.7 ? [email] : [] });
      }),
      { chunk: 100 },
    );

    for (const [funnel, stages, count, describe] of [
      [showroom.funnel, showroom.stages, SHOWROOM_DEALS, () => pick(VEHICLES)],
      [service.funnel, service.stages, SERVICE_DEALS, () => ({ label: pick(SERVICE_JOBS), price: 150 + Math.floor(random() * 1200) })],
    ] as const) {
      const drafts = Array.from({ length: count }, () => {
        // Skewed towards the first stages, as real funnels are.
        const stage = stages[Math.min(stages.length - 1, Math.floor(random() ** 1.6 * stages.length))];
        const lost = stage.kind === 'open' && random() < 0.12;
        const status: DealStatus = stage.kind === 'won' ? 'won' : lost ? 'lost' : 'open';
        // Untaken requests are fresh (a dealership takes them within hours or days); the rest span two months.
        const age = stage.kind === 'unassigned' ? random() ** 2 * 3 * DAY_MS : DAY_MS + random() * 60 * DAY_MS;
        const createdAt = new Date(Date.now() - Math.floor(age));
        const responsible = stage.kind === 'unassigned' ? null : pick(managers);
        const vehicle = describe();
        const contact = pick(contacts);
        return { stage, status, createdAt, responsible, vehicle, contact, lostReason: lost ? pick(LOST_REASONS) : null };
      });
      const keysByStage = new Map(
        stages.map((stage) => [stage.id, generateNKeysBetween(null, null, drafts.filter((draft) => draft.stage.id === stage.id).length)]),
      );
      const deals = await em.save(
        drafts.map((draft) => {
          const activityAt = new Date(Math.min(Date.now(), draft.createdAt.getTime() + Math.floor(random() * 10 * DAY_MS)));
          const type = pick(DEAL_TYPES);
          // A few showroom customers got in touch again about their open deal.
          const repeated = funnel === showroom.funnel && draft.status === 'open' && draft.responsible !== null && random() < 0.06;
          const newRequestAt = repeated ? new Date(Date.now() - Math.floor(random() * DAY_MS)) : null;
          return em.create(Deal, {
            title: `${draft.vehicle.label} for ${draft.contact.name}`,
            funnelId: funnel.id,
            stageId: draft.stage.id,
            status: draft.status,
            responsibleId: draft.responsible?.id ?? null,
            branchId: draft.responsible?.branchId ?? branches[0].id,
            contactId: draft.contact.id,
            sourceId: pick(sources).id,
            type,
            channel: funnel === showroom.funnel ? (channelOfType.get(type)?.name ?? null) : null,
            newRequestAt,
            amount: draft.vehicle.price,
            vehicleInterest: draft.vehicle.label,
            position: keysByStage.get(draft.stage.id)!.shift()!,
            createdAt: draft.createdAt,
            lastActivityAt: newRequestAt ?? activityAt,
            // Untaken: the contact deadline of a new request; taken: the next follow-up, a few overdue.
            deadlineAt: draft.responsible
              ? new Date(Date.now() + Math.floor((random() * 7 - 1) * DAY_MS))
              : new Date(draft.createdAt.getTime() + 2 * 3_600_000),
            lostReason: draft.lostReason,
            closedAt: draft.status === 'open' ? null : activityAt,
          });
        }),
        { chunk: 100 },
      );
      await em.insert(FunnelEvent, timelineOf(funnel, stages, deals, drafts, phoneLine) as QueryDeepPartialEntity<FunnelEvent>[]);
      await em.update(Funnel, funnel.id, { lastSeq: funnel.lastSeq });
    }
  });
}

async function createFunnel(em: EntityManager, name: string, templates: readonly { name: string; color: string; kind: Stage['kind'] }[]) {
  const funnel = await em.save(em.create(Funnel, { name }));
  const stages = await em.save(templates.map((template, position) => em.create(Stage, { ...template, funnelId: funnel.id, position })));
  return { funnel, stages };
}

/** The events a real history would have left: created, taken (or assigned), closed. Seqs follow on. */
function timelineOf(funnel: Funnel, stages: Stage[], deals: Deal[], drafts: { responsible: User | null }[], phoneLine: Channel): Partial<FunnelEvent>[] {
  const unassigned = stages.find((stage) => stage.kind === 'unassigned')!;
  const events: Partial<FunnelEvent>[] = [];
  const ordered = deals.map((deal, index) => ({ deal, responsible: drafts[index].responsible })).sort((a, b) => a.deal.createdAt.getTime() - b.deal.createdAt.getTime());
  let seq = funnel.lastSeq;
  for (const { deal, responsible } of ordered) {
    events.push({ funnelId: funnel.id, seq: ++seq, type: 'deal.created', dealId: deal.id, actorId: null, at: deal.createdAt, data: { stageId: unassigned.id, responsibleId: null, contactId: deal.contactId, contactReused: false } });
    if (responsible) {
      events.push({ funnelId: funnel.id, seq: ++seq, type: 'deal.taken', dealId: deal.id, actorId: responsible.id, at: new Date(deal.createdAt.getTime() + 20 * 60_000), data: { responsibleId: responsible.id, fromStageId: unassigned.id, toStageId: deal.stageId } });
    }
    if (deal.status === 'lost') {
      events.push({ funnelId: funnel.id, seq: ++seq, type: 'deal.closed', dealId: deal.id, actorId: responsible?.id ?? null, at: deal.lastActivityAt, data: { outcome: 'lost', reason: deal.lostReason } });
    }
  }
  // The flagged deals' latest request: the customer called again and nobody picked up.
  for (const deal of deals.filter((candidate) => candidate.newRequestAt)) {
    const request = { kind: 'call', channel: { id: phoneLine.id, name: phoneLine.name }, summary: 'Missed call', details: {} };
    events.push({ funnelId: funnel.id, seq: ++seq, type: 'deal.request_added', dealId: deal.id, actorId: null, at: deal.newRequestAt!, data: { request } });
  }
  funnel.lastSeq = seq;
  return events;
}
