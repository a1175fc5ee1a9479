import { useId, useState, type FormEvent } from 'react';
import type { DeadlineDto, DeadlineOutcome, DealDto } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { useAppSelector } from '../../app/store';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { selectCurrentUser } from '../auth/auth-slice';
import { formatDateTime } from '../board/format';
import { formatDay, formatDayTime, fromDateTimeInput, toDateTimeInput } from '../deals/date-words';
import { useGetDeadlinesQuery, useResolveDeadlineMutation, useSetDeadlineMutation, useSetFollowUpMutation } from './deal-page-api';
import { DeadlineCountdown } from './DealHeader';
import { canChangeDeal } from '../deals/deal-permissions';

const DAY_MS = 24 * 60 * 60 * 1000;

const problemOf = (what: string, failure: unknown) => `${what} ${describeError(failure as FetchBaseQueryError)}`;

function FormProblem({ problem }: { problem: string | null }) {
  return problem ? (
    <p className="form-error" role="alert">
      {problem}
    </p>
  ) : null;
}

/** A time in the future typed into a datetime-local input, as ISO; or what is wrong with it. */
function futureTime(value: string, now: number, what: string): { iso: string } | { problem: string } {
  const iso = fromDateTimeInput(value);
  if (!iso) return { problem: `Choose ${what}.` };
  if (Date.parse(iso) <= now) return { problem: `Choose ${what} in the future.` };
  return { iso };
}

/** Sets the open deadline, or moves it. */
function SetDeadlineForm({ deal, open }: { deal: DealDto; open: DeadlineDto | undefined }) {
  const [setDeadline, { isLoading }] = useSetDeadlineMutation();
  const [value, setValue] = useState(() => (open ? toDateTimeInput(open.dueAt) : ''));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const time = futureTime(value, Date.now(), 'when to contact the customer');
    if ('problem' in time) {
      setProblem(time.problem);
      return;
    }
    setProblem(null);
    try {
      await setDeadline({ deal, dueAt: time.iso }).unwrap();
      setSaved(true);
    } catch (failure) {
      setProblem(problemOf('The deadline was not saved.', failure));
    }
  }

  return (
    <form className="deal-page__form" onSubmit={submit} aria-label={open ? 'Move the deadline' : 'Set a deadline'} noValidate>
      <label className="field">
        <span className="field__label">Contact the customer by</span>
        <input type="datetime-local" value={value} onChange={(event) => setValue(event.target.value)} required />
      </label>
      <FormProblem problem={problem} />
      {saved && (
        <p className="form-success" role="status">
          Deadline saved.
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={isLoading}>
          {open ? 'Move the deadline' : 'Set the deadline'}
        </button>
      </div>
    </form>
  );
}

/** Contacted, or not reached with why (required); optionally the next deadline at once. */
function ResolveDeadlineForm({ deal, open }: { deal: DealDto; open: DeadlineDto }) {
  const outcomeName = useId();
  const [resolve, { isLoading }] = useResolveDeadlineMutation();
  const [outcome, setOutcome] = useState<DeadlineOutcome>('contacted');
  const [note, setNote] = useState('');
  const [next, setNext] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (outcome === 'not_contacted' && note.trim() === '') {
      setProblem('Say why the customer was not reached (e.g. no answer, wrong number).');
      return;
    }
    let nextDueAt: string | undefined;
    if (next.trim() !== '') {
      const time = futureTime(next, Date.now(), 'the next contact time');
      if ('problem' in time) {
        setProblem(time.problem);
        return;
      }
      nextDueAt = time.iso;
    }
    setProblem(null);
    try {
      await resolve({ deal, deadlineId: open.id, outcome, note: note.trim() || undefined, nextDueAt }).unwrap();
      setNote('');
      setNext('');
    } catch (failure) {
      setProblem(problemOf('The outcome was not saved.', failure));
    }
  }

  return (
    <form className="deal-page__form" onSubmit={submit} aria-label="Record the contact" noValidate>
      <fieldset className="fieldset">
        <legend>Did you reach the customer?</legend>
        <label className="checkbox">
          <input type="radio" name={outcomeName} checked={outcome === 'contacted'} onChange={() => setOutcome('contacted')} />
          Contacted
        </label>
        <label className="checkbox">
          <input type="radio" name={outcomeName} checked={outcome === 'not_contacted'} onChange={() => setOutcome('not_contacted')} />
          Not reached
        </label>
      </fieldset>
      <label className="field">
        <span className="field__label">{outcome === 'contacted' ? 'What was agreed (optional)' : 'Why not reached'}</span>
        <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={1000} required={outcome === 'not_contacted'} />
      </label>
      <label className="field">
        <span className="field__label">Next contact by (optional)</span>
        <input type="datetime-local" value={next} onChange={(event) => setNext(event.target.value)} />
      </label>
      <FormProblem problem={problem} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isLoading}>
          {outcome === 'contacted' ? 'Mark contacted' : 'Mark not reached'}
        </button>
      </div>
    </form>
  );
}

