import { useState, type FormEvent } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { DEFAULT_STAGES } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { Dialog } from '../../components/Dialog';
import { useCreateFunnelMutation } from './admin-api';

/** "New funnel": a name; it starts with the default stages, which can be edited after. */
export function NewFunnelDialog({ onClose, onCreated }: { onClose(): void; onCreated(funnelId: string): void }) {
  const dispatch = useAppDispatch();
  const [create, { isLoading }] = useCreateFunnelMutation();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return setProblem('Give the funnel a name.');
    try {
      const funnel = await create({ name: name.trim() }).unwrap();
      dispatch(toastShown({ kind: 'success', text: `Funnel “${funnel.name}” created.` }));
      onClose();
      onCreated(funnel.id);
    } catch (failure) {
      setProblem(describeError(failure as FetchBaseQueryError));
    }
  }

  return (
    <Dialog title="New funnel" onClose={onClose}>
      <form onSubmit={submit} className="stack">
        <label className="field">
          <span className="field__label">Name</span>
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={120} placeholder="e.g. Used cars" />
        </label>
        <p className="muted small">It starts with the usual stages ({DEFAULT_STAGES.map((stage) => stage.name).join(', ')}); you can change them afterwards.</p>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isLoading}>
            {isLoading ? 'Creating…' : 'Create funnel'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
