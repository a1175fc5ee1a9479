import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TradeInDto } from '@autofunnel/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { DealsService } from '../deals/deals.service.js';
import type { CreateTradeInDto, UpdateTradeInDto } from './dto/trade-in.dto.js';
import { TradeIn } from './trade-in.entity.js';
import { carOf, toTradeInDto } from './trade-in.mapper.js';

const FIELDS = ['make', 'model', 'year', 'vin', 'mileage', 'appraisalValue', 'notes'] as const;

/**
 * The customer's cars a deal may take in. Each change runs through `DealsService.change`, so
 * it is allowed only to whoever may work on the deal, keeps `tradeInCount` right under the
 * deal's lock, and lands on the timeline (`deal.trade_in_added|updated|removed`, with the car).
 */
@Injectable()
export class TradeInsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deals: DealsService,
  ) {}

  /** In the order they were added. */
  async list(viewer: AuthUser, dealId: string): Promise<TradeInDto[]> {
    await this.deals.assertVisible(viewer, dealId);
    const tradeIns = await this.dataSource.getRepository(TradeIn).find({ where: { dealId }, relations: { createdBy: true }, order: { createdAt: 'ASC', id: 'ASC' } });
    return tradeIns.map(toTradeInDto);
  }

  async add(caller: AuthUser, dealId: string, dto: CreateTradeInDto): Promise<TradeInDto> {
    let id = '';
    await this.deals.change(caller, dealId, {}, async (em, deal) => {
      const tradeIn = await em.save(
        em.create(TradeIn, {
          dealId,
          make: dto.make,
          model: dto.model,
          year: dto.year ?? null,
          vin: dto.vin ?? null,
          mileage: dto.mileage ?? null,
          appraisalValue: dto.appraisalValue ?? null,
          notes: dto.notes || null,
          createdById: caller.id,
        }),
      );
      id = tradeIn.id;
      return { patch: { tradeInCount: deal.tradeInCount + 1 }, type: 'deal.trade_in_added', data: { tradeInId: id, tradeIn: carOf(tradeIn) } };
    });
    return this.get(id);
  }

  /** Fields left out stay; null clears one. A request that changes nothing writes nothing. */
  async update(caller: AuthUser, id: string, dto: UpdateTradeInDto): Promise<TradeInDto> {
    const current = await this.dataSource.getRepository(TradeIn).findOneBy({ id });
    if (!current) throw notFound(id);
    if (Object.keys(changesOf(current, dto)).length === 0) {
      // Nothing to write, but the answer still shows the trade-in: only to whoever sees its deal.
      await this.deals.assertVisible(caller, current.dealId);
      return this.get(id);
    }
    await this.deals.change(caller, current.dealId, {}, async (em, deal) => {
      // Read again under the deal's lock: this is the version the change applies to.
      const tradeIn = await this.lockedTradeIn(em, id, deal.id);
      const changes = changesOf(tradeIn, dto);
      const patch = Object.fromEntries(Object.entries(changes).map(([field, { to }]) => [field, to]));
      await em.update(TradeIn, { id }, patch);
      return { patch: {}, type: 'deal.trade_in_updated', data: { tradeInId: id, tradeIn: carOf({ ...tradeIn, ...patch }), changes } };
    });
    return this.get(id);
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    const current = await this.dataSource.getRepository(TradeIn).findOneBy({ id });
    if (!current) throw notFound(id);
    await this.deals.change(caller, current.dealId, {}, async (em, deal) => {
      const tradeIn = await this.lockedTradeIn(em, id, deal.id);
      await em.delete(TradeIn, { id });
      return { patch: { tradeInCount: deal.tradeInCount - 1 }, type: 'deal.trade_in_removed', data: { tradeInId: id, tradeIn: carOf(tradeIn) } };
    });
  }

  private async get(id: string): Promise<TradeInDto> {
    const tradeIn = await this.dataSource.getRepository(TradeIn).findOne({ where: { id }, relations: { createdBy: true } });
    if (!tradeIn) throw notFound(id);
    return toTradeInDto(tradeIn);
  }

  /** The deal is locked, so its trade-ins cannot change under us; one removed meanwhile is 404. */
  private async lockedTradeIn(em: EntityManager, id: string, dealId: string): Promise<TradeIn> {
    const tradeIn = await em.findOneBy(TradeIn, { id, dealId });
    if (!tradeIn) throw notFound(id);
    return tradeIn;
  }
}

function notFound(id: string): NotFoundException {
  return new NotFoundException(`Trade-in ${id} does not exist`);
}

function changesOf(tradeIn: TradeIn, dto: UpdateTradeInDto): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of FIELDS) {
    let to = dto[field];
    if (to === undefined) continue;
    if (field === 'notes' && to === '') to = null;
    if (to !== tradeIn[field]) changes[field] = { from: tradeIn[field], to };
  }
  return changes;
}
