import type { ContactDto, MergeContactsRequest } from '@autofunnel/shared';
import { api } from '../../app/api';

export const contactsApi = api.injectEndpoints({
  endpoints: (build) => ({
    /** Lead → customer: the answer carries the new customer number. */
    convertContact: build.mutation<ContactDto, string>({
      query: (id) => ({ url: `/contacts/${encodeURIComponent(id)}/convert`, method: 'POST' }),
      invalidatesTags: (_result, _error, id) => [{ type: 'Contact', id }],
    }),
    /** The duplicate's deals move to `keptId`; the duplicate is deleted. */
    mergeContacts: build.mutation<ContactDto, { keptId: string } & MergeContactsRequest>({
      query: ({ keptId, duplicateId }) => ({ url: `/contacts/${encodeURIComponent(keptId)}/merge`, method: 'POST', body: { duplicateId } }),
      // Every cached search and contact may have shown the duplicate.
      invalidatesTags: ['Contact', 'DealList'],
    }),
  }),
});

export const { useConvertContactMutation, useMergeContactsMutation } = contactsApi;
