import { useState, type FormEvent } from 'react';
import { normalizeVin, vinProblem, type TradeInDto, type TradeInRequest } from '@autofunnel/shared';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { Dialog } from '../../components/Dialog';
import { useAddTradeInMutation, useUpdateTradeInMutation } from './deal-actions-api';
import { amountProblem, FormError, FormField, MAX_NOTES_LENGTH, NO_PROBLEMS, parseNumber, problemsOf, SubmitButtons, type FormProblems } from './form-support';

interface TradeInDialogProps {
  dealId: string;
  /** Editing this trade-in; a new one when absent. */
  tradeIn?: TradeInDto;
  onClose(): void;
}

/** The form as typed; keys are the API's field names, so server field errors land next to them. */
interface TradeInForm {
  make: string;
  model: string;
  year: string;
  vin: string;
  mileage: string;
  appraisalValue: string;
  notes: string;
}

const SHOWN_FIELDS: (keyof TradeInForm)[] = ['make', 'model', 'year', 'vin', 'mileage', 'appraisalValue', 'notes'];
const FIRST_YEAR = 1900;

const textOf = (value: number | string | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** The fields as typed, checked the way the server checks them; the request, or what is wrong. */
function requestOf(form: TradeInForm): { request: TradeInRequest } | { problems: FormProblems } {
  const fields: Record<string, string> = {};
  const make = form.make.trim();
  const model = form.model.trim();
  if (!make) fields.make = 'Enter the make, e.g. Volkswagen.';
  if (!model) fields.model = 'Enter the model, e.g. Golf.';

  const year = parseNumber(form.year);
  const lastYear = new Date().getFullYear() + 1;
  if (year !== null && (!Number.isInteger(year) || year < FIRST_YEAR || year > lastYear)) fields.year = `The year must be between ${FIRST_YEAR} and ${lastYear}.`;

  const vin = normalizeVin(form.vin);
  const vinIssue = vin ? vinProblem(vin) : null;
  if (vinIssue) fields.vin = `${vinIssue}.`;

  const mileage = parseNumber(form.mileage);
  if (mileage !== null && (!Number.isInteger(mileage) || mileage < 0)) fields.mileage = 'The mileage must be a whole number of 0 or more.';

  const appraisalValue = parseNumber(form.appraisalValue);
  const appraisalIssue = amountProblem(appraisalValue, 'The appraisal value');
  if (appraisalIssue) fields.appraisalValue = appraisalIssue;

  if (Object.keys(fields).length > 0) return { problems: { fields, message: null } };
  return {
    request: { make, model, year, vin: vin || null, mileage, appraisalValue, notes: form.notes.trim() || null },
  };
}

/** Only what changed, so an edit does not overwrite someone else's change to another field. */
function changesOf(tradeIn: TradeInDto, request: TradeInRequest): Partial<TradeInRequest> {
  return Object.fromEntries(
    Object.entries(request).filter(([key, value]) => (tradeIn as unknown as Record<string, unknown>)[key] !== value),
  ) as Partial<TradeInRequest>;
}

/** The customer's car the dealership may take in, with its appraisal; new or edited. */
export function TradeInDialog({ dealId, tradeIn, onClose }: TradeInDialogProps) {
  const dispatch = useAppDispatch();
  const [add, adding] = useAddTradeInMutation();
  const [update, updating] = useUpdateTradeInMutation();
  const [form, setForm] = useState<TradeInForm>({
    make: tradeIn?.make ?? '',
    model: tradeIn?.model ?? '',
    year: textOf(tradeIn?.year),
    vin: tradeIn?.vin ?? '',
    mileage: textOf(tradeIn?.mileage),
    appraisalValue: textOf(tradeIn?.appraisalValue),
    notes: tradeIn?.notes ?? '',
  });
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const busy = adding.isLoading || updating.isLoading;
  const set = (field: keyof TradeInForm) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = requestOf(form);
    if ('problems' in checked) return setProblems(checked.problems);
    setProblems(NO_PROBLEMS);
    try {
      if (tradeIn) {
        const changes = changesOf(tradeIn, checked.request);
        if (Object.keys(changes).length > 0) await update({ tradeIn, changes }).unwrap();
      } else {
        await add({ dealId, tradeIn: checked.request }).unwrap();
      }
      dispatch(toastShown({ kind: 'success', text: `Trade-in ${checked.request.make} ${checked.request.model} ${tradeIn ? 'saved' : 'added'}.` }));
      onClose();
    } catch (failure) {
      setProblems(problemsOf(failure, SHOWN_FIELDS));
    }
  }

  const vinHint = form.vin.trim() ? `${normalizeVin(form.vin).length} of 17 characters` : 'Optional; 17 characters, checked as you save.';

  return (
    <Dialog title={tradeIn ? 'Edit trade-in' : 'Add a trade-in'} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="field-row">
          <FormField label="Make" error={problems.fields.make}>
            {(control) => <input {...control} data-autofocus value={form.make} onChange={set('make')} maxLength={60} required autoComplete="off" />}
          </FormField>
          <FormField label="Model" error={problems.fields.model}>
            {(control) => <input {...control} value={form.model} onChange={set('model')} maxLength={80} required autoComplete="off" />}
          </FormField>
          <FormField label="Year" error={problems.fields.year}>
            {(control) => <input {...control} inputMode="numeric" value={form.year} onChange={set('year')} maxLength={4} autoComplete="off" />}
          </FormField>
        </div>
        <FormField label="VIN" error={problems.fields.vin} hint={vinHint}>
          {(control) => (
            <input
              {...control}
              className="vin-input"
              value={form.vin}
              onChange={set('vin')}
              onBlur={() => setForm((current) => ({ ...current, vin: normalizeVin(current.vin) }))}
              maxLength={24}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FormField>
        <div className="field-row">
          <FormField label="Mileage" error={problems.fields.mileage}>
            {(control) => <input {...control} inputMode="numeric" value={form.mileage} onChange={set('mileage')} autoComplete="off" />}
          </FormField>
          <FormField label="Appraisal value" error={problems.fields.appraisalValue}>
            {(control) => <input {...control} inputMode="decimal" value={form.appraisalValue} onChange={set('appraisalValue')} autoComplete="off" />}
          </FormField>
        </div>
        <FormField label="Notes" error={problems.fields.notes}>
          {(control) => <textarea {...control} rows={3} value={form.notes} onChange={set('notes')} maxLength={MAX_NOTES_LENGTH} placeholder="Condition, service history, damage" />}
        </FormField>
        <FormError message={problems.message} />
        <SubmitButtons label={tradeIn ? 'Save trade-in' : 'Add trade-in'} busyLabel="Saving…" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
