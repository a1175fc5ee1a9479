import type { CreateSourceRequest, SourceDto, UpdateSourceRequest } from '@autofunnel/shared';
import { api } from '../../../app/api';

/**
 * Editing the list of deal sources (admins only). The list itself is `getSources` of the
 * directory; invalidating 'Source' refreshes every source name and dropdown in the app.
 */
export const sourcesApi = api.injectEndpoints({
  endpoints: (build) => ({
    createSource: build.mutation<SourceDto, CreateSourceRequest>({
      query: (body) => ({ url: '/sources', method: 'POST', body }),
      invalidatesTags: ['Source'],
    }),
    renameSource: build.mutation<SourceDto, { id: string } & UpdateSourceRequest>({
      query: ({ id, ...body }) => ({ url: `/sources/${encodeURIComponent(id)}`, method: 'PATCH', body }),
      invalidatesTags: ['Source'],
    }),
    deleteSource: build.mutation<void, { id: string; replaceWith?: string }>({
      query: ({ id, replaceWith }) => ({
        url: `/sources/${encodeURIComponent(id)}`,
        method: 'DELETE',
        params: replaceWith ? { replaceWith } : undefined,
      }),
      // moving deals and channels to another source changes them too
      invalidatesTags: (_result, _error, { replaceWith }) => (replaceWith ? ['Source', 'Channel', 'Board', 'Deal', 'DealList'] : ['Source']),
    }),
  }),
});

export const { useCreateSourceMutation, useRenameSourceMutation, useDeleteSourceMutation } = sourcesApi;
