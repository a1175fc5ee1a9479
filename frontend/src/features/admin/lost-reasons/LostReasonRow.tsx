import { useId } from 'react';
import type { LostReasonDto } from '@autofunnel/shared';
import { useRenameInPlace } from '../use-rename-in-place';
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
  const [rename] = useUpdateLostReasonMutation();
  const { inputProps, problem } = useRenameInPlace(reason.name, (name) => rename({ id: reason.id, changes: { name } }).unwrap());

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
          maxLength={200}
          {...inputProps}
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
