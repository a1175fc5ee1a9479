import { useId } from 'react';
import { describeError } from '../../app/describe-error';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { useGetBranchesQuery } from '../directory/directory-api';
import { ROLE_LABELS } from '../users-admin/user-labels';
import { useGetMeQuery } from './account-api';
import { ChangePasswordForm } from './ChangePasswordForm';
import { OnDutySwitch } from './OnDutySwitch';
import './account.css';

/** My account (/account): who I am, my duty switch (managers) and my password. */
export function AccountPage() {
  const titleId = useId();
  const { data: me, isLoading, error, refetch } = useGetMeQuery();
  const { data: branches } = useGetBranchesQuery();
  const branch = me?.branchId ? branches?.find((candidate) => candidate.id === me.branchId)?.name : null;

  return (
    <section className="account-page" aria-labelledby={titleId}>
      <h1 id={titleId} className="account-page__title">
        My account
      </h1>
      {isLoading ? (
        <RowsSkeleton rows={3} />
      ) : !me ? (
        <ErrorMessage title="Could not load your account." detail={describeError(error)} onRetry={refetch} />
      ) : (
        <section className="account-section" aria-label="Profile">
          <dl className="account-facts">
            <dt>Name</dt>
            <dd>{me.name}</dd>
            <dt>Email</dt>
            <dd>{me.email}</dd>
            <dt>Role</dt>
            <dd>{ROLE_LABELS[me.role]}</dd>
            <dt>Branch</dt>
            <dd>{branch ?? <span className="muted">None</span>}</dd>
            <dt>Phone extension</dt>
            <dd>{me.phoneExtension ?? <span className="muted">None</span>}</dd>
          </dl>
          {me.role === 'manager' && (
            <div className="account-duty">
              <OnDutySwitch />
              <p className="muted small">While you are on duty, new requests may be assigned to you automatically{me.maxOpenDeals !== null ? `, up to ${me.maxOpenDeals} open deals` : ''}.</p>
            </div>
          )}
        </section>
      )}
      <ChangePasswordForm />
    </section>
  );
}
