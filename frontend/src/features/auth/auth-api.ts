import type { LoginRequest, LoginResponse } from '@autofunnel/shared';
import { api } from '../../app/api';
import { loggedIn } from './auth-slice';

export const authApi = api.injectEndpoints({
  endpoints: (build) => ({
    login: build.mutation<LoginResponse, LoginRequest>({
      query: (credentials) => ({ url: '/auth/login', method: 'POST', body: credentials }),
      async onQueryStarted(_credentials, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(loggedIn(data));
        } catch {
          // a refused login stays signed out; the form shows the error from the hook
        }
      },
    }),
  }),
});

export const { useLoginMutation } = authApi;
