import { useId, useMemo } from 'react';
import { shallowEqual } from 'react-redux';
import type { BoardFilter, StageDto, UserDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useAppSelector } from '../../app/store';
import { ErrorMessage } from '../../components/StatusMessage';
import { useListDealTypesQuery } from '../admin/deal-types/deal-types-api';
import { useGetBranchesQuery, useGetSourcesQuery, useGetUsersQuery } from '../directory/directory-api';
import { boardApi, useGetBoardQuery } from './board-api';
import { BoardContext, type BoardContextValue } from './board-context';
import { GROUP_FIELD, isFiltered, type GroupBy } from './board-filter';
import { boardArgs, type BoardArgs, type LiveBoard } from './board-view';
import { dealCountLabel, formatAmount } from './format';
import { columnOf } from './KanbanBoard';
import { StageColumn } from './StageColumn';
import './swimlanes.css';

/** One swimlane: a value of the grouping (a user, a branch, a source, a type, or none). */
export interface Lane {
  key: string;
  name: string;
  args: BoardArgs;
}

const NONE_NAMES: Record<GroupBy, string> = {
  responsible: 'Not taken yet',
  branch: 'No branch',
  source: 'No source',
  type: 'No type',
};

interface Named {
  value: string;
  name: string;
}

/**
 * The lanes a grouping can have: every value of the directory list (users, branches, sources
 * or deal types) and "none"; only the value the filter already pins, if it does. A manager sees
 * only their own and untaken deals, so grouped by responsible their board has just those lanes.
 */
export function useLanes(funnelId: string, view: BoardArgs['view'], filter: BoardFilter, groupBy: GroupBy | null, me: Pick<UserDto, 'id' | 'name' | 'role'> | null): Lane[] | null {
  const users = useGetUsersQuery(undefined, { skip: groupBy !== 'responsible' });
  const branches = useGetBranchesQuery(undefined, { skip: groupBy !== 'branch' });
  const sources = useGetSourcesQuery(undefined, { skip: groupBy !== 'source' });
  const types = useListDealTypesQuery(undefined, { skip: groupBy !== 'type' });

  return useMemo(() => {
    if (!groupBy) return null;
    const field = GROUP_FIELD[groupBy];
    const values: Named[] | undefined = {
      responsible: users.data
        ?.filter((user) => me?.role !== 'manager' || user.id === me.id)
        .map((user) => ({ value: user.id, name: user.name })),
      branch: branches.data?.map((branch) => ({ value: branch.id, name: branch.name })),
      source: sources.data?.map((source) => ({ value: source.id, name: source.name })),
      type: types.data?.map((type) => ({ value: type.code, name: type.name })),
    }[groupBy];
    const pinned = filter[field];
    if (!values && pinned === undefined) return null;

    const none = { value: 'none', name: NONE_NAMES[groupBy] };
    const nameOf = (value: string) => (value === 'none' ? none.name : value === 'me' ? (me?.name ?? 'My deals') : (values?.find((named) => named.value === value)?.name ?? value));
    // The untaken requests come first (they need someone); "no branch/source/type" last.
    const named: Named[] = pinned !== undefined ? [{ value: pinned, name: nameOf(pinned) }] : groupBy === 'responsible' ? [none, ...values!] : [...values!, none];
    return named.map(({ value, name }) => ({ key: `${groupBy}:${value}`, name, args: boardArgs(funnelId, view, { ...filter, [field]: value }) }));
  }, [groupBy, filter, funnelId, view, me, users.data, branches.data, sources.data, types.data]);
}

const totalsOf = (board: LiveBoard) => ({
  count: board.columns.reduce((sum, column) => sum + column.count, 0),
  amount: board.columns.reduce((sum, column) => sum + column.amountSum, 0),
});

interface SwimlaneProps {
  lane: Lane;
  stages: readonly StageDto[];
  context: BoardContextValue;
}

/** One lane: its name, count and sum, and the funnel's columns holding only its deals. */
function Swimlane({ lane, stages, context }: SwimlaneProps) {
  const { currentData: board, error, refetch } = useGetBoardQuery(lane.args);
  const headingId = useId();
  const value = useMemo<BoardContextValue>(() => ({ ...context, args: lane.args, laneKey: lane.key }), [context, lane.args, lane.key]);

  if (!board) {
    return error ? (
      <div className="swimlane">
        <ErrorMessage title={`Could not load the deals of ${lane.name}.`} detail={describeError(error)} onRetry={refetch} />
      </div>
    ) : null;
  }
  const { count, amount } = totalsOf(board);
  if (count === 0) return null;
  return (
    <section className="swimlane" aria-labelledby={headingId} data-lane={lane.key}>
      <header className="swimlane__header">
        <h3 id={headingId} className="swimlane__name">
          {lane.name}
        </h3>
        <span className="swimlane__count">{dealCountLabel(count)}</span>
        <span className="swimlane__amount">{formatAmount(amount)}</span>
      </header>
      <BoardContext.Provider value={value}>
        <div className="swimlane__columns">
          {stages.map((stage) => (
            <StageColumn key={stage.id} stage={stage} column={columnOf(board, stage.id)} />
          ))}
        </div>
      </BoardContext.Provider>
    </section>
  );
}

interface SwimlanesProps {
  lanes: readonly Lane[] | null;
  stages: readonly StageDto[];
  context: BoardContextValue;
}

/**
 * The board split into horizontal lanes, one per value of the grouping that has deals. Each
 * lane is a board of its own, fetched with the lane's value as one more filter: its counts and
 * sums are the server's (not just of the cards loaded so far), it pages and stays live like the
 * whole board, and a deal whose responsible (branch, source, type) changes leaves one lane's
 * board and enters another's by the same filter rule. A card is dragged within its lane.
 */
export function Swimlanes({ lanes, stages, context }: SwimlanesProps) {
  // How many deals each lane holds, once loaded: for "loading" and "nothing to show".
  const totals = useAppSelector(
    (state) =>
      (lanes ?? []).map((lane) => {
        const result = boardApi.endpoints.getBoard.select(lane.args)(state);
        return result.data ? totalsOf(result.data).count : result.isError ? -1 : null;
      }),
    shallowEqual,
  );

  const loading = lanes === null || totals.some((total) => total === null);
  const shown = totals.some((total) => total !== null && total !== 0);
  return (
    <div className="swimlanes" aria-label={`${context.funnel.name} board, in lanes`}>
      {lanes?.map((lane) => (
        <Swimlane key={lane.key} lane={lane} stages={stages} context={context} />
      ))}
      {loading && !shown && (
        <p className="swimlanes__status" role="status">
          Loading lanes…
        </p>
      )}
      {!loading && !shown && (
        <div className="empty-state">
          <p className="empty-state__title">No deals to show</p>
          <p>No lane has deals{isFiltered(context.boardFilter) ? ' for this filter' : ''}.</p>
        </div>
      )}
    </div>
  );
}
