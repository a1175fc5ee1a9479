import { useMemo, useState, type FormEvent } from 'react';
import type { DealDto, TaskDto } from '@autofunnel/shared';
import { useNow } from '../../app/use-now';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../board/format';
import { useCompleteTaskMutation, useGetDealTasksQuery } from './deal-actions-api';
import { FormError, FormField, MAX_TASK_NOTES_LENGTH, NO_PROBLEMS, problemsOf, SubmitButtons, type FormProblems } from './form-support';
import { formatSlot } from './record-format';
import { RecordSection } from './RecordSection';
import { TASK_KIND_LABELS, TASK_PRIORITY_LABELS } from './task-labels';

const timeOf = (iso: string | null) => (iso ? Date.parse(iso) : Number.POSITIVE_INFINITY);

/** Open ones first, soonest due first (no due time last); then done ones, latest first. */
function orderTasks(tasks: readonly TaskDto[]): TaskDto[] {
  const open = tasks.filter((task) => !task.doneAt).sort((a, b) => timeOf(a.dueAt) - timeOf(b.dueAt));
  const done = tasks.filter((task) => task.doneAt).sort((a, b) => timeOf(b.doneAt) - timeOf(a.doneAt));
  return [...open, ...done];
}

function CompleteTaskDialog({ task, onClose }: { task: TaskDto; onClose(): void }) {
  const [complete, { isLoading }] = useCompleteTaskMutation();
  const [result, setResult] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const kind = TASK_KIND_LABELS[task.kind].toLowerCase();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    try {
      await complete({ task, ...(result.trim() && { result: result.trim() }) }).unwrap();
      onClose();
    } catch (failure) {
      setProblems(problemsOf(failure, ['result']));
    }
  }

  return (
    <Dialog title={`Complete the ${kind}`} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <p>
          <strong>{task.title}</strong>
        </p>
        <FormField label="Result" error={problems.fields.result} hint="Optional: what came of it. It is posted to the timeline.">
          {(control) => <textarea {...control} data-autofocus rows={3} value={result} onChange={(event) => setResult(event.target.value)} maxLength={MAX_TASK_NOTES_LENGTH} />}
        </FormField>
        <FormError message={problems.message} />
        <SubmitButtons label={`Complete ${kind}`} busyLabel="Saving…" busy={isLoading} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function TaskItem({ task, now, mayChange, onComplete }: { task: TaskDto; now: number; mayChange: boolean; onComplete(): void }) {
  const overdue = !task.doneAt && task.dueAt !== null && Date.parse(task.dueAt) < now;
  const when = task.dueAt ? (task.endsAt ? formatSlot(task.dueAt, task.endsAt) : `Due ${formatDateTime(task.dueAt)}`) : 'No due time';
  return (
    <li className={`record ${task.doneAt ? 'record--inactive' : ''} ${overdue ? 'record--overdue' : ''}`}>
      <div className="record__main">
        <p className="record__title">
          <span className="record__kind">{TASK_KIND_LABELS[task.kind]}</span> {task.title}
          {task.priority !== 'normal' && <span className={`status-pill status-pill--priority-${task.priority}`}>{TASK_PRIORITY_LABELS[task.priority]} priority</span>}
          {task.doneAt && <span className="status-pill status-pill--won">done</span>}
        </p>
        <p className={`record__meta ${overdue ? 'text-danger' : ''}`}>
          {overdue && 'Overdue: '}
          {when} · {task.assignee ? task.assignee.name : 'Nobody assigned'}
          {task.participants.length > 0 && ` with ${task.participants.map((user) => user.name).join(', ')}`}
        </p>
        {task.notes && <p className="record__notes">{task.notes}</p>}
        {task.doneAt && (
          <p className="record__meta">
            Done by {task.doneBy?.name ?? 'someone'} on {formatDateTime(task.doneAt)}
            {task.result && `: ${task.result}`}
          </p>
        )}
      </div>
      {mayChange && !task.doneAt && (
        <div className="record__actions">
          <button type="button" className="button button--secondary button--small" aria-haspopup="dialog" onClick={onComplete}>
            Complete
          </button>
        </div>
      )}
    </li>
  );
}

/** The deal's tasks, calls and meetings: open first, overdue ones in red; completing one asks for its result. */
export function TasksSection({ deal, mayChange }: { deal: DealDto; mayChange: boolean }) {
  const query = useGetDealTasksQuery(deal.id);
  const now = useNow();
  const ordered = useMemo(() => (query.data ? orderTasks(query.data) : undefined), [query.data]);
  const [completing, setCompleting] = useState<TaskDto | null>(null);

  return (
    <>
      <RecordSection
        title="Tasks, calls and meetings"
        query={{ ...query, data: ordered }}
        emptyText="Nothing planned. Use “Task”, “Call” or “Meeting” to plan the next step."
      >
        {(tasks) => tasks.map((task) => <TaskItem key={task.id} task={task} now={now} mayChange={mayChange} onComplete={() => setCompleting(task)} />)}
      </RecordSection>
      {completing && <CompleteTaskDialog task={completing} onClose={() => setCompleting(null)} />}
    </>
  );
}
