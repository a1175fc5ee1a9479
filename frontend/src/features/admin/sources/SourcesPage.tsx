import { useId, useState } from 'react';
import type { SourceDto } from '@autofunnel/shared';
import { describeError } from '../../../app/describe-error';
import { RowsSkeleton } from '../../../components/Skeleton';
import { ErrorMessage } from '../../../components/StatusMessage';
import { useGetSourcesQuery } from '../../directory/directory-api';
import { AddNameForm } from '../AddNameForm';
import { DeleteSourceDialog } from './DeleteSourceDialog';
import { SourceRow } from './SourceRow';
import { useCreateSourceMutation } from './sources-api';

function AddSourceForm() {
  const [create, { isLoading }] = useCreateSourceMutation();
  return <AddNameForm noun="source" formLabel="Add a source" example="AutoScout24" maxLength={120} busy={isLoading} add={(name) => create({ name }).unwrap()} />;
}

/** Admins: the list of deal sources (Showroom, Website, AutoScout24…): add, rename, delete. */
export function SourcesPage() {
  const titleId = useId();
  const { data: sources, isLoading, error, refetch } = useGetSourcesQuery();
  const [deleting, setDeleting] = useState<SourceDto | null>(null);

  return (
    <section className="admin-page__section" aria-labelledby={titleId}>
      <div className="admin-page__header">
        <div>
          <h1 id={titleId} className="admin-page__title">
            Sources
          </h1>
          <p className="muted">Where deals come from. Managers pick one on each deal, and each channel fills in its own on the deals it brings. Click a name to rename it.</p>
        </div>
      </div>
      <AddSourceForm />
      {isLoading ? (
        <RowsSkeleton rows={4} />
      ) : !sources ? (
        <ErrorMessage title="Could not load the sources." detail={describeError(error)} onRetry={refetch} />
      ) : sources.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">No sources yet</p>
          <p>Add where your deals come from: Showroom, Website, AutoScout24…</p>
        </div>
      ) : (
        <ul className="source-rows" aria-label="Sources">
          {sources.map((source) => (
            <SourceRow key={source.id} source={source} onDelete={() => setDeleting(source)} />
          ))}
        </ul>
      )}
      {deleting && <DeleteSourceDialog source={deleting} others={sources?.filter((source) => source.id !== deleting.id) ?? []} onClose={() => setDeleting(null)} />}
    </section>
  );
}
