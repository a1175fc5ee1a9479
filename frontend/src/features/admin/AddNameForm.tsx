import { useId, useState, type FormEvent } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';

interface AddNameFormProps {
  /** What the form adds, e.g. "source" or "reason": "New source", "Add source". */
  noun: string;
  /** The form's accessible name, e.g. "Add a source". */
  formLabel: string;
  example: string;
  maxLength: number;
  busy: boolean;
  /** Adds the entry; a rejection is shown in words under the field. */
  add(name: string): Promise<unknown>;
}

/** The one-field form under an admin-edited list (sources, lost reasons): type a name, add it. */
export function AddNameForm({ noun, formLabel, example, maxLength, busy, add }: AddNameFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return setProblem(`Type the ${noun}, e.g. ${example}.`);
    setProblem(null);
    try {
      await add(trimmed);
      setName('');
    } catch (failure) {
      setProblem(describeError(failure as FetchBaseQueryError));
    }
  }

  return (
    <form className="add-source" onSubmit={submit} aria-label={formLabel} noValidate>
      <div className="add-source__row">
        <div className="field add-source__field">
          <label htmlFor={id} className="field__label">
            New {noun}
          </label>
          <input id={id} value={name} maxLength={maxLength} placeholder={`e.g. ${example}`} onChange={(event) => setName(event.target.value)} />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Adding…' : `Add ${noun}`}
        </button>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
