import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { VehicleDto, VehicleSortField } from '@autofunnel/shared';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { describeError } from '../../app/describe-error';
import { useAppSelector } from '../../app/store';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { selectCurrentUser } from '../auth/auth-slice';
import { useDebounced } from '../search/use-debounced';
import { DeleteVehicleDialog } from './DeleteVehicleDialog';
import { StockFilters } from './StockFilters';
import { StockTable } from './StockTable';
import { useListVehiclesInfiniteQuery } from './stock-api';
import { hasFilters, listArgsOf, TEXT_FILTERS, textFiltersOf, withParams, type TextFilters } from './stock-filters';
import { mayEditStock } from './vehicle-labels';
import { VehicleFormDialog } from './VehicleFormDialog';
import './stock.css';

type OpenDialog = { kind: 'add' } | { kind: 'edit' | 'delete'; vehicle: VehicleDto };

const vehicleCount = (count: number) => `${count} ${count === 1 ? 'vehicle' : 'vehicles'}`;

/** Typing sends one request when it pauses, not one per key. */
const TYPING_PAUSE_MS = 300;

const NO_TEXT_FILTERS = Object.fromEntries(TEXT_FILTERS.map((name) => [name, ''])) as TextFilters;

/** /stock: the dealership's vehicles, filtered and sorted, page by page; admins and team leads edit them. */
export function StockPage() {
  const titleId = useId();
  const user = useAppSelector(selectCurrentUser);
  const editable = mayEditStock(user);
  const [params, setParams] = useSearchParams();
  const args = listArgsOf(params);
  const { data, error, isLoading, isFetching, isFetchingNextPage, hasNextPage, fetchNextPage, refetch } = useListVehiclesInfiniteQuery(args);
  const vehicles = data?.pages.flatMap((page) => page.items) ?? [];
  const total = data?.pages[0]?.total ?? 0;
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const close = () => setDialog(null);
  const change = (changes: Record<string, string | null>) => setParams((current) => withParams(current, changes), { replace: true });

  // the typed filters go to the address (and so to the query) once typing pauses
  const [typed, setTyped] = useState(() => textFiltersOf(params));
  const settled = useDebounced(typed, TYPING_PAUSE_MS);
  useEffect(() => {
    const next = withParams(params, settled);
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
    // on a pause only: run on every address change, it would put back filters just cleared
  }, [settled]);

  const clearFilters = () => {
    setTyped(NO_TEXT_FILTERS);
    change(Object.fromEntries([...TEXT_FILTERS, 'status'].map((name) => [name, null])));
  };
  const onSort = ({ sort, order }: { sort: VehicleSortField; order: 'asc' | 'desc' }) => change({ sort, order });

  return (
    <section className="stock-page" aria-labelledby={titleId}>
      <div className="admin-page__header">
        <div>
          <h1 id={titleId} className="admin-page__title">
            Stock
          </h1>
          <p className="muted">{editable ? 'The vehicles for sale: offers and test drives on deals pick from this list.' : 'The vehicles for sale. Team leads and administrators keep this list up to date.'}</p>
        </div>
        {editable && (
          <button type="button" className="button button--primary" onClick={() => setDialog({ kind: 'add' })}>
            Add vehicle
          </button>
        )}
      </div>

      <StockFilters
        typed={typed}
        onType={(name, value) => setTyped((current) => ({ ...current, [name]: value }))}
        status={args.status}
        onStatusChange={(status) => change({ status: status ?? null })}
      />

      <div className="stock-page__summary">
        <span className="muted" role="status">
          {data ? vehicleCount(total) : ''}
          {isFetching && !isFetchingNextPage && data ? ' · updating…' : ''}
        </span>
        {hasFilters(params) && (
          <button type="button" className="link-button" onClick={clearFilters}>
            Clear filters
          </button>
        )}
      </div>

      {isLoading ? (
        <RowsSkeleton />
      ) : !data ? (
        <ErrorMessage title="Could not load the stock." detail={describeError(error)} onRetry={refetch} />
      ) : vehicles.length === 0 ? (
        <div className="empty-state">
          {hasFilters(params) ? (
            <>
              <p className="empty-state__title">No vehicles match</p>
              <p>Try another search, status, make, year or price.</p>
            </>
          ) : (
            <>
              <p className="empty-state__title">No vehicles in stock yet</p>
              {editable && <p>Add the first one with “Add vehicle”.</p>}
            </>
          )}
        </div>
      ) : (
        <StockTable
          vehicles={vehicles}
          sort={args.sort}
          order={args.order}
          onSort={onSort}
          actions={editable ? { edit: (vehicle) => setDialog({ kind: 'edit', vehicle }), remove: (vehicle) => setDialog({ kind: 'delete', vehicle }) } : undefined}
        />
      )}

      <LoadMoreButton hasMore={hasNextPage} loading={isFetchingNextPage} onLoadMore={() => void fetchNextPage()} shown={vehicles.length} total={total} />

      {dialog?.kind === 'add' && <VehicleFormDialog onClose={close} />}
      {dialog?.kind === 'edit' && <VehicleFormDialog vehicle={dialog.vehicle} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteVehicleDialog vehicle={dialog.vehicle} onClose={close} />}
    </section>
  );
}
