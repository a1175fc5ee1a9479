import { useMemo } from 'react';
import type { BranchDto, SourceDto, UserDto } from '@autofunnel/shared';
import { api } from '../../app/api';

/** The dealership's lists that rarely change: deal sources, users and branches. */
export const directoryApi = api.injectEndpoints({
  endpoints: (build) => ({
    getSources: build.query<SourceDto[], void>({
      query: () => '/sources',
      providesTags: ['Source'],
      keepUnusedDataFor: 600,
    }),
    getUsers: build.query<UserDto[], void>({
      query: () => '/users',
      providesTags: ['User'],
      keepUnusedDataFor: 600,
    }),
    getBranches: build.query<BranchDto[], void>({
      query: () => '/branches',
      providesTags: ['Branch'],
      keepUnusedDataFor: 600,
    }),
  }),
});

export const { useGetBranchesQuery, useGetSourcesQuery, useGetUsersQuery } = directoryApi;

const EMPTY_NAMES: ReadonlyMap<string, string> = new Map();

/** Source id → name; empty while loading or when the list cannot be loaded. */
export function useSourceNames(): ReadonlyMap<string, string> {
  const { data } = useGetSourcesQuery();
  return useNamesOf(data);
}

/** User id → name. */
export function useUserNames(): ReadonlyMap<string, string> {
  const { data } = useGetUsersQuery();
  return useNamesOf(data);
}


function useNamesOf(items: readonly { id: string; name: string }[] | undefined): ReadonlyMap<string, string> {
  return useMemo(() => (items ? new Map(items.map((item) => [item.id, item.name])) : EMPTY_NAMES), [items]);
}
