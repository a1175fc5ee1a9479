import { useId, useState } from 'react';
import type { BranchAdminDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { AddNameForm } from '../admin/AddNameForm';
import { ConfirmDialog } from '../admin/channels/ConfirmDialog';
import { BranchRow } from './BranchRow';
import { useCreateBranchMutation, useDeleteBranchMutation, useGetBranchesWithCountsQuery } from './users-admin-api';
import './users-admin.css';

function AddBranchForm() {
  const [create, { isLoading }] = useCreateBranchMutation();
  return <AddNameForm noun="branch" formLabel="Add a branch" example="North showroom" maxLength={120} busy={isLoading} add={(name) => create({ name }).unwrap()} />;
}

/**
 * Admins: the dealership's sites. Users and deals belong to one; a team lead sees their branch's
 * deals. A branch still in use cannot be deleted: the dialog shows the server's answer, naming what uses it.
 */
export function BranchesPage() {
  const titleId = useId();
  const dispatch = useAppDispatch();
  const { data: branches, isLoading, error, refetch } = useGetBranchesWithCountsQuery();
  const [remove] = useDeleteBranchMutation();
  const [deleting, setDeleting] = useState<BranchAdminDto | null>(null);

  async function confirmDelete(branch: BranchAdminDto) {
    await remove(branch.id).unwrap();
    dispatch(toastShown({ kind: 'success', text: `Branch “${branch.name}” deleted.` }));
    setDeleting(null);
  }

  return (
    <section className="admin-page__section" aria-labelledby={titleId}>
      <div className="admin-page__header">
        <div>
          <h1 id={titleId} className="admin-page__title">
            Branches
          </h1>
          <p className="muted">The dealership’s sites. Each user and deal belongs to one, and a team lead sees the deals of their branch. Click a name to rename it.</p>
        </div>
      </div>
      <AddBranchForm />
      {isLoading ? (
        <RowsSkeleton rows={3} />
      ) : !branches ? (
        <ErrorMessage title="Could not load the branches." detail={describeError(error)} onRetry={refetch} />
      ) : branches.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">No branches yet</p>
          <p>Add your sites, e.g. North showroom, Service centre.</p>
        </div>
      ) : (
        <ul className="source-rows" aria-label="Branches">
          {branches.map((branch) => (
            <BranchRow key={branch.id} branch={branch} onDelete={() => setDeleting(branch)} />
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog title={`Delete “${deleting.name}”?`} confirmLabel="Delete branch" danger onConfirm={() => confirmDelete(deleting)} onClose={() => setDeleting(null)}>
          <p>It is taken off the list of branches. A branch that users, deals or channels still belong to cannot be deleted.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
