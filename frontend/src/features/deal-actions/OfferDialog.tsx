import { useId, useState, type FormEvent } from 'react';
import type { CreateOfferRequest, VehicleDto } from '@autofunnel/shared';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { Dialog } from '../../components/Dialog';
import { useCreateOfferMutation } from './deal-actions-api';
import {
  amountProblem,
  dateInputValue,
  FormError,
  FormField,
  MAX_NOTES_LENGTH,
  NO_PROBLEMS,
  parseNumber,
  problemsOf,
  SubmitButtons,
  type FormProblems,
} from './form-support';
import { formatMoney } from './record-format';
import { vehicleName } from '../stock/vehicle-labels';
import { VehiclePicker } from './VehiclePicker';

/** How long a quote holds unless the salesperson says otherwise. */
const DEFAULT_VALIDITY_DAYS = 14;

const SHOWN_FIELDS = ['vehicleId', 'price', 'discount', 'validUntil', 'notes'];

function daysFromNow(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return dateInputValue(date);
}

/** A quote on a stock vehicle: its price (the vehicle's by default), a discount and how long it holds. */
export function OfferDialog({ dealId, onClose }: { dealId: string; onClose(): void }) {
  const dispatch = useAppDispatch();
  const [create, { isLoading }] = useCreateOfferMutation();
  const totalLabelId = useId();
  const [vehicle, setVehicle] = useState<VehicleDto | null>(null);
  const [price, setPrice] = useState('');
  const [discount, setDiscount] = useState('');
  const [validUntil, setValidUntil] = useState(() => daysFromNow(DEFAULT_VALIDITY_DAYS));
  const [notes, setNotes] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);

  const priceValue = parseNumber(price);
  const discountValue = parseNumber(discount) ?? 0;
  const priceIssue = amountProblem(priceValue, 'The price');
  const discountIssue = amountProblem(discountValue, 'The discount') ?? (priceValue !== null && !priceIssue && discountValue > priceValue ? 'The discount cannot be more than the price.' : null);
  const total = priceValue !== null && !priceIssue && !discountIssue ? priceValue - discountValue : null;

  function pick(picked: VehicleDto | null) {
    setVehicle(picked);
    // the vehicle's list price is the starting point; a typed price is the salesperson's own
    if (picked) setPrice(String(picked.price));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!vehicle) fields.vehicleId = 'Pick the vehicle to offer.';
    if (priceValue === null) fields.price = 'Enter the price.';
    else if (priceIssue) fields.price = priceIssue;
    if (discountIssue) fields.discount = discountIssue;
    if (!vehicle || Object.keys(fields).length > 0) return setProblems({ fields, message: null });
    setProblems(NO_PROBLEMS);
    const request: CreateOfferRequest = {
      vehicleId: vehicle.id,
      price: priceValue!,
      discount: discountValue,
      ...(validUntil && { validUntil }),
      ...(notes.trim() && { notes: notes.trim() }),
    };
    try {
      await create({ dealId, ...request }).unwrap();
      dispatch(toastShown({ kind: 'success', text: `Offer on the ${vehicleName(vehicle)} added: the quote is ready in the offers list.` }));
      onClose();
    } catch (failure) {
      setProblems(problemsOf(failure, SHOWN_FIELDS));
    }
  }

  return (
    <Dialog title="Make an offer" onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <VehiclePicker picked={vehicle} onPick={pick} error={problems.fields.vehicleId} />
        <div className="field-row">
          <FormField label="Price" error={problems.fields.price ?? (price ? priceIssue ?? undefined : undefined)}>
            {(control) => <input {...control} inputMode="decimal" value={price} onChange={(event) => setPrice(event.target.value)} autoComplete="off" />}
          </FormField>
          <FormField label="Discount" error={problems.fields.discount ?? discountIssue ?? undefined}>
            {(control) => <input {...control} inputMode="decimal" value={discount} onChange={(event) => setDiscount(event.target.value)} placeholder="0" autoComplete="off" />}
          </FormField>
          <div className="field">
            <span className="field__label" id={totalLabelId}>
              Total
            </span>
            <output className="offer-total" aria-labelledby={totalLabelId} aria-live="polite">
              {total === null ? '—' : formatMoney(total)}
            </output>
          </div>
        </div>
        <FormField label="Valid until" error={problems.fields.validUntil} hint="The quote shows this date; leave empty for no limit.">
          {(control) => <input {...control} type="date" value={validUntil} min={dateInputValue(new Date())} onChange={(event) => setValidUntil(event.target.value)} />}
        </FormField>
        <FormField label="Notes" error={problems.fields.notes}>
          {(control) => <textarea {...control} rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} maxLength={MAX_NOTES_LENGTH} placeholder="Equipment, delivery time, financing" />}
        </FormField>
        <FormError message={problems.message} />
        <SubmitButtons label="Create offer" busyLabel="Creating…" busy={isLoading} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
