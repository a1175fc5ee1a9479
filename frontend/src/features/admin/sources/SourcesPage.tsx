import { useId, useState, type FormEvent } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { SourceDto } from '@autofunnel/shared';
import { describeError } from '../../../app/describe-error';
import { RowsSkeleton } from '../../../components/Skeleton';
import { ErrorMessage } from '../../../components/StatusMessage';
import { useGetSourcesQuery } from '../../directory/directory-api';
import { DeleteSourceDialog } from './DeleteSourceDialog';
import { SourceRow } from './SourceRow';
import { useCreateSourceMutation } from './sources-api';

function AddSourceForm() {
  const id = useId();
  const [create, { isLoading }] = useCreateSourceMutation();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return setProblem('Type the name of the source, e.g. AutoScout24.');
    setProblem(null);
    try {
      await create({ name: trimmed }).unwrap();
      setName('');
    } catch (failure) {
      setProblem(describeError(failure as FetchBaseQueryError));
    }
  }

  return (
    <form className="add-source" onSubmit={submit} aria-label="Add a source" noValidate>
      <div className="add-source__row">
        <div className="field add-source__field">
          <label htmlFor={id} className="field__label">
            New source
          </label>
          <input id={id} value={name} maxLength={120} placeholder="e.g. AutoScout24" onChange={(event) => setName(event.target.value)} />
        </div>
        <button type="submit" className="button button--primary" disabled={isLoading}>
          {isLoading ? 'Adding…' : 'Add source'}
        </button>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
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
