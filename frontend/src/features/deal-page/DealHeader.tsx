import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ContactSummaryDto, DealDto, FunnelDto } from '@autofunnel/shared';
import { useAppSelector } from '../../app/store';
import { useNow } from '../../app/use-now';
import { selectCurrentUser } from '../auth/auth-slice';
import { deadlineCountdown, formatAge, formatAmount, formatDateTime } from '../board/format';
import { CustomerBadge } from '../contacts/CustomerBadge';
import { formatDay, formatDayTime } from '../deals/date-words';
import { dealTypeLabel, useDealTypeNames } from '../admin/deal-types/deal-types-api';
import { DEAL_STATUS_LABELS } from '../deals/deal-labels';
import { useGetContactWithDealsQuery } from '../deals/deals-api';
import { useSourceNames } from '../directory/directory-api';
import { DealEditDialog } from './DealEditDialog';
import { canChangeDeal } from '../deals/deal-permissions';

/** How often the countdown and the age are brought up to date. */
const TICK_MS = 15_000;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function Fact({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={`deal-header__fact ${className ?? ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The customer: name (their contact page) with the Lead / Customer badge, phones and emails. */
function CustomerLine({ contact }: { contact: ContactSummaryDto }) {
  // the same cache entry as the customer's earlier deals on the contacts tab: no extra request
  const { data: withDeals } = useGetContactWithDealsQuery(contact.id);
  return (
    <div className="deal-header__customer">
      <Link className="deal-header__contact" to={`/contacts/${contact.id}`}>
        {contact.name}
      </Link>
      {withDeals && <CustomerBadge contact={withDeals} />}
      {contact.phones.map((phone) => (
        <a key={phone} href={`tel:${phone}`} className="deal-header__reach">
          {phone}
        </a>
      ))}
      {contact.emails.map((email) => (
        <a key={email} href={`mailto:${email}`} className="deal-header__reach">
          {email}
        </a>
      ))}
    </div>
  );
}

/** The time left to the open deadline, counting down (red when overdue), or why there is none. */
export function DeadlineCountdown({ deal }: { deal: DealDto }) {
  const now = useNow(TICK_MS);
  if (deal.status !== 'open') return <span className="muted">None: the deal is {DEAL_STATUS_LABELS[deal.status].toLowerCase()}</span>;
  if (deal.followUpUntil) return <span>Out of view until {formatDay(deal.followUpUntil, now)}</span>;
  const countdown = deadlineCountdown(deal.deadlineAt, now);
  if (!deal.deadlineAt || !countdown) return <span className="muted">No deadline set</span>;
  return (
    <span className={`deadline-countdown ${countdown.overdue ? 'deadline-countdown--overdue' : ''}`} title={formatDateTime(deal.deadlineAt)}>
      {countdown.text} <span className="deadline-countdown__due">(by {formatDayTime(deal.deadlineAt, now)})</span>
    </span>
  );
}

/**
 * The top of the deal page, coloured by status: code, title (editable), the customer, who
 * works on it and where it came from, the deadline countdown, how many trade-ins, test drives
 * and offers it has, and its dates.
 */
export function DealHeader({ deal, funnel, children }: { deal: DealDto; funnel: FunnelDto | undefined; children?: ReactNode }) {
  const sourceNames = useSourceNames();
  const dealTypeNames = useDealTypeNames();
  const me = useAppSelector(selectCurrentUser);
  const now = useNow(TICK_MS);
  const [editing, setEditing] = useState(false);
  const stage = funnel?.stages.find((candidate) => candidate.id === deal.stageId);

  return (
    <header className={`deal-header deal-header--${deal.status}`} aria-labelledby="deal-header-title">
      <div className="deal-header__top">
        <span className={`status-pill status-pill--${deal.status}`}>{DEAL_STATUS_LABELS[deal.status]}</span>
        <span className="deal-header__code">{deal.code}</span>
        <h1 id="deal-header-title" className="deal-header__title">
          {deal.title}
        </h1>
        {canChangeDeal(me, deal) && (
          <button type="button" className="button button--ghost button--small" onClick={() => setEditing(true)}>
            Edit details
          </button>
        )}
      </div>
      <CustomerLine contact={deal.contact} />
      <ul className="deal-header__counts" aria-label="Records">
        <li>{plural(deal.tradeInCount, 'trade-in', 'trade-ins')}</li>
        <li>{plural(deal.testDriveCount, 'test drive', 'test drives')}</li>
        <li>{plural(deal.offerCount, 'offer', 'offers')}</li>
      </ul>
      <dl className="deal-header__facts">
        <Fact label="Time left" className="deal-header__fact--deadline">
          <DeadlineCountdown deal={deal} />
        </Fact>
        <Fact label="Responsible">{deal.responsible?.name ?? 'Not taken into work yet'}</Fact>
        <Fact label="Stage">
          <span className="stage-dot" style={{ background: stage?.color }} aria-hidden="true" /> {stage?.name ?? '…'}
        </Fact>
        <Fact label="Type">{deal.type ? dealTypeLabel(dealTypeNames, deal.type) : '—'}</Fact>
        <Fact label="Source">{(deal.sourceId && sourceNames.get(deal.sourceId)) ?? '—'}</Fact>
        <Fact label="Came in through">{deal.channel ?? '—'}</Fact>
        <Fact label="Amount">{deal.amount === null ? '—' : formatAmount(deal.amount)}</Fact>
        <Fact label="Vehicle of interest">{deal.vehicleInterest ?? '—'}</Fact>
        <Fact label="Created">
          <time dateTime={deal.createdAt}>{formatDateTime(deal.createdAt)}</time>
        </Fact>
        <Fact label="Age">{formatAge(deal.createdAt, now)}</Fact>
        <Fact label="Last activity">
          <time dateTime={deal.lastActivityAt}>{formatDateTime(deal.lastActivityAt)}</time>
        </Fact>
        {deal.closedAt && deal.status !== 'open' && (
          <Fact label={deal.status === 'won' ? 'Won' : 'Lost'}>
            <time dateTime={deal.closedAt}>{formatDateTime(deal.closedAt)}</time>
          </Fact>
        )}
        {deal.status === 'lost' && <Fact label="Lost because">{deal.lostReason ?? '—'}</Fact>}
      </dl>
      {children}
      {editing && <DealEditDialog deal={deal} onClose={() => setEditing(false)} />}
    </header>
  );
}
