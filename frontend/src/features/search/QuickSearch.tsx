import { useId, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { ContactDto, QuickSearchResult } from '@autofunnel/shared';
import { CustomerBadge } from '../contacts/CustomerBadge';
import { useQuickSearchQuery } from './search-api';
import { useDebounced } from './use-debounced';

const SEARCH_DELAY_MS = 250;
const MIN_QUERY_LENGTH = 2;

/** One choosable row of the results: where it leads and what it shows. */
interface SearchOption {
  group: 'contacts' | 'deals';
  key: string;
  to: string;
  label: string;
  detail: string;
  /** A contact's, for its Lead / Customer badge. */
  contact: ContactDto | null;
}

function optionsOf(result: QuickSearchResult | undefined): SearchOption[] {
  if (!result) return [];
  const contacts = result.contacts.map<SearchOption>((contact) => ({
    group: 'contacts',
    key: contact.id,
    to: `/contacts/${contact.id}`,
    label: contact.name,
    detail: [...contact.phones, ...contact.emails].join(' · '),
    contact,
  }));
  const deals = result.deals.map<SearchOption>((deal) => ({
    group: 'deals',
    key: deal.id,
    to: `/funnels/${deal.funnelId}/deals/${deal.id}`,
    label: `${deal.code} · ${deal.title}`,
    detail: deal.contact.name,
    contact: null,
  }));
  return [...contacts, ...deals];
}

/**
 * The header's search box: contacts and deals by name, deal code, phone or email, as you type.
 * An ARIA combobox: arrow keys move through both groups, Enter opens the highlighted result
 * (a contact's page or a deal's drawer), Escape closes the list and then clears the box.
 */
export function QuickSearch() {
  const navigate = useNavigate();
  const listboxId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebounced(text.trim(), SEARCH_DELAY_MS);
  const searching = query.length >= MIN_QUERY_LENGTH;
  const { data, isFetching, isError } = useQuickSearchQuery(query, { skip: !searching });
  const options = searching ? optionsOf(data) : [];
  const expanded = open && searching;
  const optionId = (index: number) => `${listboxId}-option-${index}`;

  function choose(option: SearchOption) {
    setOpen(false);
    setText('');
    setActive(-1);
    navigate(option.to);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (count === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current < 0 && step < 0 ? count - 1 : (current + step + count) % count));
    } else if (event.key === 'Enter' && expanded && count > 0) {
      event.preventDefault();
      choose(options[active >= 0 ? active : 0]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (expanded) setOpen(false);
      else setText('');
      setActive(-1);
    }
  }

  const renderGroup = (group: SearchOption['group'], title: string) => {
    const members = options.map((option, index) => ({ option, index })).filter(({ option }) => option.group === group);
    if (members.length === 0) return null;
    return (
      <div role="group" aria-labelledby={`${listboxId}-${group}`} className="quick-search__group">
        <div id={`${listboxId}-${group}`} role="presentation" className="quick-search__group-title">
          {title}
        </div>
        {members.map(({ option, index }) => (
          <div
            key={option.key}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={`quick-search__option${index === active ? ' quick-search__option--active' : ''}`}
            // keeps the focus in the box, so the list is still there when the click lands
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => choose(option)}
          >
            <span className="quick-search__label">{option.label}</span>
            {option.contact && <CustomerBadge contact={option.contact} />}
            {option.detail && <span className="quick-search__detail muted small">{option.detail}</span>}
          </div>
        ))}
      </div>
    );
  };

  return (
    <div className="quick-search">
      <input
        type="search"
        className="quick-search__input"
        role="combobox"
        aria-label="Search contacts and deals"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder="Name, deal code, phone or email"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div className="quick-search__results" hidden={!expanded}>
        <div id={listboxId} role="listbox" aria-label="Contacts and deals found">
          {renderGroup('contacts', 'Contacts')}
          {renderGroup('deals', 'Deals')}
        </div>
        {expanded && options.length === 0 && (
          <p className="quick-search__status muted" role="status">
            {isError ? 'The search failed. Please try again.' : isFetching || query !== text.trim() ? 'Searching…' : `Nothing found for “${query}”.`}
          </p>
        )}
      </div>
    </div>
  );
}
