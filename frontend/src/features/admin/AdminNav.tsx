import { NavLink } from 'react-router';

/** The tabs of the admin pages. */
export function AdminNav() {
  return (
    <nav className="admin-nav" aria-label="Administration">
      <NavLink to="/admin/users" className="admin-nav__tab">
        Users
      </NavLink>
      <NavLink to="/admin/branches" className="admin-nav__tab">
        Branches
      </NavLink>
      <NavLink to="/admin/channels" className="admin-nav__tab">
        Channels
      </NavLink>
      <NavLink to="/admin/sources" className="admin-nav__tab">
        Sources
      </NavLink>
      <NavLink to="/admin/lost-reasons" className="admin-nav__tab">
        Lost reasons
      </NavLink>
      <NavLink to="/admin/deal-types" className="admin-nav__tab">
        Deal types
      </NavLink>
      <NavLink to="/admin/trash" className="admin-nav__tab">
        Trash
      </NavLink>
    </nav>
  );
}
