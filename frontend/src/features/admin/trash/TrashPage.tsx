import { useId } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { DealDto } from '@autofunnel/shared';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { describeError } from '../../../app/describe-error';
import { useAppDispatch } from '../../../app/store';
import { toastShown } from '../../../app/toasts-slice';
import { RowsSkeleton } from '../../../components/Skeleton';
import { ErrorMessage } from '../../../components/StatusMessage';
import { formatDateTime } from '../../board/format';
import { useGetFunnelsQuery } from '../../funnels/funnels-api';
import { useListTrashInfiniteQuery, useRestoreDealMutation } from './trash-api';

function RestoreButton({ deal }: { deal: DealDto }) {
  const dispatch = useAppDispatch();
  const [restore, { isLoading }] = useRestoreDealMutation();

  async function restoreDeal() {
    try {
      await restore(deal).unwrap();
      dispatch(toastShown({ kind: 'success', text: `Deal ${deal.code} restored: it is back on its board where it was.` }));
    } catch (failure) {
      dispatch(toastShown({ kind: 'error', text: `Could not restore deal ${deal.code}. ${describeError(failure as FetchBaseQueryError)}` }));
    }
  }

  return (
    <button type="button" className="button button--secondary button--small" disabled={isLoading} onClick={() => void restoreDeal()}>
      {isLoading ? 'Restoring…' : 'Restore'}
      <span className="visually-hidden"> {deal.code}</span>
    </button>
  );
}

/** Admins: deals marked invalid, which are hidden everywhere and counted nowhere, and restoring them. */
export function TrashPage() {
  const titleId = useId();
  const { data, error, isLoading, isFetchingNextPage, hasNextPage, fetchNextPage, refetch } = useListTrashInfiniteQuery();
  const { data: funnels } = useGetFunnelsQuery();
  const funnelNames = new Map(funnels?.map((funnel) => [funnel.id, funnel.name]));
  const deals = data?.pages.flatMap((page) => page.items) ?? [];
  const total = data?.pages[0]?.total ?? 0;

  return (
    <section className="admin-page__section" aria-labelledby={titleId}>
      <div className="admin-page__header">
        <div>
          <h1 id={titleId} className="admin-page__title">
            Trash
          </h1>
          <p className="muted">
            Deals marked invalid: hidden from boards, lists, search and insights as if they never existed. Restoring one puts it back on its board where it was.
          </p>
        </div>
        {data && (
          <span className="muted" role="status">
            {total} {total === 1 ? 'deal' : 'deals'} in the trash
          </span>
        )}
      </div>
      {isLoading ? (
        <RowsSkeleton rows={5} />
      ) : !data ? (
        <ErrorMessage title="Could not load the trash." detail={describeError(error)} onRetry={refetch} />
      ) : deals.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">The trash is empty</p>
          <p>A deal marked “Invalid” on its page comes here.</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="deal-table admin-table">
            <thead>
              <tr>
                <th scope="col">Deal</th>
                <th scope="col">Customer</th>
                <th scope="col">Funnel</th>
                <th scope="col">Trashed</th>
                <th scope="col">By</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deals.map((deal) => (
                <tr key={deal.id}>
                  <th scope="row" className="admin-table__name">
                    {deal.code}
                    <div className="muted small">{deal.title}</div>
                  </th>
                  <td>{deal.contact.name}</td>
                  <td>{funnelNames.get(deal.funnelId) ?? '—'}</td>
                  <td className="admin-table__when">{deal.trashedAt ? formatDateTime(deal.trashedAt) : '—'}</td>
                  <td>{deal.trashedBy?.name ?? '—'}</td>
                  <td className="admin-table__actions">
                    <RestoreButton deal={deal} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMoreButton hasMore={hasNextPage} loading={isFetchingNextPage} onLoadMore={() => void fetchNextPage()} shown={deals.length} total={total} />
    </section>
  );
}
