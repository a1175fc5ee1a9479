import { useState } from 'react';
import type { DealDto, TradeInDto } from '@autofunnel/shared';
import { ConfirmDialog } from '../admin/channels/ConfirmDialog';
import { formatAmount } from '../board/format';
import { useGetDealTradeInsQuery, useRemoveTradeInMutation } from './deal-actions-api';
import { formatMoney } from './record-format';
import { RecordSection } from './RecordSection';
import { TradeInDialog } from './TradeInDialog';

const carOf = (tradeIn: TradeInDto) => [tradeIn.year, tradeIn.make, tradeIn.model].filter(Boolean).join(' ');

/** The customer's cars the dealership may take in: edit the appraisal, or remove one. */
export function TradeInsSection({ deal, mayChange }: { deal: DealDto; mayChange: boolean }) {
  const query = useGetDealTradeInsQuery(deal.id);
  const [remove] = useRemoveTradeInMutation();
  const [editing, setEditing] = useState<TradeInDto | null>(null);
  const [removing, setRemoving] = useState<TradeInDto | null>(null);

  return (
    <>
      <RecordSection title="Trade-ins" query={query} emptyText="No trade-in. Use “Trade-in” when the customer offers their car.">
        {(tradeIns) =>
          tradeIns.map((tradeIn) => (
            <li key={tradeIn.id} className="record">
              <div className="record__main">
                <p className="record__title">{carOf(tradeIn)}</p>
                <p className="record__meta">
                  VIN {tradeIn.vin ?? 'not given'} · Mileage {tradeIn.mileage === null ? '—' : formatAmount(tradeIn.mileage)} · Appraisal{' '}
                  {formatMoney(tradeIn.appraisalValue)}
                </p>
                {tradeIn.notes && <p className="record__notes">{tradeIn.notes}</p>}
              </div>
              {mayChange && (
                <div className="record__actions">
                  <button type="button" className="button button--secondary button--small" aria-haspopup="dialog" onClick={() => setEditing(tradeIn)}>
                    Edit
                  </button>
                  <button type="button" className="button button--ghost button--small" aria-haspopup="dialog" onClick={() => setRemoving(tradeIn)}>
                    Remove
                  </button>
                </div>
              )}
            </li>
          ))
        }
      </RecordSection>
      {editing && <TradeInDialog dealId={deal.id} tradeIn={editing} onClose={() => setEditing(null)} />}
      {removing && (
        <ConfirmDialog
          title="Remove the trade-in?"
          confirmLabel="Remove trade-in"
          danger
          onConfirm={async () => {
            await remove(removing).unwrap();
            setRemoving(null);
          }}
          onClose={() => setRemoving(null)}
        >
          <p>The {carOf(removing)} and its appraisal are removed from this deal; the timeline keeps a note of it.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
