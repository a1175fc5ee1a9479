import type {
  CreateVehicleRequest,
  UpdateVehicleRequest,
  VehicleDto,
  VehicleListPage,
  VehicleListQuery,
  VehicleWithDealsDto,
} from '@autofunnel/shared';
import { api } from '../../app/api';

/** The stock list's filters and sort: the query string of GET /api/vehicles without the paging. */
export type VehicleListArgs = Omit<VehicleListQuery, 'limit' | 'cursor'>;

export const VEHICLE_PAGE_SIZE = 50;

/** The tag of every vehicle list (the stock page, the offer and test-drive pickers); one vehicle is `{ type: 'Vehicle', id }`. */
export const VEHICLE_LIST = { type: 'Vehicle', id: 'LIST' } as const;

/**
 * Stock: everyone reads, admins and team leads write. A change to a vehicle elsewhere (an offer
 * on it, a won deal selling it) invalidates `{ type: 'Vehicle', id }`, which refreshes its page
 * and every list showing it.
 */
export const stockApi = api.injectEndpoints({
  endpoints: (build) => ({
    listVehicles: build.infiniteQuery<VehicleListPage, VehicleListArgs, string | null>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
      },
      query: ({ queryArg, pageParam }) => ({
        url: '/vehicles',
        params: {
          ...Object.fromEntries(Object.entries(queryArg).filter(([, value]) => value !== undefined && value !== '')),
          limit: VEHICLE_PAGE_SIZE,
          ...(pageParam && { cursor: pageParam }),
        },
      }),
      providesTags: (result) => [VEHICLE_LIST, ...(result?.pages.flatMap((page) => page.items.map((vehicle) => ({ type: 'Vehicle' as const, id: vehicle.id }))) ?? [])],
    }),
    getVehicle: build.query<VehicleWithDealsDto, string>({
      query: (id) => `/vehicles/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'Vehicle', id }],
    }),
    createVehicle: build.mutation<VehicleDto, CreateVehicleRequest>({
      query: (body) => ({ url: '/vehicles', method: 'POST', body }),
      invalidatesTags: [VEHICLE_LIST],
    }),
    /** 409 when `version` is stale: the vehicle is then refetched, so the next try starts from the newest one. */
    updateVehicle: build.mutation<VehicleDto, { id: string; changes: UpdateVehicleRequest }>({
      query: ({ id, changes }) => ({ url: `/vehicles/${encodeURIComponent(id)}`, method: 'PATCH', body: changes }),
      invalidatesTags: (_result, error, { id }) => (error && error.status !== 409 ? [] : [{ type: 'Vehicle', id }]),
    }),
    /** 409 while offers or test drives name it. (Its own page is left, so only the lists refresh.) */
    deleteVehicle: build.mutation<void, string>({
      query: (id) => ({ url: `/vehicles/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: (_result, error) => (error ? [] : [VEHICLE_LIST]),
    }),
  }),
});

export const {
  useListVehiclesInfiniteQuery,
  useGetVehicleQuery,
  useLazyGetVehicleQuery,
  useCreateVehicleMutation,
  useUpdateVehicleMutation,
  useDeleteVehicleMutation,
} = stockApi;
