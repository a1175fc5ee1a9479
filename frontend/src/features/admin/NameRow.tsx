import { useId, type ReactNode } from 'react';
import { useRenameInPlace } from './use-rename-in-place';

interface NameRowProps {
  name: string;
  maxLength: number;
  /** Saves a new name; a refusal shows under the row. */
  rename(name: string): Promise<unknown>;
  className?: string;
  /** Before the name, e.g. its rank. */
  leading?: ReactNode;
  /** After the name: counts, move buttons, a "built in" mark. */
  children?: ReactNode;
  /** A Delete button when given. */
  onDelete?: () => void;
}

/**
 * One entry of an admin-edited list (sources, lost reasons, deal types, branches): its name
 * renamed in place (Enter or leaving the field saves; Escape undoes), the row's own controls,
 * and Delete.
 */
export function NameRow({ name, maxLength, rename, className, leading, children, onDelete }: NameRowProps) {
  const id = useId();
  const { inputProps, problem } = useRenameInPlace(name, rename);
  return (
    <li className={`source-row${className ? ` ${className}` : ''}`}>
      <div className="source-row__main">
        {leading}
        <label htmlFor={id} className="visually-hidden">
          Name of “{name}”
        </label>
        <input id={id} className="source-row__name" maxLength={maxLength} {...inputProps} />
        {children}
        {onDelete && (
          <button type="button" className="button button--ghost button--small" onClick={onDelete}>
            Delete<span className="visually-hidden"> “{name}”</span>
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

export interface MoveProps {
  /** Null at the top (bottom) of the list. */
  onMoveUp: (() => void) | null;
  onMoveDown: (() => void) | null;
  /** While a move is saved, the order on screen is not yet the server's. */
  moving: boolean;
}

/** ↑ and ↓ for an entry of an ordered list. */
export function MoveButtons({ name, onMoveUp, onMoveDown, moving }: MoveProps & { name: string }) {
  return (
    <>
      <button type="button" className="icon-button" aria-label={`Move “${name}” up`} disabled={!onMoveUp || moving} onClick={onMoveUp ?? undefined}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label={`Move “${name}” down`} disabled={!onMoveDown || moving} onClick={onMoveDown ?? undefined}>
        ↓
      </button>
    </>
  );
}
