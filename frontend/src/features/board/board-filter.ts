import type { BoardFilter, DealDto, StageDto } from '@autofunnel/shared';
import { isRotten } from './deal-signals';

/** The filters held as an id or a word (`me`, `none`), in the order they go into a URL. */
const VALUE_FIELDS = ['responsibleId', 'branchId', 'sourceId', 'type'] as const;
/** The filters that are on or off. */
const FLAG_FIELDS = ['rotten', 'needsReassignment'] as const;

/** What the board can be split into swimlanes by; each is one filter field. */
export const GROUP_BY_OPTIONS = ['responsible', 'branch', 'source', 'type'] as const;
export type GroupBy = (typeof GROUP_BY_OPTIONS)[number];

export const GROUP_FIELD: Record<GroupBy, (typeof VALUE_FIELDS)[number]> = {
  responsible: 'responsibleId',
  branch: 'branchId',
  source: 'sourceId',
  type: 'type',
};

/** The search parameter holding the swimlane grouping. */
export const GROUP_BY_PARAM = 'groupBy';

/** The filter a URL's search parameters describe (`?responsibleId=me&rotten=true`); unknown values are left to the server to refuse. */
export function filterFromParams(params: URLSearchParams): BoardFilter {
  const filter: BoardFilter = {};
  for (const field of VALUE_FIELDS) {
    const value = params.get(field)?.trim();
    if (value) filter[field] = value;
  }
  for (const field of FLAG_FIELDS) if (params.get(field) === 'true') filter[field] = true;
  return filter;
}

export function groupByFromParams(params: URLSearchParams): GroupBy | null {
  const value = params.get(GROUP_BY_PARAM);
  return GROUP_BY_OPTIONS.find((option) => option === value) ?? null;
}

/** `params` with the filter's fields replaced by `filter` (other parameters kept). */
export function withFilterParams(params: URLSearchParams, filter: BoardFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const field of [...VALUE_FIELDS, ...FLAG_FIELDS]) next.delete(field);
  for (const [field, value] of Object.entries(filterQuery(filter))) next.set(field, value);
  return next;
}

/** The filter as query parameters of the board and column requests (nothing for an empty one). */
export function filterQuery(filter: BoardFilter | undefined): Record<string, string> {
  const query: Record<string, string> = {};
  if (!filter) return query;
  for (const field of VALUE_FIELDS) {
    const value = filter[field];
    if (value !== undefined) query[field] = value;
  }
  for (const field of FLAG_FIELDS) if (filter[field]) query[field] = 'true';
  return query;
}

export function isFiltered(filter: BoardFilter | undefined): boolean {
  return Object.keys(filterQuery(filter)).length > 0;
}

/** The filter without unset fields (a stable cache key), or undefined when it filters nothing. */
export function compactFilter(filter: BoardFilter | undefined): BoardFilter | undefined {
  if (!isFiltered(filter)) return undefined;
  const query = filterQuery(filter);
  const compact: BoardFilter = {};
  for (const field of VALUE_FIELDS) if (query[field] !== undefined) compact[field] = query[field];
  for (const field of FLAG_FIELDS) if (query[field]) compact[field] = true;
  return compact;
}

/** The filter with `me` replaced by the signed-in user's id, as the server reads it. */
export function resolveMe(filter: BoardFilter, meId: string | null): BoardFilter {
  return filter.responsibleId === 'me' && meId ? { ...filter, responsibleId: meId } : filter;
}

const matchesValue = (wanted: string | undefined, actual: string | null) =>
  wanted === undefined || (wanted === 'none' ? actual === null : wanted === actual);

/**
 * Whether a deal passes a board's filter (with `me` already resolved), as the server decides
 * it: live changes use it to take a card off a filtered board or put one on.
 */
export function matchesBoardFilter(deal: DealDto, filter: BoardFilter, stage: StageDto | undefined, now: number): boolean {
  return (
    matchesValue(filter.responsibleId, deal.responsible?.id ?? null) &&
    matchesValue(filter.branchId, deal.branchId) &&
    matchesValue(filter.sourceId, deal.sourceId) &&
    matchesValue(filter.type, deal.type) &&
    (!filter.rotten || isRotten(deal, stage, now)) &&
    (!filter.needsReassignment || deal.reassignmentFlaggedAt !== null)
  );
}
