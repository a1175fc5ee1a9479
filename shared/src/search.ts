/**
 * Quick search and the contact operations built around it: merging a duplicate and converting
 * a lead to a customer. Part of the public contract (api.md, "Search" and "Contacts").
 */
import type { ContactDto, DealDto } from './contract.js';

/** GET /api/search?q=&limit=: contacts and deals matching a name, deal code, phone or email. */
export interface QuickSearchResult {
  contacts: ContactDto[];
  deals: DealDto[];
}

/** POST /api/contacts/:id/merge: the duplicate's deals and requests move to `:id`, then it is deleted. */
export interface MergeContactsRequest {
  duplicateId: string;
}
