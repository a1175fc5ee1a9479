import { NavLink } from 'react-router';

/** The tabs of the admin pages. */
export function AdminNav() {
  return (
    <nav className="admin-nav" aria-label="Administration">
      <NavLink to="/admin/channels" className="admin-nav__tab">
        Channels
      </NavLink>
      <NavLink to="/admin/sources" className="admin-nav__tab">
        Sources
      </NavLink>
    </nav>
  );
}
