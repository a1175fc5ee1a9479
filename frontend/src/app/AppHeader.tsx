import { Link, matchPath, useLocation } from 'react-router';
import type { Role } from '@autofunnel/shared';
import { OnDutySwitch } from '../features/account/OnDutySwitch';
import { LogoutButton } from '../features/auth/LogoutButton';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { selectCurrentUser } from '../features/auth/auth-slice';
import { QuickSearch } from '../features/search/QuickSearch';
import { useAppSelector } from './store';
import './app-header.css';

const ROLE_NAMES = { admin: 'Administrator', lead: 'Team lead', manager: 'Sales manager' } as const;

/** The header's pages and who sees them: everyone works the board, their day and the stock. */
const PAGES: { to: string; match: string; label: string; roles: readonly Role[] }[] = [
  { to: '/my-day', match: '/my-day', label: 'My day', roles: ['admin', 'lead', 'manager'] },
  { to: '/stock', match: '/stock/*', label: 'Stock', roles: ['admin', 'lead', 'manager'] },
  { to: '/inflow', match: '/inflow', label: 'Inflow', roles: ['admin', 'lead'] },
  { to: '/insights', match: '/insights', label: 'Insights', roles: ['admin', 'lead', 'manager'] },
  { to: '/imports', match: '/imports', label: 'Import', roles: ['admin', 'lead'] },
  { to: '/outbox', match: '/outbox', label: 'Outbox', roles: ['admin', 'lead'] },
  { to: '/admin/channels', match: '/admin/*', label: 'Admin', roles: ['admin'] },
];

function MainLinks({ role }: { role: Role }) {
  const { pathname } = useLocation();
  const currentPage = PAGES.find((page) => matchPath(page.match, pathname));
  // not NavLink: the board is at "/", "/funnels/…" and "/deals/…", so it is current whenever the others are not
  return (
    <nav className="app-header__nav" aria-label="Main">
      <Link to="/" className="app-header__link" aria-current={currentPage ? undefined : 'page'}>
        Board
      </Link>
      {PAGES.filter((page) => page.roles.includes(role)).map((page) => (
        <Link key={page.to} to={page.to} className="app-header__link" aria-current={page === currentPage ? 'page' : undefined}>
          {page.label}
        </Link>
      ))}
    </nav>
  );
}

export function AppHeader() {
  const user = useAppSelector(selectCurrentUser);
  return (
    <header className="app-header">
      <span className="app-header__brand">Autofunnel</span>
      {user && <MainLinks role={user.role} />}
      {user && <QuickSearch />}
      <div className="app-header__user">
        {/* managers only: it shows nothing for anyone else */}
        {user && <OnDutySwitch />}
        {user && <NotificationBell />}
        {user && (
          <span>
            <Link to="/account" className="app-header__name" title="Your account: password, on duty">
              {user.name}
            </Link>{' '}
            <span className="app-header__role">{ROLE_NAMES[user.role] ?? user.role}</span>
          </span>
        )}
        <LogoutButton />
      </div>
    </header>
  );
}
