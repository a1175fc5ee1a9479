import { useId, useState, type FormEvent } from 'react';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { describeError } from '../../app/describe-error';
import { useChangeOwnPasswordMutation } from './account-api';

/** Must match the server's minimum. */
const MIN_LENGTH = 8;

function PasswordField({ label, value, onChange, autoComplete, hint }: { label: string; value: string; onChange(value: string): void; autoComplete: string; hint?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input id={id} type="password" value={value} autoComplete={autoComplete} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(event) => onChange(event.target.value)} />
      {hint && (
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Current, new and the new one again. Other devices are signed out; this one stays signed in. */
export function ChangePasswordForm() {
  const titleId = useId();
  const [change, { isLoading }] = useChangeOwnPasswordMutation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (currentPassword === '') return setProblem('Type your current password.');
    if (newPassword.length < MIN_LENGTH) return setProblem(`The new password must be at least ${MIN_LENGTH} characters.`);
    if (newPassword !== confirmation) return setProblem('The new password and its repetition differ.');
    if (newPassword === currentPassword) return setProblem('The new password must differ from the current one.');
    setProblem(null);
    try {
      await change({ currentPassword, newPassword }).unwrap();
      setCurrent('');
      setNew('');
      setConfirmation('');
      setDone(true);
    } catch (failure) {
      setProblem(describeError(failure as FetchBaseQueryError));
    }
  }

  return (
    <section className="account-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="account-section__title">
        Change password
      </h2>
      <form onSubmit={submit} className="stack account-password" aria-labelledby={titleId} noValidate>
        <PasswordField label="Current password" value={currentPassword} onChange={setCurrent} autoComplete="current-password" />
        <PasswordField label="New password" value={newPassword} onChange={setNew} autoComplete="new-password" hint={`At least ${MIN_LENGTH} characters.`} />
        <PasswordField label="Repeat the new password" value={confirmation} onChange={setConfirmation} autoComplete="new-password" />
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        {done && (
          <p className="form-success" role="status">
            Password changed. You stay signed in here; other devices must sign in again.
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isLoading}>
            {isLoading ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}
