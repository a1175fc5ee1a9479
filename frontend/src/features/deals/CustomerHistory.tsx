import { describeError } from '../../app/describe-error';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { DealHistoryList } from './DealHistoryList';
import { useGetContactWithDealsQuery } from './deals-api';

/** A repeat customer's other deals (any funnel), newest first, each opening its own page. */
export function CustomerHistory({ contactId, currentDealId }: { contactId: string; currentDealId: string }) {
  const { data: contact, error, isLoading, refetch } = useGetContactWithDealsQuery(contactId);
  if (isLoading) return <RowsSkeleton rows={2} />;
  if (!contact) return <ErrorMessage title="Could not load the customer's history." detail={describeError(error)} onRetry={refetch} />;
  const others = contact.deals.filter((deal) => deal.id !== currentDealId);
  if (others.length === 0) return <p className="muted">This is the customer's first deal.</p>;
  return <DealHistoryList deals={others} />;
}
