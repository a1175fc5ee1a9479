import type { BranchAdminDto } from '@autofunnel/shared';
import { NameRow } from '../admin/NameRow';
import { openDealsLabel } from './user-labels';
import { useRenameBranchMutation } from './users-admin-api';

/** One branch: its name, renamed in place, its counts, and Delete. */
export function BranchRow({ branch, onDelete }: { branch: BranchAdminDto; onDelete(): void }) {
  const [rename] = useRenameBranchMutation();
  return (
    <NameRow name={branch.name} maxLength={120} rename={(name) => rename({ id: branch.id, name }).unwrap()} onDelete={onDelete}>
      <span className="branch-row__counts muted small">
        {branch.userCount === 1 ? '1 user' : `${branch.userCount} users`} · {openDealsLabel(branch.openDealCount)}
      </span>
    </NameRow>
  );
}
