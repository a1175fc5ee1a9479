import { useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { Link } from 'react-router';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { normalizeVin, type ApiError, type VehicleDto, type VehicleStatus } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { useCreateVehicleMutation, useLazyGetVehicleQuery, useUpdateVehicleMutation } from './stock-api';
import {
  changesOf,
  checkVehicleFields,
  EMPTY_VEHICLE_FIELDS,
  fieldsOf,
  serverFieldProblems,
  vinFieldProblem,
  type FieldProblems,
  type VehicleFieldName,
  type VehicleFields,
} from './vehicle-form';
import { VEHICLE_STATUS_OPTIONS, vehicleName } from './vehicle-labels';
import './stock.css';

const VIN_LENGTH = 17;

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Shown in red under the field, and read out with it. */
  problem?: string | null;
  /** A quiet line under the field when there is no problem. */
  hint?: string;
}

function Field({ label, value, onChange, problem, hint, ...input }: FieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = problem ?? hint;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={note ? noteId : undefined}
        onChange={(event) => onChange(event.target.value)}
        {...input}
      />
      {note && (
        <p id={noteId} className={problem ? 'form-error small' : 'muted small'}>
          {note}
        </p>
      )}
    </div>
  );
}

/** A 409's body: the VIN belongs to another vehicle (`field: 'vin'`), or the version is stale. */
interface VehicleConflict extends Partial<ApiError> {
  field?: string;
  /** The vehicle that has the VIN. */
  vehicle?: VehicleDto | null;
}

interface VehicleFormDialogProps {
  /** The vehicle to edit; without it, a new one is added. */
  vehicle?: VehicleDto;
  onClose(): void;
}

/**
 * Add a vehicle to stock, or edit one. The VIN is checked as it is typed (length, characters,
 * the North American check digit); the server's refusals are shown next to the field at fault:
 * a VIN another vehicle has (409, with a link to it), a field it does not accept (400), or
 * someone else's edit (409: reload, then edit again).
 */
