import type { BoardDto, FunnelDto } from '@autofunnel/shared';
import { api } from '../../app/api';

export interface BoardArgs {
  funnelId: string;
  /** How many deals of each column to fetch. */
  limit: number;
}

export const funnelsApi = api.injectEndpoints({
  endpoints: (build) => ({
    getFunnels: build.query<FunnelDto[], void>({
      query: () => '/funnels',
    }),
    getBoard: build.query<BoardDto, BoardArgs>({
      query: ({ funnelId, limit }) => ({
        url: `/funnels/${encodeURIComponent(funnelId)}/board`,
        params: { limit },
      }),
    }),
  }),
});

export const { useGetFunnelsQuery, useGetBoardQuery } = funnelsApi;
