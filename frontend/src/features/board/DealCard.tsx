import type { MouseEvent, ReactNode } from 'react';
import type { DealDto, FunnelSettings, StageDto } from '@autofunnel/shared';
import { idleDays, isRotten, slaCountdown, type SlaLevel } from './deal-signals';
import { deadlineCountdown, formatAge, formatAmount, formatDateTime, initials } from './format';
import { TakeIntoWorkButton } from './TakeIntoWorkButton';
import './deal-card-signals.css';

interface DealCardProps {
  deal: DealDto;
  stage: StageDto | undefined;
  sourceName?: string;
  /** The current time, for the age and the countdown. */
  now: number;
  /** Just arrived live: highlighted for a moment. */
  fresh?: boolean;
  /** Being dragged: shown faded where it was. */
  dragging?: boolean;
  onOpen(): void;
  /** The "Move to…" menu, when the card may move. */
  moveMenu?: ReactNode;
  /** The funnel's speed-to-lead limits, for the countdown on untaken requests. */
  sla?: Pick<FunnelSettings, 'slaWarnMinutes' | 'slaEscalateMinutes'>;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Said before the countdown to screen readers; the icon and colour say it to the eye. */
const SLA_WORDS: Record<SlaLevel, string> = { ok: 'Speed to lead', warn: 'Speed to lead, running late', escalated: 'Speed to lead, past the limit' };
const SLA_ICONS: Record<SlaLevel, string> = { ok: '◷', warn: '⚠', escalated: '‼' };

/**
 * One deal on the board: its code and age, the customer, the car they want, who works on it,
 * where it came from, how many test drives and offers it has, and the time left to contact
 * the customer (red when overdue). What needs attention stands out: the speed-to-lead countdown
 * of an untaken request (amber after the warning, red once escalated), a deal idle past its
 * stage's limit ("rotten"), a deal whose responsible left. A click on the card (or Enter on the
 * customer's name) opens the deal's page.
 */
export function DealCard({ deal, stage, sourceName, now, fresh = false, dragging = false, onOpen, moveMenu, sla }: DealCardProps) {
  const countdown = deal.status === 'open' ? deadlineCountdown(deal.deadlineAt, now) : null;
  const untaken = stage?.kind === 'unassigned' && !deal.responsible && deal.status === 'open';
  const counts = [deal.testDriveCount > 0 && plural(deal.testDriveCount, 'test drive', 'test drives'), deal.offerCount > 0 && plural(deal.offerCount, 'offer', 'offers')].filter(
    (count): count is string => Boolean(count),
  );
  const speed = sla ? slaCountdown(deal, stage, sla, now) : null;
  const rotten = isRotten(deal, stage, now);
  const classes = [
    'deal-card',
    `deal-card--${deal.status}`,
    speed && speed.level !== 'ok' && `deal-card--sla-${speed.level}`,
    rotten && 'deal-card--rotten',
    fresh && 'deal-card--fresh',
    dragging && 'deal-card--dragging',
  ]
    .filter(Boolean)
    .join(' ');

  const deadline = countdown && (
    <span className={`deal-card__deadline ${countdown.overdue ? 'deal-card__deadline--overdue' : ''}`} title="Time left to contact the customer">
      {countdown.text}
    </span>
  );

  function openUnlessControl(event: MouseEvent<HTMLElement>) {
    if ((event.target as HTMLElement).closest('button, a, [role="menu"], input, select')) return;
    onOpen();
  }

  return (
    <article className={classes} aria-label={`Deal ${deal.code}`} onClick={openUnlessControl}>
      <div className="deal-card__top">
        <span className="deal-card__code">{deal.code}</span>
        <span className="deal-card__age" title={`Came in ${new Date(deal.createdAt).toLocaleString()}`}>
          {formatAge(deal.createdAt, now)}
        </span>
        {deal.responsible ? (
          <span className="avatar" title={deal.responsible.name} aria-label={`Responsible: ${deal.responsible.name}`}>
            {initials(deal.responsible.name)}
          </span>
        ) : (
          <span className="avatar avatar--empty" title="Not taken into work yet" aria-label="Not taken into work yet">
            ?
          </span>
        )}
      </div>
      <button type="button" className="deal-card__contact" onClick={onOpen}>
        {deal.contact.name}
      </button>
      <p className={`deal-card__vehicle ${deal.vehicleInterest ? '' : 'deal-card__vehicle--none'}`}>
        {deal.vehicleInterest ?? 'No vehicle chosen yet'}
      </p>
      {(speed || rotten || deal.reassignmentFlaggedAt) && (
        <div className="deal-card__signals">
          {speed && (
            <span className={`sla-timer sla-timer--${speed.level}`} title="Time to take the request into work before the team lead is alerted">
              <span className="sla-timer__icon" aria-hidden="true">
                {SLA_ICONS[speed.level]}
              </span>
              <span className="visually-hidden">{SLA_WORDS[speed.level]}: </span>
              {speed.text}
            </span>
          )}
          {rotten && (
            <span className="deal-signal deal-signal--rotten" title={`Last activity ${formatDateTime(deal.lastActivityAt)}; this stage expects one every ${stage?.rotAfterDays} days`}>
              No activity for {plural(idleDays(deal, now), 'day', 'days')}
            </span>
          )}
          {deal.reassignmentFlaggedAt && (
            <span className="deal-signal deal-signal--reassign" title={`Its responsible was deactivated ${formatDateTime(deal.reassignmentFlaggedAt)}: assign it to someone else`}>
              Needs reassignment
            </span>
          )}
        </div>
      )}
      {counts.length > 0 && (
        <ul className="deal-card__counts" aria-label="Records">
          {counts.map((count) => (
            <li key={count} className="deal-card__count">
              {count}
            </li>
          ))}
        </ul>
      )}
      {(sourceName || deal.amount !== null || deal.status !== 'open' || deal.newRequestAt || (untaken && deadline)) && (
        <div className="deal-card__meta">
          {sourceName && <span className="deal-card__source">{sourceName}</span>}
          {deal.amount !== null && <span className="deal-card__amount">{formatAmount(deal.amount)}</span>}
          {deal.status === 'lost' && <span className="status-pill status-pill--lost">Lost{deal.lostReason ? `: ${deal.lostReason}` : ''}</span>}
          {deal.status === 'won' && <span className="status-pill status-pill--won">Won</span>}
          {deal.newRequestAt && deal.status === 'open' && (
            <span className="status-pill status-pill--new-request" title={`The customer got in touch again ${new Date(deal.newRequestAt).toLocaleString()}`}>
              New request
            </span>
          )}
          {untaken && deadline}
        </div>
      )}
      {(untaken || countdown || moveMenu) && (
        <div className="deal-card__actions">
          {untaken ? <TakeIntoWorkButton deal={deal} /> : deadline}
          {moveMenu}
        </div>
      )}
    </article>
  );
}
