import type { BoardDto, CursorPage, DealDto, DealStatus, UserRef } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { api } from '../../app/api';
import { describeError } from '../../app/describe-error';
import type { AppDispatch, RootState, ThunkExtra } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { appendPage, mergeBoards, statusesOfView } from './board-data';
import { dealsArrived } from './board-ui-slice';
import { BOARD_PAGE_SIZE, columnStatus, stageById, type BoardArgs, type LiveBoard } from './board-view';
import { moveCardOnBoard } from './drag/move-card';
import { applyBoardEvent, upsertDeal, type PreviousPlace } from './live/apply-board-event';

/** How long a board waits for its live room before loading anyway. */
const JOIN_WAIT_MS = 1500;

export interface MoveDealArgs {
  /** The deal as the board showed it when it was dropped. */
  deal: DealDto;
  toStageId: string;
  beforeId?: string;
  afterId?: string;
  /** The signed-in user (becomes responsible of an untaken deal, as on the server). */
  actor: UserRef;
}

export interface StageDealsArgs {
  stageId: string;
  status: DealStatus;
  cursor: string;
}

const extraOf = (extra: unknown) => extra as ThunkExtra;

export const boardApi = api.injectEndpoints({
  endpoints: (build) => ({
    /**
     * A funnel's board, kept live: the funnel's room is joined first, so the board fetched
     * afterwards holds every event up to the room's `seq`; events after it patch the cache.
     */
    getBoard: build.query<LiveBoard, BoardArgs>({
      async queryFn({ funnelId, view }, queryApi, _extraOptions, baseQuery) {
        const { live } = extraOf(queryApi.extra);
        await live.whenJoined(funnelId, JOIN_WAIT_MS);
        const seq = live.lastSeq(funnelId);
        const results = await Promise.all(
          statusesOfView(view).map((status) =>
            baseQuery({ url: `/funnels/${encodeURIComponent(funnelId)}/board`, params: { limit: BOARD_PAGE_SIZE, status } }),
          ),
        );
        const failed = results.find((result) => result.error);
        if (failed?.error) return { error: failed.error as FetchBaseQueryError };
        const board = mergeBoards(view, results.map((result) => result.data as BoardDto), seq);
        // Events that arrived while the board was on its way are applied to it now.
        for (const event of live.eventsSince(funnelId, seq)) applyBoardEvent(board, event);
        return { data: board };
      },
      keepUnusedDataFor: 0,
      providesTags: (_result, _error, { funnelId }) => [{ type: 'Board', id: funnelId }],
      async onCacheEntryAdded(args, { extra, cacheDataLoaded, cacheEntryRemoved, updateCachedData, dispatch, getCacheEntry }) {
        const { live } = extraOf(extra);
        let loaded = false;
        let refetchWhenLoaded = false;
        const refetch = () => {
          if (loaded) dispatch(boardApi.util.invalidateTags([{ type: 'Board', id: args.funnelId }]));
          else refetchWhenLoaded = true;
        };
        const unsubscribe = live.subscribe(args.funnelId, {
          onEvents(events) {
            // Before the first answer, the query applies these itself (eventsSince).
            if (!loaded) return;
            let mustRefetch = false;
            const arrived: string[] = [];
            updateCachedData((board) => {
              for (const event of events) {
                const outcome = applyBoardEvent(board, event);
                if (outcome === 'refetch') mustRefetch = true;
                if (outcome === 'applied' && event.type === 'deal.created' && event.deal) {
                  if (stageById(board, event.deal.stageId)?.kind === 'unassigned') arrived.push(event.deal.id);
                }
              }
            });
            if (arrived.length > 0) dispatch(dealsArrived(arrived));
            if (mustRefetch) refetch();
          },
          onResync: refetch,
          onJoined() {
            // Loaded while offline: what happened in between is not known, so fetch again.
            if (loaded && getCacheEntry().data?.seq === null) refetch();
          },
        });
        try {
          await cacheDataLoaded;
          loaded = true;
          if (refetchWhenLoaded) refetch();
        } catch {
          // the entry went away before its first answer
        }
        await cacheEntryRemoved;
        unsubscribe();
      },
    }),

    /** A further page of one column (added to the board by `loadMoreDeals`). */
    getStageDeals: build.query<CursorPage<DealDto>, StageDealsArgs>({
      query: ({ stageId, status, cursor }) => ({
        url: `/stages/${encodeURIComponent(stageId)}/deals`,
        params: { cursor, status, limit: BOARD_PAGE_SIZE },
      }),
      keepUnusedDataFor: 0,
    }),

    /** Drag and drop or "Move to…": shown at once, undone with a message if the server refuses. */
    moveDeal: build.mutation<DealDto, MoveDealArgs>({
      query: ({ deal, toStageId, beforeId, afterId }) => ({
        url: `/deals/${encodeURIComponent(deal.id)}/move`,
        method: 'POST',
        body: { stageId: toStageId, beforeId, afterId, version: deal.version },
      }),
      async onQueryStarted(move, { dispatch, getState, queryFulfilled }) {
        const { deal } = move;
        const patches = boardArgsOf(getState() as RootState, deal.funnelId).map((args) =>
          dispatch(
            boardApi.util.updateQueryData('getBoard', args, (board) => {
              moveCardOnBoard(board, { dealId: deal.id, toStageId: move.toStageId, beforeId: move.beforeId, afterId: move.afterId, actor: move.actor });
            }),
          ),
        );
        try {
          const { data } = await queryFulfilled;
          dispatch(dealChangedOnBoards(data, placeOf(deal)));
        } catch (failure) {
          for (const patch of patches) patch.undo();
          const error = (failure as { error?: FetchBaseQueryError }).error;
          if (error?.status === 401) return;
          dispatch(toastShown({ kind: 'error', text: `${deal.code} was not moved. ${describeError(error)}` }));
          if (error?.status === 409 || error?.status === 422 || error?.status === 404) {
            dispatch(boardApi.util.invalidateTags([{ type: 'Board', id: deal.funnelId }]));
          }
        }
      },
    }),

    /** "Take into work": the caller becomes responsible; of two at once, one wins. */
    takeDeal: build.mutation<DealDto, { deal: DealDto }>({
      query: ({ deal }) => ({ url: `/deals/${encodeURIComponent(deal.id)}/take`, method: 'POST' }),
      async onQueryStarted({ deal }, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(dealChangedOnBoards(data, placeOf(deal)));
        } catch (failure) {
          const error = (failure as { error?: FetchBaseQueryError }).error;
          if (error?.status === 401) return;
          dispatch(toastShown({ kind: 'error', text: describeError(error) }));
          if (error?.status === 409) dispatch(boardApi.util.invalidateTags([{ type: 'Board', id: deal.funnelId }]));
        }
      },
    }),
  }),
});

