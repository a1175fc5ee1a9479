import { useEffect, useState, type FormEvent } from 'react';
import type { ContactDto, CreateDealRequest, DealType, FunnelDto } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { useAppDispatch, useAppSelector } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { selectCurrentUser } from '../auth/auth-slice';
import { useListDealTypesQuery } from '../admin/deal-types/deal-types-api';
import { ContactSuggestions } from '../contacts/ContactSuggestions';
import { useGetSourcesQuery } from '../directory/directory-api';
import { useCreateDealMutation, useSearchContactsQuery } from './deals-api';

interface NewDealDialogProps {
  funnel: FunnelDto;
  onClose(): void;
  onOpenDeal(dealId: string): void;
}

const SEARCH_DELAY_MS = 250;
const looksLikeEmail = (text: string) => text.includes('@');
const looksLikePhone = (text: string) => /^[+\d][\d\s()-]{4,}$/.test(text.trim());

/** What went wrong with the form, field by field when the server says which. */
function describeFormError(error: FetchBaseQueryError | undefined): string {
  const fields = (error?.data as { fields?: Record<string, string[]> } | undefined)?.fields;
  if (fields && Object.keys(fields).length > 0) return Object.values(fields).flat().join('. ');
  return describeError(error);
}

/** Finds a customer by name, phone or email as you type, so that no duplicate is created. */
function ContactPicker({ picked, onPick, query, onQuery }: { picked: ContactDto | null; onPick(contact: ContactDto | null): void; query: string; onQuery(q: string): void }) {
  const [debounced, setDebounced] = useState(query);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const { data: matches, isFetching } = useSearchContactsQuery(debounced, { skip: picked !== null || debounced.length < 2 });

  if (picked) {
    return (
      <div className="picked-contact">
        <div>
          <p className="picked-contact__name">{picked.name}</p>
          <p className="muted">{[...picked.phones, ...picked.emails].join(' · ') || 'No phone or email'}</p>
        </div>
        <button type="button" className="button button--ghost button--small" onClick={() => onPick(null)}>
          Change
        </button>
      </div>
    );
  }
  return (
    <div className="contact-picker">
      <label className="field">
        <span className="field__label">Customer</span>
        <input
          type="search"
          data-autofocus
          value={query}
          onChange={(event) => onQuery(event.target.value)}
          placeholder="Search by name, phone or email"
          aria-describedby="contact-picker-hint"
        />
      </label>
      <p id="contact-picker-hint" className="muted small">
        Pick a customer we already know, or fill in a new one below.
      </p>
      {debounced.length >= 2 && (
        <ContactSuggestions<ContactDto> label="Customers found" contacts={matches} busy={isFetching} emptyText="No customer found: a new one will be created." onPick={onPick} />
      )}
    </div>
  );
}

/** "New deal": a customer (found or new), what they want, where they came from. */
export function NewDealDialog({ funnel, onClose, onOpenDeal }: NewDealDialogProps) {
  const dispatch = useAppDispatch();
  const me = useAppSelector(selectCurrentUser);
  const { data: sources } = useGetSourcesQuery();
  const { data: dealTypes } = useListDealTypesQuery();
  const [create, { isLoading }] = useCreateDealMutation();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<ContactDto | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [vehicle, setVehicle] = useState('');
  const [sourceId, setSourceId] = useState('');
  const [type, setType] = useState<DealType | ''>('');
  const [amount, setAmount] = useState('');
  const [takeIt, setTakeIt] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // What was typed into the search becomes the new customer's name, phone or email.
  function onQuery(text: string) {
    setQuery(text);
    if (looksLikeEmail(text)) setEmail(text.trim());
    else if (looksLikePhone(text)) setPhone(text.trim());
    else setName(text);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!picked) {
      if (name.trim() === '') return setProblem('Give the new customer a name, or pick one we already know.');
      if (phone.trim() === '' && email.trim() === '') return setProblem('A new customer needs a phone number or an email address.');
    }
    const parsedAmount = amount.trim() === '' ? undefined : Number(amount.replace(/\s/g, '').replace(',', '.'));
    if (parsedAmount !== undefined && (!Number.isFinite(parsedAmount) || parsedAmount < 0)) return setProblem('The amount must be a number of 0 or more.');

    const request: CreateDealRequest = {
      funnelId: funnel.id,
      ...(picked
        ? { contactId: picked.id }
        : { contact: { name: name.trim(), ...(phone.trim() && { phone: phone.trim() }), ...(email.trim() && { email: email.trim() }) } }),
      ...(vehicle.trim() && { vehicleInterest: vehicle.trim() }),
      ...(sourceId && { sourceId }),
      ...(type && { type }),
      ...(parsedAmount !== undefined && { amount: parsedAmount }),
      ...(takeIt && me && { responsibleId: me.id }),
    };
    try {
      const deal = await create(request).unwrap();
      dispatch(toastShown({ kind: 'success', text: `Deal ${deal.code} created for ${deal.contact.name}.` }));
      onClose();
      if (takeIt) onOpenDeal(deal.id);
    } catch (failure) {
      setProblem(describeFormError(failure as FetchBaseQueryError));
    }
  }

  return (
    <Dialog title={`New deal in ${funnel.name}`} onClose={onClose}>
      <form className="new-deal-form" onSubmit={submit} noValidate>
        <ContactPicker picked={picked} onPick={setPicked} query={query} onQuery={onQuery} />
        {!picked && (
          <fieldset className="fieldset">
            <legend>New customer</legend>
            <label className="field">
              <span className="field__label">Name</span>
              <input value={name} onChange={(event) => setName(event.target.value)} maxLength={200} autoComplete="off" />
            </label>
            <div className="field-row">
              <label className="field">
                <span className="field__label">Phone</span>
                <input type="tel" value={phone} onChange={(event) => setPhone(event.target.value)} maxLength={40} autoComplete="off" />
              </label>
              <label className="field">
                <span className="field__label">Email</span>
                <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} maxLength={254} autoComplete="off" />
              </label>
            </div>
          </fieldset>
        )}
        <label className="field">
          <span className="field__label">Vehicle of interest</span>
          <input value={vehicle} onChange={(event) => setVehicle(event.target.value)} maxLength={200} placeholder="e.g. Skoda Octavia Combi" />
        </label>
        <div className="field-row">
          <SelectField label="Source" value={sourceId} onChange={setSourceId}>
            <option value="">Not known</option>
            {sources?.map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Type" value={type} onChange={(value) => setType(value as DealType | '')}>
            <option value="">Not known</option>
            {dealTypes?.map((dealType) => (
              <option key={dealType.code} value={dealType.code}>
                {dealType.name}
              </option>
            ))}
          </SelectField>
          <label className="field">
            <span className="field__label">Amount</span>
            <input inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} placeholder="Optional" />
          </label>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={takeIt} onChange={(event) => setTakeIt(event.target.checked)} />
          I will work on it myself (skip “Unassigned”)
        </label>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isLoading}>
            {isLoading ? 'Creating…' : 'Create deal'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
