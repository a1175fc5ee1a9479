import type { CreateLostReasonRequest, LostReasonDto, UpdateLostReasonRequest } from '@autofunnel/shared';
import { api } from '../../../app/api';

/**
 * Admins edit the list a lost deal's reason is picked from. The list itself is the deal page's
 * `getLostReasons` (GET /api/lost-reasons, tagged `LostReason`), which these refresh.
 */
export const lostReasonsApi = api.injectEndpoints({
  endpoints: (build) => ({
    /** 409 when a reason of that name exists. */
    createLostReason: build.mutation<LostReasonDto, CreateLostReasonRequest>({
      query: (body) => ({ url: '/lost-reasons', method: 'POST', body }),
      invalidatesTags: (_result, error) => (error ? [] : ['LostReason']),
    }),
    /** Renames it, or moves it to `position` (1 = first; the others shift). */
    updateLostReason: build.mutation<LostReasonDto, { id: string; changes: UpdateLostReasonRequest }>({
      query: ({ id, changes }) => ({ url: `/lost-reasons/${encodeURIComponent(id)}`, method: 'PATCH', body: changes }),
      invalidatesTags: (_result, error) => (error ? [] : ['LostReason']),
    }),
    /** A reason in use may be refused (409) unless `replaceWith` names the reason its deals get instead. */
    deleteLostReason: build.mutation<void, { id: string; replaceWith?: string }>({
      query: ({ id, replaceWith }) => ({
        url: `/lost-reasons/${encodeURIComponent(id)}`,
        method: 'DELETE',
        params: replaceWith ? { replaceWith } : undefined,
      }),
      invalidatesTags: (_result, error, { replaceWith }) => (error ? [] : replaceWith ? ['LostReason', 'Deal', 'DealList'] : ['LostReason']),
    }),
  }),
});

export const { useCreateLostReasonMutation, useUpdateLostReasonMutation, useDeleteLostReasonMutation } = lostReasonsApi;
