import { useState, type FormEvent } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { SourceDto } from '@autofunnel/shared';
import { describeError } from '../../../app/describe-error';
import { useAppDispatch } from '../../../app/store';
import { toastShown } from '../../../app/toasts-slice';
import { Dialog } from '../../../components/Dialog';
import { SelectField } from '../../../components/SelectField';
import { useDeleteSourceMutation } from './sources-api';

interface DeleteSourceDialogProps {
  source: SourceDto;
  /** The sources its deals and channels can move to. */
  others: readonly SourceDto[];
  onClose(): void;
}

/**
 * Deletes a source. The server refuses (409) one still used by deals or channels; its answer
 * says how many, and the admin then picks the source they move to.
 */
export function DeleteSourceDialog({ source, others, onClose }: DeleteSourceDialogProps) {
  const dispatch = useAppDispatch();
  const [remove, { isLoading }] = useDeleteSourceMutation();
  const [inUse, setInUse] = useState<string | null>(null);
  const [replaceWith, setReplaceWith] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const replacement = others.find((other) => other.id === replaceWith);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    try {
      await remove({ id: source.id, replaceWith: inUse === null ? undefined : replaceWith }).unwrap();
      const moved = replacement ? `; its deals and channels now come from “${replacement.name}”` : '';
      dispatch(toastShown({ kind: 'success', text: `Source “${source.name}” deleted${moved}.` }));
      onClose();
    } catch (failure) {
      const error = failure as FetchBaseQueryError;
      if (inUse === null && error.status === 409) setInUse(describeError(error));
      else setProblem(describeError(error));
    }
  }

  return (
    <Dialog title={`Delete “${source.name}”?`} onClose={onClose}>
      <form onSubmit={submit} className="stack">
        {inUse === null ? (
          <p>It is taken off the list of sources.</p>
        ) : (
          <>
            <p className="notice" role="alert">
              {inUse}
            </p>
            {others.length > 0 ? (
              <SelectField label="Move them to" value={replaceWith} onChange={setReplaceWith} required>
                <option value="">Choose a source…</option>
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name}
                  </option>
                ))}
              </SelectField>
            ) : (
              <p>There is no other source to move them to: add one first.</p>
            )}
          </>
        )}
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--danger" disabled={isLoading || (inUse !== null && !replacement)}>
            {inUse === null ? 'Delete source' : 'Move them and delete'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose} data-autofocus>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
