import { useState, type FormEvent } from 'react';
import type { DealDto } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { useAssignDealMutation } from '../deals/deals-api';
import { useGetUsersQuery } from '../directory/directory-api';
import { useGetBranchesQuery } from '../directory/directory-api';

/** Hands the deal to another user, another branch, or both. */
export function AssignDialog({ deal, onClose }: { deal: DealDto; onClose(): void }) {
  const { data: users } = useGetUsersQuery();
  const { data: branches } = useGetBranchesQuery();
  const [assign, { isLoading }] = useAssignDealMutation();
  const [userId, setUserId] = useState(deal.responsible?.id ?? '');
  const [branchId, setBranchId] = useState(deal.branchId ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const changes = {
    ...(userId && userId !== deal.responsible?.id && { userId }),
    ...(branchId && branchId !== deal.branchId && { branchId }),
  };
  const changed = Object.keys(changes).length > 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!changed) return;
    setProblem(null);
    try {
      await assign({ deal, ...changes }).unwrap();
      onClose();
    } catch (failure) {
      setProblem(`The deal was not assigned. ${describeError(failure as FetchBaseQueryError)}`);
    }
  }

  return (
    <Dialog title={`Assign ${deal.code}`} onClose={onClose}>
      <form className="stack" onSubmit={submit} aria-label="Assign the deal">
        <SelectField label="Responsible" value={userId} onChange={setUserId}>
          {!deal.responsible && <option value="">Nobody yet</option>}
          {deal.responsible && !users && <option value={deal.responsible.id}>{deal.responsible.name}</option>}
          {users?.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Branch" value={branchId} onChange={setBranchId}>
          {!deal.branchId && <option value="">No branch</option>}
          {deal.branchId && !branches && <option value={deal.branchId}>The current branch</option>}
          {branches?.map((branch) => (
            <option key={branch.id} value={branch.id}>
              {branch.name}
            </option>
          ))}
        </SelectField>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={!changed || isLoading}>
            {isLoading ? 'Assigning…' : 'Assign'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
