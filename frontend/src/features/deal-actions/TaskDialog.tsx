import { useId, useState, type FormEvent } from 'react';
import { canSeeDeal, scopeOf, TASK_PRIORITIES, type CreateTaskRequest, type DealDto, type TaskKind, type TaskPriority } from '@autofunnel/shared';
import { useAppDispatch, useAppSelector } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { selectCurrentUser } from '../auth/auth-slice';
import { useGetUsersQuery } from '../directory/directory-api';
import { useCreateTaskMutation } from './deal-actions-api';
import { useGetBranchesQuery } from '../directory/directory-api';
import {
  dateInputValue,
  FormError,
  FormField,
  localMoment,
  MAX_TASK_NOTES_LENGTH,
  minutesBetween,
  nextFullHour,
  NO_PROBLEMS,
  problemsOf,
  shiftTime,
  SubmitButtons,
  timeInputValue,
  type FormProblems,
} from './form-support';
import { TASK_KIND_LABELS, TASK_PRIORITY_LABELS } from './task-labels';

const MEETING_MINUTES = 60;
const SHOWN_FIELDS = ['title', 'dueAt', 'endsAt', 'notes'];

const DIALOG_TITLES: Record<TaskKind, string> = { task: 'Add a task', call: 'Plan a call', meeting: 'Plan a meeting' };

function suggestedTitle(kind: TaskKind, deal: DealDto): string {
  if (kind === 'call') return `Call ${deal.contact.name}`;
  if (kind === 'meeting') return `Meeting with ${deal.contact.name}`;
  return '';
}

/**
 * A task, call or meeting on the deal: when (meetings: from–to), who does it and who else takes
 * part, at which branch and how urgent. It shows in "My day" of the assignee and participants.
 */
