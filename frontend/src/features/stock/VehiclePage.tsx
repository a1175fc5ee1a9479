import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { VehicleDealRef } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useAppSelector } from '../../app/store';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { selectCurrentUser } from '../auth/auth-slice';
import { formatAmount, formatDateTime } from '../board/format';
import { DEAL_STATUS_LABELS } from '../deals/deal-labels';
import { DeleteVehicleDialog } from './DeleteVehicleDialog';
import { useGetVehicleQuery } from './stock-api';
import { formatMileage, mayEditStock, vehicleName } from './vehicle-labels';
import { VehicleFormDialog } from './VehicleFormDialog';
import { VehicleStatusPill } from './VehicleStatusPill';
import './stock.css';

const VIA_LABELS: Record<VehicleDealRef['via'], string> = { offer: 'Offer', test_drive: 'Test drive' };
const RECORD_STATUS_LABELS: Record<VehicleDealRef['recordStatus'], string> = {
  active: 'active',
  withdrawn: 'withdrawn',
  scheduled: 'scheduled',
  done: 'done',
  cancelled: 'cancelled',
};

/** The deals the vehicle is in, newest first: through an offer or a test drive (and its state), when, the deal's status and who holds it. */
function VehicleDeals({ deals }: { deals: readonly VehicleDealRef[] }) {
  if (deals.length === 0) return <p className="muted">No deal has an offer or a test drive on this vehicle yet.</p>;
  const newestFirst = [...deals].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <div className="table-scroll">
      <table className="deal-table admin-table">
        <thead>
          <tr>
            <th scope="col">Deal</th>
            <th scope="col">Through</th>
            <th scope="col">When</th>
            <th scope="col">Status</th>
            <th scope="col">Responsible</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((deal) => (
            <tr key={`${deal.via}-${deal.id}`}>
              <th scope="row" className="admin-table__name">
                <Link to={`/deals/${deal.dealId}`}>{deal.code}</Link>
                <div className="muted small">{deal.title}</div>
              </th>
              <td>
                {VIA_LABELS[deal.via]} <span className="muted small">({RECORD_STATUS_LABELS[deal.recordStatus]})</span>
              </td>
              <td className="admin-table__when">{formatDateTime(deal.at)}</td>
              <td>
                <span className={`status-pill status-pill--${deal.status}`}>{DEAL_STATUS_LABELS[deal.status]}</span>
              </td>
              <td>{deal.responsible?.name ?? <span className="muted">Not taken</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /stock/:vehicleId: the vehicle's details and the deals it is in; admins and team leads edit or delete it. */
export function VehiclePage() {
  const { vehicleId = '' } = useParams();
  const titleId = useId();
  const navigate = useNavigate();
  const editable = mayEditStock(useAppSelector(selectCurrentUser));
  const { data: vehicle, error, isLoading, refetch } = useGetVehicleQuery(vehicleId);
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);

  if (isLoading) return <RowsSkeleton rows={6} />;
  if (!vehicle) {
    return (error as FetchBaseQueryError | undefined)?.status === 404 ? (
      <div className="empty-state">
        <p className="empty-state__title">This vehicle is not in stock</p>
        <p>
          It may have been deleted. <Link to="/stock">See the stock</Link>
        </p>
      </div>
    ) : (
      <ErrorMessage title="Could not load this vehicle." detail={describeError(error)} onRetry={refetch} />
    );
  }

  return (
    <article className="contact-page vehicle-page" aria-labelledby={titleId}>
      <Link to="/stock" className="vehicle-page__back">
        ← Stock
      </Link>
      <header className="contact-page__header">
        <h1 id={titleId} className="contact-page__name">
          {vehicleName(vehicle)}
        </h1>
        <VehicleStatusPill status={vehicle.status} />
      </header>
      <section className="contact-page__section" aria-label="Details">
        <dl className="facts">
          <dt>VIN</dt>
          <dd>
            <code className="vin">{vehicle.vin}</code>
          </dd>
          <dt>Price</dt>
          <dd>{formatAmount(vehicle.price)}</dd>
          <dt>Mileage</dt>
          <dd>{formatMileage(vehicle.mileage)}</dd>
          <dt>Colour</dt>
          <dd>{vehicle.colour ?? '—'}</dd>
          <dt>Added</dt>
          <dd>{formatDateTime(vehicle.createdAt)}</dd>
          <dt>Last changed</dt>
          <dd>{formatDateTime(vehicle.updatedAt)}</dd>
        </dl>
        {editable && (
          <div className="form-actions contact-page__actions">
            <button type="button" className="button button--primary" onClick={() => setDialog('edit')}>
              Edit
            </button>
            <button type="button" className="button button--secondary" onClick={() => setDialog('delete')}>
              Delete
            </button>
          </div>
        )}
      </section>
      <section className="contact-page__section" aria-label="Deals">
        <h2>Deals</h2>
        <VehicleDeals deals={vehicle.deals} />
      </section>
      {dialog === 'edit' && <VehicleFormDialog vehicle={vehicle} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteVehicleDialog vehicle={vehicle} onClose={() => setDialog(null)} onDeleted={() => navigate('/stock')} />}
    </article>
  );
}
