import type { ChangeOwnPasswordRequest, LoginResponse, MeDto, UpdateMeRequest } from '@autofunnel/shared';
import { api } from '../../app/api';
import { loggedIn, type AuthState } from '../auth/auth-slice';

/** The signed-in user's own account: their duty switch and password. */
export const accountApi = api.injectEndpoints({
  endpoints: (build) => ({
    getMe: build.query<MeDto, void>({
      query: () => '/me',
      providesTags: ['Me'],
    }),
    updateMe: build.mutation<MeDto, UpdateMeRequest>({
      query: (body) => ({ url: '/me', method: 'PATCH', body }),
      // the switch flips at once; a refusal puts it back
      async onQueryStarted(changes, { dispatch, queryFulfilled }) {
        const patch = dispatch(accountApi.util.updateQueryData('getMe', undefined, (me) => Object.assign(me, changes)));
        try {
          await queryFulfilled;
        } catch {
          patch.undo();
        }
      },
      invalidatesTags: ['Me', 'UserAdmin'],
    }),
    changeOwnPassword: build.mutation<Pick<LoginResponse, 'accessToken'>, ChangeOwnPasswordRequest>({
      query: (body) => ({ url: '/me/password', method: 'POST', body }),
      // Every older token (this one included) stops working: carry on with the fresh one.
      async onQueryStarted(_request, { dispatch, getState, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          const { user } = (getState() as unknown as { auth: AuthState }).auth;
          if (user) dispatch(loggedIn({ accessToken: data.accessToken, user }));
        } catch {
          // the form shows the refusal
        }
      },
    }),
  }),
});

export const { useGetMeQuery, useUpdateMeMutation, useChangeOwnPasswordMutation } = accountApi;
