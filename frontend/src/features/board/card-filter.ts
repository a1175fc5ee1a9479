import type { DealDto } from '@autofunnel/shared';
import type { ResponsibleFilter } from './board-ui-slice';

export interface CardFilter {
  search: string;
  responsible: ResponsibleFilter;
  /** The signed-in user, for "My deals". */
  meId: string | null;
}

export function isFiltering(filter: CardFilter): boolean {
  return filter.search.trim() !== '' || filter.responsible !== 'all';
}

const digits = (text: string) => text.replace(/\D/g, '');

/** Whether a card passes the toolbar's search and responsible filter. */
export function matchesCardFilter(deal: DealDto, filter: CardFilter): boolean {
  const responsibleId = deal.responsible?.id ?? null;
  if (filter.responsible === 'me' && responsibleId !== filter.meId) return false;
  if (filter.responsible === 'none' && responsibleId !== null) return false;
  if (!['all', 'me', 'none'].includes(filter.responsible) && responsibleId !== filter.responsible) return false;

  const query = filter.search.trim().toLowerCase();
  if (query === '') return true;
  const texts = [deal.code, deal.title, deal.contact.name, deal.vehicleInterest ?? '', ...deal.contact.emails];
  if (texts.some((text) => text.toLowerCase().includes(query))) return true;
  const queryDigits = digits(query);
  return queryDigits.length >= 3 && deal.contact.phones.some((phone) => digits(phone).includes(queryDigits));
}
