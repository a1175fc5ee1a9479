import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { canSeeDeal, type BoardEventType, type DealDto, type DealEventDto, type DealType, type UserRef } from '@autofunnel/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { AppEnvironment } from '../config/env.js';
import { Contact } from '../contacts/contact.entity.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { EventsService, type FunnelEventLog } from '../events/events.service.js';
import { lockFunnel } from '../funnels/funnel-lock.js';
import { Stage } from '../funnels/stage.entity.js';
import { Source } from '../sources/source.entity.js';
import { Branch } from '../users/branch.entity.js';
import { User } from '../users/user.entity.js';
import { setOpenDeadline } from '../follow-up/open-deadline.js';
import { releaseSoldVehicle, sellOfferedVehicle } from '../offers/vehicle-sale.js';
import { DealTypeEntity } from '../deal-types/deal-type.entity.js';
import { DistributionService } from '../distribution/distribution.service.js';
import { Deal } from './deal.entity.js';
import { DEAL_RELATIONS, toDealDto } from './deal.mapper.js';
import { positionBetween } from './deal-ordering.js';
import { assertCanSee } from './deal-visibility.js';
import { assertMeetsRequirements } from './stage-requirements.js';
import type { AssignDealDto, CloseDealDto, CreateDealDto, MoveDealDto, UpdateDealDto } from './dto/deal.dto.js';

/** A new deal, its contact and references already resolved (see `DealsService.openDeal`). */
export interface NewDealInput {
  funnelId: string;
  contact: Contact;
  contactReused: boolean;
  responsible: User | null;
  branchId: string | null;
  sourceId: string | null;
  type: DealType | null;
  /** The advertising channel's name, for deals that came in through one. */
  channel: string | null;
  amount: number | null;
  vehicleInterest: string | null;
  title?: string;
  actor: UserRef | null;
  /** More facts for the `deal.created` event, e.g. the request that created it. */
  eventData?: Record<string, unknown>;
}

/**
 * `anyoneMayTry`: skip the responsible-manager check (the change refuses for its own reasons);
 * `seenAsUntaken`: judge who may see the deal as if nobody held it (take into work: a deal
 * someone holds answers 409 naming them, not 403);
 * `trashed: 'allow'`: find the deal even in the trash (restoring it).
 * The caller must see the deal in every case (`canSeeDeal`).
 */
export interface DealChangeOptions {
  anyoneMayTry?: boolean;
  seenAsUntaken?: boolean;
  trashed?: 'allow';
}

/** What a change does to the locked deal (fields, counters), and the event that records it. */
export interface DealChange {
  patch: Partial<Deal>;
  type: BoardEventType;
  data: Record<string, unknown>;
}

/**
 * The rules of a deal's life: create, edit, take into work, move, assign, close, reopen.
 * Each runs in one transaction that locks the funnel then the deal, applies the change,
 * bumps `version` and `lastActivityAt`, and appends the event to the funnel's log.
 */
