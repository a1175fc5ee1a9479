import { useState, type FormEvent, type ReactNode } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';

interface Named {
  id: string;
  name: string;
}

interface DeleteWithReplacementDialogProps<T extends Named> {
  /** What is deleted, e.g. "source" or "deal type". */
  noun: string;
  item: T;
  /** What its users can move to instead. */
  others: readonly T[];
  /** Said before the first try, e.g. "It is taken off the list of sources." */
  children: ReactNode;
  /** Label of the replacement select, e.g. "Move them to". */
  replaceLabel: string;
  /** The toast after deleting; `replacement` when its users were moved. */
  deletedText(replacement: T | undefined): string;
  /** Deletes it; with `replaceWith`, its users move to that one first. */
  remove(replaceWith: string | undefined): Promise<unknown>;
  onClose(): void;
}

/**
 * Deletes an entry of an admin-edited list (sources, deal types, lost reasons). The server
 * refuses (409) one still in use and says how much uses it; the admin then picks the entry
 * they move to, and the delete is tried again with it.
 */
export function DeleteWithReplacementDialog<T extends Named>({ noun, item, others, children, replaceLabel, deletedText, remove, onClose }: DeleteWithReplacementDialogProps<T>) {
  const dispatch = useAppDispatch();
  const [busy, setBusy] = useState(false);
  const [inUse, setInUse] = useState<string | null>(null);
  const [replaceWith, setReplaceWith] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const replacement = others.find((other) => other.id === replaceWith);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      await remove(inUse === null ? undefined : replaceWith);
      dispatch(toastShown({ kind: 'success', text: deletedText(replacement) }));
      onClose();
    } catch (failure) {
      const error = failure as FetchBaseQueryError;
      if (inUse === null && error.status === 409) setInUse(describeError(error));
      else setProblem(describeError(error));
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Delete “${item.name}”?`} onClose={onClose}>
      <form onSubmit={submit} className="stack">
        {inUse === null ? (
          children
        ) : (
          <>
            <p className="notice" role="alert">
              {inUse}
            </p>
            {others.length > 0 ? (
              <SelectField label={replaceLabel} value={replaceWith} onChange={setReplaceWith} required>
                <option value="">Choose a {noun}…</option>
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name}
                  </option>
                ))}
              </SelectField>
            ) : (
              <p>There is no other {noun} to move them to: add one first.</p>
            )}
          </>
        )}
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--danger" disabled={busy || (inUse !== null && !replacement)}>
            {inUse === null ? `Delete ${noun}` : 'Move them and delete'}
          </button>
          {/* the safe choice gets the focus */}
          <button type="button" className="button button--secondary" onClick={onClose} data-autofocus>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