export function VehicleFormDialog({ vehicle, onClose }: VehicleFormDialogProps) {
  const dispatch = useAppDispatch();
  const [create, creating] = useCreateVehicleMutation();
  const [update, updating] = useUpdateVehicleMutation();
  const [fetchVehicle, reloading] = useLazyGetVehicleQuery();
  // the version being edited: after a reload, the newest one
  const [base, setBase] = useState(vehicle);
  const [fields, setFields] = useState<VehicleFields>(() => (vehicle ? fieldsOf(vehicle) : EMPTY_VEHICLE_FIELDS));
  const [problems, setProblems] = useState<FieldProblems>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [vinLeft, setVinLeft] = useState(false);
  const [stale, setStale] = useState(false);
  const [takenBy, setTakenBy] = useState<VehicleDto | null>(null);

  const set = (name: VehicleFieldName) => (value: string) => {
    setFields((current) => ({ ...current, [name]: name === 'vin' ? normalizeVin(value) : value }));
    // a refusal of the old value no longer applies
    setProblems(({ [name]: _dropped, ...others }) => others);
    if (name === 'vin') setTakenBy(null);
  };

  // as typed: a whole VIN (or one the user has left) is checked at once; a shorter one counts up
  const vinComplete = fields.vin.length >= VIN_LENGTH || vinLeft;
  const vinShownProblem = problems.vin ?? (fields.vin !== '' && vinComplete ? vinFieldProblem(fields.vin) : null);
  const vinHint = fields.vin.length < VIN_LENGTH ? `${fields.vin.length} of ${VIN_LENGTH} characters` : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const checked = checkVehicleFields(fields);
    if ('problems' in checked) {
      setVinLeft(true);
      return setProblems(checked.problems);
    }
    const { request } = checked;
    try {
      if (base) {
        const changes = changesOf(base, request);
        // only the version: nothing to save
        if (Object.keys(changes).length > 1) {
          await update({ id: base.id, changes }).unwrap();
          dispatch(toastShown({ kind: 'success', text: `Saved ${vehicleName(request)}.` }));
        }
      } else {
        await create(request).unwrap();
        dispatch(toastShown({ kind: 'success', text: `Added ${vehicleName(request)} to stock.` }));
      }
      onClose();
    } catch (failure) {
      const error = failure as FetchBaseQueryError;
      const body = error.data as VehicleConflict | undefined;
      if (error.status === 409 && (body?.field === 'vin' || !base)) {
        // a create is refused only for its VIN
        setProblems({ vin: describeError(error) });
        setTakenBy(body?.vehicle ?? null);
      } else if (error.status === 409) {
        setStale(true);
      } else if (error.status === 400 && body?.fields) {
        const { problems: byField, other } = serverFieldProblems(body.fields);
        setProblems(byField);
        if (other.length > 0 || Object.keys(byField).length === 0) setProblem(other.join('. ') || describeError(error));
      } else {
        setProblem(describeError(error));
      }
    }
  }

  async function reload() {
    if (!base) return;
    setProblem(null);
    try {
      const fresh = await fetchVehicle(base.id).unwrap();
      setBase(fresh);
      setFields(fieldsOf(fresh));
      setProblems({});
      setStale(false);
    } catch (failure) {
      setProblem(describeError(failure as FetchBaseQueryError));
    }
  }

  const busy = creating.isLoading || updating.isLoading;
  return (
    <Dialog title={vehicle ? `Edit ${vehicleName(vehicle)}` : 'Add vehicle'} onClose={onClose}>
      <form onSubmit={submit} className="stack" noValidate>
        {stale && (
          <div className="notice stack" role="alert">
            <p>Someone changed this vehicle while you were editing it. Reload to see their changes, then make yours again.</p>
            <div>
              <button type="button" className="button button--secondary button--small" disabled={reloading.isFetching} onClick={() => void reload()}>
                {reloading.isFetching ? 'Reloading…' : 'Reload'}
              </button>
            </div>
          </div>
        )}
        <Field
          label="VIN"
          value={fields.vin}
          onChange={set('vin')}
          onBlur={() => setVinLeft(true)}
          problem={vinShownProblem}
          hint={vinHint}
          className="vehicle-form__vin"
          autoComplete="off"
          spellCheck={false}
          placeholder="17 characters"
        />
        {takenBy && (
          <p className="small">
            <Link to={`/stock/${takenBy.id}`} onClick={onClose}>
              Open the {vehicleName(takenBy)}
            </Link>
          </p>
        )}
        <div className="field-row">
          <Field label="Make" value={fields.make} onChange={set('make')} problem={problems.make} maxLength={60} placeholder="e.g. Skoda" />
          <Field label="Model" value={fields.model} onChange={set('model')} problem={problems.model} maxLength={80} placeholder="e.g. Octavia" />
        </div>
        <div className="field-row">
          <Field label="Year" type="number" inputMode="numeric" step={1} value={fields.year} onChange={set('year')} problem={problems.year} />
          <Field label="Mileage (km)" type="number" inputMode="numeric" min={0} step={1} value={fields.mileage} onChange={set('mileage')} problem={problems.mileage} placeholder="0" />
          <Field label="Colour" value={fields.colour} onChange={set('colour')} problem={problems.colour} maxLength={40} />
        </div>
        <div className="field-row">
          <Field label="Price" type="number" inputMode="decimal" min={0} step="any" value={fields.price} onChange={set('price')} problem={problems.price} />
          <SelectField label="Status" value={fields.status} onChange={(value) => set('status')(value as VehicleStatus)}>
            {VEHICLE_STATUS_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </SelectField>
        </div>
        {problems.status && (
          <p className="form-error small" role="alert">
            {problems.status}
          </p>
        )}
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy || stale}>
            {vehicle ? (busy ? 'Saving…' : 'Save') : busy ? 'Adding…' : 'Add vehicle'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
