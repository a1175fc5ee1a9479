import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_STAGE_COLOR, DEFAULT_STAGES, stageOrderProblem, type FunnelDto, type StageDto, type StageKind } from '@autofunnel/shared';
import { generateNKeysBetween } from 'fractional-indexing';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Deal } from '../deals/deal.entity.js';
import { DEAL_RELATIONS, toDealDto } from '../deals/deal.mapper.js';
import { EventsService, type NewEvent } from '../events/events.service.js';
import type { CreateFunnelDto, CreateStageDto, FunnelSettingsDto, NewStageDto, StageRulesDto, UpdateFunnelDto, UpdateStageDto } from './dto/funnel.dto.js';
import { Funnel } from './funnel.entity.js';
import { lockFunnel } from './funnel-lock.js';
import { toFunnelDto, toStageDto } from './funnel.mapper.js';
import { Stage } from './stage.entity.js';

@Injectable()
export class FunnelsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  async list(): Promise<FunnelDto[]> {
    const funnels = await this.dataSource.getRepository(Funnel).find({ relations: { stages: true }, order: { createdAt: 'ASC', name: 'ASC' } });
    return funnels.map((funnel) => toFunnelDto(funnel, funnel.stages ?? []));
  }

  async get(id: string, em: EntityManager = this.dataSource.manager): Promise<FunnelDto> {
    const funnel = await em.findOne(Funnel, { where: { id }, relations: { stages: true } });
    if (!funnel) throw new NotFoundException(`Funnel ${id} does not exist`);
    return toFunnelDto(funnel, funnel.stages ?? []);
  }

  async create(caller: AuthUser, dto: CreateFunnelDto): Promise<FunnelDto> {
    const templates = dto.stages ? withDefaultKinds(dto.stages) : DEFAULT_STAGES;
    const problem = stageOrderProblem(templates.map((stage) => stage.kind));
    if (problem) throw new UnprocessableEntityException(problem);
    const settings = settingsPatch(dto);
    assertSlaOrder({ slaWarnMinutes: settings.slaWarnMinutes ?? null, slaEscalateMinutes: settings.slaEscalateMinutes ?? null });
    return this.events.transaction(async (em, log) => {
      const funnel = await em.save(em.create(Funnel, { name: dto.name, ...settings }));
      await em.insert(
        Stage,
        templates.map((stage, position) => ({
          funnelId: funnel.id,
          name: stage.name,
          color: stage.color ?? DEFAULT_STAGE_COLOR,
          kind: stage.kind,
          position,
          // The default stages come with typical chances; custom ones start without.
          winProbability: 'winProbability' in stage ? (stage.winProbability ?? null) : null,
        })),
      );
      const created = await this.get(funnel.id, em);
      await log.append(funnel.id, { type: 'funnel.created', actor: caller, data: { funnel: created } });
      return created;
    });
  }

  /** Renames the funnel and/or changes its distribution and SLA (checked against the stored values). */
  async update(caller: AuthUser, id: string, dto: UpdateFunnelDto): Promise<FunnelDto> {
    const patch: Partial<Funnel> = { ...settingsPatch(dto), ...(dto.name !== undefined && { name: dto.name }) };
    if (Object.keys(patch).length === 0) throw new BadRequestException('Give name, distribution, slaWarnMinutes or slaEscalateMinutes');
    return this.events.transaction(async (em, log) => {
      await lockFunnel(em, id);
      const current = await em.findOneByOrFail(Funnel, { id });
      assertSlaOrder({ ...current, ...patch });
      await em.update(Funnel, id, patch);
      const funnel = await this.get(id, em);
      await log.append(id, { type: 'funnel.updated', actor: caller, data: { funnel } });
      return funnel;
    });
  }

  async remove(id: string): Promise<void> {
    await this.events.transaction(async (em) => {
      await lockFunnel(em, id);
      const [{ deals, trashed }]: { deals: number; trashed: number }[] = await em.query(
        `SELECT count(*)::int AS deals, count(trashed_at)::int AS trashed FROM deal WHERE funnel_id = $1`,
        [id],
      );
      if (deals > 0) {
        // Trashed deals are invisible on the board, so say where the rest of the count is.
        const inTrash = trashed > 0 ? ` (${trashed} of them in the trash, which only an admin sees under Admin → Trash)` : '';
        throw new ConflictException(`The funnel still has ${deals} deal(s)${inTrash}; move or close them out of it first`);
      }
      await em.delete(Funnel, id);
    });
  }

  async addStage(caller: AuthUser, funnelId: string, dto: CreateStageDto): Promise<StageDto> {
    return this.events.transaction(async (em, log) => {
      await lockFunnel(em, funnelId);
      const stages = await this.stagesInOrder(em, funnelId);
      let index = stages.findIndex((stage) => stage.kind === 'won');
      if (dto.afterStageId) {
        const after = stages.findIndex((stage) => stage.id === dto.afterStageId);
        if (after < 0) throw new UnprocessableEntityException(`afterStageId ${dto.afterStageId} is not a stage of this funnel`);
        if (stages[after].kind === 'won') throw new UnprocessableEntityException('The won stage must stay last; add the stage before it');
        index = after + 1;
      }
      await this.shiftPositions(em, stages.slice(index), +1);
      const stage = await em.save(
        em.create(Stage, { funnelId, name: dto.name, color: dto.color ?? DEFAULT_STAGE_COLOR, kind: 'open', position: index, ...rulesPatch(dto) }),
      );
      await log.append(funnelId, { type: 'stage.created', actor: caller, data: { stage: toStageDto(stage) } });
      return toStageDto(stage);
    });
  }

  async updateStage(caller: AuthUser, stageId: string, dto: UpdateStageDto): Promise<StageDto> {
    const funnelId = await this.funnelOfStage(stageId);
    return this.events.transaction(async (em, log) => {
      await lockFunnel(em, funnelId);
      const patch: Partial<Stage> = rulesPatch(dto);
      if (dto.name !== undefined) patch.name = dto.name;
      if (dto.color !== undefined) patch.color = dto.color;
      if (patch.requiredFields?.length) {
        const { kind, name } = await em.findOneByOrFail(Stage, { id: stageId });
        // Deals enter it by arriving or by being sent back untaken, never by a move a rule could stop.
        if (kind === 'unassigned') throw new UnprocessableEntityException(`"${name}" is the unassigned stage, where new requests arrive; it cannot have required fields`);
      }
      if (Object.keys(patch).length > 0) await em.update(Stage, stageId, patch);
      const stage = toStageDto(await em.findOneByOrFail(Stage, { id: stageId }));
      await log.append(funnelId, { type: 'stage.updated', actor: caller, data: { stage } });
      return stage;
    });
  }

  async reorder(caller: AuthUser, funnelId: string, stageIds: string[]): Promise<FunnelDto> {
    return this.events.transaction(async (em, log) => {
      await lockFunnel(em, funnelId);
      const stages = await this.stagesInOrder(em, funnelId);
      const byId = new Map(stages.map((stage) => [stage.id, stage]));
      const missing = stages.filter((stage) => !stageIds.includes(stage.id)).map((stage) => stage.name);
      const foreign = stageIds.filter((id) => !byId.has(id));
      if (missing.length > 0 || foreign.length > 0) {
        const parts = [missing.length ? `it omits ${missing.join(', ')}` : '', foreign.length ? `${foreign.join(', ')} are not stages of this funnel` : ''];
        throw new UnprocessableEntityException(`stageIds must list every stage of the funnel exactly once: ${parts.filter(Boolean).join('; ')}`);
      }
      const ordered = stageIds.map((id) => byId.get(id)!);
      const problem = stageOrderProblem(ordered.map((stage) => stage.kind));
      if (problem) throw new UnprocessableEntityException(problem);
      for (const [position, stage] of ordered.entries()) {
        if (stage.position !== position) await em.update(Stage, stage.id, { position });
      }
      const funnel = await this.get(funnelId, em);
      await log.append(funnelId, { type: 'stages.reordered', actor: caller, data: { stageIds, funnel } });
      return funnel;
    });
  }

  /**
   * Deletes an open stage. Its deals (lost ones included, since they keep their stage) go to
   * the bottom of `moveDealsTo` in their current order, each with a `deal.moved` event.
   */
  async deleteStage(caller: AuthUser, stageId: string, moveDealsTo?: string): Promise<void> {
    const funnelId = await this.funnelOfStage(stageId);
    await this.events.transaction(async (em, log) => {
      await lockFunnel(em, funnelId);
      const stages = await this.stagesInOrder(em, funnelId);
      const stage = stages.find((candidate) => candidate.id === stageId);
      if (!stage) throw new NotFoundException(`Stage ${stageId} does not exist`);
      if (stage.kind !== 'open') throw new UnprocessableEntityException(`The ${stage.kind} stage cannot be deleted; every funnel needs one`);
      const deals = await em.find(Deal, { where: { stageId }, order: { position: 'ASC' } });
      const target = moveDealsTo ? stages.find((candidate) => candidate.id === moveDealsTo && candidate.id !== stageId) : undefined;
      if (moveDealsTo && !target) throw new UnprocessableEntityException('moveDealsTo must be another stage of the same funnel');
      const events: NewEvent[] = [];
      if (deals.length > 0) {
        if (!target) {
          throw new ConflictException(`Stage "${stage.name}" still holds ${deals.length} deal(s); choose a stage to move them to (moveDealsTo)`);
        }
        const moved = await this.moveAllDeals(em, deals, target);
        const snapshots = await em.find(Deal, { where: { id: In(deals.map((deal) => deal.id)) }, relations: DEAL_RELATIONS });
        for (const snapshot of snapshots) {
          // Who saw it before: moving to the unassigned stage drops its responsible, whose board must drop the card.
          const { responsibleId, branchId, trashedAt } = deals.find((deal) => deal.id === snapshot.id)!;
          const before = { responsibleId, branchId, trashed: trashedAt !== null };
          events.push({ type: 'deal.moved', actor: caller, deal: toDealDto(snapshot), before, data: moved.get(snapshot.id)! });
        }
      }
      await em.delete(Stage, stageId);
      await this.shiftPositions(em, stages.filter((candidate) => candidate.position > stage.position), -1);
      events.push({ type: 'stage.deleted', actor: caller, data: { stage: toStageDto(stage), movedDealsTo: moveDealsTo ?? null } });
      await log.append(funnelId, ...events);
    });
  }

  /** Moves the deals to the bottom of `target`; returns each deal's change by id. */
  private async moveAllDeals(em: EntityManager, deals: Deal[], target: Stage): Promise<Map<string, Record<string, unknown>>> {
    const last = await em.findOne(Deal, { where: { stageId: target.id }, order: { position: 'DESC' } });
    const keys = generateNKeysBetween(last?.position ?? null, null, deals.length);
    const changes = new Map<string, Record<string, unknown>>();
    for (const [index, deal] of deals.entries()) {
      const patch: Partial<Deal> = { stageId: target.id, position: keys[index] };
      if (target.kind === 'unassigned') patch.responsibleId = null;
      if (target.kind === 'won' && deal.status === 'open') Object.assign(patch, { status: 'won', closedAt: new Date() });
      await em
        .createQueryBuilder()
        .update(Deal)
        .set({ ...patch, version: () => 'version + 1', lastActivityAt: () => 'now()' })
        .where('id = :id', { id: deal.id })
        .execute();
      changes.set(deal.id, { fromStageId: deal.stageId, toStageId: target.id, position: keys[index], reason: 'stage deleted' });
    }
    return changes;
  }

  private stagesInOrder(em: EntityManager, funnelId: string): Promise<Stage[]> {
    return em.find(Stage, { where: { funnelId }, order: { position: 'ASC' } });
  }

  private async shiftPositions(em: EntityManager, stages: Stage[], by: number): Promise<void> {
    // The (funnel, position) uniqueness is checked at commit, so shifting one by one is fine.
    for (const stage of stages) await em.update(Stage, stage.id, { position: stage.position + by });
  }

  private async funnelOfStage(stageId: string): Promise<string> {
    const stage = await this.dataSource.getRepository(Stage).findOne({ where: { id: stageId }, select: { id: true, funnelId: true } });
    if (!stage) throw new NotFoundException(`Stage ${stageId} does not exist`);
    return stage.funnelId;
  }
}

