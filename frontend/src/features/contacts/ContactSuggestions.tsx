import type { ContactSummaryDto } from '@autofunnel/shared';

interface ContactSuggestionsProps<T extends ContactSummaryDto> {
  label: string;
  /** Undefined while the first answer is loading. */
  contacts: readonly T[] | undefined;
  busy: boolean;
  /** Said when the search found nobody. */
  emptyText: string;
  onPick(contact: T): void;
}

/** Contacts a search found, each a button with its phones and emails, to pick one. */
export function ContactSuggestions<T extends ContactSummaryDto>({ label, contacts, busy, emptyText, onPick }: ContactSuggestionsProps<T>) {
  return (
    <ul className="suggestions" aria-label={label} aria-busy={busy}>
      {contacts?.length === 0 && <li className="suggestions__empty">{emptyText}</li>}
      {contacts?.map((contact) => (
        <li key={contact.id}>
          <button type="button" className="suggestions__item" onClick={() => onPick(contact)}>
            <span className="suggestions__name">{contact.name}</span>
            <span className="muted small">{[...contact.phones, ...contact.emails].join(' · ')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
