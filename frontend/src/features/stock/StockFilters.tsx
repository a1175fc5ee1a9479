import { useId, type InputHTMLAttributes } from 'react';
import { VEHICLE_STATUSES, type VehicleStatus } from '@autofunnel/shared';
import type { TextFilter, TextFilters } from './stock-filters';
import { VEHICLE_STATUS_LABELS } from './vehicle-labels';
import './stock.css';

interface StockFiltersProps {
  /** The typed filters, as they are being typed. */
  typed: TextFilters;
  onType(name: TextFilter, value: string): void;
  status: VehicleStatus | undefined;
  onStatusChange(status: VehicleStatus | undefined): void;
}

function FilterInput({ label, value, onChange, ...input }: { label: string; value: string; onChange(value: string): void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'>) {
  const id = useId();
  return (
    <div className="stock-filters__field">
      <label htmlFor={id} className="inline-field__label">
        {label}
      </label>
      <input id={id} value={value} onChange={(event) => onChange(event.target.value)} {...input} />
    </div>
  );
}

/** Search (VIN, make, model), status chips, make, and year and price ranges. */
export function StockFilters({ typed, onType, status, onStatusChange }: StockFiltersProps) {
  const set = (name: TextFilter) => (value: string) => onType(name, value);

  return (
    <div className="stock-filters">
      <div className="stock-filters__row">
        <label className="search-box">
          <span className="visually-hidden">Search by VIN, make or model</span>
          <input type="search" value={typed.q} placeholder="VIN, make or model" onChange={(event) => set('q')(event.target.value)} />
        </label>
        <div className="stock-filters__chips" role="group" aria-label="Status">
          <button type="button" className="stock-chip" aria-pressed={status === undefined} onClick={() => onStatusChange(undefined)}>
            All
          </button>
          {VEHICLE_STATUSES.map((option) => (
            <button key={option} type="button" className="stock-chip" aria-pressed={status === option} onClick={() => onStatusChange(option)}>
              {VEHICLE_STATUS_LABELS[option]}
            </button>
          ))}
        </div>
      </div>
      <div className="stock-filters__row">
        <FilterInput label="Make" value={typed.make} onChange={set('make')} placeholder="Any" className="stock-filters__make" />
        <fieldset className="stock-filters__range">
          <legend className="inline-field__label">Year</legend>
          <FilterInput label="from" aria-label="Year from" type="number" inputMode="numeric" value={typed.yearFrom} onChange={set('yearFrom')} />
          <FilterInput label="to" aria-label="Year to" type="number" inputMode="numeric" value={typed.yearTo} onChange={set('yearTo')} />
        </fieldset>
        <fieldset className="stock-filters__range">
          <legend className="inline-field__label">Price</legend>
          <FilterInput label="from" aria-label="Price from" type="number" inputMode="decimal" min={0} value={typed.priceFrom} onChange={set('priceFrom')} />
          <FilterInput label="to" aria-label="Price to" type="number" inputMode="decimal" min={0} value={typed.priceTo} onChange={set('priceTo')} />
        </fieldset>
      </div>
    </div>
  );
}