/** The funnel settings the request gives (left-out ones stay as they are). */
function settingsPatch({ distribution, slaWarnMinutes, slaEscalateMinutes }: FunnelSettingsDto): Partial<Funnel> {
  return given({ distribution, slaWarnMinutes, slaEscalateMinutes });
}

/** The card turns amber before it escalates: warn < escalate when both are set. */
function assertSlaOrder({ slaWarnMinutes, slaEscalateMinutes }: Pick<Funnel, 'slaWarnMinutes' | 'slaEscalateMinutes'>): void {
  if (slaWarnMinutes !== null && slaEscalateMinutes !== null && slaWarnMinutes >= slaEscalateMinutes) {
    throw new UnprocessableEntityException(
      `slaWarnMinutes (${slaWarnMinutes}) must be less than slaEscalateMinutes (${slaEscalateMinutes}): the card turns amber before the deal is escalated`,
    );
  }
}

/** The stage rules the request gives (left-out ones stay as they are). */
function rulesPatch({ winProbability, rotAfterDays, requiredFields }: StageRulesDto): Partial<Stage> {
  return given({ winProbability, rotAfterDays, requiredFields });
}

/** `fields` without those left out (undefined); null stays, it clears a setting. */
function given<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Without explicit kinds, the first column is unassigned, the last won, the rest open. */
function withDefaultKinds(stages: NewStageDto[]): Array<NewStageDto & { kind: StageKind }> {
  const last = stages.length - 1;
  return stages.map((stage, index) => ({ ...stage, kind: stage.kind ?? (index === 0 ? 'unassigned' : index === last ? 'won' : 'open') }));
}
