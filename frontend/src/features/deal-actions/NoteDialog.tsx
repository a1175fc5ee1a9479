import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { Dialog } from '../../components/Dialog';
import { useAddNoteMutation } from './deal-actions-api';
import { FormError, FormField, NO_PROBLEMS, problemsOf, SubmitButtons, type FormProblems } from './form-support';

const MAX_NOTE_LENGTH = 5000;

/** A note on the deal's timeline; Ctrl+Enter (⌘+Enter on a Mac) adds it. */
export function NoteDialog({ dealId, onClose }: { dealId: string; onClose(): void }) {
  const dispatch = useAppDispatch();
  const [addNote, { isLoading }] = useAddNoteMutation();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (isLoading) return;
    if (!text.trim()) return setProblems({ fields: { text: 'Write the note first.' }, message: null });
    setProblems(NO_PROBLEMS);
    try {
      await addNote({ dealId, text: text.trim() }).unwrap();
      dispatch(toastShown({ kind: 'success', text: 'Note added to the timeline.' }));
      onClose();
    } catch (failure) {
      setProblems(problemsOf(failure, ['text']));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <Dialog title="Add a note" onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <FormField label="Note" error={problems.fields.text} hint="Ctrl+Enter (⌘+Enter) adds the note.">
          {(control) => (
            <textarea {...control} data-autofocus rows={6} value={text} maxLength={MAX_NOTE_LENGTH} onChange={(event) => setText(event.target.value)} onKeyDown={onKeyDown} />
          )}
        </FormField>
        <FormError message={problems.message} />
        <SubmitButtons label="Add note" busyLabel="Adding…" busy={isLoading} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