/** Long-term follow-up: out of view (off the board) until a date, or back now. */
function LongTermFollowUp({ deal, mayChange }: { deal: DealDto; mayChange: boolean }) {
  const [setFollowUp, { isLoading }] = useSetFollowUpMutation();
  const [choosing, setChoosing] = useState(false);
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const send = async (until: string | null) => {
    setProblem(null);
    try {
      await setFollowUp({ deal, until }).unwrap();
      setChoosing(false);
      setDate('');
    } catch (failure) {
      setProblem(problemOf('The follow-up was not changed.', failure));
    }
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const time = futureTime(date, Date.now(), 'a date');
    if ('problem' in time) setProblem(time.problem);
    else await send(time.iso);
  }

  if (deal.followUpUntil) {
    return (
      <div className="stack">
        <p>
          <strong>Out of view until {formatDay(deal.followUpUntil)}.</strong> The deal is off the board until then, and comes back with a fresh
          deadline.
        </p>
        {mayChange && (
          <div className="form-actions">
            <button type="button" className="button button--secondary" disabled={isLoading} onClick={() => void send(null)}>
              Bring back now
            </button>
          </div>
        )}
        <FormProblem problem={problem} />
      </div>
    );
  }
  if (deal.status !== 'open') return <p className="muted">Only open deals are followed up.</p>;
  if (!mayChange) return <p className="muted">The deal is on the board, not in long-term follow-up.</p>;
  if (!choosing) {
    return (
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={() => setChoosing(true)}>
          Follow up later…
        </button>
      </div>
    );
  }
  return (
    <form className="deal-page__form" onSubmit={submit} aria-label="Follow up later" noValidate>
      <p className="muted">For customers who will buy in a few months: the deal leaves the board until this date.</p>
      <label className="field">
        <span className="field__label">Out of view until</span>
        <input type="date" data-autofocus value={date} min={toDateTimeInput(new Date(Date.now() + DAY_MS).toISOString()).slice(0, 10)} onChange={(event) => setDate(event.target.value)} required />
      </label>
      <FormProblem problem={problem} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isLoading}>
          Put out of view
        </button>
        <button type="button" className="button button--secondary" onClick={() => setChoosing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function outcomeWords(deadline: DeadlineDto): string {
  if (!deadline.resolvedAt) return 'Open';
  if (deadline.outcome === 'not_contacted') return 'Not reached';
  if (deadline.outcome === 'contacted') return 'Contacted';
  return 'Closed';
}

/** Every deadline of the deal, newest first: when due, how it ended, why, who and when. */
function DeadlineHistory({ deadlines }: { deadlines: DeadlineDto[] }) {
  if (deadlines.length === 0) return <p className="muted">No deadlines yet.</p>;
  return (
    <ol className="deadline-history" aria-label="Deadlines, newest first">
      {deadlines.map((deadline) => (
        <li key={deadline.id} className={`deadline-history__item deadline-history__item--${deadline.resolvedAt ? (deadline.outcome ?? 'closed') : 'open'}`}>
          <p>
            <span className="deadline-history__outcome">{outcomeWords(deadline)}</span> · due {formatDayTime(deadline.dueAt)}
          </p>
          {deadline.note && <p className="deadline-history__note">{deadline.note}</p>}
          <p className="muted small">
            {deadline.resolvedAt
              ? `${deadline.resolvedBy?.name ?? 'Autofunnel'}, ${formatDateTime(deadline.resolvedAt)}`
              : `Set by ${deadline.createdBy?.name ?? 'Autofunnel'}, ${formatDateTime(deadline.createdAt)}`}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** The follow-up tab: the open deadline and what became of it, the history, long-term follow-up. */
export function FollowUpTab({ deal }: { deal: DealDto }) {
  const me = useAppSelector(selectCurrentUser);
  const mayChange = canChangeDeal(me, deal);
  const { data: deadlines, error, isLoading, refetch } = useGetDeadlinesQuery(deal.id);
  const open = deadlines?.find((deadline) => !deadline.resolvedAt);
  const working = deal.status === 'open' && !deal.followUpUntil && mayChange;

  return (
    <div className="follow-up-tab">
      <section className="deal-page__section" aria-labelledby="follow-up-deadline">
        <h2 id="follow-up-deadline" className="deal-page__section-title">
          Contact deadline
        </h2>
        <p className="follow-up-tab__countdown">
          <DeadlineCountdown deal={deal} />
        </p>
        {working && deadlines && (
          <div className="follow-up-tab__forms">
            {open && <ResolveDeadlineForm key={`resolve-${open.id}`} deal={deal} open={open} />}
            <SetDeadlineForm key={`set-${open?.id ?? 'none'}`} deal={deal} open={open} />
          </div>
        )}
      </section>
      <section className="deal-page__section" aria-labelledby="follow-up-long-term">
        <h2 id="follow-up-long-term" className="deal-page__section-title">
          Long-term follow-up
        </h2>
        <LongTermFollowUp deal={deal} mayChange={mayChange} />
      </section>
      <section className="deal-page__section" aria-labelledby="follow-up-history">
        <h2 id="follow-up-history" className="deal-page__section-title">
          History of deadlines
        </h2>
        {isLoading ? (
          <RowsSkeleton rows={3} />
        ) : !deadlines ? (
          <ErrorMessage title="Could not load the deadlines." detail={describeError(error)} onRetry={refetch} />
        ) : (
          <DeadlineHistory deadlines={deadlines} />
        )}
      </section>
    </div>
  );
}
