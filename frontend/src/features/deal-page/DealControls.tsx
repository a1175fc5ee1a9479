import { useState } from 'react';
import type { DealDto } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { useAppSelector } from '../../app/store';
import { selectCurrentUser } from '../auth/auth-slice';
import { TakeIntoWorkButton } from '../board/TakeIntoWorkButton';
import { useCloseDealMutation, useReopenDealMutation } from '../deals/deals-api';
import { AssignDialog } from './AssignDialog';
import { LostDialog } from './LostDialog';
import { canChangeDeal } from '../deals/deal-permissions';
import { TrashDialog } from './TrashDialog';

type OpenDialog = 'assign' | 'lost' | 'trash' | null;

/**
 * Take into work, assign, close as won or lost (with a reason), reopen, mark invalid. Only for
 * those who may change the deal; the others are told who may.
 */
export function DealControls({ deal }: { deal: DealDto }) {
  const me = useAppSelector(selectCurrentUser);
  const [close, closing] = useCloseDealMutation();
  const [reopen, reopening] = useReopenDealMutation();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [problem, setProblem] = useState<string | null>(null);

  if (!canChangeDeal(me, deal)) {
    return <p className="deal-controls__note muted">{deal.responsible?.name ?? 'Its responsible manager'}, a team lead or an administrator can change this deal.</p>;
  }

  const run = async (what: string, action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
    } catch (failure) {
      setProblem(`${what} ${describeError(failure as FetchBaseQueryError)}`);
    }
  };
  const closeDialog = () => setDialog(null);

  return (
    <div className="deal-controls" role="group" aria-label="Status and assignment">
      {!deal.responsible && deal.status === 'open' && <TakeIntoWorkButton deal={deal} />}
      {deal.status === 'open' ? (
        <>
          <button type="button" className="button button--secondary button--small" onClick={() => setDialog('assign')}>
            Assign…
          </button>
          <button
            type="button"
            className="button button--success button--small"
            disabled={closing.isLoading}
            onClick={() => void run('The deal was not closed.', () => close({ deal, outcome: 'won' }).unwrap())}
          >
            {closing.isLoading ? 'Closing…' : 'Close as won'}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setDialog('lost')}>
            Close as lost…
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={reopening.isLoading}
          onClick={() => void run('The deal was not reopened.', () => reopen({ deal }).unwrap())}
        >
          {reopening.isLoading ? 'Reopening…' : 'Reopen'}
        </button>
      )}
      <button type="button" className="button button--ghost button--small deal-controls__trash" onClick={() => setDialog('trash')}>
        Mark invalid…
      </button>
      {problem && (
        <p className="form-error deal-controls__problem" role="alert">
          {problem}
        </p>
      )}
      {dialog === 'assign' && <AssignDialog deal={deal} onClose={closeDialog} />}
      {dialog === 'lost' && <LostDialog deal={deal} onClose={closeDialog} />}
      {dialog === 'trash' && <TrashDialog deal={deal} onClose={closeDialog} />}
    </div>
  );
}
