import type {
  ContactDto,
  DeadlineDto,
  DealDto,
  FollowUpRequest,
  LinkContactRequest,
  LinkedContactDto,
  LostReasonDto,
  ResolveDeadlineRequest,
} from '@autofunnel/shared';
import { api } from '../../app/api';
import { placeOf } from '../board/board-api';
import { dealSaved } from '../deals/deals-api';

/** The lists of one deal's records, as their endpoints tag them (`{type, id: dealId}`). */
const DEAL_RECORD_TAG_TYPES = ['Offer', 'TestDrive', 'TradeIn', 'Document', 'Task', 'Message', 'Deadline', 'DealContacts'] as const;

/**
 * The deal page's lists of `dealId` are fetched again: something happened on the deal
 * elsewhere. `withTimeline: false` when the timeline is already on its way (see dealUpdated).
 */
export function dealRecordsChanged(dealId: string, { withTimeline = true } = {}) {
  const types = withTimeline ? [...DEAL_RECORD_TAG_TYPES, 'DealEvents' as const] : DEAL_RECORD_TAG_TYPES;
  return api.util.invalidateTags(types.map((type) => ({ type, id: dealId })));
}

/** What an edit of a linked contact may change (PATCH /api/contacts/:id). */
export interface ContactChanges {
  name?: string;
  phones?: string[];
  emails?: string[];
}

/**
 * The deal page's own endpoints: deadlines and long-term follow-up, linked contacts, the trash,
 * the lost reasons to choose from.
 */
