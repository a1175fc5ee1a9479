import { describeError } from '../../app/describe-error';
import { ErrorMessage, LoadingMessage } from '../../components/StatusMessage';
import { useGetBoardQuery } from './funnels-api';
import { StageColumnSummary } from './StageColumnSummary';

/** How many deals each column shows in this overview. */
export const OVERVIEW_DEALS_PER_STAGE = 5;

/** A read-only look at one funnel's board: a column per stage, in the funnel's order. */
export function FunnelOverview({ funnelId }: { funnelId: string }) {
  // currentData, not data: while another funnel loads, do not keep showing the previous one.
  const { currentData: board, isFetching, error, refetch } = useGetBoardQuery({
    funnelId,
    limit: OVERVIEW_DEALS_PER_STAGE,
  });

  if (!board) {
    if (isFetching || !error) return <LoadingMessage>Loading the funnel…</LoadingMessage>;
    return <ErrorMessage title="Could not load this funnel." detail={describeError(error)} onRetry={refetch} />;
  }

  const columnsByStage = new Map(board.columns.map((column) => [column.stageId, column]));
  return (
    <section className="funnel-overview" aria-labelledby="funnel-overview-title">
      <h2 id="funnel-overview-title" className="funnel-overview__title">
        {board.funnel.name}
      </h2>
      <div className="funnel-overview__columns">
        {board.funnel.stages.map((stage) => (
          <StageColumnSummary key={stage.id} stage={stage} column={columnsByStage.get(stage.id)} />
        ))}
      </div>
    </section>
  );
}
