import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { BoardFilter } from '@autofunnel/shared';
import { filterFromParams, GROUP_BY_PARAM, groupByFromParams, withFilterParams, type GroupBy } from './board-filter';

export interface BoardUrlState {
  filter: BoardFilter;
  groupBy: GroupBy | null;
  setFilter(filter: BoardFilter): void;
  setGroupBy(groupBy: GroupBy | null): void;
}

/**
 * The board's filters and swimlane grouping, kept in the URL's search parameters
 * (`?responsibleId=me&rotten=true&groupBy=source`) so that a filtered board can be shared and
 * survives a reload. The list view reads the same filters.
 */
export function useBoardUrl(): BoardUrlState {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  // One object per distinct URL: the board's cache key stays the same between renders.
  const filter = useMemo(() => filterFromParams(new URLSearchParams(query)), [query]);
  const groupBy = groupByFromParams(params);

  const setFilter = useCallback((next: BoardFilter) => setParams((current) => withFilterParams(current, next), { replace: true }), [setParams]);
  const setGroupBy = useCallback(
    (next: GroupBy | null) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next) updated.set(GROUP_BY_PARAM, next);
          else updated.delete(GROUP_BY_PARAM);
          return updated;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { filter, groupBy, setFilter, setGroupBy };
}
