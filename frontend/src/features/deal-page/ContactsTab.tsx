import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ContactSummaryDto, DealDto, LinkedContactDto } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { useAppSelector } from '../../app/store';
import { Dialog } from '../../components/Dialog';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { selectCurrentUser } from '../auth/auth-slice';
import { CustomerHistory } from '../deals/CustomerHistory';
import { useGetLinkedContactsQuery, useMakePrimaryContactMutation, useUnlinkContactMutation } from './deal-page-api';
import { EditContactDialog } from './EditContactDialog';
import { LinkContactDialog } from './LinkContactDialog';
import { canChangeDeal } from '../deals/deal-permissions';

/** Confirms taking a contact off the deal (the contact itself stays). */
function UnlinkDialog({ deal, contact, onClose }: { deal: DealDto; contact: ContactSummaryDto; onClose(): void }) {
  const [unlink, { isLoading }] = useUnlinkContactMutation();
  const [problem, setProblem] = useState<string | null>(null);
  async function confirm() {
    setProblem(null);
    try {
      await unlink({ deal, contactId: contact.id }).unwrap();
      onClose();
    } catch (failure) {
      setProblem(`${contact.name} was not removed. ${describeError(failure as FetchBaseQueryError)}`);
    }
  }
  return (
    <Dialog title={`Remove ${contact.name} from ${deal.code}?`} onClose={onClose}>
      <div className="stack">
        <p>The contact stays in Autofunnel with their other deals; only the link to this deal goes.</p>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button--danger" disabled={isLoading} onClick={() => void confirm()}>
            Remove from the deal
          </button>
          <button type="button" className="button button--secondary" data-autofocus onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}

interface LinkedContactCardProps {
  linked: LinkedContactDto;
  mayChange: boolean;
  onEdit(): void;
  onUnlink(): void;
  onMakePrimary(): void;
}

function LinkedContactCard({ linked, mayChange, onEdit, onUnlink, onMakePrimary }: LinkedContactCardProps) {
  const { contact, role, primary } = linked;
  return (
    <li className="linked-contact" aria-label={contact.name}>
      <div className="linked-contact__head">
        <Link className="linked-contact__name" to={`/contacts/${contact.id}`}>
          {contact.name}
        </Link>
        {primary && <span className="status-pill status-pill--open">Primary</span>}
        {role && <span className="muted">{role}</span>}
      </div>
      <p className="linked-contact__reach">
        {contact.phones.map((phone) => (
          <a key={phone} href={`tel:${phone}`}>
            {phone}
          </a>
        ))}
        {contact.emails.map((email) => (
          <a key={email} href={`mailto:${email}`}>
            {email}
          </a>
        ))}
        {contact.phones.length + contact.emails.length === 0 && <span className="muted">No phone or email</span>}
      </p>
      {mayChange && (
        <div className="form-actions">
          <button type="button" className="button button--ghost button--small" onClick={onEdit} aria-label={`Edit ${contact.name}`}>
            Edit
          </button>
          {!primary && (
            <>
              <button type="button" className="button button--ghost button--small" onClick={onMakePrimary} aria-label={`Make ${contact.name} the primary contact`}>
                Make primary
              </button>
              <button type="button" className="button button--ghost button--small" onClick={onUnlink} aria-label={`Remove ${contact.name} from the deal`}>
                Remove
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

type ContactDialog = { kind: 'edit' | 'unlink'; contact: ContactSummaryDto } | { kind: 'add' } | null;

/**
 * The contacts tab: the deal's contacts (the primary one, the customer on the card, first),
 * editable, another added or made primary, and the customer's earlier deals.
 */
export function ContactsTab({ deal }: { deal: DealDto }) {
  const me = useAppSelector(selectCurrentUser);
  const mayChange = canChangeDeal(me, deal);
  const { data: linked, error, isLoading, refetch } = useGetLinkedContactsQuery(deal.id);
  const [dialog, setDialog] = useState<ContactDialog>(null);
  const [makePrimary] = useMakePrimaryContactMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const linkedIds = useMemo(() => new Set(linked?.map((item) => item.contact.id) ?? [deal.contact.id]), [linked, deal.contact.id]);
  // The primary contact first, whatever order the list came in.
  const sorted = useMemo(() => (linked ? [...linked].sort((a, b) => Number(b.primary) - Number(a.primary)) : []), [linked]);
  const close = () => setDialog(null);

  return (
    <div className="contacts-tab">
      <section className="deal-page__section" aria-labelledby="deal-contacts-title">
        <div className="deal-page__section-head">
          <h2 id="deal-contacts-title" className="deal-page__section-title">
            Contacts on this deal
          </h2>
          {mayChange && (
            <button type="button" className="button button--secondary button--small" onClick={() => setDialog({ kind: 'add' })}>
              Add a contact…
            </button>
          )}
        </div>
        {isLoading ? (
          <RowsSkeleton rows={2} />
        ) : !linked ? (
          <ErrorMessage title="Could not load the contacts." detail={describeError(error)} onRetry={refetch} />
        ) : (
          <ul className="linked-contacts">
            {sorted.map((item) => (
              <LinkedContactCard
                key={item.contact.id}
                linked={item}
                mayChange={mayChange}
                onEdit={() => setDialog({ kind: 'edit', contact: item.contact })}
                onUnlink={() => setDialog({ kind: 'unlink', contact: item.contact })}
                onMakePrimary={() => {
                  setProblem(null);
                  makePrimary({ deal, contactId: item.contact.id })
                    .unwrap()
                    .catch((failure) => setProblem(`${item.contact.name} was not made the primary contact. ${describeError(failure as FetchBaseQueryError)}`));
                }}
              />
            ))}
          </ul>
        )}
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
      </section>
      <section className="deal-page__section" aria-labelledby="deal-customer-history">
        <h2 id="deal-customer-history" className="deal-page__section-title">
          Earlier deals of the customer
        </h2>
        <CustomerHistory contactId={deal.contact.id} currentDealId={deal.id} />
      </section>
      {dialog?.kind === 'add' && <LinkContactDialog deal={deal} linkedIds={linkedIds} onClose={close} />}
      {dialog?.kind === 'edit' && <EditContactDialog dealId={deal.id} contact={dialog.contact} onClose={close} />}
      {dialog?.kind === 'unlink' && <UnlinkDialog deal={deal} contact={dialog.contact} onClose={close} />}
    </div>
  );
}
