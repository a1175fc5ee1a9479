import { useState } from 'react';
import type { ContactDto, ContactWithDealsDto } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { Dialog } from '../../components/Dialog';
import { useGetContactWithDealsQuery } from '../deals/deals-api';
import { useQuickSearchQuery } from '../search/search-api';
import { useDebounced } from '../search/use-debounced';
import { ContactSuggestions } from './ContactSuggestions';
import { CustomerBadge } from './CustomerBadge';
import { useMergeContactsMutation } from './contacts-api';

const SEARCH_DELAY_MS = 250;

interface MergeDuplicateDialogProps {
  kept: ContactWithDealsDto;
  onMerged(duplicate: ContactDto): void;
  onClose(): void;
}

/** What went wrong with a merge, in words an admin can act on. */
function describeMergeError(error: FetchBaseQueryError): string {
  if (error.status === 404) return 'One of the two contacts no longer exists; it may have been merged or deleted meanwhile. Search again.';
  if (error.status === 403) return 'Only administrators can merge contacts.';
  return describeError(error);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A contact as the confirmation shows it: name, badge, how to reach them, how many deals. */
function ContactCard({ title, contact, dealCount }: { title: string; contact: ContactDto; dealCount: number | undefined }) {
  return (
    <section className="merge-card" aria-label={title}>
      <h3 className="merge-card__title">{title}</h3>
      <p className="merge-card__name">
        {contact.name} <CustomerBadge contact={contact} />
      </p>
      <p className="muted small">{[...contact.phones, ...contact.emails].join(' · ') || 'No phone or email'}</p>
      <p className="small">{dealCount === undefined ? 'Counting deals…' : plural(dealCount, 'deal')}</p>
    </section>
  );
}

/** Step 1: find the duplicate with the quick search (this contact itself is not offered). */
function DuplicatePicker({ keptId, onPick }: { keptId: string; onPick(contact: ContactDto): void }) {
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), SEARCH_DELAY_MS);
  const { data, isFetching } = useQuickSearchQuery(query, { skip: query.length < 2 });
  const candidates = data?.contacts.filter((contact) => contact.id !== keptId);
  return (
    <div className="stack">
      <label className="field">
        <span className="field__label">Find the duplicate</span>
        <input type="search" data-autofocus value={text} onChange={(event) => setText(event.target.value)} placeholder="Name, phone or email" />
      </label>
      {query.length >= 2 && <ContactSuggestions label="Contacts found" contacts={candidates} busy={isFetching} emptyText="No other contact found." onPick={onPick} />}
    </div>
  );
}

/**
 * "Merge a duplicate into this contact…" (admins): find the duplicate, see both side by side,
 * confirm. The duplicate's deals and requests move here and the duplicate is deleted.
 */
export function MergeDuplicateDialog({ kept, onMerged, onClose }: MergeDuplicateDialogProps) {
  const [duplicate, setDuplicate] = useState<ContactDto | null>(null);
  const { data: duplicateWithDeals } = useGetContactWithDealsQuery(duplicate?.id ?? '', { skip: !duplicate });
  const [merge, { isLoading }] = useMergeContactsMutation();
  const [problem, setProblem] = useState<string | null>(null);

  async function confirm(chosen: ContactDto) {
    setProblem(null);
    try {
      await merge({ keptId: kept.id, duplicateId: chosen.id }).unwrap();
      onMerged(chosen);
    } catch (failure) {
      setProblem(describeMergeError(failure as FetchBaseQueryError));
    }
  }

  return (
    <Dialog title={`Merge a duplicate into ${kept.name}`} onClose={onClose}>
      {!duplicate ? (
        <DuplicatePicker keptId={kept.id} onPick={setDuplicate} />
      ) : (
        <div className="stack">
          <div className="merge-cards">
            <ContactCard title="Keep" contact={kept} dealCount={kept.deals.length} />
            <ContactCard title="Merge and delete" contact={duplicate} dealCount={duplicateWithDeals?.deals.length} />
          </div>
          <p>
            {duplicate.name}’s deals and requests move to {kept.name}, their phones and emails are added, and {duplicate.name} is deleted. This cannot be
            undone.
          </p>
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="button button--danger" disabled={isLoading} onClick={() => void confirm(duplicate)}>
              {isLoading ? 'Merging…' : 'Merge'}
            </button>
            <button type="button" className="button button--secondary" data-autofocus onClick={() => setDuplicate(null)}>
              Choose another
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
