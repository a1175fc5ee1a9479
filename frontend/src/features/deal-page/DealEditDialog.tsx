import { useEffect, useState, type FormEvent } from 'react';
import type { DealDto, DealType, UpdateDealRequest } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { useListDealTypesQuery } from '../admin/deal-types/deal-types-api';
import { useUpdateDealMutation } from '../deals/deals-api';
import { useGetSourcesQuery } from '../directory/directory-api';

/** The editable fields as the form holds them (text inputs and selects). */
interface DealFields {
  title: string;
  amount: string;
  vehicleInterest: string;
  type: string;
  sourceId: string;
}

const fieldsOf = (deal: DealDto): DealFields => ({
  title: deal.title,
  amount: deal.amount === null ? '' : String(deal.amount),
  vehicleInterest: deal.vehicleInterest ?? '',
  type: deal.type ?? '',
  sourceId: deal.sourceId ?? '',
});

const FIELD_WORDS: Record<keyof DealFields, string> = {
  title: 'the title',
  amount: 'the amount',
  vehicleInterest: 'the vehicle of interest',
  type: 'the type',
  sourceId: 'the source',
};

/** The fields edited here since the form was filled from `base`. */
const editedFields = (fields: DealFields, base: DealDto) => {
  const before = fieldsOf(base);
  return (Object.keys(fields) as (keyof DealFields)[]).filter((key) => fields[key] !== before[key]);
};

/** The request body for the edited fields, or what is wrong with them. */
function changesOf(fields: DealFields, edited: readonly (keyof DealFields)[]): Omit<UpdateDealRequest, 'version'> | string {
  const amount = fields.amount.trim() === '' ? null : Number(fields.amount.replace(/\s/g, '').replace(',', '.'));
  if (amount !== null && (!Number.isFinite(amount) || amount < 0)) return 'The amount must be a number of 0 or more.';
  if (fields.title.trim() === '') return 'The title cannot be empty.';
  const values: Omit<UpdateDealRequest, 'version'> = {
    title: fields.title.trim(),
    amount,
    vehicleInterest: fields.vehicleInterest.trim() === '' ? null : fields.vehicleInterest.trim(),
    type: fields.type === '' ? null : (fields.type as DealType),
    sourceId: fields.sourceId === '' ? null : fields.sourceId,
  };
  return Object.fromEntries(edited.map((key) => [key, values[key]]));
}

/**
 * The deal's own fields (title, amount, vehicle of interest, type, source). Only the fields
 * edited here are sent, with the deal's latest version: a change elsewhere to other fields
 * (or an offer added meanwhile) is kept. When someone else changed one of the same fields
 * meanwhile, or the server says the version is stale (409), their version is shown and
 * nothing is overwritten.
 */
export function DealEditDialog({ deal, onClose }: { deal: DealDto; onClose(): void }) {
  const [update, { isLoading }] = useUpdateDealMutation();
  const { data: sources } = useGetSourcesQuery();
  const { data: dealTypes } = useListDealTypesQuery();
  const [fields, setFields] = useState(() => fieldsOf(deal));
  /** The version the fields were filled from: they count as edited when they differ from it. */
  const [base, setBase] = useState(deal);
  const [problem, setProblem] = useState<string | null>(null);

  const dirty = editedFields(fields, base).length > 0;
  const fillFrom = (source: DealDto) => {
    setBase(source);
    setFields(fieldsOf(source));
  };
  const set = (key: keyof DealFields) => (value: string) => setFields((current) => ({ ...current, [key]: value }));

  // A newer version (live, or after a conflict) shows at once when nothing here is unsaved.
  useEffect(() => {
    if (deal.version > base.version && !dirty) fillFrom(deal);
    // only when the deal itself changes (a new version)
  }, [deal.version]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const edited = editedFields(fields, base);
    const changes = changesOf(fields, edited);
    if (typeof changes === 'string') {
      setProblem(changes);
      return;
    }
    const latest = fieldsOf(deal);
    const clashes = edited.filter((key) => latest[key] !== fieldsOf(base)[key]);
    if (clashes.length > 0) {
      setProblem(`Someone else changed ${clashes.map((key) => FIELD_WORDS[key]).join(' and ')} while you were editing it. Their version is shown now; check it and make your change again.`);
      fillFrom(deal);
      return;
    }
    try {
      await update({ deal, changes }).unwrap();
      onClose();
    } catch (failure) {
      const error = failure as FetchBaseQueryError;
      if (error.status === 409) {
        setProblem('Someone else changed this deal while you were editing it. Their version is shown now; check it and make your change again.');
        // their version replaces these fields as soon as it arrives (see the effect above)
        fillFrom(deal);
      } else {
        setProblem(describeError(error));
      }
    }
  }

  return (
    <Dialog title={`Edit deal ${deal.code}`} onClose={onClose}>
      <form className="deal-form" onSubmit={save} aria-label="Edit the deal">
        <label className="field">
          <span className="field__label">Title</span>
          <input data-autofocus value={fields.title} onChange={(event) => set('title')(event.target.value)} maxLength={200} />
        </label>
        <div className="field-row">
          <label className="field">
            <span className="field__label">Amount</span>
            <input inputMode="decimal" value={fields.amount} onChange={(event) => set('amount')(event.target.value)} placeholder="Not set" />
          </label>
          <label className="field">
            <span className="field__label">Vehicle of interest</span>
            <input value={fields.vehicleInterest} onChange={(event) => set('vehicleInterest')(event.target.value)} maxLength={200} placeholder="e.g. 2024 Kia Sportage" />
          </label>
        </div>
        <div className="field-row">
          <SelectField label="Type" value={fields.type} onChange={set('type')}>
            <option value="">Not set</option>
            {dealTypes?.map((dealType) => (
              <option key={dealType.code} value={dealType.code}>
                {dealType.name}
              </option>
            ))}
            {/* a type since deleted (or while the list loads) still shows as the deal has it */}
            {fields.type !== '' && !dealTypes?.some((dealType) => dealType.code === fields.type) && <option value={fields.type}>{fields.type}</option>}
          </SelectField>
          <SelectField label="Source" value={fields.sourceId} onChange={set('sourceId')}>
            <option value="">Not set</option>
            {sources?.map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </SelectField>
        </div>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={!dirty || isLoading}>
            {isLoading ? 'Saving…' : 'Save changes'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