export const { useGetBoardQuery, useMoveDealMutation, useTakeDealMutation } = boardApi;

/** Where a deal is now, as the "before" of a change to it. */
export function placeOf(deal: DealDto): PreviousPlace {
  return { stageId: deal.stageId, status: deal.status, amount: deal.amount };
}

/** The cached boards of a funnel (one per view that is open or was recently). */
export function boardArgsOf(state: RootState, funnelId: string): BoardArgs[] {
  return boardApi.util.selectCachedArgsForQuery(state, 'getBoard').filter((args) => args.funnelId === funnelId);
}

/** Puts a deal the server just returned onto every cached board of its funnel. */
export function dealChangedOnBoards(deal: DealDto, previous?: PreviousPlace) {
  return (dispatch: AppDispatch, getState: () => RootState) => {
    for (const args of boardArgsOf(getState(), deal.funnelId)) {
      dispatch(
        boardApi.util.updateQueryData('getBoard', args, (board) => {
          upsertDeal(board, deal, previous);
        }),
      );
    }
  };
}

/** Fetches the next page of a column and adds it to the board; false when it could not. */
export function loadMoreDeals(args: BoardArgs, stageId: string) {
  return async (dispatch: AppDispatch, getState: () => RootState): Promise<boolean> => {
    const board = boardApi.endpoints.getBoard.select(args)(getState()).data;
    const stage = board && stageById(board, stageId);
    const cursor = board?.columns.find((column) => column.stageId === stageId)?.nextCursor;
    if (!board || !stage || !cursor) return false;
    const request = dispatch(
      boardApi.endpoints.getStageDeals.initiate({ stageId, status: columnStatus(stage.kind, args.view), cursor }, { subscribe: false, forceRefetch: true }),
    );
    const result = await request;
    if (!result.data) {
      dispatch(toastShown({ kind: 'error', text: `Could not load more deals of "${stage.name}". ${describeError(result.error)}` }));
      return false;
    }
    const page = result.data;
    dispatch(
      boardApi.util.updateQueryData('getBoard', args, (draft) => {
        appendPage(draft, stageId, cursor, page);
      }),
    );
    return true;
  };
}
