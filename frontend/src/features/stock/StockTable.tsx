import { Link } from 'react-router';
import type { VehicleDto, VehicleSortField } from '@autofunnel/shared';
import { formatAmount, formatDate } from '../board/format';
import { formatMileage, vehicleName } from './vehicle-labels';
import { VehicleStatusPill } from './VehicleStatusPill';

interface Sort {
  sort: VehicleSortField;
  order: 'asc' | 'desc';
}

interface StockTableProps extends Sort {
  vehicles: readonly VehicleDto[];
  onSort(sort: Sort): void;
  /** Edit and Delete on each row; without them (managers), the table is read-only. */
  actions?: { edit(vehicle: VehicleDto): void; remove(vehicle: VehicleDto): void };
}

function SortHeader({ field, label, sort, order, onSort }: { field: VehicleSortField; label: string } & Sort & Pick<StockTableProps, 'onSort'>) {
  const active = sort === field;
  return (
    <th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'} className="numeric">
      <button type="button" className="sort-button" onClick={() => onSort({ sort: field, order: active && order === 'desc' ? 'asc' : 'desc' })}>
        {label}
        <span className="sort-button__arrow" aria-hidden="true">
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** The vehicles: each opens its page; price, year, mileage and date added sort the list. */
export function StockTable({ vehicles, sort, order, onSort, actions }: StockTableProps) {
  const sortProps = { sort, order, onSort };
  return (
    <div className="table-scroll">
      <table className="deal-table admin-table stock-table">
        <thead>
          <tr>
            <th scope="col">Vehicle</th>
            <th scope="col">VIN</th>
            <SortHeader field="year" label="Year" {...sortProps} />
            <SortHeader field="mileage" label="Mileage" {...sortProps} />
            <th scope="col">Colour</th>
            <SortHeader field="price" label="Price" {...sortProps} />
            <th scope="col">Status</th>
            <SortHeader field="createdAt" label="Added" {...sortProps} />
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {vehicles.map((vehicle) => (
            <tr key={vehicle.id}>
              <th scope="row" className="admin-table__name">
                <Link to={`/stock/${vehicle.id}`}>{`${vehicle.make} ${vehicle.model}`}</Link>
              </th>
              <td>
                <code className="vin">{vehicle.vin}</code>
              </td>
              <td className="numeric">{vehicle.year}</td>
              <td className="numeric">{formatMileage(vehicle.mileage)}</td>
              <td>{vehicle.colour ?? <span className="muted">—</span>}</td>
              <td className="numeric">{formatAmount(vehicle.price)}</td>
              <td>
                <VehicleStatusPill status={vehicle.status} />
              </td>
              <td className="numeric">{formatDate(vehicle.createdAt)}</td>
              {actions && (
                <td className="admin-table__actions">
                  <button type="button" className="button button--ghost button--small" onClick={() => actions.edit(vehicle)}>
                    Edit<span className="visually-hidden"> {vehicleName(vehicle)}</span>
                  </button>
                  <button type="button" className="button button--ghost button--small" onClick={() => actions.remove(vehicle)}>
                    Delete<span className="visually-hidden"> {vehicleName(vehicle)}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
