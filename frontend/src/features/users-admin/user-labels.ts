import type { Role } from '@autofunnel/shared';

export const ROLE_LABELS: Record<Role, string> = { admin: 'Administrator', lead: 'Team lead', manager: 'Sales manager' };

/** "1 open deal", "3 open deals". */
export function openDealsLabel(count: number): string {
  return count === 1 ? '1 open deal' : `${count} open deals`;
}
