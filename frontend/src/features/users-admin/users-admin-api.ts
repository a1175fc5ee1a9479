import type {
  BranchAdminDto,
  BranchDto,
  CreateUserRequest,
  DeactivateUserResponse,
  ResetPasswordRequest,
  ResetPasswordResponse,
  UpdateUserRequest,
  UserAdminDto,
} from '@autofunnel/shared';
import { api } from '../../app/api';

/**
 * Users and branches as admins run them. A change to a user also refreshes the pickers' list
 * ('User'), the branch counts and the signed-in user's own account ('Me', when it was them).
 */
export const usersAdminApi = api.injectEndpoints({
  endpoints: (build) => ({
    getAdminUsers: build.query<UserAdminDto[], void>({
      query: () => ({ url: '/users', params: { status: 'all' } }),
      providesTags: ['UserAdmin'],
    }),
    createUser: build.mutation<UserAdminDto, CreateUserRequest>({
      query: (body) => ({ url: '/users', method: 'POST', body }),
      invalidatesTags: ['UserAdmin', 'User', 'Branch'],
    }),
    updateUser: build.mutation<UserAdminDto, { id: string; changes: UpdateUserRequest }>({
      query: ({ id, changes }) => ({ url: `/users/${encodeURIComponent(id)}`, method: 'PATCH', body: changes }),
      invalidatesTags: ['UserAdmin', 'User', 'Branch', 'Me'],
    }),
    deactivateUser: build.mutation<DeactivateUserResponse, string>({
      query: (id) => ({ url: `/users/${encodeURIComponent(id)}/deactivate`, method: 'POST' }),
      invalidatesTags: ['UserAdmin', 'User', 'Branch'],
    }),
    activateUser: build.mutation<UserAdminDto, string>({
      query: (id) => ({ url: `/users/${encodeURIComponent(id)}/activate`, method: 'POST' }),
      invalidatesTags: ['UserAdmin', 'User', 'Branch'],
    }),
    resetPassword: build.mutation<ResetPasswordResponse, { id: string } & ResetPasswordRequest>({
      query: ({ id, ...body }) => ({ url: `/users/${encodeURIComponent(id)}/reset-password`, method: 'POST', body }),
    }),
    getBranchesWithCounts: build.query<BranchAdminDto[], void>({
      query: () => ({ url: '/branches', params: { withCounts: 'true' } }),
      providesTags: ['Branch'],
    }),
    createBranch: build.mutation<BranchDto, { name: string }>({
      query: (body) => ({ url: '/branches', method: 'POST', body }),
      invalidatesTags: ['Branch'],
    }),
    renameBranch: build.mutation<BranchDto, { id: string; name: string }>({
      query: ({ id, name }) => ({ url: `/branches/${encodeURIComponent(id)}`, method: 'PATCH', body: { name } }),
      invalidatesTags: ['Branch'],
    }),
    deleteBranch: build.mutation<void, string>({
      query: (id) => ({ url: `/branches/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: ['Branch'],
    }),
  }),
});

export const {
  useGetAdminUsersQuery,
  useCreateUserMutation,
  useUpdateUserMutation,
  useDeactivateUserMutation,
  useActivateUserMutation,
  useResetPasswordMutation,
  useGetBranchesWithCountsQuery,
  useCreateBranchMutation,
  useRenameBranchMutation,
  useDeleteBranchMutation,
} = usersAdminApi;
