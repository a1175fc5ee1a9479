/** Stock: the dealership's vehicles, offered and test-driven on deals (api.md, "Stock"). */
import type { CursorPage, UserRef } from './contract.js';
import type { VehicleStatus } from './enums.js';

export interface VehicleDto {
  id: string;
  vin: string;
  make: string;
  model: string;
  year: number;
  mileage: number;
  colour: string | null;
  price: number;
  status: VehicleStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A deal a vehicle is in, through an offer or a test drive. */
export interface VehicleDealRef {
  dealId: string;
  code: string;
  title: string;
  status: string;
  responsible: UserRef | null;
  via: 'offer' | 'test_drive';
  /** The offer or test drive. */
  id: string;
  at: string;
}

export interface VehicleWithDealsDto extends VehicleDto {
  deals: VehicleDealRef[];
}

/** POST /api/vehicles */
export interface CreateVehicleRequest {
  vin: string;
  make: string;
  model: string;
  year: number;
  mileage?: number;
  colour?: string;
  price: number;
  status?: VehicleStatus;
}

/** PATCH /api/vehicles/:id (with the version seen, 409 when stale) */
export type UpdateVehicleRequest = Partial<CreateVehicleRequest> & { version: number };

/** GET /api/vehicles?q=&status=&make=&yearFrom=&yearTo=&priceFrom=&priceTo=&limit=&cursor= */
export interface VehicleListPage extends CursorPage<VehicleDto> {
  total: number;
}
