import { useId } from 'react';
import type { BranchAdminDto } from '@autofunnel/shared';
import { useRenameInPlace } from '../admin/use-rename-in-place';
import { openDealsLabel } from './user-labels';
import { useRenameBranchMutation } from './users-admin-api';

/** One branch: its name, renamed in place (Enter or leaving the field saves; Escape undoes), its counts, and Delete. */
export function BranchRow({ branch, onDelete }: { branch: BranchAdminDto; onDelete(): void }) {
  const id = useId();
  const [rename] = useRenameBranchMutation();
  const { inputProps, problem } = useRenameInPlace(branch.name, (name) => rename({ id: branch.id, name }).unwrap());

  return (
    <li className="source-row">
      <div className="source-row__main">
        <label htmlFor={id} className="visually-hidden">
          Name of “{branch.name}”
        </label>
        <input id={id} className="source-row__name" maxLength={120} {...inputProps} />
        <span className="branch-row__counts muted small">
          {branch.userCount === 1 ? '1 user' : `${branch.userCount} users`} · {openDealsLabel(branch.openDealCount)}
        </span>
        <button type="button" className="button button--ghost button--small" onClick={onDelete}>
          Delete<span className="visually-hidden"> “{branch.name}”</span>
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
