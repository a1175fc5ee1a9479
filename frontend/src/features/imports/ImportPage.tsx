import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { ImportUploadDto } from '@autofunnel/shared';
import { useAppSelector } from '../../app/store';
import { selectCurrentUser } from '../auth/auth-slice';
import { ImportFilePicker } from './ImportFilePicker';
import { ImportProgress } from './ImportProgress';
import { ImportSettingsForm } from './ImportSettingsForm';

/** Where the wizard is: choosing a file, setting up its import, or following it. */
type Step = { kind: 'file' } | { kind: 'settings'; upload: ImportUploadDto } | { kind: 'progress'; jobId: string; funnelId: string | null };

const STEP_TITLES = { file: '1. Choose a file', settings: '2. Map the columns', progress: '3. Import' } as const;

/** /imports: leads from a CSV or Excel file, for admins and team leads. */
export function ImportPage() {
  const titleId = useId();
  const user = useAppSelector(selectCurrentUser);
  const [step, setStep] = useState<Step>({ kind: 'file' });

  if (user?.role !== 'admin' && user?.role !== 'lead') {
    return (
      <div className="empty-state">
        <p className="empty-state__title">Only administrators and team leads can import leads</p>
        <p>
          <Link to="/">Go to the board</Link>
        </p>
      </div>
    );
  }
  return (
    <section className="admin-page import-page" aria-labelledby={titleId}>
      <div className="admin-page__header">
        <div>
          <h1 id={titleId} className="admin-page__title">
            Import leads
          </h1>
          <p className="muted">Add customers from a spreadsheet (CSV or Excel) as leads, optionally with a deal each.</p>
        </div>
      </div>
      <ol className="import-steps" aria-label="Steps">
        {Object.entries(STEP_TITLES).map(([kind, title]) => (
          <li key={kind} aria-current={step.kind === kind ? 'step' : undefined}>
            {title}
          </li>
        ))}
      </ol>
      {step.kind === 'file' && <ImportFilePicker onUploaded={(upload) => setStep({ kind: 'settings', upload })} />}
      {step.kind === 'settings' && (
        <ImportSettingsForm
          upload={step.upload}
          onStarted={(jobId, funnelId) => setStep({ kind: 'progress', jobId, funnelId })}
          onCancel={() => setStep({ kind: 'file' })}
        />
      )}
      {step.kind === 'progress' && <ImportProgress jobId={step.jobId} funnelId={step.funnelId} onImportAnother={() => setStep({ kind: 'file' })} />}
    </section>
  );
}
