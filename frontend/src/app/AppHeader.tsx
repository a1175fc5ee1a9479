import { Link, useMatch } from 'react-router';
import { LogoutButton } from '../features/auth/LogoutButton';
import { selectCurrentUser } from '../features/auth/auth-slice';
import { QuickSearch } from '../features/search/QuickSearch';
import { useAppSelector } from './store';

const ROLE_NAMES = { admin: 'Administrator', lead: 'Team lead', manager: 'Sales manager' } as const;

/** Admins move between the board, import and the admin pages; team leads between the board and import; managers have only the board. */
function MainLinks({ isAdmin }: { isAdmin: boolean }) {
  const inAdmin = useMatch('/admin/*') !== null;
  const inImport = useMatch('/imports') !== null;
  // not NavLink: the board is at "/" and "/funnels/…", so it is current whenever the others are not
  return (
    <nav className="app-header__nav" aria-label="Main">
      <Link to="/" className="app-header__link" aria-current={inAdmin || inImport ? undefined : 'page'}>
        Board
      </Link>
      <Link to="/imports" className="app-header__link" aria-current={inImport ? 'page' : undefined}>
        Import
      </Link>
      {isAdmin && (
        <Link to="/admin/channels" className="app-header__link" aria-current={inAdmin ? 'page' : undefined}>
          Admin
        </Link>
      )}
    </nav>
  );
}

export function AppHeader() {
  const user = useAppSelector(selectCurrentUser);
  return (
    <header className="app-header">
      <span className="app-header__brand">Autofunnel</span>
      {(user?.role === 'admin' || user?.role === 'lead') && <MainLinks isAdmin={user.role === 'admin'} />}
      {user && <QuickSearch />}
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
