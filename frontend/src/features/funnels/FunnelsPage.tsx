import { useState } from 'react';
import { describeError } from '../../app/describe-error';
import { ErrorMessage, LoadingMessage } from '../../components/StatusMessage';
import { FunnelOverview } from './FunnelOverview';
import { FunnelPicker } from './FunnelPicker';
import { useGetFunnelsQuery } from './funnels-api';

/** The funnels of the dealership, and an overview of the one picked (the first by default). */
export function FunnelsPage() {
  const { data: funnels, isLoading, error, refetch } = useGetFunnelsQuery();
  const [pickedId, setPickedId] = useState<string | null>(null);

  if (isLoading) return <LoadingMessage>Loading funnels…</LoadingMessage>;
  if (!funnels) {
    return <ErrorMessage title="Could not load the funnels." detail={describeError(error)} onRetry={refetch} />;
  }
  if (funnels.length === 0) {
    return <p className="status-message">There are no funnels yet. An administrator can create one.</p>;
  }

  const selected = funnels.find((funnel) => funnel.id === pickedId) ?? funnels[0];
  return (
    <div className="funnels-page">
      <FunnelPicker funnels={funnels} selectedId={selected.id} onSelect={setPickedId} />
      <FunnelOverview funnelId={selected.id} />
    </div>
  );
}