@Injectable()
export class DealsService {
  private readonly contactDeadlineMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contacts: ContactsService,
    private readonly events: EventsService,
    private readonly distribution: DistributionService,
    config: ConfigService<AppEnvironment, true>,
  ) {
    this.contactDeadlineMs = config.get('CONTACT_DEADLINE_MINUTES', { infer: true }) * 60_000;
  }

  /** The deal, for a viewer who may see it; one in the trash is found only by an admin, who may restore it. */
  async get(id: string, viewer: AuthUser): Promise<DealDto> {
    const deal = await this.load(this.dataSource.manager, id);
    if (deal.trashedAt && !seesTrash(viewer)) throw notFound(id);
    assertCanSee(viewer, deal);
    return toDealDto(deal);
  }

  async timeline(id: string, viewer: AuthUser): Promise<DealEventDto[]> {
    await this.assertVisible(viewer, id, seesTrash(viewer) ? 'allow' : undefined);
    return this.events.listForDeal(id);
  }

  /**
   * The check of every read of a deal's records by its id (trade-ins, tasks, documents...):
   * 404 for a deal that does not exist or is in the trash (unless `trashed: 'allow'`), 403 for
   * one the viewer may not see. Returns its funnel.
   */
  async assertVisible(viewer: AuthUser, id: string, trashed?: 'allow'): Promise<string> {
    const deal = await this.dataSource
      .getRepository(Deal)
      .findOne({ where: { id }, select: { id: true, funnelId: true, trashedAt: true, responsibleId: true, branchId: true } });
    if (!deal || (deal.trashedAt && trashed !== 'allow')) throw notFound(id);
    assertCanSee(viewer, deal);
    return deal.funnelId;
  }

  async create(caller: AuthUser, dto: CreateDealDto): Promise<DealDto> {
    if (dto.contact && dto.contactId) throw new UnprocessableEntityException('Give either contact or contactId, not both');
    if (dto.responsibleId && dto.responsibleId !== caller.id && caller.role === 'manager') {
      throw new ForbiddenException('Managers can create deals for themselves only; a team lead can assign them to others');
    }
    return this.events.transaction(async (em, log) => {
      const { contact, reused } = dto.contactId
        ? { contact: await this.mustExist(em, Contact, dto.contactId, 'contactId'), reused: true }
        : await this.contacts.findOrCreate(em, dto.contact!);
      await lockFunnel(em, dto.funnelId, 'unprocessable');
      const responsible = dto.responsibleId ? await this.activeUser(em, dto.responsibleId, 'responsibleId') : null;
      if (dto.sourceId) await this.mustExist(em, Source, dto.sourceId, 'sourceId');
      if (dto.type) await assertDealType(em, dto.type);
      return this.openDeal(em, log, {
        funnelId: dto.funnelId,
        contact,
        contactReused: reused,
        responsible,
        branchId: responsible?.branchId ?? caller.branchId,
        sourceId: dto.sourceId ?? null,
        type: dto.type ?? null,
        channel: null,
        amount: dto.amount ?? null,
        vehicleInterest: dto.vehicleInterest || null,
        title: dto.title,
        actor: caller,
      });
    });
  }

  /**
   * Creates a deal inside the caller's transaction, which has already locked the funnel and
   * checked the references: in the unassigned stage, or in the first open stage when it has a
   * responsible. Shared by deals created by users and by intake channels.
   */
  async openDeal(em: EntityManager, log: FunnelEventLog, input: NewDealInput): Promise<DealDto> {
    // A deal nobody took yet may go straight to an on-duty manager (the funnel's distribution).
    const distributed = input.responsible ? null : await this.distribution.pick(em, { funnelId: input.funnelId, branchId: input.branchId });
    if (distributed) input = { ...input, responsible: distributed.manager, branchId: input.branchId ?? distributed.manager.branchId };
    const stage = await this.stageOfKind(em, input.funnelId, input.responsible ? 'open' : 'unassigned');
    const now = new Date();
    const deal = em.create(Deal, {
      title: input.title ?? defaultTitle(input.contact.name, input.vehicleInterest ?? undefined),
      funnelId: input.funnelId,
      stageId: stage.id,
      status: 'open',
      responsibleId: input.responsible?.id ?? null,
      branchId: input.branchId,
      contactId: input.contact.id,
      sourceId: input.sourceId,
      channel: input.channel,
      type: input.type,
      amount: input.amount,
      vehicleInterest: input.vehicleInterest,
      position: await this.topPosition(em, stage.id),
      version: 1,
      createdAt: now,
      lastActivityAt: now,
      stageEnteredAt: now,
      takenAt: input.responsible ? now : null,
      takenById: input.responsible?.id ?? null,
      deadlineAt: new Date(now.getTime() + this.contactDeadlineMs),
    });
    const { id } = await em.save(deal);
    await setOpenDeadline(em, id, deal.deadlineAt, input.actor?.id ?? null);
    const created = toDealDto(await this.load(em, id));
    await log.append(created.funnelId, {
      type: 'deal.created',
      actor: input.actor,
      deal: created,
      data: {
        stageId: stage.id,
        responsibleId: created.responsible?.id ?? null,
        contactId: input.contact.id,
        contactReused: input.contactReused,
        // Which rule chose the responsible (the Inflow view tells automatic takes apart).
        ...(distributed && { distributed: distributed.mode }),
        ...input.eventData,
      },
    });
    if (distributed) await this.distribution.announce(em, log, distributed, created);
    return created;
  }

  /**
   * A repeat customer's new request, added to their open deal (locked by the caller's
   * transaction, with its funnel) instead of opening a second one: the deal is flagged until
   * someone acts on it, and the request joins its timeline.
   */
  async addRequest(em: EntityManager, log: FunnelEventLog, deal: Deal, data: Record<string, unknown>): Promise<DealDto> {
    // A customer who calls again during long-term follow-up is back now: on the board, with a deadline.
    const returning = deal.followUpUntil !== null;
    const deadlineAt = returning ? new Date(Date.now() + this.contactDeadlineMs) : undefined;
    await em
      .createQueryBuilder()
      .update(Deal)
      .set({
        newRequestAt: () => 'now()',
        lastActivityAt: () => 'now()',
        version: () => 'version + 1',
        ...(returning && { followUpUntil: null, deadlineAt }),
      })
      .where('id = :id', { id: deal.id })
      .execute();
    if (deadlineAt) await setOpenDeadline(em, deal.id, deadlineAt, null);
    const changed = toDealDto(await this.load(em, deal.id));
    const eventData = returning ? { ...data, returnedFromFollowUp: { until: deal.followUpUntil!.toISOString() } } : data;
    await log.append(deal.funnelId, { type: 'deal.request_added', actor: null, deal: changed, data: eventData });
    return changed;
  }

  update(caller: AuthUser, id: string, dto: UpdateDealDto): Promise<DealDto> {
    return this.change(caller, id, {}, async (em, deal) => {
      if (deal.version !== dto.version) throw staleVersion(deal);
      if (dto.sourceId) await this.mustExist(em, Source, dto.sourceId, 'sourceId');
      if (dto.type) await assertDealType(em, dto.type);
      const { version: _version, deadlineAt, ...fields } = dto;
      const patch: Partial<Deal> = { ...fields };
      if (deadlineAt !== undefined) {
        patch.deadlineAt = deadlineAt === null ? null : new Date(deadlineAt);
        await setOpenDeadline(em, deal.id, patch.deadlineAt, caller.id);
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const [field, to] of Object.entries(patch) as [keyof Deal, unknown][]) {
        const from = deal[field];
        if (comparable(from) !== comparable(to)) changes[field] = { from, to };
      }
      return { patch, type: 'deal.updated', data: { changes } };
    });
  }

  /** "Take into work": the caller becomes responsible; an unassigned deal moves to the first open stage. */
  take(caller: AuthUser, id: string): Promise<DealDto> {
    // Anyone who could see it untaken may try: a deal someone already holds answers 409 naming them, not 403.
    return this.change(caller, id, { anyoneMayTry: true, seenAsUntaken: true }, async (em, deal) => {
      if (deal.status !== 'open') throw new ConflictException(`This deal is ${deal.status}; reopen it before taking it into work`);
      if (deal.responsibleId) {
        const holder = await em.findOneBy(User, { id: deal.responsibleId });
        const who = holder?.id === caller.id ? 'you' : (holder?.name ?? 'someone else');
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `Already taken into work by ${who}`,
          responsible: holder ? { id: holder.id, name: holder.name } : null,
        });
      }
      const patch: Partial<Deal> = { responsibleId: caller.id, branchId: deal.branchId ?? caller.branchId };
      const stage = await em.findOneByOrFail(Stage, { id: deal.stageId });
      if (stage.kind === 'unassigned') {
        const target = await this.stageOfKind(em, deal.funnelId, 'open');
        Object.assign(patch, { stageId: target.id, position: await this.topPosition(em, target.id) });
      }
      return { patch, type: 'deal.taken', data: { responsibleId: caller.id, fromStageId: deal.stageId, toStageId: patch.stageId ?? deal.stageId } };
    });
  }

  /**
   * Moves the deal between `beforeId` (above) and `afterId` (below) in the stage, or to the top.
   * The key is computed from the anchor's actual neighbour, read under the funnel lock, so
   * concurrent moves to the same spot still get distinct, correctly ordered keys.
   */
  move(caller: AuthUser, id: string, dto: MoveDealDto): Promise<DealDto> {
    return this.change(caller, id, {}, async (em, deal) => {
      if (dto.version !== undefined && dto.version !== deal.version) throw staleVersion(deal);
      if (deal.status === 'lost') throw new ConflictException('This deal is lost; reopen it before moving it');
      const target = await em.findOneBy(Stage, { id: dto.stageId });
      if (!target) throw new UnprocessableEntityException(`stageId ${dto.stageId} is not a stage`);
      if (target.funnelId !== deal.funnelId) {
        throw new UnprocessableEntityException(`Stage "${target.name}" belongs to another funnel; a deal moves only within its funnel`);
      }
      // The stage's required fields guard the way in; reordering within the stage is no entry.
      if (target.id !== deal.stageId) await assertMeetsRequirements(em, deal, target);
      const position = await this.positionFor(em, deal, target.id, dto);
      const patch: Partial<Deal> = { stageId: target.id, position };
      if (target.kind === 'unassigned') patch.responsibleId = null;
      else if (!deal.responsibleId) Object.assign(patch, { responsibleId: caller.id, branchId: deal.branchId ?? caller.branchId });
      let soldVehicleId: string | null = null;
      if (target.kind === 'won' && deal.status !== 'won') {
        Object.assign(patch, { status: 'won', closedAt: new Date() });
        soldVehicleId = await sellOfferedVehicle(em, deal.id);
      }
      let releasedVehicleId: string | null = null;
      if (target.kind !== 'won' && deal.status === 'won') {
        Object.assign(patch, { status: 'open', closedAt: null });
        releasedVehicleId = await releaseSoldVehicle(em, deal.id);
      }
      return {
        patch,
        type: 'deal.moved',
        data: { soldVehicleId, releasedVehicleId, fromStageId: deal.stageId, toStageId: target.id, position, beforeId: dto.beforeId ?? null, afterId: dto.afterId ?? null, status: patch.status ?? deal.status, responsibleId: patch.responsibleId === undefined ? deal.responsibleId : patch.responsibleId },
      };
    });
  }

  assign(caller: AuthUser, id: string, dto: AssignDealDto): Promise<DealDto> {
    if (!dto.userId && !dto.branchId) throw new BadRequestException('Give userId, branchId or both');
    return this.change(caller, id, {}, async (em, deal) => {
      const patch: Partial<Deal> = {};
      if (dto.branchId) patch.branchId = (await this.mustExist(em, Branch, dto.branchId, 'branchId')).id;
      if (dto.userId) {
        const user = await this.activeUser(em, dto.userId, 'userId');
        patch.responsibleId = user.id;
        patch.branchId ??= deal.branchId ?? user.branchId;
        const stage = await em.findOneByOrFail(Stage, { id: deal.stageId });
        if (stage.kind === 'unassigned' && deal.status === 'open') {
          const target = await this.stageOfKind(em, deal.funnelId, 'open');
          Object.assign(patch, { stageId: target.id, position: await this.topPosition(em, target.id) });
        }
      }
      return {
        patch,
        type: 'deal.assigned',
        data: { fromResponsibleId: deal.responsibleId, responsibleId: patch.responsibleId ?? deal.responsibleId, fromBranchId: deal.branchId, branchId: patch.branchId ?? deal.branchId, toStageId: patch.stageId ?? deal.stageId },
      };
    });
  }

  close(caller: AuthUser, id: string, dto: CloseDealDto): Promise<DealDto> {
    const reason = dto.reason || null;
    if (dto.outcome === 'lost' && !reason) throw new BadRequestException('reason is required when a deal is lost (e.g. "Bought elsewhere")');
    return this.change(caller, id, {}, async (em, deal) => {
      if (deal.status !== 'open') throw new ConflictException(`This deal is already ${deal.status}`);
      const patch: Partial<Deal> = { status: dto.outcome, closedAt: new Date() };
      let soldVehicleId: string | null = null;
      if (dto.outcome === 'lost') patch.lostReason = reason;
      else {
        const won = await this.stageOfKind(em, deal.funnelId, 'won');
        await assertMeetsRequirements(em, deal, won, 'win');
        Object.assign(patch, { stageId: won.id, position: await this.topPosition(em, won.id), responsibleId: deal.responsibleId ?? caller.id });
        soldVehicleId = await sellOfferedVehicle(em, deal.id);
      }
      return { patch, type: 'deal.closed', data: { outcome: dto.outcome, reason, soldVehicleId, fromStageId: deal.stageId, toStageId: patch.stageId ?? deal.stageId } };
    });
  }

  /** Back to open: a lost deal where it was; a won deal to the last open stage. */
  reopen(caller: AuthUser, id: string): Promise<DealDto> {
    return this.change(caller, id, {}, async (em, deal) => {
      if (deal.status === 'open') throw new ConflictException('This deal is already open');
      const patch: Partial<Deal> = { status: 'open', closedAt: null, lostReason: null };
      // The sale is undone with the win: the vehicle is back in stock (unless another deal bought it).
      const releasedVehicleId = deal.status === 'won' ? await releaseSoldVehicle(em, deal.id) : null;
      const stage = await em.findOneByOrFail(Stage, { id: deal.stageId });
      if (stage.kind === 'won') {
        const lastOpen = await em.findOneOrFail(Stage, { where: { funnelId: deal.funnelId, kind: 'open' }, order: { position: 'DESC' } });
        Object.assign(patch, { stageId: lastOpen.id, position: await this.topPosition(em, lastOpen.id) });
      }
      return { patch, type: 'deal.reopened', data: { releasedVehicleId, fromStatus: deal.status, fromStageId: deal.stageId, toStageId: patch.stageId ?? deal.stageId } };
    });
  }

  /**
   * The transaction shared by every change of an existing deal, here and in the deal page's
   * modules (offers, tasks, documents...): locks the funnel then the deal, checks the caller may
   * work on it, runs `change` (which may write its own rows with `em`), then bumps the deal's
   * version and last activity and appends the event with the changed deal. A trashed deal is
   * not found, except for `trashed: 'allow'` (restoring it). `actor: null` is the system (jobs).
   */
  async change(
    caller: AuthUser | null,
    id: string,
    options: DealChangeOptions,
    change: (em: EntityManager, deal: Deal) => Promise<DealChange>,
  ): Promise<DealDto> {
    // A deal never changes funnel, so its funnel can be read before taking the funnel's lock.
    const funnelId = await this.funnelOf(id, options.trashed);
    return this.events.transaction((em, log) => this.changeWithin(em, log, funnelId, caller, id, options, change));
  }

  /**
   * `change` inside the caller's transaction (`funnelId` from `funnelOf`), for a change that must
   * first lock what every writer locks before funnels: a contact's phones and emails.
   */
  async changeWithin(
    em: EntityManager,
    log: FunnelEventLog,
    funnelId: string,
    caller: AuthUser | null,
    id: string,
    options: DealChangeOptions,
    change: (em: EntityManager, deal: Deal) => Promise<DealChange>,
  ): Promise<DealDto> {
    await lockFunnel(em, funnelId);
    const deal = await em.findOne(Deal, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!deal || (deal.trashedAt && options.trashed !== 'allow')) throw notFound(id);
    if (caller) assertMayWorkOn(caller, deal, options);
    const { patch, type, data } = await change(em, deal);
    await em
      .createQueryBuilder()
      .update(Deal)
      // Someone acting on the deal has seen its latest request.
      .set({ newRequestAt: null, ...patch, ...lifecycleStamps(deal, patch), version: () => 'version + 1', lastActivityAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
    const changed = toDealDto(await this.load(em, id));
    const before = { responsibleId: deal.responsibleId, branchId: deal.branchId, trashed: deal.trashedAt !== null };
    await log.append(funnelId, { type, actor: caller, deal: changed, before, data });
    return changed;
  }

  private async positionFor(em: EntityManager, deal: Deal, stageId: string, dto: MoveDealDto): Promise<string> {
    const neighbour = async (anchorId: string, field: 'beforeId' | 'afterId') => {
      if (anchorId === deal.id) throw new UnprocessableEntityException(`${field} cannot be the moved deal itself`);
      const anchor = await em.findOne(Deal, { where: { id: anchorId }, select: { id: true, stageId: true, position: true, trashedAt: true } });
      if (!anchor || anchor.trashedAt || anchor.stageId !== stageId) throw new UnprocessableEntityException(`${field} ${anchorId} is not a deal in the target stage`);
      return anchor.position;
    };
    // Neighbours are looked up among every deal of the stage (lost and trashed ones keep their keys too).
    const adjacent = (position: string, direction: 'after' | 'before') =>
      em
        .createQueryBuilder(Deal, 'd')
        .select('d.position', 'position')
        .where('d.stage_id = :stageId AND d.id <> :id', { stageId, id: deal.id })
        .andWhere(direction === 'after' ? 'd.position > :position' : 'd.position < :position', { position })
        .orderBy('d.position', direction === 'after' ? 'ASC' : 'DESC')
        .limit(1)
        .getRawOne<{ position: string }>()
        .then((row) => row?.position ?? null);

    if (dto.beforeId) {
      const above = await neighbour(dto.beforeId, 'beforeId');
      return positionBetween(above, await adjacent(above, 'after'));
    }
    if (dto.afterId) {
      const below = await neighbour(dto.afterId, 'afterId');
      return positionBetween(await adjacent(below, 'before'), below);
    }
    return this.topPosition(em, stageId, deal.id);
  }

  private async topPosition(em: EntityManager, stageId: string, exceptDealId?: string): Promise<string> {
    const builder = em.createQueryBuilder(Deal, 'd').select('min(d.position)', 'position').where('d.stage_id = :stageId', { stageId });
    if (exceptDealId) builder.andWhere('d.id <> :exceptDealId', { exceptDealId });
    const row = await builder.getRawOne<{ position: string | null }>();
    return positionBetween(null, row?.position ?? null);
  }

  /** The deal's funnel; 404 for a deal that does not exist or is in the trash (unless `trashed: 'allow'`). */
  async funnelOf(id: string, trashed?: 'allow'): Promise<string> {
    const deal = await this.dataSource.getRepository(Deal).findOne({ where: { id }, select: { id: true, funnelId: true, trashedAt: true } });
    if (!deal || (deal.trashedAt && trashed !== 'allow')) throw notFound(id);
    return deal.funnelId;
  }

  private async load(em: EntityManager, id: string): Promise<Deal> {
    const deal = await em.findOne(Deal, { where: { id }, relations: DEAL_RELATIONS });
    if (!deal) throw notFound(id);
    return deal;
  }

  private async stageOfKind(em: EntityManager, funnelId: string, kind: 'unassigned' | 'open' | 'won'): Promise<Stage> {
    const stage = await em.findOne(Stage, { where: { funnelId, kind }, order: { position: 'ASC' } });
    if (!stage) throw new UnprocessableEntityException(`The funnel has no ${kind} stage`);
    return stage;
  }

  private async activeUser(em: EntityManager, id: string, field: string): Promise<User> {
    const user = await em.findOneBy(User, { id, active: true });
    if (!user) throw new UnprocessableEntityException(`${field} ${id} is not an active user`);
    return user;
  }

  private async mustExist<T extends { id: string }>(em: EntityManager, entity: new () => T, id: string, field: string): Promise<T> {
    const found = await em.findOne(entity, { where: { id } as never });
    if (!found) throw new UnprocessableEntityException(`${field} ${id} does not exist`);
    return found;
  }
}

/** 422 naming the known codes when `code` is not one of the admin-edited deal types. */
async function assertDealType(em: EntityManager, code: string): Promise<void> {
  const types = await em.find(DealTypeEntity, { select: { code: true }, order: { position: 'ASC' } });
  if (!types.some((type) => type.code === code)) {
    throw new UnprocessableEntityException(`type "${code}" is not a deal type; use one of: ${types.map((type) => type.code).join(', ')}`);
  }
}

/** Only admins see what is in the trash (to restore it); for everyone else it does not exist. */
function seesTrash(viewer: AuthUser | undefined): boolean {
  return viewer?.role === 'admin';
}

function notFound(id: string): NotFoundException {
  return new NotFoundException(`Deal ${id} does not exist`);
}

/**
 * The caller must see the deal (403 naming whom to ask); then managers work on untaken deals and
 * their own, team leads and admins on every deal they see (unless `anyoneMayTry`).
 */
function assertMayWorkOn(caller: AuthUser, deal: Deal, options: DealChangeOptions): void {
  const seenUntaken = options.seenAsUntaken && canSeeDeal(caller, { responsibleId: null, branchId: deal.branchId });
  if (!seenUntaken) assertCanSee(caller, deal);
  if (options.anyoneMayTry) return;
  if (caller.role === 'manager' && deal.responsibleId && deal.responsibleId !== caller.id) {
    throw new ForbiddenException('This deal belongs to another manager; ask them or a team lead to reassign it');
  }
}

function staleVersion(deal: Deal): ConflictException {
  return new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    message: `Someone changed this deal meanwhile (it is now at version ${deal.version}); reload it and try again`,
    currentVersion: deal.version,
  });
}

