import { useId, useState, type FormEvent } from 'react';
import type { DealDto } from '@autofunnel/shared';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { Dialog } from '../../components/Dialog';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { useCloseDealMutation } from '../deals/deals-api';
import { useGetLostReasonsQuery } from './deal-page-api';

/** The choice that lets a reason be typed. */
const OTHER = '\u0000other';

/**
 * "Close as lost": a reason is required, picked from the admins' list or typed under "Other".
 */
export function LostDialog({ deal, onClose }: { deal: DealDto; onClose(): void }) {
  const name = useId();
  const { data: reasons, error, isLoading, refetch } = useGetLostReasonsQuery();
  const [close, { isLoading: closing }] = useCloseDealMutation();
  const [choice, setChoice] = useState('');
  const [other, setOther] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const reason = choice === OTHER ? other.trim() : choice;
  const sorted = reasons ? [...reasons].sort((a, b) => a.position - b.position) : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason) {
      setProblem(choice === OTHER ? 'Write down why the deal was lost.' : 'Choose why the deal was lost.');
      return;
    }
    setProblem(null);
    try {
      await close({ deal, outcome: 'lost', reason }).unwrap();
      onClose();
    } catch (failure) {
      setProblem(`The deal was not closed. ${describeError(failure as FetchBaseQueryError)}`);
    }
  }

  return (
    <Dialog title={`Close ${deal.code} as lost`} onClose={onClose}>
      <form className="stack" onSubmit={submit} aria-label="Close as lost" noValidate>
        <fieldset className="fieldset lost-reasons">
          <legend>Why was it lost?</legend>
          {isLoading ? (
            <RowsSkeleton rows={3} />
          ) : error ? (
            <ErrorMessage title="Could not load the list of reasons." detail={`${describeError(error)} You can still write one under “Other”.`} onRetry={refetch} />
          ) : (
            sorted.map((option) => (
              <label key={option.id} className="checkbox">
                <input type="radio" name={name} value={option.name} checked={choice === option.name} onChange={() => setChoice(option.name)} />
                {option.name}
              </label>
            ))
          )}
          <label className="checkbox">
            <input type="radio" name={name} value="other" checked={choice === OTHER} onChange={() => setChoice(OTHER)} />
            Other
          </label>
          {choice === OTHER && (
            <label className="field">
              <span className="field__label">The reason</span>
              <input data-autofocus value={other} onChange={(event) => setOther(event.target.value)} maxLength={200} required />
            </label>
          )}
        </fieldset>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--danger" disabled={closing}>
            {closing ? 'Closing…' : 'Close as lost'}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
