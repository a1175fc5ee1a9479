import { useId } from 'react';
import type { DealTypeDto } from '@autofunnel/shared';
import { useRenameInPlace } from '../use-rename-in-place';
import { useUpdateDealTypeMutation } from './deal-types-api';

interface DealTypeRowProps {
  type: DealTypeDto;
  /** Null at the top (bottom) of the list. */
  onMoveUp: (() => void) | null;
  onMoveDown: (() => void) | null;
  /** While a move is saved, the order on screen is not yet the server's. */
  moving: boolean;
  onDelete(): void;
}

/** One deal type: its name renamed in place (Enter or leaving the field saves; Escape undoes), up, down, and Delete unless built in. */
export function DealTypeRow({ type, onMoveUp, onMoveDown, moving, onDelete }: DealTypeRowProps) {
  const id = useId();
  const [update] = useUpdateDealTypeMutation();
  const { inputProps, problem } = useRenameInPlace(type.name, (name) => update({ id: type.id, changes: { name } }).unwrap());

  return (
    <li className="source-row deal-type-row">
      <div className="source-row__main">
        <label htmlFor={id} className="visually-hidden">
          Name of “{type.name}”
        </label>
        <input id={id} className="source-row__name" maxLength={80} {...inputProps} />
        <button type="button" className="icon-button" aria-label={`Move “${type.name}” up`} disabled={!onMoveUp || moving} onClick={onMoveUp ?? undefined}>
          ↑
        </button>
        <button type="button" className="icon-button" aria-label={`Move “${type.name}” down`} disabled={!onMoveDown || moving} onClick={onMoveDown ?? undefined}>
          ↓
        </button>
        {type.system ? (
          <span className="deal-type-row__built-in muted small" title="Intake uses it: it can be renamed, not deleted">
            built in
          </span>
        ) : (
          <button type="button" className="button button--ghost button--small" onClick={onDelete}>
            Delete<span className="visually-hidden"> “{type.name}”</span>
          </button>
        )}
      </div>
      {problem && (
        <p className="form-error small" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
