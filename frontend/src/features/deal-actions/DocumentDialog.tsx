import { useState, type FormEvent } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { Dialog } from '../../components/Dialog';
import { useUploadDocumentMutation } from './deal-actions-api';
import { FormError, FormField, NO_PROBLEMS, problemsOf, SubmitButtons, type FormProblems } from './form-support';
import { formatFileSize } from './record-format';

/** The server's limits (DOCUMENT_MAX_MB, DOCUMENT_TYPES); it checks them again, by the file's content. */
const DOCUMENT_MAX_MB = 20;
const DOCUMENT_LIMITS_TEXT = `PDF, JPG, PNG, WEBP, HEIC, DOCX, XLSX, ODT, ODS up to ${DOCUMENT_MAX_MB} MB`;
const ACCEPTED_EXTENSIONS = '.pdf,.jpg,.jpeg,.png,.webp,.heic,.docx,.xlsx,.odt,.ods';
const MAX_TITLE_LENGTH = 200;

const withoutExtension = (fileName: string) => fileName.replace(/\.[^.]+$/, '');

/** Why the upload was refused; a 413 from a proxy in front of the API comes without our JSON. */
function uploadProblems(failure: unknown): FormProblems {
  const error = failure as FetchBaseQueryError;
  if (error.status === 'PARSING_ERROR' && error.originalStatus === 413) {
    return { fields: {}, message: `The file is too large: documents may be up to ${DOCUMENT_MAX_MB} MB.` };
  }
  return problemsOf(failure, ['file', 'title']);
}

/** Uploads a file to the deal with a title (the file's name unless changed). */
export function DocumentDialog({ dealId, onClose }: { dealId: string; onClose(): void }) {
  const dispatch = useAppDispatch();
  const [upload, { isLoading }] = useUploadDocumentMutation();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [titleTyped, setTitleTyped] = useState(false);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);

  function choose(chosen: File | null) {
    setFile(chosen);
    setProblems(NO_PROBLEMS);
    if (chosen && !titleTyped) setTitle(withoutExtension(chosen.name).slice(0, MAX_TITLE_LENGTH));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setProblems({ fields: { file: 'Choose the file to upload.' }, message: null });
    // saves a long upload that the server would refuse anyway
    if (file.size > DOCUMENT_MAX_MB * 1024 * 1024) {
      return setProblems({ fields: { file: `This file has ${formatFileSize(file.size)}; documents may be up to ${DOCUMENT_MAX_MB} MB.` }, message: null });
    }
    if (file.size === 0) return setProblems({ fields: { file: 'This file is empty.' }, message: null });
    setProblems(NO_PROBLEMS);
    const finalTitle = title.trim() || withoutExtension(file.name);
    try {
      await upload({ dealId, file, title: finalTitle }).unwrap();
      dispatch(toastShown({ kind: 'success', text: `Document “${finalTitle}” uploaded.` }));
      onClose();
    } catch (failure) {
      setProblems(uploadProblems(failure));
    }
  }

  return (
    <Dialog title="Upload a document" onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <FormField label="File" error={problems.fields.file} hint={`${DOCUMENT_LIMITS_TEXT}.`}>
          {(control) => (
            <input {...control} data-autofocus type="file" accept={ACCEPTED_EXTENSIONS} onChange={(event) => choose(event.target.files?.[0] ?? null)} required />
          )}
        </FormField>
        {file && (
          <p className="muted small">
            {file.name} · {formatFileSize(file.size)}
          </p>
        )}
        <FormField label="Title" error={problems.fields.title} hint="What it is, e.g. “Signed purchase contract”.">
          {(control) => (
            <input
              {...control}
              value={title}
              maxLength={MAX_TITLE_LENGTH}
              onChange={(event) => {
                setTitle(event.target.value);
                setTitleTyped(event.target.value !== '');
              }}
              autoComplete="off"
            />
          )}
        </FormField>
        <FormError message={problems.message} />
        <SubmitButtons label="Upload" busyLabel="Uploading…" busy={isLoading} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
