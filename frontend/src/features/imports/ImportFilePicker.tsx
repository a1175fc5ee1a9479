import { useState, type DragEvent } from 'react';
import type { ImportUploadDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useUploadImportMutation } from './imports-api';

const ACCEPTED = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Step 1: a file chosen or dropped here is uploaded and read by the server. */
export function ImportFilePicker({ onUploaded }: { onUploaded(upload: ImportUploadDto): void }) {
  const [upload, { isLoading, error, reset }] = useUploadImportMutation();
  const [dragging, setDragging] = useState(false);

  const send = async (file: File | undefined) => {
    if (!file) return;
    reset();
    try {
      onUploaded(await upload(file).unwrap());
    } catch {
      // shown below from the mutation's error
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void send(event.dataTransfer.files[0]);
  };

  return (
    <div className="stack">
      <label
        className={`import-drop${dragging ? ' import-drop--over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span className="import-drop__title">Choose a CSV or Excel file</span>
        <span className="muted">or drop it here. The first row names the columns (Name, Phone, Email…); up to 10 MB.</span>
        <input
          type="file"
          aria-label="Choose a CSV or Excel file"
          accept={ACCEPTED}
          disabled={isLoading}
          onChange={(event) => {
            void send(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </label>
      {isLoading && (
        <p className="status-message" role="status">
          Reading the file…
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {describeError(error)}
        </p>
      )}
    </div>
  );
}
