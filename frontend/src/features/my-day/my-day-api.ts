import type { MyDayDto } from '@autofunnel/shared';
import { api } from '../../app/api';

/**
 * "My day" (GET /api/my-day?until=): the caller's open tasks and meetings and the deadlines of
 * their deals. Tagged with each deal's tasks and deadlines, so completing a task or moving a
 * deadline on a deal page refreshes it too; new items elsewhere arrive with `MyDay` or the poll.
 */
export const myDayApi = api.injectEndpoints({
  endpoints: (build) => ({
    getMyDay: build.query<MyDayDto, { until: string }>({
      query: ({ until }) => ({ url: '/my-day', params: { until } }),
      providesTags: (result) => [
        'MyDay',
        'Task',
        ...(result?.tasks.map((task) => ({ type: 'Task' as const, id: task.dealId })) ?? []),
        ...(result?.deadlines.map((deadline) => ({ type: 'Deadline' as const, id: deadline.deal.id })) ?? []),
      ],
    }),
  }),
});

export const { useGetMyDayQuery } = myDayApi;
