import type { VehicleDto } from '@autofunnel/shared';
import type { Vehicle } from './vehicle.entity.js';

export function toVehicleDto(vehicle: Vehicle): VehicleDto {
  return {
    id: vehicle.id,
    vin: vehicle.vin,
    make: vehicle.make,
    model: vehicle.model,
    year: vehicle.year,
    mileage: vehicle.mileage,
    colour: vehicle.colour,
    price: vehicle.price,
    status: vehicle.status,
    version: vehicle.version,
    createdAt: vehicle.createdAt.toISOString(),
    updatedAt: vehicle.updatedAt.toISOString(),
  };
}

/** "2021 Skoda Octavia (VIN TMBJJ7NE8L0123456)": how messages name a vehicle. */
export function describeVehicle(vehicle: Pick<Vehicle, 'year' | 'make' | 'model' | 'vin'>): string {
  return `${vehicle.year} ${vehicle.make} ${vehicle.model} (VIN ${vehicle.vin})`;
}
