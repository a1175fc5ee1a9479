import { Link } from 'react-router';
import { describeError } from '../../app/describe-error';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { formatAmount, formatDateTime } from '../board/format';
import { DEAL_STATUS_LABELS } from './deal-labels';
import { useGetContactWithDealsQuery } from './deals-api';

/** A repeat customer's other deals (any funnel), newest first, each opening its own drawer. */
export function CustomerHistory({ contactId, currentDealId }: { contactId: string; currentDealId: string }) {
  const { data: contact, error, isLoading, refetch } = useGetContactWithDealsQuery(contactId);
  if (isLoading) return <RowsSkeleton rows={2} />;
  if (!contact) return <ErrorMessage title="Could not load the customer's history." detail={describeError(error)} onRetry={refetch} />;
  const others = contact.deals.filter((deal) => deal.id !== currentDealId);
  if (others.length === 0) return <p className="muted">This is the customer's first deal.</p>;
  return (
    <ul className="customer-history">
      {others.map((deal) => (
        <li key={deal.id} className="customer-history__item">
          <Link to={`/funnels/${deal.funnelId}/deals/${deal.id}`}>{deal.code}</Link>{' '}
          <span className={`status-pill status-pill--${deal.status}`}>{DEAL_STATUS_LABELS[deal.status]}</span>
          <span className="customer-history__title">{deal.title}</span>
          <span className="muted">
            {formatDateTime(deal.createdAt)}
            {deal.amount !== null && ` · ${formatAmount(deal.amount)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
