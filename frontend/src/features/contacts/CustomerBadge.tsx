import type { ContactDto } from '@autofunnel/shared';

/** "Lead", or "Customer C-000123" once converted. */
export function CustomerBadge({ contact }: { contact: Pick<ContactDto, 'customerNumber'> }) {
  return contact.customerNumber ? (
    <span className="status-pill customer-badge--customer">Customer {contact.customerNumber}</span>
  ) : (
    <span className="status-pill customer-badge--lead">Lead</span>
  );
}
