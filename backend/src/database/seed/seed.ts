import { DEFAULT_STAGES, type DealStatus, type DealType } from '@autofunnel/shared';
import * as argon2 from 'argon2';
import { generateNKeysBetween } from 'fractional-indexing';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { generateApiKey } from '../../channels/api-key.js';
import { Channel } from '../../channels/channel.entity.js';
import { Contact } from '../../contacts/contact.entity.js';
import { Deal } from '../../deals/deal.entity.js';
import { Deadline } from '../../follow-up/deadline.entity.js';
import { FunnelEvent } from '../../events/funnel-event.entity.js';
import { Funnel } from '../../funnels/funnel.entity.js';
import { Stage } from '../../funnels/stage.entity.js';
import { Offer } from '../../offers/offer.entity.js';
import { Source } from '../../sources/source.entity.js';
import { Vehicle } from '../../stock/vehicle.entity.js';
import { TestDrive } from '../../test-drives/test-drive.entity.js';
import { TradeIn } from '../../trade-ins/trade-in.entity.js';
import { Branch } from '../../users/branch.entity.js';
import { User } from '../../users/user.entity.js';
import {
  AREA_CODES, COMPANY_NAMES, DEMO_BRANCHES, DEMO_PASSWORD, DEMO_SOURCES, DEMO_STOCK, DEMO_TRADE_INS, DEMO_USERS, FIRST_NAMES, LAST_NAMES,
  LOST_REASONS, SERVICE_JOBS, SERVICE_STAGES, SHOWROOM_REQUIRED_FIELDS, SHOWROOM_ROT_AFTER_DAYS, SHOWROOM_SETTINGS, VEHICLES, seededRandom,
} from './demo-data.js';

