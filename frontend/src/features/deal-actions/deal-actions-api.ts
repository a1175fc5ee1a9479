import type {
  CompleteTaskRequest,
  CreateNoteRequest,
  CreateOfferRequest,
  CreateTaskRequest,
  CreateTestDriveRequest,
  DealDto,
  DocumentDto,
  MessageDto,
  OfferDto,
  SendMessageRequest,
  TaskDto,
  TestDriveDto,
  TradeInDto,
  TradeInRequest,
  UpdateTestDriveRequest,
  VehicleListPage,
  VehicleStatus,
} from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { api } from '../../app/api';
import { dealSaved } from '../deals/deals-api';
import { VEHICLE_LIST } from '../stock/stock-api';

/** The per-deal record lists of the deal page; each is tagged `{type, id: dealId}`. */
type RecordTag = 'Offer' | 'TestDrive' | 'TradeIn' | 'Document' | 'Task' | 'Message';

/**
 * What a change of a deal's records makes stale: the list itself, the deal (its counts, version
 * and last activity) and its timeline, plus `extra` kinds shown elsewhere (stock, "My day").
 * Nothing is stale after a refusal, except stock after a 409: the vehicle was sold or booked
 * meanwhile, so the picker should show the vehicle as it is now.
 */
function afterChangeOf(type: RecordTag, dealId: string, error: FetchBaseQueryError | undefined, extra: ('Vehicle' | 'MyDay')[] = []) {
  if (error) return error.status === 409 && extra.includes('Vehicle') ? ['Vehicle' as const] : [];
  return [{ type, id: dealId }, { type: 'Deal' as const, id: dealId }, { type: 'DealEvents' as const, id: dealId }, ...extra];
}

const dealPath = (dealId: string, records: string) => `/deals/${encodeURIComponent(dealId)}/${records}`;
const recordPath = (records: string, id: string, action = '') => `/${records}/${encodeURIComponent(id)}${action && `/${action}`}`;

const VEHICLE_PICKER_LIMIT = 8;

export interface VehicleSearchArgs {
  q: string;
  status: Extract<VehicleStatus, 'in_stock' | 'reserved'>;
}

/** A file fetched with the session's token: an object URL to open or save, and its name. */
export interface FetchedFile {
  objectUrl: string;
  fileName: string | null;
}

/** The file name of a `Content-Disposition` header (RFC 6266: `filename*` wins over `filename`). */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(disposition);
  return plain ? (plain[1] ?? plain[2]).trim() : null;
}

