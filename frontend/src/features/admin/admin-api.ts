import type { FunnelDto, FunnelSettings, StageDto, StageSettings } from '@autofunnel/shared';
import { api } from '../../app/api';

/** Funnel and stage editing (admins only); every open board also hears of it live. */
export const adminApi = api.injectEndpoints({
  endpoints: (build) => ({
    createFunnel: build.mutation<FunnelDto, { name: string }>({
      query: (body) => ({ url: '/funnels', method: 'POST', body }),
      invalidatesTags: ['Funnel'],
    }),
    /** Name, distribution mode and speed-to-lead SLA. */
    updateFunnel: build.mutation<FunnelDto, { funnelId: string; name?: string } & Partial<FunnelSettings>>({
      query: ({ funnelId, ...body }) => ({ url: `/funnels/${encodeURIComponent(funnelId)}`, method: 'PATCH', body }),
      invalidatesTags: (_result, error, { funnelId }) => (error ? [] : ['Funnel', { type: 'Board', id: funnelId }, { type: 'Inflow', id: funnelId }]),
    }),
    addStage: build.mutation<StageDto, { funnelId: string; name: string; color?: string; afterStageId?: string }>({
      query: ({ funnelId, ...body }) => ({ url: `/funnels/${encodeURIComponent(funnelId)}/stages`, method: 'POST', body }),
      invalidatesTags: (_result, _error, { funnelId }) => ['Funnel', { type: 'Board', id: funnelId }],
    }),
    updateStage: build.mutation<StageDto, { funnelId: string; stageId: string; name?: string; color?: string } & Partial<StageSettings>>({
      query: ({ funnelId: _funnelId, stageId, ...body }) => ({ url: `/stages/${encodeURIComponent(stageId)}`, method: 'PATCH', body }),
      invalidatesTags: (_result, _error, { funnelId }) => ['Funnel', { type: 'Board', id: funnelId }],
    }),
    reorderStages: build.mutation<FunnelDto, { funnelId: string; stageIds: string[] }>({
      query: ({ funnelId, stageIds }) => ({ url: `/funnels/${encodeURIComponent(funnelId)}/stage-order`, method: 'PUT', body: { stageIds } }),
      invalidatesTags: (_result, _error, { funnelId }) => ['Funnel', { type: 'Board', id: funnelId }],
    }),
    deleteStage: build.mutation<void, { funnelId: string; stageId: string; moveDealsTo?: string }>({
      query: ({ stageId, moveDealsTo }) => ({
        url: `/stages/${encodeURIComponent(stageId)}`,
        method: 'DELETE',
        params: moveDealsTo ? { moveDealsTo } : undefined,
      }),
      invalidatesTags: (_result, _error, { funnelId }) => ['Funnel', { type: 'Board', id: funnelId }],
    }),
  }),
});

export const { useCreateFunnelMutation, useUpdateFunnelMutation, useAddStageMutation, useUpdateStageMutation, useReorderStagesMutation, useDeleteStageMutation } = adminApi;