function defaultTitle(contactName: string, vehicleInterest?: string): string {
  return (vehicleInterest ? `${vehicleInterest} for ${contactName}` : `Request from ${contactName}`).slice(0, 200);
}

type LifecycleStamp = 'stageEnteredAt' | 'takenAt' | 'reassignmentFlaggedAt' | 'slaEscalatedAt';

/**
 * Timestamps a change implies: entering another stage restarts the stage clock; the first
 * responsible marks the take into work (and who took it); a new responsible settles a reassignment flag; a deal
 * given back (no responsible any more) waits anew, so its SLA may escalate again.
 */
function lifecycleStamps(deal: Deal, patch: Partial<Deal>): Partial<Record<LifecycleStamp, () => string>> & { takenById?: string } {
  const stamps: Partial<Record<LifecycleStamp, () => string>> & { takenById?: string } = {};
  if (patch.stageId !== undefined && patch.stageId !== deal.stageId) stamps.stageEnteredAt = () => 'now()';
  const newResponsible = patch.responsibleId !== undefined && patch.responsibleId !== deal.responsibleId;
  if (newResponsible && patch.responsibleId && !deal.takenAt) Object.assign(stamps, { takenAt: () => 'now()', takenById: patch.responsibleId });
  if (newResponsible && deal.reassignmentFlaggedAt) stamps.reassignmentFlaggedAt = () => 'NULL';
  if (newResponsible && patch.responsibleId === null && deal.slaEscalatedAt) stamps.slaEscalatedAt = () => 'NULL';
  return stamps;
}

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}
