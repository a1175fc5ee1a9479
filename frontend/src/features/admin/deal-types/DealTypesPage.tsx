import { useId, useState } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { DealTypeDto } from '@autofunnel/shared';
import { describeError } from '../../../app/describe-error';
import { useAppDispatch } from '../../../app/store';
import { toastShown } from '../../../app/toasts-slice';
import { RowsSkeleton } from '../../../components/Skeleton';
import { ErrorMessage } from '../../../components/StatusMessage';
import { AddNameForm } from '../AddNameForm';
import { DeleteWithReplacementDialog } from '../DeleteWithReplacementDialog';
import { DealTypeRow } from './DealTypeRow';
import { useCreateDealTypeMutation, useDeleteDealTypeMutation, useListDealTypesQuery, useUpdateDealTypeMutation } from './deal-types-api';
import './deal-types.css';

function AddDealTypeForm() {
  const [create, { isLoading }] = useCreateDealTypeMutation();
  return <AddNameForm noun="deal type" formLabel="Add a deal type" example="Fleet enquiry" maxLength={80} busy={isLoading} add={(name) => create({ name }).unwrap()} />;
}

function DeleteDealTypeDialog({ type, others, onClose }: { type: DealTypeDto; others: readonly DealTypeDto[]; onClose(): void }) {
  const [remove] = useDeleteDealTypeMutation();
  return (
    <DeleteWithReplacementDialog
      noun="deal type"
      item={type}
      others={others}
      replaceLabel="Give its deals the type"
      deletedText={(replacement) => `Deal type “${type.name}” deleted${replacement ? `; its deals are now “${replacement.name}”` : ''}.`}
      remove={(replaceWith) => remove({ id: type.id, replaceWith }).unwrap()}
      onClose={onClose}
    >
      <p>It is taken off the list of deal types.</p>
    </DeleteWithReplacementDialog>
  );
}

/** Admins: the types a deal can have (internet lead, phone call, walk-in… and their own): add, rename, reorder, delete. */
export function DealTypesPage() {
  const titleId = useId();
  const dispatch = useAppDispatch();
  const { data, isLoading, isFetching, error, refetch } = useListDealTypesQuery();
  const [move, moving] = useUpdateDealTypeMutation();
  const [deleting, setDeleting] = useState<DealTypeDto | null>(null);
  const types = data ? [...data].sort((a, b) => a.position - b.position) : [];

  // `position` is a place in the list (1 = first), whatever the stored numbers
  const moveTo = (type: DealTypeDto, rank: number) =>
    move({ id: type.id, changes: { position: rank } })
      .unwrap()
      .catch((failure: FetchBaseQueryError) => dispatch(toastShown({ kind: 'error', text: `Could not move “${type.name}”. ${describeError(failure)}` })));

  return (
    <section className="admin-page__section" aria-labelledby={titleId}>
      <div className="admin-page__header">
        <div>
          <h1 id={titleId} className="admin-page__title">
            Deal types
          </h1>
          <p className="muted">
            What kind of request a deal is. Managers pick one on each deal, in this order; intake fills in the built-in ones, which can be renamed but not
            deleted. Click a name to rename it.
          </p>
        </div>
      </div>
      <AddDealTypeForm />
      {isLoading ? (
        <RowsSkeleton rows={5} />
      ) : !data ? (
        <ErrorMessage title="Could not load the deal types." detail={describeError(error)} onRetry={refetch} />
      ) : (
        <ol className="source-rows" aria-label="Deal types">
          {types.map((type, index) => (
            <DealTypeRow
              key={type.id}
              type={type}
              moving={moving.isLoading || isFetching}
              onMoveUp={index > 0 ? () => void moveTo(type, index) : null}
              onMoveDown={index < types.length - 1 ? () => void moveTo(type, index + 2) : null}
              onDelete={() => setDeleting(type)}
            />
          ))}
        </ol>
      )}
      {deleting && <DeleteDealTypeDialog type={deleting} others={types.filter((type) => type.id !== deleting.id)} onClose={() => setDeleting(null)} />}
    </section>
  );
}
