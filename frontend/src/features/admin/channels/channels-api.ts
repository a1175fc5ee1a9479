import type { ChannelDto, ChannelWithKeyDto, CreateChannelRequest, UpdateChannelRequest } from '@autofunnel/shared';
import { api } from '../../../app/api';

/** Advertising channels (admins only). Create and rotate answer with the key, the one time it is sent. */
export const channelsApi = api.injectEndpoints({
  endpoints: (build) => ({
    getChannels: build.query<ChannelDto[], void>({
      query: () => '/channels',
      providesTags: ['Channel'],
    }),
    createChannel: build.mutation<ChannelWithKeyDto, CreateChannelRequest>({
      query: (body) => ({ url: '/channels', method: 'POST', body }),
      invalidatesTags: ['Channel'],
    }),
    updateChannel: build.mutation<ChannelDto, { id: string; changes: UpdateChannelRequest }>({
      query: ({ id, changes }) => ({ url: `/channels/${encodeURIComponent(id)}`, method: 'PATCH', body: changes }),
      invalidatesTags: ['Channel'],
    }),
    rotateChannelKey: build.mutation<ChannelWithKeyDto, string>({
      query: (id) => ({ url: `/channels/${encodeURIComponent(id)}/rotate-key`, method: 'POST' }),
      invalidatesTags: ['Channel'],
    }),
    deleteChannel: build.mutation<void, string>({
      query: (id) => ({ url: `/channels/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: ['Channel'],
    }),
  }),
});

export const { useGetChannelsQuery, useCreateChannelMutation, useUpdateChannelMutation, useRotateChannelKeyMutation, useDeleteChannelMutation } = channelsApi;
