import { useId } from 'react';
import { Link } from 'react-router';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { MyDayDeadlineDto, MyDayTaskDto, TaskKind } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { useNow } from '../../app/use-now';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { deadlineCountdown, formatDateTime } from '../board/format';
import { useCompleteTaskMutation } from '../deal-actions/deal-actions-api';
import { TASK_KIND_LABELS, TASK_PRIORITY_LABELS } from '../deal-actions/task-labels';
import { useGetMyDayQuery } from './my-day-api';
import { endOfDay, sectionsOf, type MyDayItem } from './my-day-sections';
import './my-day.css';

/** New items and countdowns stay fresh without a reload. */
const POLL_MS = 60_000;

const KIND_ICONS: Record<TaskKind, string> = { task: '✓', call: '☎', meeting: '👥' };

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

function Countdown({ dueAt, now }: { dueAt: string; now: number }) {
  const countdown = deadlineCountdown(dueAt, now);
  if (!countdown) return null;
  return <span className={countdown.overdue ? 'my-day-item__countdown text-danger' : 'my-day-item__countdown muted'}>{countdown.text}</span>;
}

/** When: the time today; the date and time of an overdue one; a meeting's end too. */
function DueTime({ task, now }: { task: MyDayTaskDto; now: number }) {
  if (!task.dueAt) return null;
  const due = Date.parse(task.dueAt);
  const today = due >= now && due <= Date.parse(endOfDay(now));
  const starts = today ? timeFormat.format(new Date(due)) : formatDateTime(task.dueAt);
  return (
    <span className="my-day-item__when">
      <time dateTime={task.dueAt}>{starts}</time>
      {task.endsAt && <> – {timeFormat.format(new Date(task.endsAt))}</>}
    </span>
  );
}

function TaskItem({ task, now }: { task: MyDayTaskDto; now: number }) {
  const dispatch = useAppDispatch();
  const [complete, { isLoading }] = useCompleteTaskMutation();

  async function done() {
    try {
      await complete({ task }).unwrap();
      dispatch(toastShown({ kind: 'success', text: `Done: ${task.title}.` }));
    } catch (failure) {
      dispatch(toastShown({ kind: 'error', text: `Could not mark “${task.title}” done. ${describeError(failure as FetchBaseQueryError)}` }));
    }
  }

  return (
    <li className="my-day-item" aria-label={`${TASK_KIND_LABELS[task.kind]}: ${task.title}`}>
      <span className={`my-day-item__kind my-day-item__kind--${task.kind}`}>
        <span aria-hidden="true">{KIND_ICONS[task.kind]}</span> {TASK_KIND_LABELS[task.kind]}
      </span>
      <div className="my-day-item__main">
        <span className="my-day-item__title">{task.title}</span>
        <span className="my-day-item__deal small">
          <Link to={`/deals/${task.deal.id}`}>{task.deal.code}</Link> <span className="muted">{task.deal.title}</span>
        </span>
      </div>
      <div className="my-day-item__timing">
        <DueTime task={task} now={now} />
        {task.dueAt && <Countdown dueAt={task.dueAt} now={now} />}
      </div>
      <span className={`status-pill my-day-priority my-day-priority--${task.priority}`}>{TASK_PRIORITY_LABELS[task.priority]} priority</span>
      <button type="button" className="button button--secondary button--small" disabled={isLoading} onClick={() => void done()}>
        Done<span className="visually-hidden"> “{task.title}”</span>
      </button>
    </li>
  );
}

/** A deadline to contact the customer: the whole row opens the deal. */
function DeadlineItem({ deadline, now }: { deadline: MyDayDeadlineDto; now: number }) {
  const { deal } = deadline;
  return (
    <li className="my-day-item my-day-item--deadline">
      <Link to={`/deals/${deal.id}`} className="my-day-item__link">
        <span className="my-day-item__kind my-day-item__kind--deadline">
          <span aria-hidden="true">⏱</span> Contact
        </span>
        <span className="my-day-item__main">
          <span className="my-day-item__title">{deal.contact.name}</span>
          <span className="my-day-item__deal small">
            {deal.code} <span className="muted">{deal.title}</span>
          </span>
        </span>
        <span className="my-day-item__timing">
          <span className="my-day-item__when">
            <time dateTime={deadline.dueAt}>{formatDateTime(deadline.dueAt)}</time>
          </span>
          <Countdown dueAt={deadline.dueAt} now={now} />
        </span>
      </Link>
    </li>
  );
}

function Section({ title, items, now, overdue }: { title: string; items: MyDayItem[]; now: number; overdue?: boolean }) {
  const titleId = useId();
  if (items.length === 0) return null;
  return (
    <section className={`my-day__section${overdue ? ' my-day__section--overdue' : ''}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="my-day__section-title">
        {title} <span className="my-day__count">{items.length}</span>
      </h2>
      <ul className="my-day__items">
        {items.map((item) =>
          item.kind === 'task' ? <TaskItem key={`task-${item.task.id}`} task={item.task} now={now} /> : <DeadlineItem key={`deadline-${item.deadline.deal.id}`} deadline={item.deadline} now={now} />,
        )}
      </ul>
    </section>
  );
}

/** /my-day: my tasks, calls, meetings and contact deadlines: overdue first, then today, then those without a time. */
export function MyDayPage() {
  const titleId = useId();
  const now = useNow(30_000);
  // the same until all day long (one cache entry); tomorrow starts a new one
  const until = endOfDay(now);
  const { data, error, isLoading, isFetching, refetch } = useGetMyDayQuery({ until }, { pollingInterval: POLL_MS, skipPollingIfUnfocused: true });

  const sections = data ? sectionsOf(data, now) : null;
  const notListed = data ? data.tasksTotal - data.tasks.length + (data.deadlinesTotal - data.deadlines.length) : 0;
  return (
    <section className="my-day" aria-labelledby={titleId}>
      <div className="my-day__header">
        <h1 id={titleId} className="admin-page__title">
          My day
        </h1>
        <span className="muted">{dayFormat.format(new Date(now))}</span>
        {isFetching && data && (
          <span className="muted small" role="status">
            Updating…
          </span>
        )}
      </div>
      {isLoading ? (
        <RowsSkeleton rows={5} />
      ) : !data || !sections ? (
        <ErrorMessage title="Could not load your day." detail={describeError(error)} onRetry={refetch} />
      ) : sections.overdue.length + sections.today.length + sections.undated.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">Nothing due today</p>
          <p>Tasks, calls, meetings and contact deadlines of your deals show here when they are due.</p>
        </div>
      ) : (
        <>
          <Section title="Overdue" items={sections.overdue} now={now} overdue />
          <Section title="Today" items={sections.today} now={now} />
          <Section title="No due time" items={sections.undated} now={now} />
          {notListed > 0 && <p className="muted small">{notListed} more are due; they show here as you finish these.</p>}
        </>
      )}
    </section>
  );
}
