import type { BoardColumnDto, StageDto } from '@autofunnel/shared';
import { useBoardContext } from './board-context';
import { dealCountLabel, formatAmount } from './format';
import './stage-header.css';

/** The column's sum weighted by the stage's win probability, as the server computes it (the full sum without one). */
export function weightedSum(amountSum: number, winProbability: number | null): number {
  return Math.round(amountSum * (winProbability ?? 100)) / 100;
}

interface StageHeaderProps {
  stage: StageDto;
  column: BoardColumnDto;
  headingId: string;
  /** Cards the search leaves in view, when searching. */
  shown: number | null;
}

/**
 * A column's name and figures: how many deals, their sum, the sum weighted by the stage's win
 * probability, and how many are rotten (a button showing only those). The weighted sum is
 * worked out here from the sum, so it stays right as cards move live.
 */
export function StageHeader({ stage, column, headingId, shown }: StageHeaderProps) {
  const { args, boardFilter, changeFilter } = useBoardContext();
  const probability = args.view === 'open' ? stage.winProbability : null;
  const rottenOnly = boardFilter.rotten === true;
  return (
    <header className="stage-column__header">
      <h3 id={headingId} className="stage-column__name">
        <span className="stage-column__swatch" aria-hidden="true" />
        {stage.name}
      </h3>
      <p className="stage-column__figures">
        <span className="stage-column__count">
          {shown !== null ? `${shown} shown · ` : ''}
          {dealCountLabel(column.count)}
        </span>
        <span className="stage-column__amount">{formatAmount(column.amountSum)}</span>
      </p>
      {probability !== null && (
        <p className="stage-column__weighted" title={`The sum weighted by the stage's ${probability}% chance of winning`}>
          <span>
            Weighted at <span className="stage-column__probability">{probability}%</span>
          </span>
          <span className="stage-column__weighted-amount">{formatAmount(weightedSum(column.amountSum, probability))}</span>
        </p>
      )}
      {column.rottenCount > 0 && (
        <button
          type="button"
          className="rotten-badge"
          aria-pressed={rottenOnly}
          title={rottenOnly ? 'Showing only rotten deals: show all' : `Deals idle for more than ${stage.rotAfterDays} days: show only these`}
          onClick={() => changeFilter({ ...boardFilter, rotten: !rottenOnly })}
        >
          {column.rottenCount} rotten
        </button>
      )}
    </header>
  );
}