export const dealPageApi = api.injectEndpoints({
  endpoints: (build) => ({
    /** Newest first; the open one (not resolved) is the deal's `deadlineAt`. */
    getDeadlines: build.query<DeadlineDto[], string>({
      query: (dealId) => `/deals/${encodeURIComponent(dealId)}/deadlines`,
      providesTags: (_result, _error, dealId) => [{ type: 'Deadline', id: dealId }],
    }),
    /** Sets the open deadline, or moves it. */
    setDeadline: build.mutation<DeadlineDto, { deal: DealDto; dueAt: string }>({
      query: ({ deal, dueAt }) => ({ url: `/deals/${encodeURIComponent(deal.id)}/deadlines`, method: 'POST', body: { dueAt } }),
      invalidatesTags: (_result, error, { deal }) => (error ? [] : changedDealTags(deal.id, 'Deadline')),
    }),
    /** Contacted or not (with why), optionally with the next deadline. */
    resolveDeadline: build.mutation<DeadlineDto, { deal: DealDto; deadlineId: string } & ResolveDeadlineRequest>({
      query: ({ deadlineId, outcome, note, nextDueAt }) => ({
        url: `/deadlines/${encodeURIComponent(deadlineId)}/resolve`,
        method: 'POST',
        body: { outcome, ...(note && { note }), ...(nextDueAt && { nextDueAt }) },
      }),
      invalidatesTags: (_result, error, { deal }) => (error ? [] : changedDealTags(deal.id, 'Deadline')),
    }),
    /** Long-term follow-up: off the board until `until`; null brings the deal back now (with a fresh deadline). */
    setFollowUp: build.mutation<DealDto, { deal: DealDto } & FollowUpRequest>({
      query: ({ deal, until }) => ({ url: `/deals/${encodeURIComponent(deal.id)}/follow-up`, method: 'POST', body: { until } }),
      // The timeline follows the deal (dealSaved).
      invalidatesTags: (_result, error, { deal }) => (error ? [] : [{ type: 'Deadline', id: deal.id }, 'DealList', 'MyDay']),
      async onQueryStarted({ deal }, { dispatch, queryFulfilled }) {
        // The deal leaves (or returns to) the boards at once.
        const answer = await queryFulfilled.then(({ data }) => data).catch(() => null);
        if (answer) dispatch(dealSaved(answer, placeOf(deal)));
      },
    }),

    /** "Invalid": hidden everywhere as if it never existed; an admin can restore it. */
    trashDeal: build.mutation<DealDto, { deal: DealDto }>({
      query: ({ deal }) => ({ url: `/deals/${encodeURIComponent(deal.id)}/trash`, method: 'POST' }),
      // Not the deal's own tag: fetching it again would only answer 404.
      invalidatesTags: (_result, error, { deal }) => (error ? [] : ['Trash', 'DealList', { type: 'Contact', id: deal.contact.id }]),
      async onQueryStarted({ deal }, { dispatch, queryFulfilled }) {
        const answer = await queryFulfilled.then(({ data }) => data).catch(() => null);
        // Off the boards at once; going back to the page shows it in the trash, not a stale copy to work on.
        if (answer) dispatch(dealSaved(answer, placeOf(deal)));
      },
    }),

    /** The deal's contacts, the primary one first. */
    getLinkedContacts: build.query<LinkedContactDto[], string>({
      query: (dealId) => `/deals/${encodeURIComponent(dealId)}/contacts`,
      providesTags: (_result, _error, dealId) => [{ type: 'DealContacts', id: dealId }],
    }),
    /** An existing contact (`contactId`) or a new one (`contact`), with an optional role. */
    linkContact: build.mutation<LinkedContactDto, { deal: DealDto } & LinkContactRequest>({
      query: ({ deal, contactId, contact, role }) => ({
        url: `/deals/${encodeURIComponent(deal.id)}/contacts`,
        method: 'POST',
        body: { ...(contactId ? { contactId } : { contact }), ...(role && { role }) },
      }),
      invalidatesTags: (_result, error, { deal }) => (error ? [] : changedDealTags(deal.id, 'DealContacts')),
    }),
    unlinkContact: build.mutation<void, { deal: DealDto; contactId: string }>({
      query: ({ deal, contactId }) => ({ url: `/deals/${encodeURIComponent(deal.id)}/contacts/${encodeURIComponent(contactId)}`, method: 'DELETE' }),
      invalidatesTags: (_result, error, { deal }) => (error ? [] : changedDealTags(deal.id, 'DealContacts')),
    }),
    /** A linked contact becomes the deal's customer (on the card); the former one stays linked. */
    makePrimaryContact: build.mutation<DealDto, { deal: DealDto; contactId: string }>({
      query: ({ deal, contactId }) => ({ url: `/deals/${encodeURIComponent(deal.id)}/contacts/${encodeURIComponent(contactId)}/primary`, method: 'POST' }),
      invalidatesTags: (_result, error, { deal }) => (error ? [] : [{ type: 'DealContacts', id: deal.id }, 'DealList']),
      async onQueryStarted({ deal }, { dispatch, queryFulfilled }) {
        const answer = await queryFulfilled.then(({ data }) => data).catch(() => null);
        if (answer) dispatch(dealSaved(answer, placeOf(deal)));
      },
    }),
    /** Name, phones and emails of a contact; the deal shows them (its primary contact) too. */
    updateContact: build.mutation<ContactDto, { dealId: string; contactId: string; changes: ContactChanges }>({
      query: ({ contactId, changes }) => ({ url: `/contacts/${encodeURIComponent(contactId)}`, method: 'PATCH', body: changes }),
      invalidatesTags: (_result, error, { dealId, contactId }) =>
        error ? [] : [{ type: 'Contact', id: contactId }, { type: 'DealContacts', id: dealId }, { type: 'Deal', id: dealId }, 'DealList'],
    }),

    /** The reasons to pick from when a deal is lost (admins edit the list). */
    getLostReasons: build.query<LostReasonDto[], void>({
      query: () => '/lost-reasons',
      providesTags: ['LostReason'],
      keepUnusedDataFor: 600,
    }),
  }),
});

/** A change of the deal's `records`: its list, the deal (version, counts, deadline) and its timeline. */
function changedDealTags(dealId: string, records: 'Deadline' | 'DealContacts') {
  return [
    { type: records, id: dealId },
    { type: 'Deal' as const, id: dealId },
    { type: 'DealEvents' as const, id: dealId },
    // a deadline set on a deal My day does not list yet may belong there now
    ...(records === 'Deadline' ? ['MyDay' as const] : []),
  ];
}

export const {
  useGetDeadlinesQuery,
  useSetDeadlineMutation,
  useResolveDeadlineMutation,
  useSetFollowUpMutation,
  useTrashDealMutation,
  useGetLinkedContactsQuery,
  useLinkContactMutation,
  useUnlinkContactMutation,
  useMakePrimaryContactMutation,
  useUpdateContactMutation,
  useGetLostReasonsQuery,
} = dealPageApi;
