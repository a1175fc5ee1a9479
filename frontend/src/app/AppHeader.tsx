import { LogoutButton } from '../features/auth/LogoutButton';
import { selectCurrentUser } from '../features/auth/auth-slice';
import { useAppSelector } from './store';

const ROLE_NAMES = { admin: 'Administrator', lead: 'Team lead', manager: 'Sales manager' } as const;

export function AppHeader() {
  const user = useAppSelector(selectCurrentUser);
  return (
    <header className="app-header">
      <span className="app-header__brand">Autofunnel</span>
      <div className="app-header__user">
        {user && (
          <span>
            <span className="app-header__name">{user.name}</span>{' '}
            <span className="app-header__role">{ROLE_NAMES[user.role] ?? user.role}</span>
          </span>
        )}
        <LogoutButton />
      </div>
    </header>
  );
}
