import type { UserDto } from '@autofunnel/shared';
import { signedOutState, type AuthState } from './auth-slice';

/** Where the signed-in session (token and user) survives a page reload. */
export const AUTH_STORAGE_KEY = 'autofunnel.auth';

interface StoredAuth {
  token: string;
  user: UserDto;
}

function isStoredAuth(value: unknown): value is StoredAuth {
  if (typeof value !== 'object' || value === null) return false;
  const { token, user } = value as Record<string, unknown>;
  if (typeof token !== 'string' || token === '') return false;
  if (typeof user !== 'object' || user === null) return false;
  const { id, email, name, role } = user as Record<string, unknown>;
  return [id, email, name, role].every((field) => typeof field === 'string');
}

function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled by the browser: the session just won't survive a reload
  }
}

/** The session saved by an earlier visit, or signed out when there is none (or it is unreadable). */
export function loadStoredAuth(storage: Storage | null = browserStorage()): AuthState {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(AUTH_STORAGE_KEY) ?? 'null');
    if (isStoredAuth(parsed)) return { token: parsed.token, user: parsed.user, notice: null };
  } catch {
    // unreadable JSON: treat as signed out
  }
  return signedOutState;
}

export function saveAuth(state: AuthState, storage: Storage | null = browserStorage()): void {
  if (!storage) return;
  try {
    if (state.token && state.user) {
      const stored: StoredAuth = { token: state.token, user: state.user };
      storage.setItem(AUTH_STORAGE_KEY, JSON.stringify(stored));
    } else {
      storage.removeItem(AUTH_STORAGE_KEY);
    }
  } catch {
    // quota exceeded or storage disabled: the session stays in memory only
  }
}