const SHOWROOM_DEALS = 320;
const SERVICE_DEALS = 60;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
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
    await em.query(`TRUNCATE funnel_event, deal, contact, stage, funnel, source, app_user, branch, vehicle RESTART IDENTITY CASCADE`);
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
            // The managers are on duty without a cap, ready for a funnel that distributes.
            onDuty: demo.role === 'manager',
            maxOpenDeals: null,
          }),
        ),
      );
    }
    const managers = users.filter((user) => user.role === 'manager');
    const sources = await em.save(DEMO_SOURCES.map((name) => em.create(Source, { name })));

    const showroom = await createFunnel(
      em,
      'Car showroom',
      DEFAULT_STAGES.map((stage) => ({
        ...stage,
        requiredFields: [...(SHOWROOM_REQUIRED_FIELDS[stage.name] ?? [])],
        rotAfterDays: stage.kind === 'open' ? SHOWROOM_ROT_AFTER_DAYS : null,
      })),
      SHOWROOM_SETTINGS,
    );
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

    let showroomDeals: Deal[] = [];
    for (const [funnel, stages, count, describe] of [
      [showroom.funnel, showroom.stages, SHOWROOM_DEALS, () => pick(VEHICLES)],
      [service.funnel, service.stages, SERVICE_DEALS, () => ({ label: pick(SERVICE_JOBS), price: 150 + Math.floor(random() * 1200) })],
    ] as const) {
      let untakenSoFar = 0;
      const drafts = Array.from({ length: count }, () => {
        // Skewed towards the first stages, as real funnels are.
        const stage = stages[Math.min(stages.length - 1, Math.floor(random() ** 1.6 * stages.length))];
        const lost = stage.kind === 'open' && random() < 0.12;
        const status: DealStatus = stage.kind === 'won' ? 'won' : lost ? 'lost' : 'open';
        // Untaken requests are fresh (a dealership takes them within hours or days; the first few
        // arrived minutes ago, so their speed-to-lead countdown runs); the rest span two months.
        const freshMinutes = stage.kind === 'unassigned' ? FRESH_REQUEST_MINUTES[untakenSoFar++] : undefined;
        const age =
          freshMinutes !== undefined ? freshMinutes * 60_000 : stage.kind === 'unassigned' ? random() ** 2 * 3 * DAY_MS : DAY_MS + random() * 60 * DAY_MS;
        const createdAt = new Date(Date.now() - Math.floor(age));
        const responsible = stage.kind === 'unassigned' ? null : pick(managers);
        const vehicle = describe();
        const contact = pick(contacts);
        return { stage, status, createdAt, responsible, vehicle, contact, lostReason: lost ? pick(LOST_REASONS) : null };
      });
      const keysByStage = new Map(
        stages.map((stage) => [stage.id, generateNKeysBetween(null, null, drafts.filter((draft) => draft.stage.id === stage.id).length)]),
      );
      const paths: StagePath[] = [];
      const deals = await em.save(
        drafts.map((draft) => {
          // Closed deals went quiet when they closed; open ones were mostly touched lately, and the
          // few idle for over two weeks show as rotten. Taken deals saw activity after their take.
          const quiet = random();
          const activityAt = new Date(
            Math.max(
              draft.status === 'open' && draft.responsible
                ? Math.max(draft.createdAt.getTime(), Date.now() - Math.floor(quiet ** 2 * 21 * DAY_MS))
                : Math.min(Date.now(), draft.createdAt.getTime() + Math.floor(quiet * 10 * DAY_MS)),
              draft.responsible ? takenAt(draft.createdAt).getTime() + 2 * HOUR_MS : 0,
            ),
          );
          const path = draft.responsible ? stagePath(stages, draft.stage, takenAt(draft.createdAt), activityAt, draft.status === 'won', random) : [];
          paths.push(path);
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
            // As the seeded timeline tells it: taken into work 20 minutes in, then moved on stage by stage.
            stageEnteredAt: path.at(-1)?.at ?? draft.createdAt,
            takenAt: draft.responsible ? takenAt(draft.createdAt) : null,
            // Requests that waited past the showroom's SLA were escalated then.
            slaEscalatedAt: escalatedAt(funnel === showroom.funnel && !draft.responsible && draft.status === 'open', draft.createdAt),
            // Untaken: the contact deadline of a new request; taken: the next follow-up, a few overdue.
            deadlineAt:
              draft.status !== 'open'
                ? null
                : draft.responsible
                  ? new Date(Date.now() + Math.floor((random() * 7 - 1) * DAY_MS))
                  : new Date(draft.createdAt.getTime() + 2 * 3_600_000),
            lostReason: draft.lostReason,
            closedAt: draft.status === 'open' ? null : activityAt,
          });
        }),
        { chunk: 100 },
      );
      // The open deadline of each deal, as the follow-up tab shows and resolves it.
      const withDeadline = deals.filter((deal) => deal.deadlineAt !== null);
      if (withDeadline.length > 0) await em.insert(Deadline, withDeadline.map((deal) => ({ dealId: deal.id, dueAt: deal.deadlineAt!, createdAt: deal.createdAt })));
      await em.insert(FunnelEvent, timelineOf(funnel, stages, deals, drafts, paths, phoneLine) as QueryDeepPartialEntity<FunnelEvent>[]);
      await em.update(Funnel, funnel.id, { lastSeq: funnel.lastSeq });
      if (funnel === showroom.funnel) showroomDeals = deals;
    }
    await seedStock(em, showroom, showroomDeals, random);
  });
}

type StageSeed = Pick<Stage, 'name' | 'color' | 'kind'> & Partial<Pick<Stage, 'winProbability' | 'rotAfterDays' | 'requiredFields'>>;

/** Ages in minutes of the newest untaken requests: one fresh, one past the warning, one about to escalate. */
const FRESH_REQUEST_MINUTES = [3, 18, 27];

/** Seeded deals with a responsible were taken into work 20 minutes after they arrived. */
function takenAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + 20 * 60_000);
}

/** Where a taken deal went and when: each stage from the first open one up to its own. */
type StagePath = { stageId: string; at: Date }[];

/**
 * The stages a taken deal passed through to reach `stage` (so the conversion and stage-duration
 * dashboards see a real funnel): the first open stage at the take, then each next one after a
 * random share of the time up to `until` — a won deal reaches its stage exactly then, an open or
 * lost one has been in its stage for a while by then.
 */
