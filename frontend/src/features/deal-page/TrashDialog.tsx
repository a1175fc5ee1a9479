import { useState } from 'react';
import type { DealDto } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { useNavigate } from 'react-router';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { Dialog } from '../../components/Dialog';
import { useTrashDealMutation } from './deal-page-api';

/**
 * "Mark invalid": after a confirmation saying what it means, the deal goes to the trash and
 * the page goes back to the board.
 */
export function TrashDialog({ deal, onClose }: { deal: DealDto; onClose(): void }) {
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const [trash, { isLoading }] = useTrashDealMutation();
  const [problem, setProblem] = useState<string | null>(null);

  async function confirm() {
    setProblem(null);
    try {
      await trash({ deal }).unwrap();
      dispatch(toastShown({ kind: 'success', text: `${deal.code} was marked invalid and moved to the trash.` }));
      navigate(`/funnels/${deal.funnelId}`);
    } catch (failure) {
      setProblem(`The deal was not moved to the trash. ${describeError(failure as FetchBaseQueryError)}`);
    }
  }

  return (
    <Dialog title={`Mark ${deal.code} as invalid?`} onClose={onClose}>
      <div className="stack">
        <p>
          Use this for requests that are not real deals: a wrong number, spam, a duplicate. The deal goes to the trash and is hidden everywhere (the
          board, lists, search and reports) and counted nowhere, as if it never existed.
        </p>
        <p>Only an administrator can restore it.</p>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button--danger" disabled={isLoading} onClick={() => void confirm()}>
            {isLoading ? 'Moving to the trash…' : 'Mark invalid'}
          </button>
          <button type="button" className="button button--secondary" data-autofocus onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}
