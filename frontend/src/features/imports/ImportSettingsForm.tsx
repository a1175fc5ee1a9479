import { useId, useState, type FormEvent } from 'react';
import type { ContactKind, ImportDuplicateMode, ImportMapping, ImportUploadDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { SelectField } from '../../components/SelectField';
import { useGetSourcesQuery } from '../directory/directory-api';
import { useGetFunnelsQuery } from '../funnels/funnels-api';
import { chosenMapping, IMPORT_FIELD_LABELS, mappingProblem } from './import-fields';
import { useStartImportMutation } from './imports-api';
import { ImportPreview } from './ImportPreview';

interface ImportSettingsFormProps {
  upload: ImportUploadDto;
  onStarted(jobId: string, funnelId: string | null): void;
  onCancel(): void;
}

const KINDS: readonly [ContactKind, string][] = [
  ['person', 'People'],
  ['company', 'Companies'],
];

const DUPLICATE_CHOICES: readonly [ImportDuplicateMode, string][] = [
  ['skip', 'Skip the row and leave the contact as it is'],
  ['merge', 'Add the row’s phone, email and name to the contact'],
];

/** Step 2: the preview, which column becomes which field, and how to import. */
export function ImportSettingsForm({ upload, onStarted, onCancel }: ImportSettingsFormProps) {
  const { data: funnels } = useGetFunnelsQuery();
  const { data: sources } = useGetSourcesQuery();
  const [startImport, { isLoading, error }] = useStartImportMutation();
  const [mapping, setMapping] = useState<ImportMapping>(upload.suggestedMapping);
  const [kind, setKind] = useState<ContactKind>('person');
  const [duplicates, setDuplicates] = useState<ImportDuplicateMode>('skip');
  const [withDeals, setWithDeals] = useState(false);
  // '' until chosen: the first funnel then
  const [funnelId, setFunnelId] = useState('');
  const [sourceId, setSourceId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const duplicatesName = useId();
  const chosenFunnel = funnelId || funnels?.[0]?.id || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = chosenMapping(mapping);
    const missing = mappingProblem(fields, kind);
    setProblem(missing);
    if (missing) return;
    const deals = withDeals ? { funnelId: chosenFunnel, ...(sourceId && { sourceId }) } : undefined;
    try {
      const job = await startImport({ id: upload.id, mapping: fields, contactKind: kind, duplicates, ...(deals && { deals }) }).unwrap();
      onStarted(job.id, deals?.funnelId ?? null);
    } catch {
      // shown below from the mutation's error
    }
  };

  return (
    <form className="stack import-settings" onSubmit={submit} noValidate>
      <p>
        <strong>{upload.fileName}</strong>: {upload.rowCount.toLocaleString('en-US')} {upload.rowCount === 1 ? 'row' : 'rows'}. The first rows:
      </p>
      <ImportPreview upload={upload} />

      <fieldset className="fieldset">
        <legend>Each row is</legend>
        <div className="segmented" role="group" aria-label="Each row is">
          {KINDS.map(([value, label]) => (
            <button key={value} type="button" className="segmented__option" aria-pressed={kind === value} onClick={() => setKind(value)}>
              {label}
            </button>
          ))}
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Columns</legend>
        <p className="muted small">
          {kind === 'company' ? 'Companies are named by the Company column (else by Name).' : 'People are named by Name, or by First and Last name.'} A phone or an email is needed
          on every row.
        </p>
        <div className="import-mapping">
          {IMPORT_FIELD_LABELS.map(([field, label]) => (
            <SelectField key={field} label={label} value={mapping[field] ?? ''} onChange={(column) => setMapping({ ...mapping, [field]: column })}>
              <option value="">Not imported</option>
              {upload.columns.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>When a phone or email already belongs to a contact</legend>
        {DUPLICATE_CHOICES.map(([value, label]) => (
          <label key={value} className="checkbox">
            <input type="radio" name={duplicatesName} value={value} checked={duplicates === value} onChange={() => setDuplicates(value)} />
            {label}
          </label>
        ))}
      </fieldset>

      <fieldset className="fieldset">
        <legend>Deals</legend>
        <label className="checkbox">
          <input type="checkbox" checked={withDeals} onChange={(event) => setWithDeals(event.target.checked)} />
          Create a deal per row, in the funnel’s first stage (Unassigned)
        </label>
        {withDeals && (
          <div className="field-row">
            <SelectField label="Funnel" value={chosenFunnel} onChange={setFunnelId}>
              {funnels?.map((funnel) => (
                <option key={funnel.id} value={funnel.id}>
                  {funnel.name}
                </option>
              ))}
            </SelectField>
            <SelectField label="Source" value={sourceId} onChange={setSourceId}>
              <option value="">No source</option>
              {sources?.map((source) => (
                <option key={source.id} value={source.id}>
                  {source.name}
                </option>
              ))}
            </SelectField>
          </div>
        )}
      </fieldset>

      {(problem || error) && (
        <p className="form-error" role="alert">
          {problem ?? describeError(error)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isLoading || (withDeals && !chosenFunnel)}>
          {isLoading ? 'Starting…' : 'Start import'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Choose another file
        </button>
      </div>
    </form>
  );
}
