import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { VehicleDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useDebounced } from '../search/use-debounced';
import { useSearchStockVehiclesQuery } from './deal-actions-api';
import { formatMoney, vinTail } from './record-format';
import { vehicleName } from '../stock/vehicle-labels';

const SEARCH_DELAY_MS = 250;

interface VehiclePickerProps {
  picked: VehicleDto | null;
  onPick(vehicle: VehicleDto | null): void;
  /** The problem with the choice (none made, or the server's word on it). */
  error?: string;
}

/**
 * Finds a stock vehicle by VIN (whole or its last digits), make or model. Vehicles in stock come
 * first, then reserved ones (held for someone, but still offerable); sold ones are never offered.
 */
export function VehiclePicker({ picked, onPick, error }: VehiclePickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const inStock = useSearchStockVehiclesQuery({ q, status: 'in_stock' }, { skip: picked !== null });
  const reserved = useSearchStockVehiclesQuery({ q, status: 'reserved' }, { skip: picked !== null });
  const vehicles = useMemo(() => {
    if (!inStock.data || !reserved.data) return undefined;
    // a vehicle reserved between the two answers is in both: list it once
    const byId = new Map([...inStock.data.items, ...reserved.data.items].map((vehicle) => [vehicle.id, vehicle]));
    return [...byId.values()].filter((vehicle) => vehicle.status !== 'sold');
  }, [inStock.data, reserved.data]);
  const failure = inStock.error ?? reserved.error;
  const errorId = error ? `${id}-error` : undefined;

  // Picking or un-picking replaces the focused control; focus follows to its replacement.
  const changeButton = useRef<HTMLButtonElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const shownPick = useRef(picked);
  useEffect(() => {
    if (shownPick.current === picked) return;
    shownPick.current = picked;
    (picked ? changeButton.current : searchInput.current)?.focus();
  }, [picked]);

  if (picked) {
    return (
      <div className="field">
        <span className="field__label" id={`${id}-label`}>
          Vehicle
        </span>
        <div className="picked-vehicle" aria-labelledby={`${id}-label`} role="group" aria-describedby={errorId}>
          <div>
            <p className="picked-vehicle__name">{vehicleName(picked)}</p>
            <p className="muted small">
              VIN {picked.vin} · {formatMoney(picked.price)}
              {picked.status === 'reserved' && ' · reserved'}
            </p>
          </div>
          <button ref={changeButton} type="button" className="button button--ghost button--small" onClick={() => onPick(null)}>
            Change vehicle
          </button>
        </div>
        {error && (
          <span id={errorId} className="field__error">
            {error}
          </span>
        )}
      </div>
    );
  }

  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Vehicle
      </label>
      <input
        ref={searchInput}
        id={id}
        type="search"
        data-autofocus
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="VIN or its last digits, make, model"
        autoComplete="off"
        aria-invalid={Boolean(error)}
        aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(' ')}
      />
      <span id={`${id}-hint`} className="muted small">
        Vehicles in stock and reserved ones; sold vehicles are not listed.
      </span>
      {error && (
        <span id={errorId} className="field__error">
          {error}
        </span>
      )}
      {failure ? (
        <p className="form-error" role="alert">
          Could not search the stock. {describeError(failure)}
        </p>
      ) : (
        <ul className="suggestions" aria-label="Vehicles found" aria-busy={inStock.isFetching || reserved.isFetching}>
          {vehicles === undefined && <li className="suggestions__empty">Searching the stock…</li>}
          {vehicles?.length === 0 && <li className="suggestions__empty">{q ? `No vehicle in stock matches “${q}”.` : 'No vehicle in stock.'}</li>}
          {vehicles?.map((vehicle) => (
            <li key={vehicle.id}>
              <button type="button" className="suggestions__item" onClick={() => onPick(vehicle)}>
                <span className="suggestions__name">
                  {vehicleName(vehicle)}
                  {vehicle.status === 'reserved' && <span className="status-pill status-pill--reserved">reserved</span>}
                </span>
                <span className="muted small">
                  VIN {vinTail(vehicle.vin)} · {formatMoney(vehicle.price)}
                  {vehicle.colour && ` · ${vehicle.colour}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
