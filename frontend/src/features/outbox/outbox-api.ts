import type { MessageListPage, MessageStatus } from '@autofunnel/shared';
import { api } from '../../app/api';

export const OUTBOX_PAGE_SIZE = 50;

/**
 * The outbox (team leads and admins): customer emails of every deal by status, newest first.
 * Tagged with each message's deal, so sending one (here or on its deal page) refreshes every tab.
 */
export const outboxApi = api.injectEndpoints({
  endpoints: (build) => ({
    listMessages: build.infiniteQuery<MessageListPage, MessageStatus, string | null>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg: status, pageParam }) => ({ url: '/messages', params: { status, limit: OUTBOX_PAGE_SIZE, ...(pageParam && { cursor: pageParam }) } }),
      providesTags: (result) => [
        'Message',
        ...(result?.pages.flatMap((page) => page.items.map((message) => ({ type: 'Message' as const, id: message.dealId }))) ?? []),
      ],
    }),
  }),
});

export const { useListMessagesInfiniteQuery } = outboxApi;
