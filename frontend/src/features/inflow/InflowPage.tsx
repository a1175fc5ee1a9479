import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { DealDto, FunnelDto, InflowDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useAppSelector } from '../../app/store';
import { useNow } from '../../app/use-now';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { selectCurrentUser } from '../auth/auth-slice';
import { slaCountdown } from '../board/deal-signals';
import { FunnelSwitcher } from '../board/FunnelSwitcher';
import { LiveIndicator, OfflineBanner } from '../board/LiveIndicator';
import { TakeIntoWorkButton } from '../board/TakeIntoWorkButton';
import { formatClock } from '../deals/date-words';
import { useGetFunnelsQuery } from '../funnels/funnels-api';
import { useGetInflowQuery } from './inflow-api';
import './inflow.css';

/** Seconds as "45s", "4m 30s", "1h 5m". */
function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return whole % 60 > 0 ? `${minutes}m ${whole % 60}s` : `${minutes}m`;
  return minutes % 60 > 0 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m` : `${Math.floor(minutes / 60)}h`;
}

/** How long a request has waited, as a running clock: "4:05", or "1:02:03" from an hour on. */
function formatWaiting(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** The browser's last midnight, as ISO: "today" is the user's day, not the server's. */
function localMidnight(now: number): string {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).toISOString();
}

function Tile({ label, value, hint }: { label: string; value: string; hint: string }) {
  const id = useId();
  return (
    <div className="inflow-tile" role="group" aria-labelledby={id}>
      <p id={id} className="inflow-tile__label">
        {label}
      </p>
      <p className="inflow-tile__value">{value}</p>
      <p className="inflow-tile__hint muted small">{hint}</p>
    </div>
  );
}

function UntakenRow({ deal, funnel, now }: { deal: DealDto; funnel: FunnelDto; now: number }) {
  // in the same words as the card on the board
  const sla = slaCountdown(deal, funnel.stages.find((stage) => stage.id === deal.stageId), funnel, now);
  return (
    <li className={`inflow-untaken ${sla ? `inflow-untaken--${sla.level}` : ''}`}>
      <div className="inflow-untaken__deal">
        <Link to={`/deals/${encodeURIComponent(deal.id)}`} className="inflow-untaken__link">
          {deal.code} · {deal.contact.name}
        </Link>
        <span className="muted small">{deal.vehicleInterest ?? deal.title}</span>
      </div>
      <span className="inflow-untaken__waiting small" title="Waiting since it arrived in the unassigned stage">
        Waiting {formatWaiting(now - Date.parse(deal.stageEnteredAt))}
      </span>
      {sla && <span className={`inflow-sla inflow-sla--${sla.level}`}>{sla.text}</span>}
      <TakeIntoWorkButton deal={deal} />
    </li>
  );
}

function UntakenList({ inflow, funnel }: { inflow: InflowDto; funnel: FunnelDto }) {
  const titleId = useId();
  // a second's tick: the waiting times run like clocks
  const now = useNow(1000);
  const oldestFirst = [...inflow.untaken].sort((a, b) => a.stageEnteredAt.localeCompare(b.stageEnteredAt));
  const sla = [
    funnel.slaWarnMinutes !== null && `amber after ${funnel.slaWarnMinutes} min`,
    funnel.slaEscalateMinutes !== null && `red and escalated to the team lead after ${funnel.slaEscalateMinutes} min`,
  ].filter(Boolean);
  return (
    <section className="inflow-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="inflow-section__title">
        Waiting to be taken
      </h2>
      <p className="muted small">{sla.length > 0 ? `Oldest first. Speed to lead: ${sla.join(', ')}.` : 'Oldest first. This funnel has no speed-to-lead SLA.'}</p>
      {oldestFirst.length === 0 ? (
        <p className="inflow-empty">Every request has been taken into work.</p>
      ) : (
        <ol className="inflow-untaken-list" aria-labelledby={titleId}>
          {oldestFirst.map((deal) => (
            <UntakenRow key={deal.id} deal={deal} funnel={funnel} now={now} />
          ))}
        </ol>
      )}
      {inflow.untakenCount > oldestFirst.length && (
        <p className="muted small">
          Showing the oldest {oldestFirst.length} of {inflow.untakenCount}.
        </p>
      )}
    </section>
  );
}

function Takers({ inflow }: { inflow: InflowDto }) {
  const titleId = useId();
  return (
    <section className="inflow-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="inflow-section__title">
        Who took what today
      </h2>
      {inflow.takers.length === 0 ? (
        <p className="inflow-empty">Nobody has taken a request into work today yet.</p>
      ) : (
        <table className="deal-table inflow-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">Manager</th>
              <th scope="col" className="inflow-table__number">
                Taken
              </th>
              <th scope="col" className="inflow-table__number">
                Median time to take
              </th>
            </tr>
          </thead>
          <tbody>
            {inflow.takers.map((taker) => (
              <tr key={taker.user.id}>
                <td>{taker.user.name}</td>
                <td className="inflow-table__number">{taker.count}</td>
                <td className="inflow-table__number">{formatSeconds(taker.medianTakeSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RecentTakes({ inflow }: { inflow: InflowDto }) {
  const titleId = useId();
  return (
    <section className="inflow-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="inflow-section__title">
        Latest takes
      </h2>
      {inflow.recentTakes.length === 0 ? (
        <p className="inflow-empty">No takes yet today.</p>
      ) : (
        <table className="deal-table inflow-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">Deal</th>
              <th scope="col">Taken by</th>
              <th scope="col">At</th>
              <th scope="col" className="inflow-table__number">
                After
              </th>
            </tr>
          </thead>
          <tbody>
            {inflow.recentTakes.map((take) => (
              <tr key={`${take.deal.id}-${take.takenAt}`}>
                <td>
                  <Link to={`/deals/${encodeURIComponent(take.deal.id)}`}>{take.deal.code}</Link> <span className="muted">{take.deal.title}</span>
                </td>
                <td>
                  {take.user.name}{' '}
                  {take.auto && (
                    <span className="inflow-auto" title="Assigned by automatic distribution">
                      auto
                    </span>
                  )}
                </td>
                <td>
                  <time dateTime={take.takenAt}>{formatClock(take.takenAt)}</time>
                </td>
                <td className="inflow-table__number">{formatSeconds(take.takeSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function FunnelInflow({ funnel }: { funnel: FunnelDto }) {
  // a new day starts at the browser's midnight
  const since = localMidnight(useNow(60_000));
  const args = useMemo(() => ({ funnelId: funnel.id, since }), [funnel.id, since]);
  const { currentData: inflow, error, isFetching, refetch } = useGetInflowQuery(args);

  if (!inflow) {
    if (error && !isFetching) return <ErrorMessage title="Could not load the inflow." detail={describeError(error)} onRetry={refetch} />;
    return <RowsSkeleton rows={6} />;
  }
  return (
    <>
      <div className="inflow-tiles">
        <Tile label="Arrived today" value={String(inflow.arrived)} hint="New requests since midnight" />
        <Tile label="Untaken now" value={String(inflow.untakenCount)} hint="Open, with nobody responsible" />
        <Tile label="Median time to take into work" value={formatSeconds(inflow.medianTakeSeconds)} hint="From arrival to taken, today" />
      </div>
      <UntakenList inflow={inflow} funnel={funnel} />
      <div className="inflow-columns">
        <Takers inflow={inflow} />
        <RecentTakes inflow={inflow} />
      </div>
    </>
  );
}

/**
 * /inflow (team leads and admins): a funnel's unassigned inflow, live: what arrived today,
 * what waits (with its speed-to-lead countdown), how fast requests are taken and by whom.
 */
export function InflowPage() {
  const me = useAppSelector(selectCurrentUser);
  const [searchParams, setSearchParams] = useSearchParams();
  const allowed = me?.role === 'lead' || me?.role === 'admin';
  const funnels = useGetFunnelsQuery(undefined, { skip: !allowed });

  if (!allowed) {
    return (
      <div className="empty-state">
        <p className="empty-state__title">The Inflow view is for team leads and administrators</p>
        <p>
          <Link to="/">Go to the board</Link>
        </p>
      </div>
    );
  }
  if (funnels.isLoading) return <RowsSkeleton rows={6} />;
  if (!funnels.data) return <ErrorMessage title="Could not load the funnels." detail={describeError(funnels.error)} onRetry={funnels.refetch} />;
  const funnel = funnels.data.find((candidate) => candidate.id === searchParams.get('funnel')) ?? funnels.data[0];
  if (!funnel) {
    return (
      <div className="empty-state">
        <p className="empty-state__title">There are no funnels yet</p>
        <p>An administrator can create one.</p>
      </div>
    );
  }

  return (
    <div className="inflow-page">
      <div className="inflow-page__header">
        <h1 className="inflow-page__title">Inflow</h1>
        <FunnelSwitcher funnels={funnels.data} current={funnel} onSwitch={(id) => setSearchParams({ funnel: id })} />
        <LiveIndicator />
      </div>
      <OfflineBanner />
      <FunnelInflow key={funnel.id} funnel={funnel} />
    </div>
  );
}
