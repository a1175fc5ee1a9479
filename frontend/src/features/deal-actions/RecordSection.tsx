import { useId, type ReactNode } from 'react';
import type { SerializedError } from '@reduxjs/toolkit';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';

interface RecordListQuery<T> {
  data?: T[];
  error?: FetchBaseQueryError | SerializedError;
  isLoading: boolean;
  refetch(): unknown;
}

interface RecordSectionProps<T> {
  /** "Offers" */
  title: string;
  query: RecordListQuery<T>;
  /** Said when there are none, e.g. "No offers yet: …". */
  emptyText: string;
  children(items: T[]): ReactNode;
}

/** One kind of the deal's records: a heading with the count, then the list, or why there is none. */
export function RecordSection<T>({ title, query, emptyText, children }: RecordSectionProps<T>) {
  const headingId = useId();
  const items = query.data;
  return (
    <section className="record-section" aria-labelledby={headingId} aria-busy={query.isLoading}>
      <h3 id={headingId} className="record-section__title">
        {title}
        {items && <span className="record-section__count">{items.length}</span>}
      </h3>
      {query.isLoading ? (
        <RowsSkeleton rows={2} />
      ) : query.error && !items ? (
        <ErrorMessage title={`Could not load the ${title.toLowerCase()}.`} detail={describeError(query.error)} onRetry={() => void query.refetch()} />
      ) : items && items.length > 0 ? (
        <ul className="record-list">{children(items)}</ul>
      ) : (
        <p className="record-section__empty muted small">{emptyText}</p>
      )}
    </section>
  );
}
