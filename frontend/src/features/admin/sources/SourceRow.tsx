import { useId } from 'react';
import type { SourceDto } from '@autofunnel/shared';
import { useRenameInPlace } from '../use-rename-in-place';
import { useRenameSourceMutation } from './sources-api';

/** One source: its name, renamed in place (saved on Enter or on leaving the field; Escape undoes), and Delete. */
export function SourceRow({ source, onDelete }: { source: SourceDto; onDelete(): void }) {
  const id = useId();
  const [rename] = useRenameSourceMutation();
  const { inputProps, problem } = useRenameInPlace(source.name, (name) => rename({ id: source.id, name }).unwrap());

  return (
    <li className="source-row">
      <div className="source-row__main">
        <label htmlFor={id} className="visually-hidden">
          Name of “{source.name}”
        </label>
        <input
          id={id}
          className="source-row__name"
          maxLength={120}
          {...inputProps}
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
