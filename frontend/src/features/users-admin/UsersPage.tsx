import { useId, useMemo, useState } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { UserAdminDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useAppDispatch, useAppSelector } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { ConfirmDialog } from '../admin/channels/ConfirmDialog';
import { selectCurrentUser } from '../auth/auth-slice';
import { useGetBranchesQuery } from '../directory/directory-api';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserFormDialog } from './UserFormDialog';
import { UsersTable } from './UsersTable';
import { openDealsLabel } from './user-labels';
import { useActivateUserMutation, useDeactivateUserMutation, useGetAdminUsersQuery } from './users-admin-api';
import './users-admin.css';

/** What dialog is open over the table. */
type Open =
  | { dialog: 'new' }
  | { dialog: 'edit'; user: UserAdminDto }
  | { dialog: 'deactivate'; user: UserAdminDto }
  | { dialog: 'reset'; user: UserAdminDto }
  | null;

/** The consequences, said before the admin confirms. */
function DeactivateConsequences({ user }: { user: UserAdminDto }) {
  return (
    <>
      <p>{user.name} is signed out at once and can no longer sign in. You can activate them again later.</p>
      <p>
        {user.openDealCount === 0
          ? 'They hold no open deals.'
          : `Their ${openDealsLabel(user.openDealCount)} stay theirs but are flagged for reassignment, and the team leads of their branch are told to hand them over.`}
      </p>
    </>
  );
}

/** Admins: everyone who signs in: add, edit, deactivate or activate, reset a password. */
export function UsersPage() {
  const titleId = useId();
  const dispatch = useAppDispatch();
  const selfId = useAppSelector(selectCurrentUser)?.id ?? '';
  const { data: users, isLoading, error, refetch } = useGetAdminUsersQuery();
  const { data: branches = [] } = useGetBranchesQuery();
  const [deactivate] = useDeactivateUserMutation();
  const [activate] = useActivateUserMutation();
  const [open, setOpen] = useState<Open>(null);
  const branchNames = useMemo(() => new Map(branches.map((branch) => [branch.id, branch.name])), [branches]);
  const close = () => setOpen(null);
  const toast = (kind: 'success' | 'error', text: string) => dispatch(toastShown({ kind, text }));

  const actions = {
    edit: (user: UserAdminDto) => setOpen({ dialog: 'edit', user }),
    resetPassword: (user: UserAdminDto) => setOpen({ dialog: 'reset', user }),
    deactivate: (user: UserAdminDto) => setOpen({ dialog: 'deactivate', user }),
    activate: (user: UserAdminDto) => {
      activate(user.id)
        .unwrap()
        .then(() => toast('success', `${user.name} can sign in again.`))
        .catch((failure: FetchBaseQueryError) => toast('error', `Could not activate ${user.name}. ${describeError(failure)}`));
    },
  };

  async function confirmDeactivate(user: UserAdminDto) {
    const { flaggedDeals } = await deactivate(user.id).unwrap();
    const flagged = flaggedDeals === 0 ? 'no open deals to reassign' : `${openDealsLabel(flaggedDeals)} flagged for reassignment`;
    toast('success', `${user.name} was deactivated: ${flagged}.`);
    close();
  }

  return (
    <section className="admin-page__section" aria-labelledby={titleId}>
      <div className="admin-page__header">
        <div>
          <h1 id={titleId} className="admin-page__title">
            Users
          </h1>
          <p className="muted">Who signs in, their role and branch. Managers on duty receive automatically distributed deals, up to their cap.</p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setOpen({ dialog: 'new' })}>
          New user
        </button>
      </div>
      {isLoading ? (
        <RowsSkeleton rows={5} />
      ) : !users ? (
        <ErrorMessage title="Could not load the users." detail={describeError(error)} onRetry={refetch} />
      ) : (
        <UsersTable users={users} branchNames={branchNames} selfId={selfId} actions={actions} />
      )}
      {(open?.dialog === 'new' || open?.dialog === 'edit') && (
        <UserFormDialog
          user={open.dialog === 'edit' ? open.user : undefined}
          selfId={selfId}
          branches={branches}
          onClose={close}
          onSaved={(user, created) => {
            toast('success', created ? `${user.name} was added. Tell them their first password.` : `${user.name} was saved.`);
            close();
          }}
        />
      )}
      {open?.dialog === 'deactivate' && (
        <ConfirmDialog title={`Deactivate ${open.user.name}?`} confirmLabel="Deactivate" danger onConfirm={() => confirmDeactivate(open.user)} onClose={close}>
          <DeactivateConsequences user={open.user} />
        </ConfirmDialog>
      )}
      {open?.dialog === 'reset' && <ResetPasswordDialog user={open.user} onClose={close} />}
    </section>
  );
}
