import { VEHICLE_SORT_FIELDS, VEHICLE_STATUSES, type VehicleSortField, type VehicleStatus } from '@autofunnel/shared';
import type { VehicleListArgs } from './stock-api';

/**
 * The stock list's filters live in the address (`/stock?status=in_stock&make=Skoda&sort=price`),
 * with the API's names: a filtered list can be shared, and coming back from a vehicle shows it again.
 */
export const TEXT_FILTERS = ['q', 'make', 'yearFrom', 'yearTo', 'priceFrom', 'priceTo'] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];
export type TextFilters = Record<TextFilter, string>;

export const DEFAULT_SORT: VehicleSortField = 'createdAt';

function numberParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name)?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

function textParam(params: URLSearchParams, name: string): string | undefined {
  return params.get(name)?.trim() || undefined;
}

function isStatus(value: string | null): value is VehicleStatus {
  return (VEHICLE_STATUSES as readonly (string | null)[]).includes(value);
}

function isSortField(value: string | null): value is VehicleSortField {
  return (VEHICLE_SORT_FIELDS as readonly (string | null)[]).includes(value);
}

/** The list's query always names its sort, as the table shows it. */
export type StockListArgs = VehicleListArgs & Required<Pick<VehicleListArgs, 'sort' | 'order'>>;

/** The query of GET /api/vehicles for the address's filters; unknown values are ignored. */
export function listArgsOf(params: URLSearchParams): StockListArgs {
  const status = params.get('status');
  const sort = params.get('sort');
  return {
    q: textParam(params, 'q'),
    status: isStatus(status) ? status : undefined,
    make: textParam(params, 'make'),
    yearFrom: numberParam(params, 'yearFrom'),
    yearTo: numberParam(params, 'yearTo'),
    priceFrom: numberParam(params, 'priceFrom'),
    priceTo: numberParam(params, 'priceTo'),
    sort: isSortField(sort) ? sort : DEFAULT_SORT,
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
}

export function textFiltersOf(params: URLSearchParams): TextFilters {
  return Object.fromEntries(TEXT_FILTERS.map((name) => [name, params.get(name) ?? ''])) as TextFilters;
}

/** `params` with `changes` applied: an empty value removes its parameter. */
export function withParams(params: URLSearchParams, changes: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value.trim() === '') next.delete(name);
    else next.set(name, value.trim());
  }
  return next;
}

export function hasFilters(params: URLSearchParams): boolean {
  return [...TEXT_FILTERS, 'status'].some((name) => (params.get(name) ?? '').trim() !== '');
}
