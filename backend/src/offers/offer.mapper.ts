import type { OfferDto } from '@autofunnel/shared';
import { toVehicleDto } from '../stock/vehicle.mapper.js';
import type { Offer } from './offer.entity.js';

/** Relations an offer needs loaded before `toOfferDto`. */
export const OFFER_RELATIONS = { vehicle: true, createdBy: true } as const;

export function toOfferDto(offer: Offer): OfferDto {
  if (!offer.vehicle) throw new Error(`Offer ${offer.id} was loaded without its vehicle`);
  return {
    id: offer.id,
    dealId: offer.dealId,
    vehicle: toVehicleDto(offer.vehicle),
    price: offer.price,
    discount: offer.discount,
    total: offerTotal(offer),
    validUntil: offer.validUntil?.toISOString() ?? null,
    status: offer.status,
    notes: offer.notes,
    createdAt: offer.createdAt.toISOString(),
    createdBy: offer.createdBy ? { id: offer.createdBy.id, name: offer.createdBy.name } : null,
  };
}

/** Price minus discount, in cents so that 0.1 + 0.2 style errors never reach a quote. */
export function offerTotal(offer: Pick<Offer, 'price' | 'discount'>): number {
  return (Math.round(offer.price * 100) - Math.round(offer.discount * 100)) / 100;
}
