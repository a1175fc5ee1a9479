import { useState, type FormEvent } from 'react';
import { describeError } from '../../app/describe-error';
import { useAppSelector } from '../../app/store';
import { useLoginMutation } from './auth-api';
import { selectAuthNotice } from './auth-slice';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { isLoading, error }] = useLoginMutation();
  const notice = useAppSelector(selectAuthNotice);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isLoading) return;
    // On success the mutation stores the session and the app leaves this page;
    // on failure `error` below says why.
    void login({ email: email.trim(), password });
  }

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={handleSubmit} aria-labelledby="login-title">
        <h1 id="login-title">Sign in to Autofunnel</h1>
        {notice && !error && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <label className="field">
          <span className="field__label">Email</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">Password</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {describeError(error)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={isLoading}>
          {isLoading ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
