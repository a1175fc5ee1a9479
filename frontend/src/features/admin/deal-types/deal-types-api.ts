import { useMemo } from 'react';
import type { DealTypeDto } from '@autofunnel/shared';
import { api } from '../../../app/api';

/**
 * The deal types (internet lead, phone call, walk-in… and the dealership's own): everyone lists
 * them (deal forms, board filters); admins add, rename and delete them.
 */
export const dealTypesApi = api.injectEndpoints({
  endpoints: (build) => ({
    listDealTypes: build.query<DealTypeDto[], void>({
      query: () => '/deal-types',
      providesTags: ['DealType'],
      keepUnusedDataFor: 600,
    }),
    /** 409 when a type of that name exists. */
    createDealType: build.mutation<DealTypeDto, { name: string }>({
      query: (body) => ({ url: '/deal-types', method: 'POST', body }),
      invalidatesTags: (_result, error) => (error ? [] : ['DealType']),
    }),
    /** Renames it (the code stays: deals keep their type), or moves it to `position` (1 = first; the others shift). */
    updateDealType: build.mutation<DealTypeDto, { id: string; changes: { name?: string; position?: number } }>({
      query: ({ id, changes }) => ({ url: `/deal-types/${encodeURIComponent(id)}`, method: 'PATCH', body: changes }),
      invalidatesTags: (_result, error) => (error ? [] : ['DealType']),
    }),
    /** 409 while deals have the type, unless `replaceWith` names the type they get instead. */
    deleteDealType: build.mutation<void, { id: string; replaceWith?: string }>({
      query: ({ id, replaceWith }) => ({
        url: `/deal-types/${encodeURIComponent(id)}`,
        method: 'DELETE',
        params: replaceWith ? { replaceWith } : undefined,
      }),
      // deals that got another type change too
      invalidatesTags: (_result, error, { replaceWith }) => (error ? [] : replaceWith ? ['DealType', 'Board', 'Deal', 'DealList'] : ['DealType']),
    }),
  }),
});

export const { useListDealTypesQuery, useCreateDealTypeMutation, useUpdateDealTypeMutation, useDeleteDealTypeMutation } = dealTypesApi;

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** Deal type code → name; empty while loading. */
export function useDealTypeNames(): ReadonlyMap<string, string> {
  const { data } = useListDealTypesQuery();
  return useMemo(() => (data ? new Map(data.map((type) => [type.code, type.name])) : NO_NAMES), [data]);
}

/** How a deal's type shows: its name, or its code while the list loads (or for a type since deleted). */
export function dealTypeLabel(names: ReadonlyMap<string, string>, code: string): string {
  return names.get(code) ?? code;
}
