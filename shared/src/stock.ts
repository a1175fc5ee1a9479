/** Stock: the dealership's vehicles, offered and test-driven on deals (api.md, "Stock"). */
import type { CursorPage, UserRef } from './contract.js';
import type { DealStatus, TestDriveStatus, VehicleStatus } from './enums.js';

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
  status: DealStatus;
  responsible: UserRef | null;
  via: 'offer' | 'test_drive';
  /** The offer or test drive. */
  id: string;
  /** The offer's or test drive's own status: withdrawn offers and cancelled drives stay listed. */
  recordStatus: 'active' | 'withdrawn' | TestDriveStatus;
  /** When the offer was made, or when the test drive starts. */
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

/** PATCH /api/vehicles/:id (with the version seen, 409 when stale); `colour: null` clears it. */
export type UpdateVehicleRequest = Partial<Omit<CreateVehicleRequest, 'colour'>> & { colour?: string | null; version: number };

/** Columns the stock list can be sorted by; `createdAt` is when the vehicle was added. */
export const VEHICLE_SORT_FIELDS = ['createdAt', 'price', 'year', 'mileage'] as const;
export type VehicleSortField = (typeof VEHICLE_SORT_FIELDS)[number];

/**
 * The filters of GET /api/vehicles. `q` matches the VIN (whole or its last digits), make or
 * model; `make` is one make (case-insensitive); the ranges include their ends. Default sort:
 * newest added first.
 */
export interface VehicleListQuery {
  q?: string;
  status?: VehicleStatus;
  make?: string;
  yearFrom?: number;
  yearTo?: number;
  priceFrom?: number;
  priceTo?: number;
  sort?: VehicleSortField;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

/** GET /api/vehicles?q=&status=&make=&yearFrom=&yearTo=&priceFrom=&priceTo=&sort=&order=&limit=&cursor= */
export interface VehicleListPage extends CursorPage<VehicleDto> {
  total: number;
}
