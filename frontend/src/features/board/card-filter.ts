import type { DealDto } from '@autofunnel/shared';

/**
 * What narrows the loaded cards in the browser: the search box. (Responsible, branch, source,
 * type, rotten and reassignment are the server's filters: see board-filter.)
 */
export interface CardFilter {
  search: string;
}

export function isFiltering(filter: CardFilter): boolean {
  return filter.search.trim() !== '';
}

const digits = (text: string) => text.replace(/\D/g, '');

/** Whether a card passes the toolbar's search. */
export function matchesCardFilter(deal: DealDto, filter: CardFilter): boolean {
  const query = filter.search.trim().toLowerCase();
  if (query === '') return true;
  const texts = [deal.code, deal.title, deal.contact.name, deal.vehicleInterest ?? '', ...deal.contact.emails];
  if (texts.some((text) => text.toLowerCase().includes(query))) return true;
  const queryDigits = digits(query);
  return queryDigits.length >= 3 && deal.contact.phones.some((phone) => digits(phone).includes(queryDigits));
}
