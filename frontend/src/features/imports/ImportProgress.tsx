import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ImportJobDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { ErrorMessage, LoadingMessage } from '../../components/StatusMessage';
import { useGetImportQuery } from './imports-api';

/** How often a running import is asked for its progress. */
const POLL_MS = 1000;

interface ImportProgressProps {
  jobId: string;
  /** The funnel the deals went to, for the link back to its board. */
  funnelId: string | null;
  onImportAnother(): void;
}

const count = (n: number) => n.toLocaleString('en-US');

function ProgressBar({ job }: { job: ImportJobDto }) {
  const percent = job.total === 0 ? 100 : Math.round((job.processed / job.total) * 100);
  return (
    <div className="stack">
      <div className="import-progress" role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={job.total} aria-valuenow={job.processed}>
        <div className="import-progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="muted" aria-live="polite">
        Imported {count(job.processed)} of {count(job.total)} rows…
      </p>
    </div>
  );
}

function Summary({ job }: { job: ImportJobDto }) {
  return (
    <dl className="facts import-summary" aria-label="Summary">
      <dt>New contacts</dt>
      <dd>{count(job.created)}</dd>
      <dt>Merged</dt>
      <dd>{count(job.merged)}</dd>
      <dt>Skipped</dt>
      <dd>{count(job.skipped)}</dd>
      <dt>Rejected</dt>
      <dd>{count(job.failed)}</dd>
    </dl>
  );
}

function RejectedRows({ job }: { job: ImportJobDto }) {
  if (job.failed === 0) return null;
  return (
    <section className="stack" aria-label="Rejected rows">
      <h2 className="import-page__subtitle">Rejected rows</h2>
      <p className="muted small">
        Correct these rows in the file and import it again with duplicates skipped.
        {job.failed > job.errors.length && ` The first ${count(job.errors.length)} of ${count(job.failed)} are listed.`}
      </p>
      <div className="table-scroll import-errors">
        <table className="deal-table">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {job.errors.map((error) => (
              <tr key={error.row}>
                <td>{error.row}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Step 3: the running import's progress, then what it did and the rows it refused. */
export function ImportProgress({ jobId, funnelId, onImportAnother }: ImportProgressProps) {
  const [finished, setFinished] = useState(false);
  const { data: job, error, refetch } = useGetImportQuery(jobId, { pollingInterval: finished ? 0 : POLL_MS, skipPollingIfUnfocused: false });
  useEffect(() => {
    if (job && job.state !== 'running' && job.state !== 'uploaded') setFinished(true);
  }, [job]);

  if (!job) {
    return error ? <ErrorMessage title="Could not load the import." detail={describeError(error)} onRetry={refetch} /> : <LoadingMessage>Starting the import…</LoadingMessage>;
  }
  return (
    <div className="stack">
      {job.state === 'running' || job.state === 'uploaded' ? (
        <ProgressBar job={job} />
      ) : job.state === 'failed' ? (
        <ErrorMessage title="The import stopped." detail={job.failureReason ?? 'Something went wrong on our side.'} />
      ) : (
        <p className="form-success" role="status">
          Import finished: {count(job.total)} rows of {job.fileName}.
        </p>
      )}
      {error && <p className="form-error">Cannot check the progress right now ({describeError(error)}); still trying.</p>}
      <Summary job={job} />
      {finished && <RejectedRows job={job} />}
      {finished && (
        <div className="form-actions">
          <Link className="button button--primary" to={funnelId ? `/funnels/${funnelId}` : '/'}>
            Go to the board
          </Link>
          <button type="button" className="button button--secondary" onClick={onImportAnother}>
            Import another file
          </button>
        </div>
      )}
    </div>
  );
}
