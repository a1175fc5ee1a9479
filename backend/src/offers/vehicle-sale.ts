import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Vehicle } from '../stock/vehicle.entity.js';

/**
 * Winning a deal sells the vehicle of its latest active offer (if it has one). The vehicle row
 * is locked, so two deals won at once on one vehicle cannot both sell it: the second gets 409.
 * Returns the sold vehicle's id, or null for a deal without an offer.
 */
export async function sellOfferedVehicle(em: EntityManager, dealId: string): Promise<string | null> {
  const vehicle = await lockOfferedVehicle(em, dealId);
  if (!vehicle) return null;
  if (vehicle.status === 'sold') {
    const buyer = await otherBuyer(em, vehicle.id, dealId);
    const soldBy = buyer ? ` with deal ${buyer}` : '';
    throw new ConflictException(
      `The offered ${vehicle.make} ${vehicle.model} (VIN ${vehicle.vin}) is already sold${soldBy}; withdraw the offer or offer another vehicle before winning the deal`,
    );
  }
  await em.update(Vehicle, { id: vehicle.id }, { status: 'sold', version: () => 'version + 1' });
  return vehicle.id;
}

/**
 * Reopening a won deal (or moving it out of the won stage) undoes its sale: the vehicle it sold
 * is in stock again, so the deal can be won again later. A won deal's offers cannot be withdrawn
 * or added, so its latest active offer still names the vehicle it sold. Returns that vehicle's
 * id, or null when there was nothing to give back.
 */
export async function releaseSoldVehicle(em: EntityManager, dealId: string): Promise<string | null> {
  const vehicle = await lockOfferedVehicle(em, dealId);
  if (!vehicle || vehicle.status !== 'sold' || (await otherBuyer(em, vehicle.id, dealId))) return null;
  await em.update(Vehicle, { id: vehicle.id }, { status: 'in_stock', version: () => 'version + 1' });
  return vehicle.id;
}

/** The vehicle of the deal's latest active offer, locked until commit. */
async function lockOfferedVehicle(em: EntityManager, dealId: string): Promise<Vehicle | null> {
  const [offer]: { vehicle_id: string }[] = await em.query(
    `SELECT vehicle_id FROM offer WHERE deal_id = $1 AND status = 'active' ORDER BY created_at DESC LIMIT 1`,
    [dealId],
  );
  return offer ? em.findOneOrFail(Vehicle, { where: { id: offer.vehicle_id }, lock: { mode: 'pessimistic_write' } }) : null;
}

/** The code of another won deal whose sale was the vehicle (its latest active offer names it). */
async function otherBuyer(em: EntityManager, vehicleId: string, dealId: string): Promise<string | null> {
  const [buyer]: { code: string }[] = await em.query(
    `SELECT d.code FROM offer o JOIN deal d ON d.id = o.deal_id
      WHERE o.vehicle_id = $1 AND o.deal_id <> $2 AND o.status = 'active' AND d.status = 'won'
        AND NOT EXISTS (SELECT 1 FROM offer later WHERE later.deal_id = o.deal_id AND later.status = 'active' AND later.created_at > o.created_at)
      ORDER BY d.closed_at DESC NULLS LAST LIMIT 1`,
    [vehicleId, dealId],
  );
  return buyer?.code ?? null;
}
