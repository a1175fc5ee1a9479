import { VEHICLE_STATUSES, type UserDto, type VehicleDto, type VehicleStatus } from '@autofunnel/shared';

export const VEHICLE_STATUS_LABELS: Record<VehicleStatus, string> = {
  in_stock: 'In stock',
  reserved: 'Reserved',
  sold: 'Sold',
};

export const VEHICLE_STATUS_OPTIONS = VEHICLE_STATUSES.map((status) => ({ value: status, label: VEHICLE_STATUS_LABELS[status] }));

/** "2021 Skoda Octavia" */
export function vehicleName(vehicle: Pick<VehicleDto, 'year' | 'make' | 'model'>): string {
  return `${vehicle.year} ${vehicle.make} ${vehicle.model}`;
}

const mileageFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatMileage(mileage: number): string {
  return `${mileageFormat.format(mileage)} km`;
}

/** Admins and team leads add, edit and delete vehicles; managers see the stock read-only (as the API). */
export function mayEditStock(user: UserDto | null): boolean {
  return user?.role === 'admin' || user?.role === 'lead';
}
