import { useEffect, useId, useState } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { LostReasonDto } from '@autofunnel/shared';
import { describeError } from '../../../app/describe-error';
import { useAppDispatch } from '../../../app/store';
import { toastShown } from '../../../app/toasts-slice';
import { useUpdateLostReasonMutation } from './lost-reasons-api';

interface LostReasonRowProps {
  reason: LostReasonDto;
  /** 1 for the first of the list. */
  rank: number;
  /** Null at the top (bottom) of the list. */
  onMoveUp: (() => void) | null;
  onMoveDown: (() => void) | null;
  /** While a move is saved, the order on screen is not yet the server's. */
  moving: boolean;
  onDelete(): void;
}

/** One reason: its place, its name renamed in place (Enter or leaving the field saves; Escape undoes), up, down, Delete. */
export function LostReasonRow({ reason, rank, onMoveUp, onMoveDown, moving, onDelete }: LostReasonRowProps) {
  const id = useId();
  const dispatch = useAppDispatch();
  const [rename] = useUpdateLostReasonMutation();
  const [name, setName] = useState(reason.name);
  const [problem, setProblem] = useState<string | null>(null);

  // renamed on the server (here or by another admin): show it
  useEffect(() => setName(reason.name), [reason.name]);

  const save = () => {
    const trimmed = name.trim();
    if (trimmed === '' || trimmed === reason.name) return setName(reason.name);
    setProblem(null);
    rename({ id: reason.id, changes: { name: trimmed } })
      .unwrap()
      .then(() => dispatch(toastShown({ kind: 'success', text: `Renamed “${reason.name}” to “${trimmed}”.` })))
      .catch((failure: FetchBaseQueryError) => {
        setName(reason.name);
        setProblem(`Could not rename “${reason.name}”. ${describeError(failure)}`);
      });
  };

  return (
    <li className="source-row lost-reason-row">
      <div className="source-row__main">
        <span className="lost-reason-row__rank muted" aria-hidden="true">
          {rank}
        </span>
        <label htmlFor={id} className="visually-hidden">
          Name of “{reason.name}”
        </label>
        <input
          id={id}
          className="source-row__name"
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
          onBlur={save}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              event.currentTarget.blur();
            }
            if (event.key === 'Escape') setName(reason.name);
          }}
        />
        <button type="button" className="icon-button" aria-label={`Move “${reason.name}” up`} disabled={!onMoveUp || moving} onClick={onMoveUp ?? undefined}>
          ↑
        </button>
        <button type="button" className="icon-button" aria-label={`Move “${reason.name}” down`} disabled={!onMoveDown || moving} onClick={onMoveDown ?? undefined}>
          ↓
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onDelete}>
          Delete<span className="visually-hidden"> “{reason.name}”</span>
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
