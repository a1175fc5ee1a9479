import { useId, useState } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { LostReasonDto } from '@autofunnel/shared';
import { describeError } from '../../../app/describe-error';
import { useAppDispatch } from '../../../app/store';
import { toastShown } from '../../../app/toasts-slice';
import { RowsSkeleton } from '../../../components/Skeleton';
import { ErrorMessage } from '../../../components/StatusMessage';
import { useGetLostReasonsQuery } from '../../deal-page/deal-page-api';
import { AddNameForm } from '../AddNameForm';
import { DeleteWithReplacementDialog } from '../DeleteWithReplacementDialog';
import { LostReasonRow } from './LostReasonRow';
import { useCreateLostReasonMutation, useDeleteLostReasonMutation, useUpdateLostReasonMutation } from './lost-reasons-api';
import './lost-reasons.css';

function AddLostReasonForm() {
  const [create, { isLoading }] = useCreateLostReasonMutation();
  return <AddNameForm noun="reason" formLabel="Add a lost reason" example="Financing declined" maxLength={200} busy={isLoading} add={(name) => create({ name }).unwrap()} />;
}

/** Admins: the reasons a manager picks from when a deal is lost, in the order they are offered. */
export function LostReasonsPage() {
  const titleId = useId();
  const dispatch = useAppDispatch();
  const { data, isLoading, isFetching, error, refetch } = useGetLostReasonsQuery();
  const [move, moving] = useUpdateLostReasonMutation();
  const [remove] = useDeleteLostReasonMutation();
  const [deleting, setDeleting] = useState<LostReasonDto | null>(null);
  const reasons = data ? [...data].sort((a, b) => a.position - b.position) : [];

  // `position` is a place in the list (1 = first), whatever the stored numbers
  const moveTo = (reason: LostReasonDto, rank: number) =>
    move({ id: reason.id, changes: { position: rank } })
      .unwrap()
      .catch((failure: FetchBaseQueryError) => dispatch(toastShown({ kind: 'error', text: `Could not move “${reason.name}”. ${describeError(failure)}` })));

  return (
    <section className="admin-page__section" aria-labelledby={titleId}>
      <div className="admin-page__header">
        <div>
          <h1 id={titleId} className="admin-page__title">
            Lost reasons
          </h1>
          <p className="muted">A manager closing a deal as lost picks one of these, in this order. Renaming one does not change deals already lost.</p>
        </div>
      </div>
      <AddLostReasonForm />
      {isLoading ? (
        <RowsSkeleton rows={6} />
      ) : !data ? (
        <ErrorMessage title="Could not load the lost reasons." detail={describeError(error)} onRetry={refetch} />
      ) : reasons.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">No lost reasons yet</p>
          <p>Add the reasons your managers choose from, e.g. “Bought elsewhere”.</p>
        </div>
      ) : (
        <ol className="source-rows" aria-label="Lost reasons">
          {reasons.map((reason, index) => (
            <LostReasonRow
              key={reason.id}
              reason={reason}
              rank={index + 1}
              moving={moving.isLoading || isFetching}
              onMoveUp={index > 0 ? () => void moveTo(reason, index) : null}
              onMoveDown={index < reasons.length - 1 ? () => void moveTo(reason, index + 2) : null}
              onDelete={() => setDeleting(reason)}
            />
          ))}
        </ol>
      )}
      {deleting && (
        <DeleteWithReplacementDialog
          noun="reason"
          item={deleting}
          others={reasons.filter((reason) => reason.id !== deleting.id)}
          replaceLabel="Give its lost deals the reason"
          deletedText={(replacement) => `Lost reason “${deleting.name}” deleted${replacement ? `; its deals are now lost for “${replacement.name}”` : ''}.`}
          remove={(replaceWith) => remove({ id: deleting.id, replaceWith }).unwrap()}
          onClose={() => setDeleting(null)}
        >
          <p>Managers can no longer pick it when a deal is lost. If deals were lost for it, you choose the reason they get instead.</p>
        </DeleteWithReplacementDialog>
      )}
    </section>
  );
}
