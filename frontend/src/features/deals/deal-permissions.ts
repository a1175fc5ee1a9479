import type { DealDto, UserDto } from '@autofunnel/shared';

/**
 * Whether `user` may change the deal's records, as the API decides: its responsible manager,
 * anyone while nobody has taken it, team leads and admins.
 */
export function canChangeDeal(user: UserDto | null, deal: DealDto): boolean {
  if (!user) return false;
  if (user.role === 'admin' || user.role === 'lead') return true;
  return deal.responsible === null || deal.responsible.id === user.id;
}
