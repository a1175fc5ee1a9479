import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { DealDto, DocumentDto } from '@autofunnel/shared';
import { ConfirmDialog } from '../admin/channels/ConfirmDialog';
import { formatDateTime } from '../board/format';
import { useDeleteDocumentMutation, useGetDealDocumentsQuery, useRenameDocumentMutation } from './deal-actions-api';
import { FormError, NO_PROBLEMS, problemsOf, type FormProblems } from './form-support';
import { formatFileSize } from './record-format';
import { RecordSection } from './RecordSection';
import { useProtectedFile } from './use-protected-file';

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/webp': 'WEBP',
  'image/heic': 'HEIC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
};

/** "PDF", or the MIME type itself for a type we have no short name for. */
const documentTypeName = (contentType: string) => TYPE_NAMES[contentType] ?? contentType;

const downloadPath = (document: DocumentDto) => `/documents/${encodeURIComponent(document.id)}/download`;

/** The title as an input: Enter (or Save) renames, Escape (or Cancel) keeps the old title. */
function RenameForm({ document, onDone }: { document: DocumentDto; onDone(): void }) {
  const [rename, { isLoading }] = useRenameDocumentMutation();
  const [title, setTitle] = useState(document.title);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return setProblems({ fields: {}, message: 'A document needs a title.' });
    if (trimmed === document.title) return onDone();
    try {
      await rename({ document, title: trimmed }).unwrap();
      onDone();
    } catch (failure) {
      setProblems(problemsOf(failure, []));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      // the rename is what Escape cancels, not a dialog around the page
      event.preventDefault();
      event.stopPropagation();
      onDone();
    }
  }

  return (
    <form className="rename-form" onSubmit={submit} noValidate>
      <label className="visually-hidden" htmlFor={`rename-${document.id}`}>
        New title of {document.title}
      </label>
      <input ref={input} id={`rename-${document.id}`} value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} onKeyDown={onKeyDown} />
      <button type="submit" className="button button--primary button--small" disabled={isLoading}>
        {isLoading ? 'Saving…' : 'Save'}
      </button>
      <button type="button" className="button button--ghost button--small" onClick={onDone}>
        Cancel
      </button>
      <FormError message={problems.message} />
    </form>
  );
}

/** The deal's files: download (with the session's token), rename in place, delete after asking. */
export function DocumentsSection({ deal, mayChange }: { deal: DealDto; mayChange: boolean }) {
  const query = useGetDealDocumentsQuery(deal.id);
  const [deleteDocument] = useDeleteDocumentMutation();
  const file = useProtectedFile();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<DocumentDto | null>(null);

  // After a rename (or its cancel) the focus goes back to that document's Rename button.
  const renameButtons = useRef(new Map<string, HTMLButtonElement>());
  const lastRenamed = useRef<string | null>(null);
  useEffect(() => {
    if (renaming !== null || !lastRenamed.current) return;
    renameButtons.current.get(lastRenamed.current)?.focus();
    lastRenamed.current = null;
  }, [renaming]);

  function startRenaming(documentId: string) {
    lastRenamed.current = documentId;
    setRenaming(documentId);
  }

  return (
    <>
      <RecordSection title="Documents" query={query} emptyText="No documents. Use “Document” to upload a contract, an ID scan or a photo.">
        {(documents) =>
          documents.map((document) => (
            <li key={document.id} className="record">
              <div className="record__main">
                {renaming === document.id ? (
                  <RenameForm document={document} onDone={() => setRenaming(null)} />
                ) : (
                  <p className="record__title">{document.title}</p>
                )}
                <p className="record__meta">
                  {document.fileName} · {formatFileSize(document.size)} · {documentTypeName(document.contentType)} · uploaded by {document.createdBy?.name ?? 'someone'} on{' '}
                  {formatDateTime(document.createdAt)}
                </p>
              </div>
              <div className="record__actions">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={file.pending === downloadPath(document)}
                  onClick={() => void file.get({ url: downloadPath(document), what: `“${document.title}”`, fallbackName: document.fileName })}
                >
                  {file.pending === downloadPath(document) ? 'Downloading…' : 'Download'}
                </button>
                {mayChange && renaming !== document.id && (
                  <>
                    <button
                      ref={(button) => {
                        if (button) renameButtons.current.set(document.id, button);
                        else renameButtons.current.delete(document.id);
                      }}
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => startRenaming(document.id)}
                    >
                      Rename
                    </button>
                    <button type="button" className="button button--ghost button--small" aria-haspopup="dialog" onClick={() => setDeleting(document)}>
                      Delete
                    </button>
                  </>
                )}
              </div>
            </li>
          ))
        }
      </RecordSection>
      {deleting && (
        <ConfirmDialog
          title="Delete the document?"
          confirmLabel="Delete document"
          danger
          onConfirm={async () => {
            await deleteDocument(deleting).unwrap();
            setDeleting(null);
          }}
          onClose={() => setDeleting(null)}
        >
          <p>
            “{deleting.title}” ({deleting.fileName}) is deleted for good; the timeline keeps a note that it existed.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
