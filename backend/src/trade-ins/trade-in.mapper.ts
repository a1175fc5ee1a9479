import type { TradeInDto } from '@autofunnel/shared';
import type { TradeIn } from './trade-in.entity.js';

export function toTradeInDto(tradeIn: TradeIn): TradeInDto {
  return {
    id: tradeIn.id,
    dealId: tradeIn.dealId,
    make: tradeIn.make,
    model: tradeIn.model,
    year: tradeIn.year,
    vin: tradeIn.vin,
    mileage: tradeIn.mileage,
    appraisalValue: tradeIn.appraisalValue,
    notes: tradeIn.notes,
    createdAt: tradeIn.createdAt.toISOString(),
    createdBy: tradeIn.createdBy ? { id: tradeIn.createdBy.id, name: tradeIn.createdBy.name } : null,
  };
}

/** The car as the timeline describes it (the event's `tradeIn`). */
export function carOf(tradeIn: TradeIn) {
  const { make, model, year, vin, mileage, appraisalValue } = tradeIn;
  return { make, model, year, vin, mileage, appraisalValue };
}
