import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { DealSortField, DealStatus, FunnelDto } from '@autofunnel/shared';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { describeError } from '../../app/describe-error';
import { useAppDispatch, useAppSelector } from '../../app/store';
import { SelectField } from '../../components/SelectField';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { listSortChanged, listStatusChanged, selectBoardUi } from '../board/board-ui-slice';
import { formatAmount, formatDate } from '../board/format';
import { useBoardUrl } from '../board/use-board-url';
import { useSourceNames } from '../directory/directory-api';
import { DEAL_STATUS_LABELS } from './deal-labels';
import { useListDealsInfiniteQuery, type DealListArgs } from './deals-api';

interface DealListViewProps {
  funnel: FunnelDto;
}

interface SortHeaderProps {
  field: DealSortField;
  label: string;
  sort: DealSortField;
  order: 'asc' | 'desc';
  onSort(field: DealSortField, order: 'asc' | 'desc'): void;
  numeric?: boolean;
}

function SortHeader({ field, label, sort, order, onSort, numeric }: SortHeaderProps) {
  const active = sort === field;
  return (
    <th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'} className={numeric ? 'numeric' : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(field, active && order === 'desc' ? 'asc' : 'desc')}>
        {label}
        <span className="sort-button__arrow" aria-hidden="true">
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/**
 * The same deals as a table: filtered by the toolbar, sorted by a column, page by page. Each
 * row opens its deal's page (its code is a link, so it also opens in a new tab).
 */
export function DealListView({ funnel }: DealListViewProps) {
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const ui = useAppSelector(selectBoardUi);
  const { filter } = useBoardUrl();
  const sourceNames = useSourceNames();
  const args: DealListArgs = {
    funnelId: funnel.id,
    ...(ui.listStatus !== 'all' && { status: ui.listStatus }),
    ...filter,
    ...(ui.search.trim() && { q: ui.search.trim() }),
    sort: ui.listSort,
    order: ui.listOrder,
  };
  const { data, error, isLoading, isFetching, isFetchingNextPage, hasNextPage, fetchNextPage, refetch } = useListDealsInfiniteQuery(args);
  const stages = new Map(funnel.stages.map((stage) => [stage.id, stage]));
  const deals = data?.pages.flatMap((page) => page.items) ?? [];
  const total = data?.pages[0]?.total ?? 0;
  const onSort = (sort: DealSortField, order: 'asc' | 'desc') => dispatch(listSortChanged({ sort, order }));
  // A click anywhere on the row opens the deal; the link itself does so on its own.
  const openUnlessLink = (event: MouseEvent<HTMLElement>, dealId: string) => {
    if (!(event.target as HTMLElement).closest('a')) navigate(`/deals/${dealId}`);
  };

  return (
    <section className="deal-list" aria-label="Deals">
      <div className="deal-list__bar">
        <SelectField layout="inline" label="Status" value={ui.listStatus} onChange={(value) => dispatch(listStatusChanged(value as DealStatus | 'all'))}>
          <option value="all">All</option>
          <option value="open">Open</option>
          <option value="won">Won</option>
          <option value="lost">Lost</option>
        </SelectField>
        <span className="muted" role="status">
          {data ? `${total} ${total === 1 ? 'deal' : 'deals'}` : ''}
          {isFetching && !isFetchingNextPage && data ? ' · updating…' : ''}
        </span>
      </div>
      {isLoading ? (
        <RowsSkeleton />
      ) : !data ? (
        <ErrorMessage title="Could not load the deals." detail={describeError(error)} onRetry={refetch} />
      ) : deals.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">No deals match</p>
          <p>Try another search, responsible or status.</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="deal-table">
            <thead>
              <tr>
                <th scope="col">Deal</th>
                <th scope="col">Customer</th>
                <th scope="col">Stage</th>
                <th scope="col">Responsible</th>
                <th scope="col">Source</th>
                <th scope="col">Status</th>
                <SortHeader field="createdAt" label="Created" sort={ui.listSort} order={ui.listOrder} onSort={onSort} />
                <SortHeader field="deadlineAt" label="Deadline" sort={ui.listSort} order={ui.listOrder} onSort={onSort} />
                <SortHeader field="amount" label="Amount" sort={ui.listSort} order={ui.listOrder} onSort={onSort} numeric />
              </tr>
            </thead>
            <tbody>
              {deals.map((deal) => {
                const stage = stages.get(deal.stageId);
                return (
                  <tr key={deal.id} onClick={(event) => openUnlessLink(event, deal.id)} className="deal-table__row">
                    <td>
                      <Link to={`/deals/${deal.id}`} className="deal-table__code">
                        {deal.code}
                      </Link>
                      <div className="muted small deal-table__title">{deal.title}</div>
                    </td>
                    <td>{deal.contact.name}</td>
                    <td>
                      <span className="stage-dot" style={{ background: stage?.color }} aria-hidden="true" /> {stage?.name ?? '—'}
                    </td>
                    <td>{deal.responsible?.name ?? <span className="muted">Not taken</span>}</td>
                    <td>{(deal.sourceId && sourceNames.get(deal.sourceId)) ?? '—'}</td>
                    <td>
                      <span className={`status-pill status-pill--${deal.status}`}>{DEAL_STATUS_LABELS[deal.status]}</span>
                    </td>
                    <td>{formatDate(deal.createdAt)}</td>
                    <td>{deal.deadlineAt ? formatDate(deal.deadlineAt) : '—'}</td>
                    <td className="numeric">{deal.amount === null ? '—' : formatAmount(deal.amount)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <LoadMoreButton hasMore={hasNextPage} loading={isFetchingNextPage} onLoadMore={() => void fetchNextPage()} shown={deals.length} total={total} />
    </section>
  );
}
