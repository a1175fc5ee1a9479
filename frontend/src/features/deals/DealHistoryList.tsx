import type { DealDto } from '@autofunnel/shared';
import { Link } from 'react-router';
import { formatAmount, formatDateTime } from '../board/format';
import { DEAL_STATUS_LABELS } from './deal-labels';

/** A customer's deals, newest first: code (opening the deal), status, title, when, amount, who. */
export function DealHistoryList({ deals }: { deals: readonly DealDto[] }) {
  return (
    <ul className="customer-history">
      {deals.map((deal) => (
        <li key={deal.id} className="customer-history__item">
          <Link to={`/funnels/${deal.funnelId}/deals/${deal.id}`}>{deal.code}</Link>{' '}
          <span className={`status-pill status-pill--${deal.status}`}>{DEAL_STATUS_LABELS[deal.status]}</span>
          <span className="customer-history__title">{deal.title}</span>
          <span className="muted">
            {formatDateTime(deal.createdAt)}
            {deal.amount !== null && ` · ${formatAmount(deal.amount)}`}
            {deal.responsible && ` · ${deal.responsible.name}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
