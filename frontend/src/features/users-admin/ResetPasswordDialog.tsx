import { useId, useState, type FormEvent } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { UserAdminDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { useAppDispatch } from '../../app/store';
import { toastShown } from '../../app/toasts-slice';
import { Dialog } from '../../components/Dialog';
import { useResetPasswordMutation } from './users-admin-api';

type CopyState = 'idle' | 'copied' | 'unavailable';

const COPY_NOTES: Record<CopyState, string> = {
  idle: '',
  copied: 'Copied.',
  unavailable: 'This browser does not allow copying here: select the password and copy it by hand.',
};

/** The temporary password, this one time: the server keeps only its hash. */
function TemporaryPassword({ user, password, onDone }: { user: UserAdminDto; password: string; onDone(): void }) {
  const [copy, setCopy] = useState<CopyState>('idle');

  async function copyPassword() {
    // navigator.clipboard exists only on secure pages (https, localhost), and may be refused
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(password);
      setCopy('copied');
    } catch {
      setCopy('unavailable');
    }
  }

  return (
    <div className="stack">
      <p>
        The temporary password of {user.name}. Give it to them now: it is not shown again. They can change it on My account once signed in.
      </p>
      <div className="temporary-password">
        <code className="temporary-password__value" aria-label="Temporary password">
          {password}
        </code>
        <button type="button" className="button button--secondary button--small" onClick={() => void copyPassword()}>
          Copy
        </button>
        <span className="muted small" role="status">
          {COPY_NOTES[copy]}
        </span>
      </div>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={onDone} data-autofocus>
          Done
        </button>
      </div>
    </div>
  );
}

/**
 * Resets a user's password: to a temporary one made by the server (shown once, with Copy), or
 * to one the admin types. Either way the user is signed out everywhere.
 */
export function ResetPasswordDialog({ user, onClose }: { user: UserAdminDto; onClose(): void }) {
  const passwordId = useId();
  const dispatch = useAppDispatch();
  const [reset, { isLoading }] = useResetPasswordMutation();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [temporary, setTemporary] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== '' && password.length < 8) return setProblem('A password you choose must be at least 8 characters; leave it empty for a temporary one.');
    setProblem(null);
    try {
      const { temporaryPassword } = await reset({ id: user.id, ...(password && { password }) }).unwrap();
      if (temporaryPassword) return setTemporary(temporaryPassword);
      dispatch(toastShown({ kind: 'success', text: `The password of ${user.name} was changed; they were signed out everywhere.` }));
      onClose();
    } catch (failure) {
      setProblem(describeError(failure as FetchBaseQueryError));
    }
  }

  return (
    <Dialog title={`Reset the password of ${user.name}?`} onClose={onClose}>
      {temporary ? (
        <TemporaryPassword user={user} password={temporary} onDone={onClose} />
      ) : (
        <form onSubmit={submit} className="stack" noValidate>
          <p>They are signed out on every device and sign in again with the new password.</p>
          <div className="field">
            <label htmlFor={passwordId} className="field__label">
              New password (optional)
            </label>
            <input id={passwordId} type="password" autoComplete="new-password" value={password} aria-describedby={`${passwordId}-hint`} onChange={(event) => setPassword(event.target.value)} />
            <p id={`${passwordId}-hint`} className="muted small">
              Leave empty to make a temporary password that you then give them.
            </p>
          </div>
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button--danger" disabled={isLoading}>
              Reset password
            </button>
            <button type="button" className="button button--secondary" onClick={onClose} data-autofocus>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
