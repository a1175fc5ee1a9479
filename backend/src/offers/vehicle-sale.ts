import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Vehicle } from '../stock/vehicle.entity.js';

/**
 * Winning a deal sells the vehicle of its latest active offer (if it has one). The vehicle row
 * is locked, so two deals won at once on one vehicle cannot both sell it: the second gets 409.
 * Returns the sold vehicle's id, or null for a deal without an offer.
 */
export async function sellOfferedVehicle(em: EntityManager, dealId: string): Promise<string | null> {
  const [offer]: { vehicle_id: string }[] = await em.query(
    `SELECT vehicle_id FROM offer WHERE deal_id = $1 AND status = 'active' ORDER BY created_at DESC LIMIT 1`,
    [dealId],
  );
  if (!offer) return null;
  const vehicle = await em.findOneOrFail(Vehicle, { where: { id: offer.vehicle_id }, lock: { mode: 'pessimistic_write' } });
  if (vehicle.status === 'sold') {
    const [buyer]: { code: string }[] = await em.query(
      `SELECT d.code FROM offer o JOIN deal d ON d.id = o.deal_id
        WHERE o.vehicle_id = $1 AND o.deal_id <> $2 AND d.status = 'won' ORDER BY d.closed_at DESC NULLS LAST LIMIT 1`,
      [vehicle.id, dealId],
    );
    const soldBy = buyer ? ` with deal ${buyer.code}` : '';
    throw new ConflictException(
      `The offered ${vehicle.make} ${vehicle.model} (VIN ${vehicle.vin}) is already sold${soldBy}; withdraw the offer or offer another vehicle before winning the deal`,
    );
  }
  await em.update(Vehicle, { id: vehicle.id }, { status: 'sold', version: () => 'version + 1' });
  return vehicle.id;
}
