import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { DealDto, DealEventDto, FunnelDto } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { useAppDispatch, useAppSelector } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { useNow } from '../../app/use-now';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { deadlineCountdown, formatAge, formatAmount, formatDateTime } from '../board/format';
import { TakeIntoWorkButton } from '../board/TakeIntoWorkButton';
import { selectCurrentUser } from '../auth/auth-slice';
import { useGetUsersQuery, useSourceNames, useUserNames } from '../directory/directory-api';
import { DEAL_STATUS_LABELS, DEAL_TYPE_LABELS, LOST_REASONS } from './deal-labels';
import { useAssignDealMutation, useCloseDealMutation, useGetContactWithDealsQuery, useGetDealEventsQuery, useGetDealQuery, useReopenDealMutation, useUpdateDealMutation } from './deals-api';
import { CustomerHistory } from './CustomerHistory';
import { CustomerBadge } from '../contacts/CustomerBadge';
import { describeDealEvent, requestOf } from './describe-deal-event';

interface DealDrawerProps {
  dealId: string;
  funnel: FunnelDto;
  onClose(): void;
}

const amountText = (deal: DealDto) => (deal.amount === null ? '' : String(deal.amount));

const errorOf = (failure: unknown) => (failure as { data?: unknown; status?: unknown }) as FetchBaseQueryError;

