import { useMemo, useState } from 'react';
import type { DealEventDto, FunnelDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { formatDateTime } from '../board/format';
import { useGetDealEventsQuery } from '../deals/deals-api';
import { describeDealEvent, requestOf, type EventNames } from '../deals/describe-deal-event';
import { useUserNames } from '../directory/directory-api';
import { matchesTimelineFilter, TIMELINE_FILTERS, type TimelineFilter } from './timeline-filter';

/** Chips to narrow the timeline to one kind of event. */
function TimelineFilterChips({ value, onChange }: { value: TimelineFilter; onChange(filter: TimelineFilter): void }) {
  return (
    <div className="chips" role="group" aria-label="Show in the timeline">
      {TIMELINE_FILTERS.map((filter) => (
        <button key={filter.id} type="button" className="chip" aria-pressed={value === filter.id} onClick={() => onChange(filter.id)}>
          {filter.label}
        </button>
      ))}
    </div>
  );
}

/** Who did it: a user, the channel a request came through, or the system (scheduled jobs). */
function actorOf(event: DealEventDto): string {
  return event.actor?.name ?? requestOf(event)?.channelName ?? 'Autofunnel';
}

/** Everything that happened on the deal, newest first, in words, filterable by kind. */
export function DealTimeline({ dealId, funnel }: { dealId: string; funnel: FunnelDto | undefined }) {
  const { data: events, error, isLoading, refetch } = useGetDealEventsQuery(dealId);
  const userNames = useUserNames();
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const names: EventNames = useMemo(
    () => ({
      stageName: (id) => funnel?.stages.find((stage) => stage.id === id)?.name,
      userName: (id) => userNames.get(id),
    }),
    [funnel, userNames],
  );
  // The API lists oldest first; seq orders a funnel's events, so also one deal's.
  const shown = useMemo(
    () => (events ?? []).filter((event) => matchesTimelineFilter(event, filter)).sort((a, b) => b.seq - a.seq),
    [events, filter],
  );

  return (
    <section className="deal-timeline" aria-labelledby="deal-timeline-title">
      <h2 id="deal-timeline-title" className="deal-page__section-title">
        Timeline
      </h2>
      <TimelineFilterChips value={filter} onChange={setFilter} />
      {isLoading ? (
        <RowsSkeleton rows={4} />
      ) : !events ? (
        <ErrorMessage title="Could not load the timeline." detail={describeError(error)} onRetry={refetch} />
      ) : shown.length === 0 ? (
        <p className="muted">{events.length === 0 ? 'Nothing has happened yet.' : 'Nothing of this kind yet.'}</p>
      ) : (
        <ol className="timeline" aria-label="Events, newest first">
          {shown.map((event) => (
            <li key={event.seq} className={`timeline__item timeline__item--${event.type.replace(/[._]/g, '-')}`}>
              <p className="timeline__text">
                <strong>{actorOf(event)}</strong> — {describeDealEvent(event, names)}
              </p>
              <time className="timeline__time" dateTime={event.at}>
                {formatDateTime(event.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
