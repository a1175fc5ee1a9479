import { useEffect, useId, useState } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { SourceDto } from '@autofunnel/shared';
import { describeError } from '../../../app/describe-error';
import { useAppDispatch } from '../../../app/store';
import { toastShown } from '../../../app/toasts-slice';
import { useRenameSourceMutation } from './sources-api';

/** One source: its name, renamed in place (saved on Enter or on leaving the field; Escape undoes), and Delete. */
export function SourceRow({ source, onDelete }: { source: SourceDto; onDelete(): void }) {
  const id = useId();
  const dispatch = useAppDispatch();
  const [rename] = useRenameSourceMutation();
  const [name, setName] = useState(source.name);
  const [problem, setProblem] = useState<string | null>(null);

  // renamed on the server (here or by another admin): show it
  useEffect(() => setName(source.name), [source.name]);

  const save = () => {
    const trimmed = name.trim();
    if (trimmed === '' || trimmed === source.name) return setName(source.name);
    setProblem(null);
    rename({ id: source.id, name: trimmed })
      .unwrap()
      .then(() => dispatch(toastShown({ kind: 'success', text: `Renamed “${source.name}” to “${trimmed}”.` })))
      .catch((failure: FetchBaseQueryError) => {
        setName(source.name);
        setProblem(`Could not rename “${source.name}”. ${describeError(failure)}`);
      });
  };

  return (
    <li className="source-row">
      <div className="source-row__main">
        <label htmlFor={id} className="visually-hidden">
          Name of “{source.name}”
        </label>
        <input
          id={id}
          className="source-row__name"
          value={name}
          maxLength={120}
          onChange={(event) => setName(event.target.value)}
          onBlur={save}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              event.currentTarget.blur();
            }
            if (event.key === 'Escape') setName(source.name);
          }}
        />
        <button type="button" className="button button--ghost button--small" onClick={onDelete}>
          Delete<span className="visually-hidden"> “{source.name}”</span>
        </button>
      </div>
      {problem && (
        <p className="form-error small" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
