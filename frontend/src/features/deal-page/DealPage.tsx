import { Link, useParams } from 'react-router';
import type { DealDto, FunnelDto } from '@autofunnel/shared';
import { describeError } from '../../app/describe-error';
import { RowsSkeleton } from '../../components/Skeleton';
import { ErrorMessage } from '../../components/StatusMessage';
import { DealActionBar } from '../deal-actions/DealActionBar';
import { DealRecords } from '../deal-actions/DealRecords';
import { useGetDealQuery } from '../deals/deals-api';
import { useGetFunnelsQuery } from '../funnels/funnels-api';
import { ContactsTab } from './ContactsTab';
import { DealControls } from './DealControls';
import { DealHeader } from './DealHeader';
import { DealTabs } from './DealTabs';
import { DealTimeline } from './DealTimeline';
import { FollowUpTab } from './FollowUpTab';
import { useDealLive } from './use-deal-live';

function BackToBoard({ funnel, funnelId }: { funnel: FunnelDto | undefined; funnelId: string | undefined }) {
  return (
    <Link className="deal-page__back" to={funnelId ? `/funnels/${funnelId}` : '/'}>
      ← {funnel ? `${funnel.name} board` : 'Board'}
    </Link>
  );
}

/** Grey placeholders in the shape of the page while the deal loads. */
function DealPageSkeleton() {
  return (
    <div className="deal-page deal-page--loading" role="status" aria-label="Loading the deal">
      <div className="deal-header deal-header--skeleton" aria-hidden="true">
        <div className="skeleton skeleton--title" />
        <div className="skeleton skeleton--line" />
        <div className="skeleton skeleton--line" />
      </div>
      <RowsSkeleton rows={6} />
    </div>
  );
}

/** A deal that is not there (never was, or is in the trash), with the way back. */
function GoneDeal({ title, funnel, funnelId }: { title: string; funnel?: FunnelDto; funnelId?: string }) {
  return (
    <div className="empty-state" role="alert">
      <p className="empty-state__title">{title}</p>
      <p>
        <BackToBoard funnel={funnel} funnelId={funnelId} />
      </p>
    </div>
  );
}

/** The details tab: the deal's records (offers, test drives, tasks…) beside its timeline. */
function DetailsTab({ deal, funnel }: { deal: DealDto; funnel: FunnelDto | undefined }) {
  return (
    <div className="details-tab">
      <div className="details-tab__records">
        <DealRecords deal={deal} />
      </div>
      <DealTimeline dealId={deal.id} funnel={funnel} />
    </div>
  );
}

/**
 * /deals/:dealId: everything about one deal. The header (coloured by status) with its status
 * and assignment controls, the action bar (trade-in, offer, test drive, note, document, task,
 * email), and three tabs: details (records and timeline), follow-up (deadlines) and contacts.
 * Kept live through its funnel's room: what others do shows without a reload.
 */
export function DealPage() {
  const { dealId = '' } = useParams();
  // currentData: another deal's page (the previous URL) is never shown as this one.
  const { currentData: deal, error, isFetching, refetch } = useGetDealQuery(dealId);
  const { data: funnels } = useGetFunnelsQuery();
  // Also while in the trash: an admin restoring it brings the page back.
  const sight = useDealLive(deal?.id, deal?.funnelId);

  const funnel = funnels?.find((candidate) => candidate.id === deal?.funnelId);
  if (!deal && isFetching) return <DealPageSkeleton />;
  // A deal trashed or deleted since it was loaded answers 404 too: the old copy is not shown.
  if (error && 'status' in error && error.status === 404) return <GoneDeal title="This deal does not exist or was moved to the trash" />;
  // The socket said this user lost sight of the deal: never the stale copy.
  if (sight === 'checking') return <DealPageSkeleton />;
  if (sight === 'lost') return <GoneDeal title="This deal is no longer visible to you: it was assigned to someone else" funnel={funnel} funnelId={deal?.funnelId} />;
  if (!deal) {
    return (
      <div className="deal-page">
        <ErrorMessage title="Could not load this deal." detail={describeError(error)} onRetry={refetch} />
      </div>
    );
  }
  if (deal.trashedAt) return <GoneDeal title="This deal was moved to the trash" funnel={funnel} funnelId={deal.funnelId} />;

  return (
    <article className={`deal-page deal-page--${deal.status}`} aria-label={`Deal ${deal.code}`}>
      <BackToBoard funnel={funnel} funnelId={deal.funnelId} />
      <DealHeader deal={deal} funnel={funnel}>
        <DealControls deal={deal} />
      </DealHeader>
      <DealActionBar deal={deal} />
      <DealTabs
        panels={{
          details: () => <DetailsTab deal={deal} funnel={funnel} />,
          'follow-up': () => <FollowUpTab deal={deal} />,
          contacts: () => <ContactsTab deal={deal} />,
        }}
      />
    </article>
  );
}
