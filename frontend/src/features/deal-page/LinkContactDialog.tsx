import { useState, type FormEvent } from 'react';
import type { ContactDto, DealDto, LinkContactRequest } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { Dialog } from '../../components/Dialog';
import { ContactSuggestions } from '../contacts/ContactSuggestions';
import { useSearchContactsQuery } from '../deals/deals-api';
import { useDebounced } from '../search/use-debounced';
import { useLinkContactMutation } from './deal-page-api';

const SEARCH_DELAY_MS = 250;

type Mode = 'existing' | 'new';

interface LinkContactDialogProps {
  deal: DealDto;
  /** Contacts already on the deal: not offered again. */
  linkedIds: ReadonlySet<string>;
  onClose(): void;
}

/** Finds an existing contact by name, phone or email (so no duplicate is made). */
function ExistingContactPicker({ linkedIds, picked, onPick }: { linkedIds: ReadonlySet<string>; picked: ContactDto | null; onPick(contact: ContactDto | null): void }) {
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), SEARCH_DELAY_MS);
  const { data, isFetching } = useSearchContactsQuery(query, { skip: picked !== null || query.length < 2 });
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
    <div className="stack">
      <label className="field">
        <span className="field__label">Find a contact</span>
        <input type="search" data-autofocus value={text} onChange={(event) => setText(event.target.value)} placeholder="Name, phone or email" />
      </label>
      {query.length >= 2 && (
        <ContactSuggestions<ContactDto>
          label="Contacts found"
          contacts={data?.filter((contact) => !linkedIds.has(contact.id))}
          busy={isFetching}
          emptyText="Nobody found: add them as a new contact."
          onPick={onPick}
        />
      )}
    </div>
  );
}

/** Adds another person to the deal (a spouse, a driver, the company's buyer): an existing contact or a new one. */
export function LinkContactDialog({ deal, linkedIds, onClose }: LinkContactDialogProps) {
  const [link, { isLoading }] = useLinkContactMutation();
  const [mode, setMode] = useState<Mode>('existing');
  const [picked, setPicked] = useState<ContactDto | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function request(): LinkContactRequest | string {
    const withRole = role.trim() ? { role: role.trim() } : {};
    if (mode === 'existing') return picked ? { contactId: picked.id, ...withRole } : 'Find the contact to add, or add a new one.';
    if (name.trim() === '') return 'Give the new contact a name.';
    if (phone.trim() === '' && email.trim() === '') return 'Give a phone or an email, so they can be reached.';
    return { contact: { name: name.trim(), ...(phone.trim() && { phone: phone.trim() }), ...(email.trim() && { email: email.trim() }) }, ...withRole };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = request();
    if (typeof body === 'string') {
      setProblem(body);
      return;
    }
    setProblem(null);
    try {
      await link({ deal, ...body }).unwrap();
      onClose();
    } catch (failure) {
      setProblem(`The contact was not added. ${describeError(failure as FetchBaseQueryError)}`);
    }
  }

  return (
    <Dialog title="Add a contact to the deal" onClose={onClose}>
      <form className="stack" onSubmit={submit} aria-label="Add a contact" noValidate>
        <div className="segmented" role="group" aria-label="Who">
          <button type="button" className="segmented__option" aria-pressed={mode === 'existing'} onClick={() => setMode('existing')}>
            Existing contact
          </button>
          <button type="button" className="segmented__option" aria-pressed={mode === 'new'} onClick={() => setMode('new')}>
            New contact
          </button>
        </div>
        {mode === 'existing' ? (
          <ExistingContactPicker linkedIds={linkedIds} picked={picked} onPick={setPicked} />
        ) : (
          <>
            <label className="field">
              <span className="field__label">Name</span>
              <input data-autofocus value={name} onChange={(event) => setName(event.target.value)} maxLength={200} required />
            </label>
            <div className="field-row">
              <label className="field">
                <span className="field__label">Phone</span>
                <input type="tel" value={phone} onChange={(event) => setPhone(event.target.value)} maxLength={40} />
              </label>
              <label className="field">
                <span className="field__label">Email</span>
                <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} maxLength={254} />
              </label>
            </div>
          </>
        )}
        <label className="field">
          <span className="field__label">Role (optional)</span>
          <input value={role} onChange={(event) => setRole(event.target.value)} maxLength={60} placeholder="e.g. Spouse, Driver, Buyer" />
        </label>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isLoading}>
            {isLoading ? 'Adding…' : 'Add to the deal'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