export const dealActionsApi = api.injectEndpoints({
  endpoints: (build) => ({
    searchStockVehicles: build.query<VehicleListPage, VehicleSearchArgs>({
      query: ({ q, status }) => ({ url: '/vehicles', params: { ...(q && { q }), status, limit: VEHICLE_PICKER_LIMIT } }),
      providesTags: [VEHICLE_LIST],
      keepUnusedDataFor: 30,
    }),

    getDealOffers: build.query<OfferDto[], string>({
      query: (dealId) => dealPath(dealId, 'offers'),
      providesTags: (_result, _error, dealId) => [{ type: 'Offer', id: dealId }],
    }),
    createOffer: build.mutation<OfferDto, { dealId: string } & CreateOfferRequest>({
      query: ({ dealId, ...body }) => ({ url: dealPath(dealId, 'offers'), method: 'POST', body }),
      invalidatesTags: (_result, error, { dealId }) => afterChangeOf('Offer', dealId, error, ['Vehicle']),
    }),
    withdrawOffer: build.mutation<OfferDto, OfferDto>({
      query: (offer) => ({ url: recordPath('offers', offer.id, 'withdraw'), method: 'POST' }),
      invalidatesTags: (_result, error, offer) => afterChangeOf('Offer', offer.dealId, error, ['Vehicle']),
    }),

    getDealTestDrives: build.query<TestDriveDto[], string>({
      query: (dealId) => dealPath(dealId, 'test-drives'),
      providesTags: (_result, _error, dealId) => [{ type: 'TestDrive', id: dealId }],
    }),
    scheduleTestDrive: build.mutation<TestDriveDto, { dealId: string } & CreateTestDriveRequest>({
      query: ({ dealId, ...body }) => ({ url: dealPath(dealId, 'test-drives'), method: 'POST', body }),
      invalidatesTags: (_result, error, { dealId }) => afterChangeOf('TestDrive', dealId, error, ['Vehicle']),
    }),
    updateTestDrive: build.mutation<TestDriveDto, { testDrive: TestDriveDto; changes: UpdateTestDriveRequest }>({
      query: ({ testDrive, changes }) => ({ url: recordPath('test-drives', testDrive.id), method: 'PATCH', body: changes }),
      invalidatesTags: (_result, error, { testDrive }) => afterChangeOf('TestDrive', testDrive.dealId, error, ['Vehicle']),
    }),

    getDealTradeIns: build.query<TradeInDto[], string>({
      query: (dealId) => dealPath(dealId, 'trade-ins'),
      providesTags: (_result, _error, dealId) => [{ type: 'TradeIn', id: dealId }],
    }),
    addTradeIn: build.mutation<TradeInDto, { dealId: string; tradeIn: TradeInRequest }>({
      query: ({ dealId, tradeIn }) => ({ url: dealPath(dealId, 'trade-ins'), method: 'POST', body: tradeIn }),
      invalidatesTags: (_result, error, { dealId }) => afterChangeOf('TradeIn', dealId, error),
    }),
    updateTradeIn: build.mutation<TradeInDto, { tradeIn: TradeInDto; changes: Partial<TradeInRequest> }>({
      query: ({ tradeIn, changes }) => ({ url: recordPath('trade-ins', tradeIn.id), method: 'PATCH', body: changes }),
      invalidatesTags: (_result, error, { tradeIn }) => afterChangeOf('TradeIn', tradeIn.dealId, error),
    }),
    removeTradeIn: build.mutation<void, TradeInDto>({
      query: (tradeIn) => ({ url: recordPath('trade-ins', tradeIn.id), method: 'DELETE' }),
      invalidatesTags: (_result, error, tradeIn) => afterChangeOf('TradeIn', tradeIn.dealId, error),
    }),

    /** A note lives only in the timeline; the answer is the deal, which every cache then shows. */
    addNote: build.mutation<DealDto, { dealId: string } & CreateNoteRequest>({
      query: ({ dealId, text }) => ({ url: dealPath(dealId, 'notes'), method: 'POST', body: { text } }),
      async onQueryStarted(_args, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data) dispatch(dealSaved(data));
      },
    }),

    getDealDocuments: build.query<DocumentDto[], string>({
      query: (dealId) => dealPath(dealId, 'documents'),
      providesTags: (_result, _error, dealId) => [{ type: 'Document', id: dealId }],
    }),
    uploadDocument: build.mutation<DocumentDto, { dealId: string; file: File; title: string }>({
      query: ({ dealId, file, title }) => {
        const form = new FormData();
        form.append('title', title);
        form.append('file', file, file.name);
        // no Content-Type of our own: the browser sets multipart/form-data with its boundary
        return { url: dealPath(dealId, 'documents'), method: 'POST', body: form };
      },
      invalidatesTags: (_result, error, { dealId }) => afterChangeOf('Document', dealId, error),
    }),
    renameDocument: build.mutation<DocumentDto, { document: DocumentDto; title: string }>({
      query: ({ document, title }) => ({ url: recordPath('documents', document.id), method: 'PATCH', body: { title } }),
      invalidatesTags: (_result, error, { document }) => afterChangeOf('Document', document.dealId, error),
    }),
    deleteDocument: build.mutation<void, DocumentDto>({
      query: (document) => ({ url: recordPath('documents', document.id), method: 'DELETE' }),
      invalidatesTags: (_result, error, document) => afterChangeOf('Document', document.dealId, error),
    }),

    getDealTasks: build.query<TaskDto[], string>({
      query: (dealId) => dealPath(dealId, 'tasks'),
      providesTags: (_result, _error, dealId) => [{ type: 'Task', id: dealId }],
    }),
    createTask: build.mutation<TaskDto, { dealId: string } & CreateTaskRequest>({
      query: ({ dealId, ...body }) => ({ url: dealPath(dealId, 'tasks'), method: 'POST', body }),
      invalidatesTags: (_result, error, { dealId }) => afterChangeOf('Task', dealId, error, ['MyDay']),
    }),
    completeTask: build.mutation<TaskDto, { task: TaskDto } & CompleteTaskRequest>({
      query: ({ task, result }) => ({ url: recordPath('tasks', task.id, 'complete'), method: 'POST', body: result ? { result } : {} }),
      invalidatesTags: (_result, error, { task }) => afterChangeOf('Task', task.dealId, error, ['MyDay']),
    }),

    getDealMessages: build.query<MessageDto[], string>({
      query: (dealId) => dealPath(dealId, 'messages'),
      providesTags: (_result, _error, dealId) => [{ type: 'Message', id: dealId }],
    }),
    /** Answers with the message as kept: `sent`, or `outbox` without a mail server; 502 when sending failed. */
    sendMessage: build.mutation<MessageDto, { dealId: string } & SendMessageRequest>({
      query: ({ dealId, ...body }) => ({ url: dealPath(dealId, 'messages'), method: 'POST', body }),
      // a failed send (502) is kept as a `failed` message, so the list changes either way
      invalidatesTags: (_result, error, { dealId }) => afterChangeOf('Message', dealId, error?.status === 502 ? undefined : error),
    }),
    retryMessage: build.mutation<MessageDto, MessageDto>({
      query: (message) => ({ url: recordPath('messages', message.id, 'send'), method: 'POST' }),
      invalidatesTags: (_result, error, message) => afterChangeOf('Message', message.dealId, error?.status === 502 ? undefined : error),
    }),

    /**
     * A file the API serves only with the session's token (quote PDFs, documents): fetched as a
     * blob through the API's base query (token, session expiry) and handed out as an object URL,
     * which the caller revokes when done with it.
     */
    fetchFile: build.mutation<FetchedFile, string>({
      query: (url) => ({
        url,
        responseHandler: async (response) =>
          response.ok
            ? { objectUrl: URL.createObjectURL(await response.blob()), fileName: fileNameOf(response.headers.get('Content-Disposition')) }
            : response.json().catch(() => null),
      }),
    }),
  }),
});

export const {
  useSearchStockVehiclesQuery,
  useGetDealOffersQuery,
  useCreateOfferMutation,
  useWithdrawOfferMutation,
  useGetDealTestDrivesQuery,
  useScheduleTestDriveMutation,
  useUpdateTestDriveMutation,
  useGetDealTradeInsQuery,
  useAddTradeInMutation,
  useUpdateTradeInMutation,
  useRemoveTradeInMutation,
  useAddNoteMutation,
  useGetDealDocumentsQuery,
  useUploadDocumentMutation,
  useRenameDocumentMutation,
  useDeleteDocumentMutation,
  useGetDealTasksQuery,
  useCreateTaskMutation,
  useCompleteTaskMutation,
  useGetDealMessagesQuery,
  useSendMessageMutation,
  useRetryMessageMutation,
  useFetchFileMutation,
} = dealActionsApi;
