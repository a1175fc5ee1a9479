import type { BoardDto, BoardFilter, CursorPage, DealDto, DealStatus, StageRuleRefusal, UserRef } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { api } from '../../app/api';
import { describeError } from '../../app/describe-error';
import type { AppDispatch, RootState, ThunkExtra } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { appendPage, mergeBoards, statusesOfView } from './board-data';
import { filterQuery, resolveMe } from './board-filter';
import { dealsArrived } from './board-ui-slice';
import { BOARD_PAGE_SIZE, columnStatus, stageById, type BoardArgs, type LiveBoard } from './board-view';
import { moveCardOnBoard, undoCardMove } from './drag/move-card';
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
  filter?: BoardFilter;
}

const extraOf = (extra: unknown) => extra as ThunkExtra;

/** The tag of one cached board (a funnel's boards also share the funnel's tag). */
const boardTag = (args: BoardArgs) => ({ type: 'Board' as const, id: JSON.stringify([args.funnelId, args.view, args.filter ?? {}]) });

/** A 422 of a stage rule: what the deal lacks to enter the stage (nothing was changed). */
export function isStageRuleRefusal(error: FetchBaseQueryError | undefined): error is FetchBaseQueryError & { data: StageRuleRefusal } {
  const data = error?.data as Partial<StageRuleRefusal> | undefined;
  return error?.status === 422 && typeof data === 'object' && data !== null && Array.isArray(data.missing);
}

export const boardApi = api.injectEndpoints({
  endpoints: (build) => ({
    /**
     * A funnel's board, kept live: the funnel's room is joined first, so the board fetched
     * afterwards holds every event up to the room's `seq`; events after it patch the cache.
     */
    getBoard: build.query<LiveBoard, BoardArgs>({
      async queryFn({ funnelId, view, filter = {} }, queryApi, _extraOptions, baseQuery) {
        const { live } = extraOf(queryApi.extra);
        await live.whenJoined(funnelId, JOIN_WAIT_MS);
        const seq = live.lastSeq(funnelId);
        const results = await Promise.all(
          statusesOfView(view).map((status) =>
            baseQuery({ url: `/funnels/${encodeURIComponent(funnelId)}/board`, params: { limit: BOARD_PAGE_SIZE, status, ...filterQuery(filter) } }),
          ),
        );
        const failed = results.find((result) => result.error);
        if (failed?.error) return { error: failed.error as FetchBaseQueryError };
        const meId = (queryApi.getState() as RootState).auth.user?.id ?? null;
        const board = mergeBoards(view, results.map((result) => result.data as BoardDto), seq, resolveMe(filter, meId));
        // Events that arrived while the board was on its way are applied to it now.
        for (const event of live.eventsSince(funnelId, seq)) applyBoardEvent(board, event);
        return { data: board };
      },
      keepUnusedDataFor: 0,
      providesTags: (_result, _error, args) => [{ type: 'Board', id: args.funnelId }, boardTag(args)],
      async onCacheEntryAdded(args, { extra, cacheDataLoaded, cacheEntryRemoved, updateCachedData, dispatch, getCacheEntry }) {
        const { live } = extraOf(extra);
        let loaded = false;
        let refetchWhenLoaded = false;
        // Only this board: the other boards of the funnel (swimlanes) patch themselves.
        const refetch = () => {
          if (loaded) dispatch(boardApi.util.invalidateTags([boardTag(args)]));
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
      query: ({ stageId, status, cursor, filter }) => ({
        url: `/stages/${encodeURIComponent(stageId)}/deals`,
        params: { cursor, status, limit: BOARD_PAGE_SIZE, ...filterQuery(filter) },
      }),
      keepUnusedDataFor: 0,
    }),

    /**
     * Drag and drop or "Move to…": shown at once; if the server refuses, the card goes back to
     * its place and a message says why (for a stage rule, what to fill in, with a link to the deal).
     */
    moveDeal: build.mutation<DealDto, MoveDealArgs>({
      query: ({ deal, toStageId, beforeId, afterId }) => ({
        url: `/deals/${encodeURIComponent(deal.id)}/move`,
        method: 'POST',
        body: { stageId: toStageId, beforeId, afterId, version: deal.version },
      }),
      async onQueryStarted(move, { dispatch, getState, queryFulfilled }) {
        const { deal } = move;
        const moves: { args: BoardArgs; moved: DealDto }[] = [];
        for (const args of boardArgsOf(getState() as RootState, deal.funnelId)) {
          dispatch(
            boardApi.util.updateQueryData('getBoard', args, (board) => {
              const moved = moveCardOnBoard(board, { dealId: deal.id, toStageId: move.toStageId, beforeId: move.beforeId, afterId: move.afterId, actor: move.actor });
              if (moved) moves.push({ args, moved });
            }),
          );
        }
        try {
          const { data } = await queryFulfilled;
          dispatch(dealChangedOnBoards(data, placeOf(deal)));
        } catch (failure) {
          const error = (failure as { error?: FetchBaseQueryError }).error;
          const refused = isStageRuleRefusal(error);
          let restored = true;
          for (const { args, moved } of moves) {
            dispatch(
              boardApi.util.updateQueryData('getBoard', args, (board) => {
                if (!undoCardMove(board, deal, moved)) restored = false;
              }),
            );
          }
          if (error?.status === 401) return;
          dispatch(
            toastShown({
              kind: 'error',
              text: `${deal.code} was not moved. ${describeError(error)}`,
              ...(refused && { link: { label: 'Open deal', to: `/deals/${encodeURIComponent(deal.id)}` } }),
            }),
          );
          // A stage rule changed nothing: the card is back where it was. Otherwise the deal
          // may have changed meanwhile (409), gone (404), or the board could not tell.
          if (!refused || !restored) dispatch(boardApi.util.invalidateTags([{ type: 'Board', id: deal.funnelId }]));
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
      let outcome = 'ignored';
      dispatch(
        boardApi.util.updateQueryData('getBoard', args, (board) => {
          outcome = upsertDeal(board, deal, previous);
        }),
      );
      if (outcome === 'refetch') dispatch(boardApi.util.invalidateTags([boardTag(args)]));
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
      boardApi.endpoints.getStageDeals.initiate(
        { stageId, status: columnStatus(stage.kind, args.view), cursor, ...(args.filter && { filter: args.filter }) },
        { subscribe: false, forceRefetch: true },
      ),
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
