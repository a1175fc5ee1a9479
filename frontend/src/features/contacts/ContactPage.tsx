import { useState } from 'react';
import { useParams } from 'react-router';
import type { ContactWithDealsDto, UserDto } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { useAppDispatch, useAppSelector } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { ConfirmDialog } from '../admin/channels/ConfirmDialog';
import { selectCurrentUser } from '../auth/auth-slice';
import { formatDateTime } from '../board/format';
import { DealHistoryList } from '../deals/DealHistoryList';
import { useGetContactWithDealsQuery } from '../deals/deals-api';
import { CustomerBadge } from './CustomerBadge';
import { useConvertContactMutation } from './contacts-api';
import { MergeDuplicateDialog } from './MergeDuplicateDialog';

const KIND_LABELS = { person: 'Person', company: 'Company' } as const;

/** Team leads and admins convert anyone; a manager a contact one of whose deals they hold (as the API rules). */
function mayConvert(user: UserDto | null, contact: ContactWithDealsDto): boolean {
  if (!user) return false;
  return user.role !== 'manager' || contact.deals.some((deal) => deal.responsible?.id === user.id);
}

/**
 * "Convert to customer" with a confirmation. The new number is announced in a toast, as this
 * button goes once the page shows the customer.
 */
function ConvertToCustomer({ contact }: { contact: ContactWithDealsDto }) {
  const dispatch = useAppDispatch();
  const [convert] = useConvertContactMutation();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
        Convert to customer
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Convert ${contact.name} to a customer?`}
          confirmLabel="Convert to customer"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const result = await convert(contact.id).unwrap();
            setConfirming(false);
            dispatch(toastShown({ kind: 'success', text: `${contact.name} is now customer ${result.customerNumber}.` }));
          }}
        >
          <p>They get the next customer number and keep all their deals and history.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

function ContactDeals({ contact }: { contact: ContactWithDealsDto }) {
  return contact.deals.length === 0 ? <p className="muted">No deals yet.</p> : <DealHistoryList deals={contact.deals} />;
}

/** /contacts/:contactId: who the contact is, lead or customer, their deals, convert and (admins) merge. */
export function ContactPage() {
  const { contactId = '' } = useParams();
  const dispatch = useAppDispatch();
  const me = useAppSelector(selectCurrentUser);
  const { data: contact, error, isLoading, refetch } = useGetContactWithDealsQuery(contactId);
  const [merging, setMerging] = useState(false);

  if (isLoading) return <RowsSkeleton rows={6} />;
  if (!contact) {
    const missing = (error as FetchBaseQueryError | undefined)?.status === 404;
    return missing ? (
      <div className="empty-state">
        <p className="empty-state__title">This contact does not exist</p>
        <p>It may have been merged into another contact. Use the search above to find them.</p>
      </div>
    ) : (
      <ErrorMessage title="Could not load this contact." detail={describeError(error)} onRetry={refetch} />
    );
  }

  return (
    <article className="contact-page" aria-labelledby="contact-page-name">
      <header className="contact-page__header">
        <h1 id="contact-page-name" className="contact-page__name">
          {contact.name}
        </h1>
        <CustomerBadge contact={contact} />
        <span className="muted">{KIND_LABELS[contact.kind]}</span>
      </header>
      <section className="contact-page__section" aria-label="How to reach them">
        <dl className="facts">
          <dt>Phones</dt>
          <dd>{contact.phones.length === 0 ? '—' : contact.phones.map((phone) => <a key={phone} href={`tel:${phone}`} className="contact-page__value">{phone}</a>)}</dd>
          <dt>Emails</dt>
          <dd>{contact.emails.length === 0 ? '—' : contact.emails.map((email) => <a key={email} href={`mailto:${email}`} className="contact-page__value">{email}</a>)}</dd>
          {contact.convertedAt && (
            <>
              <dt>Customer since</dt>
              <dd>{formatDateTime(contact.convertedAt)}</dd>
            </>
          )}
        </dl>
        <div className="form-actions contact-page__actions">
          {!contact.customerNumber && mayConvert(me, contact) && <ConvertToCustomer contact={contact} />}
          {me?.role === 'admin' && (
            <button type="button" className="button button--secondary" onClick={() => setMerging(true)}>
              Merge a duplicate into this contact…
            </button>
          )}
        </div>
      </section>
      <section className="contact-page__section" aria-label="Deals">
        <h2>Deals</h2>
        <ContactDeals contact={contact} />
      </section>
      {merging && (
        <MergeDuplicateDialog
          kept={contact}
          onClose={() => setMerging(false)}
          onMerged={(duplicate) => {
            setMerging(false);
            dispatch(toastShown({ kind: 'success', text: `${duplicate.name} was merged into ${contact.name}.` }));
          }}
        />
      )}
    </article>
  );
}