/** The deal's fields: title, amount and vehicle of interest can be edited (with the version seen). */
function DealEditForm({ deal }: { deal: DealDto }) {
  const [update, { isLoading }] = useUpdateDealMutation();
  const [title, setTitle] = useState(deal.title);
  const [amount, setAmount] = useState(amountText(deal));
  const [vehicle, setVehicle] = useState(deal.vehicleInterest ?? '');
  /** The version the fields were filled from: they count as edited when they differ from it. */
  const [base, setBase] = useState(deal);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const dirty = title !== base.title || amount !== amountText(base) || vehicle !== (base.vehicleInterest ?? '');
  const fillFrom = (source: DealDto) => {
    setBase(source);
    setTitle(source.title);
    setAmount(amountText(source));
    setVehicle(source.vehicleInterest ?? '');
  };

  // A newer version (live, or after a conflict) shows at once when nothing here is unsaved.
  useEffect(() => {
    if (deal.version > base.version && !dirty) fillFrom(deal);
    // only when the deal itself changes (a new version)
  }, [deal.version]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setSaved(false);
    const parsedAmount = amount.trim() === '' ? null : Number(amount.replace(/\s/g, '').replace(',', '.'));
    if (parsedAmount !== null && (!Number.isFinite(parsedAmount) || parsedAmount < 0)) {
      setProblem('The amount must be a number of 0 or more.');
      return;
    }
    if (title.trim() === '') {
      setProblem('The title cannot be empty.');
      return;
    }
    const changes = {
      ...(title !== deal.title && { title: title.trim() }),
      ...(parsedAmount !== deal.amount && { amount: parsedAmount }),
      ...(vehicle !== (deal.vehicleInterest ?? '') && { vehicleInterest: vehicle.trim() === '' ? null : vehicle.trim() }),
    };
    try {
      fillFrom(await update({ deal, changes }).unwrap());
      setSaved(true);
    } catch (failure) {
      const error = errorOf(failure);
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
    <form className="deal-form" onSubmit={save} aria-label="Edit the deal">
      <label className="field">
        <span className="field__label">Title</span>
        <input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} />
      </label>
      <div className="field-row">
        <label className="field">
          <span className="field__label">Amount</span>
          <input inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} placeholder="Not set" />
        </label>
        <label className="field">
          <span className="field__label">Vehicle of interest</span>
          <input value={vehicle} onChange={(event) => setVehicle(event.target.value)} maxLength={200} placeholder="e.g. Kia Sportage 2024" />
        </label>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {saved && !dirty && !problem && (
        <p className="form-success" role="status">
          Saved.
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={!dirty || isLoading}>
          {isLoading ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}

/** Team leads and admins hand a deal to another user (it leaves "Unassigned" if it was there). */
function AssignControl({ deal }: { deal: DealDto }) {
  const dispatch = useAppDispatch();
  const { data: users } = useGetUsersQuery();
  const [assign, { isLoading }] = useAssignDealMutation();
  if (!users) return null;
  return (
    <SelectField
      label="Assign to"
      value={deal.responsible?.id ?? ''}
      onChange={(userId) => {
        if (!userId || isLoading) return;
        assign({ deal, userId })
          .unwrap()
          .catch((failure) => dispatch(toastShown({ kind: 'error', text: `Could not assign the deal. ${describeError(errorOf(failure))}` })));
      }}
    >
      {!deal.responsible && <option value="">Nobody yet</option>}
      {users.map((user) => (
        <option key={user.id} value={user.id}>
          {user.name}
        </option>
      ))}
    </SelectField>
  );
}

/** Close as won or lost (with a reason), or reopen. */
function DealOutcome({ deal }: { deal: DealDto }) {
  const dispatch = useAppDispatch();
  const [close, closing] = useCloseDealMutation();
  const [reopen, reopening] = useReopenDealMutation();
  const [losing, setLosing] = useState(false);
  const [reason, setReason] = useState<string>(LOST_REASONS[0]);
  const [otherReason, setOtherReason] = useState('');

  const report = (failure: unknown, what: string) => dispatch(toastShown({ kind: 'error', text: `${what} ${describeError(errorOf(failure))}` }));

  if (deal.status !== 'open') {
    return (
      <div className="deal-outcome">
        <p>
          This deal is <strong>{DEAL_STATUS_LABELS[deal.status].toLowerCase()}</strong>
          {deal.lostReason ? ` (${deal.lostReason})` : ''}.
        </p>
        <button
          type="button"
          className="button button--secondary"
          disabled={reopening.isLoading}
          onClick={() => reopen({ deal }).unwrap().catch((failure) => report(failure, 'Could not reopen the deal.'))}
        >
          Reopen
        </button>
      </div>
    );
  }

  if (losing) {
    const finalReason = reason === 'Other' ? otherReason.trim() : reason;
    return (
      <form
        className="deal-outcome deal-outcome--lost"
        aria-label="Close as lost"
        onSubmit={(event) => {
          event.preventDefault();
          if (!finalReason) return;
          close({ deal, outcome: 'lost', reason: finalReason })
            .unwrap()
            .then(() => setLosing(false))
            .catch((failure) => report(failure, 'Could not close the deal.'));
        }}
      >
        <SelectField label="Why was it lost?" value={reason} onChange={setReason}>
          {[...LOST_REASONS, 'Other'].map((option) => (
            <option key={option}>{option}</option>
          ))}
        </SelectField>
        {reason === 'Other' && (
          <label className="field">
            <span className="field__label">Reason</span>
            <input value={otherReason} onChange={(event) => setOtherReason(event.target.value)} maxLength={200} required />
          </label>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--danger" disabled={!finalReason || closing.isLoading}>
            Close as lost
          </button>
          <button type="button" className="button button--secondary" onClick={() => setLosing(false)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="deal-outcome">
      <button
        type="button"
        className="button button--success"
        disabled={closing.isLoading}
        onClick={() => close({ deal, outcome: 'won' }).unwrap().catch((failure) => report(failure, 'Could not close the deal.'))}
      >
        Close as won
      </button>
      <button type="button" className="button button--secondary" onClick={() => setLosing(true)}>
        Close as lost…
      </button>
    </div>
  );
}

function DealTimeline({ dealId, funnel }: { dealId: string; funnel: FunnelDto }) {
  const { data: events, error, isLoading, refetch } = useGetDealEventsQuery(dealId);
  const userNames = useUserNames();
  if (isLoading) return <RowsSkeleton rows={3} />;
  if (!events) return <ErrorMessage title="Could not load the history." detail={describeError(error)} onRetry={refetch} />;
  if (events.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  const names = {
    stageName: (id: string) => funnel.stages.find((stage) => stage.id === id)?.name,
    userName: (id: string) => userNames.get(id),
  };
  const newestFirst: DealEventDto[] = [...events].reverse();
  return (
    <ol className="timeline">
      {newestFirst.map((event) => (
        <li key={event.seq} className={`timeline__item timeline__item--${event.type.replace('.', '-')}`}>
          <p className="timeline__text">
            <strong>{event.actor?.name ?? requestOf(event)?.channelName ?? 'Autofunnel'}</strong> — {describeDealEvent(event, names)}
          </p>
          <time className="timeline__time" dateTime={event.at}>
            {formatDateTime(event.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}

/** The customer's name, opening their contact page, with their Lead / Customer badge. */
function CustomerName({ contactId, name }: { contactId: string; name: string }) {
  // the same cache entry as the customer's earlier deals below: no extra request
  const { data: contact } = useGetContactWithDealsQuery(contactId);
  return (
    <p className="deal-drawer__contact">
      <Link to={`/contacts/${contactId}`}>{name}</Link> {contact && <CustomerBadge contact={contact} />}
    </p>
  );
}

/** The side panel of one deal: who and what, its fields to edit, close or reopen, and its history. */
export function DealDrawer({ dealId, funnel, onClose }: DealDrawerProps) {
  const { data: deal, error, isLoading, refetch } = useGetDealQuery(dealId);
  const sourceNames = useSourceNames();
  const me = useAppSelector(selectCurrentUser);
  const now = useNow();

  const stage = deal ? funnel.stages.find((candidate) => candidate.id === deal.stageId) : undefined;
  const countdown = deal && deal.status === 'open' ? deadlineCountdown(deal.deadlineAt, now) : null;

  return (
    <Dialog
      variant="drawer"
      title={deal ? `Deal ${deal.code}` : 'Deal'}
      onClose={onClose}
      headerExtra={deal && <span className={`status-pill status-pill--${deal.status}`}>{DEAL_STATUS_LABELS[deal.status]}</span>}
    >
      {isLoading ? (
        <RowsSkeleton rows={6} />
      ) : !deal ? (
        <ErrorMessage title="Could not load this deal." detail={describeError(error)} onRetry={refetch} />
      ) : (
        <div className="deal-drawer">
          <p className="deal-drawer__title">{deal.title}</p>
          <section className="deal-drawer__section" aria-label="Customer">
            <h3>Customer</h3>
            <CustomerName contactId={deal.contact.id} name={deal.contact.name} />
            {deal.contact.phones.map((phone) => (
              <p key={phone}>
                <a href={`tel:${phone}`}>{phone}</a>
              </p>
            ))}
            {deal.contact.emails.map((email) => (
              <p key={email}>
                <a href={`mailto:${email}`}>{email}</a>
              </p>
            ))}
          </section>
          <section className="deal-drawer__section" aria-label="Earlier deals of the customer">
            <h3>Earlier deals of the customer</h3>
            <CustomerHistory contactId={deal.contact.id} currentDealId={deal.id} />
          </section>
          <section className="deal-drawer__section" aria-label="Details">
            <h3>Details</h3>
            <dl className="facts">
              <dt>Stage</dt>
              <dd>
                <span className="stage-dot" style={{ background: stage?.color }} aria-hidden="true" /> {stage?.name ?? 'Another funnel'}
              </dd>
              <dt>Responsible</dt>
              <dd>{deal.responsible?.name ?? 'Not taken into work yet'}</dd>
              <dt>Source</dt>
              <dd>{(deal.sourceId && sourceNames.get(deal.sourceId)) ?? '—'}</dd>
              <dt>Type</dt>
              <dd>{deal.type ? DEAL_TYPE_LABELS[deal.type] : '—'}</dd>
              {deal.channel && (
                <>
                  <dt>Came in through</dt>
                  <dd>{deal.channel}</dd>
                </>
              )}
              <dt>Amount</dt>
              <dd>{deal.amount === null ? '—' : formatAmount(deal.amount)}</dd>
              <dt>Created</dt>
              <dd>
                {formatDateTime(deal.createdAt)} ({formatAge(deal.createdAt, now)} ago)
              </dd>
              <dt>Last activity</dt>
              <dd>{formatDateTime(deal.lastActivityAt)}</dd>
              <dt>Contact deadline</dt>
              <dd className={countdown?.overdue ? 'text-danger' : undefined}>
                {deal.deadlineAt ? `${formatDateTime(deal.deadlineAt)}${countdown ? ` (${countdown.text})` : ''}` : '—'}
              </dd>
            </dl>
            {stage?.kind === 'unassigned' && !deal.responsible && deal.status === 'open' && <TakeIntoWorkButton deal={deal} />}
            {me && me.role !== 'manager' && deal.status === 'open' && <AssignControl deal={deal} />}
          </section>
          <section className="deal-drawer__section" aria-label="Edit">
            <h3>Edit</h3>
            <DealEditForm key={deal.id} deal={deal} />
          </section>
          <section className="deal-drawer__section" aria-label="Outcome">
            <h3>Outcome</h3>
            <DealOutcome deal={deal} />
          </section>
          <section className="deal-drawer__section" aria-label="History">
            <h3>History</h3>
            <DealTimeline dealId={deal.id} funnel={funnel} />
          </section>
        </div>
      )}
    </Dialog>
  );
}
