import { useState, type FormEvent } from 'react';
import type { ContactSummaryDto } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { Dialog } from '../../components/Dialog';
import { useUpdateContactMutation, type ContactChanges } from './deal-page-api';

interface ValueListFieldProps {
  legend: string;
  /** The accessible name of each input, e.g. "Phone 2". */
  itemLabel: string;
  type: 'tel' | 'email';
  values: string[];
  onChange(values: string[]): void;
}

/** A list of phones or emails: edit each, remove it, add another. */
function ValueListField({ legend, itemLabel, type, values, onChange }: ValueListFieldProps) {
  return (
    <fieldset className="fieldset value-list">
      <legend>{legend}</legend>
      {values.map((value, index) => (
        <div key={index} className="value-list__row">
          <input
            type={type}
            aria-label={`${itemLabel} ${index + 1}`}
            value={value}
            onChange={(event) => onChange(values.map((old, at) => (at === index ? event.target.value : old)))}
          />
          <button type="button" className="icon-button" aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`} onClick={() => onChange(values.filter((_, at) => at !== index))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button button--ghost button--small" onClick={() => onChange([...values, ''])}>
        Add {itemLabel.toLowerCase()}
      </button>
    </fieldset>
  );
}

const cleaned = (values: string[]) => values.map((value) => value.trim()).filter(Boolean);
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/** What went wrong, field by field when the server names them (e.g. a phone in use by another contact). */
function describeContactError(error: FetchBaseQueryError): string {
  const fields = (error.data as { fields?: Record<string, string[]> } | undefined)?.fields;
  if (fields && Object.keys(fields).length > 0) return Object.values(fields).flat().join('. ');
  return describeError(error);
}

/** Name, phones and emails of a contact linked to the deal. */
export function EditContactDialog({ dealId, contact, onClose }: { dealId: string; contact: ContactSummaryDto; onClose(): void }) {
  const [update, { isLoading }] = useUpdateContactMutation();
  const [name, setName] = useState(contact.name);
  const [phones, setPhones] = useState(contact.phones.length > 0 ? contact.phones : ['']);
  const [emails, setEmails] = useState(contact.emails.length > 0 ? contact.emails : ['']);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const newPhones = cleaned(phones);
    const newEmails = cleaned(emails);
    if (name.trim() === '') {
      setProblem('The name cannot be empty.');
      return;
    }
    if (newPhones.length === 0 && newEmails.length === 0) {
      setProblem('Keep at least one phone or email, so the customer can be reached.');
      return;
    }
    const changes: ContactChanges = {
      ...(name.trim() !== contact.name && { name: name.trim() }),
      ...(!sameList(newPhones, contact.phones) && { phones: newPhones }),
      ...(!sameList(newEmails, contact.emails) && { emails: newEmails }),
    };
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    setProblem(null);
    try {
      await update({ dealId, contactId: contact.id, changes }).unwrap();
      onClose();
    } catch (failure) {
      setProblem(`The contact was not saved. ${describeContactError(failure as FetchBaseQueryError)}`);
    }
  }

  return (
    <Dialog title={`Edit ${contact.name}`} onClose={onClose}>
      <form className="stack" onSubmit={submit} aria-label="Edit the contact" noValidate>
        <label className="field">
          <span className="field__label">Name</span>
          <input data-autofocus value={name} onChange={(event) => setName(event.target.value)} maxLength={200} required />
        </label>
        <ValueListField legend="Phones" itemLabel="Phone" type="tel" values={phones} onChange={setPhones} />
        <ValueListField legend="Emails" itemLabel="Email" type="email" values={emails} onChange={setEmails} />
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isLoading}>
            {isLoading ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