export function TaskDialog({ deal, kind, onClose }: { deal: DealDto; kind: TaskKind; onClose(): void }) {
  const dispatch = useAppDispatch();
  const me = useAppSelector(selectCurrentUser);
  // Only people who see the deal can work on its tasks (the API refuses the others).
  const { data: allUsers } = useGetUsersQuery();
  const users = allUsers?.filter((user) => canSeeDeal(user, scopeOf(deal)));
  const { data: branches } = useGetBranchesQuery();
  const [create, { isLoading }] = useCreateTaskMutation();
  const participantsId = useId();
  const [title, setTitle] = useState(() => suggestedTitle(kind, deal));
  const [when, setWhen] = useState(() => {
    const start = nextFullHour(new Date());
    return { date: dateInputValue(start), start: timeInputValue(start), end: shiftTime(timeInputValue(start), MEETING_MINUTES) };
  });
  const [assigneeId, setAssigneeId] = useState(me?.id ?? '');
  const [participantIds, setParticipantIds] = useState<string[]>([]);
  const [branchId, setBranchId] = useState(deal.branchId ?? me?.branchId ?? '');
  const [priority, setPriority] = useState<TaskPriority>('normal');
  const [notes, setNotes] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const isMeeting = kind === 'meeting';
  const kindLabel = TASK_KIND_LABELS[kind];

  function changeStart(start: string) {
    const length = minutesBetween(when.start, when.end);
    setWhen({ ...when, start, end: isMeeting && start && length > 0 ? shiftTime(start, length) : when.end });
  }

  function toggleParticipant(userId: string, on: boolean) {
    setParticipantIds((current) => (on ? [...current, userId] : current.filter((id) => id !== userId)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!title.trim()) fields.title = `Say what the ${kindLabel.toLowerCase()} is about.`;
    const dueAt = when.date || isMeeting ? localMoment(when.date, when.start) : null;
    const endsAt = isMeeting ? localMoment(when.date, when.end) : null;
    if ((when.date || isMeeting) && !dueAt) fields.dueAt = isMeeting ? 'Enter the day and the start time.' : 'Enter the time, or clear the day for no due time.';
    if (isMeeting && !endsAt) fields.endsAt = 'Enter the end time.';
    else if (dueAt && endsAt && endsAt <= dueAt) fields.endsAt = 'The meeting must end after it starts.';
    if (Object.keys(fields).length > 0) return setProblems({ fields, message: null });
    setProblems(NO_PROBLEMS);

    const request: CreateTaskRequest = {
      kind,
      title: title.trim(),
      ...(dueAt && { dueAt: dueAt.toISOString() }),
      ...(endsAt && { endsAt: endsAt.toISOString() }),
      ...(assigneeId && { assigneeId }),
      // the assignee is not also a participant
      ...(participantIds.length > 0 && { participantIds: participantIds.filter((id) => id !== assigneeId) }),
      ...(branchId && { branchId }),
      priority,
      ...(notes.trim() && { notes: notes.trim() }),
    };
    try {
      await create({ dealId: deal.id, ...request }).unwrap();
      dispatch(toastShown({ kind: 'success', text: `${kindLabel} “${request.title}” planned.` }));
      onClose();
    } catch (failure) {
      setProblems(problemsOf(failure, SHOWN_FIELDS));
    }
  }

  const others = users?.filter((user) => user.id !== assigneeId) ?? [];

  return (
    <Dialog title={DIALOG_TITLES[kind]} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <FormField label="Title" error={problems.fields.title}>
          {(control) => <input {...control} data-autofocus value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} required autoComplete="off" />}
        </FormField>
        <div className="field-row">
          <FormField label={isMeeting ? 'Day' : 'Due day'} error={problems.fields.dueAt} hint={isMeeting ? undefined : 'Optional'}>
            {(control) => <input {...control} type="date" value={when.date} onChange={(event) => setWhen({ ...when, date: event.target.value })} required={isMeeting} />}
          </FormField>
          <FormField label={isMeeting ? 'Start' : 'Due time'}>
            {(control) => <input {...control} type="time" value={when.start} onChange={(event) => changeStart(event.target.value)} step={300} />}
          </FormField>
          {isMeeting && (
            <FormField label="End" error={problems.fields.endsAt}>
              {(control) => <input {...control} type="time" value={when.end} onChange={(event) => setWhen({ ...when, end: event.target.value })} step={300} required />}
            </FormField>
          )}
        </div>
        <div className="field-row">
          <SelectField label="Assignee" value={assigneeId} onChange={setAssigneeId}>
            {!users && me && <option value={me.id}>{me.name}</option>}
            {users?.map((user) => (
              <option key={user.id} value={user.id}>
                {user.id === me?.id ? `${user.name} (me)` : user.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Branch" value={branchId} onChange={setBranchId}>
            <option value="">No branch</option>
            {branches?.map((branch) => (
              <option key={branch.id} value={branch.id}>
                {branch.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Priority" value={priority} onChange={(value) => setPriority(value as TaskPriority)}>
            {TASK_PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {TASK_PRIORITY_LABELS[value]}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className="fieldset" aria-describedby={`${participantsId}-hint`}>
          <legend>Participants</legend>
          <span id={`${participantsId}-hint`} className="muted small">
            They see the {kindLabel.toLowerCase()} in their day too.
          </span>
          {users === undefined ? (
            <p className="muted small">Loading the team…</p>
          ) : (
            <div className="participant-list">
              {others.map((user) => (
                <label key={user.id} className="checkbox">
                  <input type="checkbox" checked={participantIds.includes(user.id)} onChange={(event) => toggleParticipant(user.id, event.target.checked)} />
                  {user.name}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <FormField label="Notes" error={problems.fields.notes}>
          {(control) => <textarea {...control} rows={2} value={notes} onChange={(event) => setNotes(event.target.value)} maxLength={MAX_TASK_NOTES_LENGTH} />}
        </FormField>
        <FormError message={problems.message} />
        <SubmitButtons label={`Add ${kindLabel.toLowerCase()}`} busyLabel="Saving…" busy={isLoading} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
