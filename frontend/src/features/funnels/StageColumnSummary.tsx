import type { CSSProperties } from 'react';
import type { BoardColumnDto, StageDto } from '@autofunnel/shared';
import { DealCardSummary } from './DealCardSummary';
import { dealCountLabel, formatAmount } from './format';

interface StageColumnSummaryProps {
  stage: StageDto;
  /** The stage's column of the board; missing when the board has none for it yet. */
  column: BoardColumnDto | undefined;
}

/** One stage: its name and colour, how many deals and how much money, and the first few deals. */
export function StageColumnSummary({ stage, column }: StageColumnSummaryProps) {
  const count = column?.count ?? 0;
  const deals = column?.deals ?? [];
  const headingId = `stage-${stage.id}-title`;
  const style = { '--stage-color': stage.color } as CSSProperties;

  return (
    <section className="stage-column" aria-labelledby={headingId} style={style}>
      <div className="stage-column__header">
        <h3 id={headingId} className="stage-column__name">
          <span className="stage-column__swatch" title={`Colour ${stage.color}`} aria-hidden="true" />
          {stage.name}
        </h3>
        <p className="stage-column__figures">
          <span className="stage-column__count">{dealCountLabel(count)}</span>
          <span className="stage-column__amount">{formatAmount(column?.amountSum ?? 0)}</span>
        </p>
      </div>
      {deals.length === 0 ? (
        <p className="stage-column__empty">No deals here</p>
      ) : (
        <ul className="stage-column__deals">
          {deals.map((deal) => (
            <li key={deal.id}>
              <DealCardSummary deal={deal} />
            </li>
          ))}
        </ul>
      )}
      {count > deals.length && deals.length > 0 && (
        <p className="stage-column__more">and {count - deals.length} more</p>
      )}
    </section>
  );
}