function stagePath(stages: Stage[], stage: Stage, taken: Date, until: Date, won: boolean, random: () => number): StagePath {
  const walked = stages.slice(1, stages.indexOf(stage) + 1);
  const stays = walked.map(() => 0.5 + random()).slice(0, won ? -1 : undefined);
  const total = stays.reduce((sum, stay) => sum + stay, 0);
  const span = until.getTime() - taken.getTime();
  let elapsed = 0;
  return walked.map((passed, index) => {
    const at = new Date(taken.getTime() + Math.round((span * elapsed) / total));
    elapsed += stays[index] ?? 0;
    return { stageId: passed.id, at };
  });
}

function escalatedAt(underSla: boolean, createdAt: Date): Date | null {
  const escalation = createdAt.getTime() + SHOWROOM_SETTINGS.slaEscalateMinutes * 60_000;
  return underSla && escalation < Date.now() ? new Date(escalation) : null;
}

async function createFunnel(em: EntityManager, name: string, templates: readonly StageSeed[], settings: Partial<Pick<Funnel, 'distribution' | 'slaWarnMinutes' | 'slaEscalateMinutes'>> = {}) {
  const funnel = await em.save(em.create(Funnel, { name, ...settings }));
  const stages = await em.save(templates.map((template, position) => em.create(Stage, { ...template, funnelId: funnel.id, position })));
  return { funnel, stages };
}

