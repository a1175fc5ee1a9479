import type { UserAdminDto } from '@autofunnel/shared';
import { ROLE_LABELS } from './user-labels';

export interface UserActions {
  edit(user: UserAdminDto): void;
  resetPassword(user: UserAdminDto): void;
  deactivate(user: UserAdminDto): void;
  activate(user: UserAdminDto): void;
}

interface UsersTableProps {
  users: readonly UserAdminDto[];
  branchNames: ReadonlyMap<string, string>;
  /** The signed-in admin: they change their own password on My account and cannot deactivate themselves. */
  selfId: string;
  actions: UserActions;
}

const none = <span className="muted">—</span>;

/** Every user, active ones first: who they are, where they work, their duty and load, and what an admin can do. */
export function UsersTable({ users, branchNames, selfId, actions }: UsersTableProps) {
  return (
    <div className="table-scroll">
      <table className="deal-table admin-table users-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Branch</th>
            <th scope="col">Extension</th>
            <th scope="col">On duty</th>
            <th scope="col" className="numeric">
              Cap
            </th>
            <th scope="col" className="numeric">
              Open deals
            </th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? undefined : 'users-table__row--inactive'}>
              <th scope="row" className="admin-table__name">
                {user.name}
                {user.id === selfId && <span className="muted small"> (you)</span>}
              </th>
              <td>{user.email}</td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>{user.branchId ? (branchNames.get(user.branchId) ?? none) : none}</td>
              <td>{user.phoneExtension ?? none}</td>
              <td>{user.onDuty ? 'Yes' : 'No'}</td>
              <td className="numeric">{user.maxOpenDeals ?? none}</td>
              <td className="numeric">{user.openDealCount}</td>
              <td>
                <span className={`status-pill ${user.active ? 'status-pill--won' : 'status-pill--off'}`}>{user.active ? 'Active' : 'Deactivated'}</span>
              </td>
              <td className="admin-table__actions">
                <button type="button" className="button button--ghost button--small" onClick={() => actions.edit(user)}>
                  Edit<span className="visually-hidden"> {user.name}</span>
                </button>
                {user.id !== selfId && (
                  <>
                    <button type="button" className="button button--ghost button--small" onClick={() => actions.resetPassword(user)}>
                      Reset password<span className="visually-hidden"> of {user.name}</span>
                    </button>
                    {user.active ? (
                      <button type="button" className="button button--ghost button--small" onClick={() => actions.deactivate(user)}>
                        Deactivate<span className="visually-hidden"> {user.name}</span>
                      </button>
                    ) : (
                      <button type="button" className="button button--ghost button--small" onClick={() => actions.activate(user)}>
                        Activate<span className="visually-hidden"> {user.name}</span>
                      </button>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
