import {
  createApi,
  fetchBaseQuery,
  type BaseQueryFn,
  type FetchArgs,
  type FetchBaseQueryError,
} from '@reduxjs/toolkit/query/react';
import { sessionExpired, type AuthState } from '../features/auth/auth-slice';

/** The part of the root state the API layer reads (typed here to avoid an import cycle). */
interface StateWithAuth {
  auth: AuthState;
}

const tokenOf = (state: unknown): string | null => (state as StateWithAuth).auth.token;

const fetchFromApi = fetchBaseQuery({
  baseUrl: '/api',
  prepareHeaders: (headers, { getState }) => {
    const token = tokenOf(getState());
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return headers;
  },
});

/**
 * fetchBaseQuery, plus: a 401 for the token we sent ends the session (the app then shows the
 * login page). A 401 without a token (a refused login) is left to the caller.
 */
const baseQuery: BaseQueryFn<string | FetchArgs, unknown, FetchBaseQueryError> = async (
  args,
  queryApi,
  extraOptions,
) => {
  const sentToken = tokenOf(queryApi.getState());
  const result = await fetchFromApi(args, queryApi, extraOptions);
  if (result.error?.status === 401 && sentToken && tokenOf(queryApi.getState()) === sentToken) {
    queryApi.dispatch(sessionExpired());
  }
  return result;
};

/** The one API slice; each feature adds its endpoints with `api.injectEndpoints`. */
export const api = createApi({
  reducerPath: 'api',
  baseQuery,
  tagTypes: [
    'Funnel', 'Board', 'Deal', 'DealEvents', 'DealList', 'Contact', 'Source', 'User', 'Channel', 'Import',
    // The deal page and stock
    'Vehicle', 'TradeIn', 'Offer', 'TestDrive', 'Document', 'Task', 'Message', 'Deadline', 'DealContacts', 'LostReason', 'MyDay', 'Trash',
    // Running the team
    'Branch', 'UserAdmin', 'Me', 'DealType', 'Notification', 'Inflow',
    // Insights
    'Insights',
  ],
  endpoints: () => ({}),
});