/** The events a real history would have left: created, taken (or assigned), closed. Seqs follow on. */
function timelineOf(funnel: Funnel, stages: Stage[], deals: Deal[], drafts: { responsible: User | null }[], paths: StagePath[], phoneLine: Channel): Partial<FunnelEvent>[] {
  const unassigned = stages.find((stage) => stage.kind === 'unassigned')!;
  const events: Partial<FunnelEvent>[] = [];
  const ordered = deals
    .map((deal, index) => ({ deal, responsible: drafts[index].responsible, path: paths[index] }))
    .sort((a, b) => a.deal.createdAt.getTime() - b.deal.createdAt.getTime());
  let seq = funnel.lastSeq;
  for (const { deal, responsible, path } of ordered) {
    events.push({ funnelId: funnel.id, seq: ++seq, type: 'deal.created', dealId: deal.id, actorId: null, at: deal.createdAt, data: { stageId: unassigned.id, responsibleId: null, contactId: deal.contactId, contactReused: false } });
    if (responsible) {
      // Taken into the first open stage, then moved on; a won deal's last step is its closing.
      for (const [index, { stageId, at }] of path.entries()) {
        const fromStageId = index === 0 ? unassigned.id : path[index - 1].stageId;
        const event: Pick<FunnelEvent, 'type' | 'data'> =
          index === 0
            ? { type: 'deal.taken', data: { responsibleId: responsible.id, fromStageId, toStageId: stageId } }
            : deal.status === 'won' && index === path.length - 1
              ? { type: 'deal.closed', data: { outcome: 'won', reason: null, soldVehicleId: null, fromStageId, toStageId: stageId } }
              : { type: 'deal.moved', data: { fromStageId, toStageId: stageId, status: 'open', responsibleId: responsible.id } };
        events.push({ funnelId: funnel.id, seq: ++seq, dealId: deal.id, actorId: responsible.id, at, ...event });
      }
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

/**
 * The stock, and what a few showroom deals did with it: offers (the won deals' offers sold
 * their vehicles), test drives booked, done or cancelled, trade-ins appraised. Each record has
 * its timeline entry and the deal its counts, as if done through the API.
 */
async function seedStock(em: EntityManager, showroom: { funnel: Funnel; stages: Stage[] }, deals: Deal[], random: () => number): Promise<void> {
  const vehicles = await em.save(DEMO_STOCK.map((vehicle) => em.create(Vehicle, vehicle)));
  const now = Date.now();
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const stageId = (name: string) => showroom.stages.find((stage) => stage.name === name)!.id;
  const taken = (stage: string, status: DealStatus = 'open') => deals.filter((deal) => deal.stageId === stageId(stage) && deal.status === status && deal.responsibleId);
  /** A vehicle the deal's customer asked about if there is one, else the `index`th candidate. */
  const vehicleFor = (deal: Deal, candidates: Vehicle[], index: number) =>
    candidates.find((vehicle) => `${vehicle.make} ${vehicle.model}` === deal.vehicleInterest) ?? candidates[index % candidates.length];
  const ref = (vehicle: Vehicle) => ({ id: vehicle.id, make: vehicle.make, model: vehicle.model, year: vehicle.year, vin: vehicle.vin });
  /** Hours after the deal was created (and taken, 20 minutes in), never in the future. */
  const after = (deal: Deal, hours: number) => new Date(Math.min(now - 60_000, deal.createdAt.getTime() + hours * HOUR_MS));

  const events: { deal: Deal; type: FunnelEvent['type']; at: Date; data: Record<string, unknown> }[] = [];
  const counts = new Map<string, { offerCount: number; testDriveCount: number; tradeInCount: number }>();
  const count = (deal: Deal, field: 'offerCount' | 'testDriveCount' | 'tradeInCount') => {
    const entry = counts.get(deal.id) ?? { offerCount: 0, testDriveCount: 0, tradeInCount: 0 };
    entry[field] += 1;
    counts.set(deal.id, entry);
  };

  // Each sold vehicle went to a won deal through its offer, made while the deal was open.
  const unsold = vehicles.filter((vehicle) => vehicle.status === 'sold');
  for (const [index, deal] of taken('Delivered', 'won').slice(0, unsold.length).entries()) {
    const vehicle = vehicleFor(deal, unsold, index);
    unsold.splice(unsold.indexOf(vehicle), 1);
    const at = new Date((deal.createdAt.getTime() + deal.closedAt!.getTime()) / 2);
    const offer = await em.save(em.create(Offer, { dealId: deal.id, vehicleId: vehicle.id, price: vehicle.price, discount: 500, createdById: deal.responsibleId, createdAt: at }));
    events.push({ deal, type: 'deal.offer_added', at, data: { offerId: offer.id, vehicle: ref(vehicle), price: offer.price, discount: 500, total: offer.price - 500, validUntil: null } });
    count(deal, 'offerCount');
  }

  const available = vehicles.filter((vehicle) => vehicle.status !== 'sold');
  // Every open deal from Contract & payment on got there with an offer (the stage requires one); a few negotiate on one.
  const negotiating = [...taken('Offer / negotiation').slice(0, 4), ...taken('Contract & payment'), ...taken('Preparing for delivery')];
  const validUntil = new Date(today + 15 * DAY_MS - 1);
  for (const [index, deal] of negotiating.entries()) {
    const vehicle = vehicleFor(deal, available, index);
    const discount = [0, 500, 1000, 1500][Math.floor(random() * 4)];
    const at = after(deal, 26);
    const notes = discount > 0 ? 'Showroom discount agreed with the team lead' : null;
    const offer = await em.save(em.create(Offer, { dealId: deal.id, vehicleId: vehicle.id, price: vehicle.price, discount, validUntil, notes, createdById: deal.responsibleId, createdAt: at }));
    events.push({ deal, type: 'deal.offer_added', at, data: { offerId: offer.id, vehicle: ref(vehicle), price: offer.price, discount, total: offer.price - discount, validUntil: validUntil.toISOString() } });
    count(deal, 'offerCount');
  }

  // No two slots overlap: the upcoming ones each have an hour of their own from tomorrow on;
  // the past ones, on the day after their deal came in, each another hour of the day.
  const upcoming = taken('Test drive').slice(0, 8);
  for (const [index, deal] of upcoming.entries()) {
    const vehicle = vehicleFor(deal, available, index);
    const startsAt = new Date(today + (1 + Math.floor(index / 4)) * DAY_MS + (9 + (index % 4) * 2) * HOUR_MS);
    const endsAt = new Date(startsAt.getTime() + HOUR_MS);
    const cancelled = index === upcoming.length - 1;
    const drive = await em.save(
      em.create(TestDrive, { dealId: deal.id, vehicleId: vehicle.id, startsAt, endsAt, status: cancelled ? 'cancelled' : 'scheduled', createdById: deal.responsibleId, createdAt: after(deal, 2) }),
    );
    const slot = { testDriveId: drive.id, vehicle: ref(vehicle), startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), licenceChecked: false };
    events.push({ deal, type: 'deal.test_drive_scheduled', at: after(deal, 2), data: slot });
    if (cancelled) events.push({ deal, type: 'deal.test_drive_updated', at: after(deal, 5), data: { ...slot, status: 'cancelled', changes: { status: { from: 'scheduled', to: 'cancelled' } } } });
    else count(deal, 'testDriveCount');
  }
  const driven = [...taken('Trade-in appraisal'), ...taken('Offer / negotiation')].filter((deal) => deal.createdAt.getTime() < today - 3 * DAY_MS).slice(0, 6);
  for (const [index, deal] of driven.entries()) {
    const vehicle = vehicleFor(deal, available, index);
    const startsAt = new Date(Math.ceil(deal.createdAt.getTime() / DAY_MS) * DAY_MS + (10 + index) * HOUR_MS);
    const endsAt = new Date(startsAt.getTime() + HOUR_MS);
    const drive = await em.save(
      em.create(TestDrive, { dealId: deal.id, vehicleId: vehicle.id, startsAt, endsAt, licenceChecked: true, status: 'done', notes: 'Liked the ride; asked about winter tyres', createdById: deal.responsibleId, createdAt: after(deal, 1) }),
    );
    const slot = { testDriveId: drive.id, vehicle: ref(vehicle), startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
    events.push({ deal, type: 'deal.test_drive_scheduled', at: after(deal, 1), data: { ...slot, licenceChecked: false } });
    events.push({
      deal,
      type: 'deal.test_drive_updated',
      at: new Date(endsAt.getTime() + HOUR_MS / 2),
      data: { ...slot, status: 'done', licenceChecked: true, changes: { status: { from: 'scheduled', to: 'done' }, licenceChecked: { from: false, to: true } } },
    });
    count(deal, 'testDriveCount');
  }

  for (const [index, deal] of taken('Trade-in appraisal').slice(0, DEMO_TRADE_INS.length).entries()) {
    const { make, model, year, vin, mileage, appraisalValue, notes } = DEMO_TRADE_INS[index];
    const at = after(deal, 50);
    const tradeIn = await em.save(em.create(TradeIn, { make, model, year, vin, mileage, appraisalValue, notes, dealId: deal.id, createdById: deal.responsibleId, createdAt: at }));
    events.push({ deal, type: 'deal.trade_in_added', at, data: { tradeInId: tradeIn.id, tradeIn: { make, model, year, vin, mileage, appraisalValue } } });
    count(deal, 'tradeInCount');
  }

  // Appended to the funnel's log in the order they happened; each deal's last activity follows.
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  let seq = showroom.funnel.lastSeq;
  await em.insert(
    FunnelEvent,
    events.map(({ deal, type, at, data }) => ({ funnelId: showroom.funnel.id, seq: ++seq, type, dealId: deal.id, actorId: deal.responsibleId, at, data })) as QueryDeepPartialEntity<FunnelEvent>[],
  );
  await em.update(Funnel, showroom.funnel.id, { lastSeq: seq });
  for (const deal of new Set(events.map((event) => event.deal))) {
    const latest = Math.max(deal.lastActivityAt.getTime(), ...events.filter((event) => event.deal === deal).map((event) => event.at.getTime()));
    await em.update(Deal, deal.id, { offerCount: 0, testDriveCount: 0, tradeInCount: 0, ...counts.get(deal.id), lastActivityAt: new Date(latest) });
  }
}
