import type { FunnelDto } from '@autofunnel/shared';
import { api } from '../../app/api';

export const funnelsApi = api.injectEndpoints({
  endpoints: (build) => ({
    getFunnels: build.query<FunnelDto[], void>({
      query: () => '/funnels',
      providesTags: ['Funnel'],
    }),
  }),
});

export const { useGetFunnelsQuery } = funnelsApi;
