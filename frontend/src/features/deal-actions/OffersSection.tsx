import { useState } from 'react';
import type { DealDto, OfferDto } from '@autofunnel/shared';
import { useNow } from '../../app/use-now';
import { ConfirmDialog } from '../admin/channels/ConfirmDialog';
import { useGetDealOffersQuery, useWithdrawOfferMutation } from './deal-actions-api';
import { EmailDialog } from './EmailDialog';
import { formatMoney, formatValidUntil, vinTail } from './record-format';
import { vehicleName } from '../stock/vehicle-labels';
import { RecordSection } from './RecordSection';
import { useProtectedFile } from './use-protected-file';

/** An active offer past its date still counts on the deal; it is marked so nobody quotes it as current. */
function offerState(offer: OfferDto, now: number): { label: string; modifier: string } {
  if (offer.status === 'withdrawn') return { label: 'withdrawn', modifier: 'off' };
  if (offer.validUntil && Date.parse(offer.validUntil) < now) return { label: 'expired', modifier: 'warning' };
  return { label: 'active', modifier: 'open' };
}

const quotePath = (offer: OfferDto) => `/offers/${encodeURIComponent(offer.id)}/quote.pdf`;

/** The deal's offers, newest first as the API lists them, with the quote, an email and withdrawing. */
export function OffersSection({ deal, mayChange }: { deal: DealDto; mayChange: boolean }) {
  const query = useGetDealOffersQuery(deal.id);
  const [withdraw] = useWithdrawOfferMutation();
  const quote = useProtectedFile();
  const now = useNow();
  const [emailing, setEmailing] = useState<OfferDto | null>(null);
  const [withdrawing, setWithdrawing] = useState<OfferDto | null>(null);

  return (
    <>
      <RecordSection title="Offers" query={query} emptyText="No offers yet. Use “Offer” to quote a vehicle from stock.">
        {(offers) =>
          offers.map((offer) => {
            const state = offerState(offer, now);
            const active = offer.status === 'active';
            return (
              <li key={offer.id} className="record">
                <div className="record__main">
                  <p className="record__title">
                    {vehicleName(offer.vehicle)} <span className="muted small">VIN {vinTail(offer.vehicle.vin)}</span>{' '}
                    <span className={`status-pill status-pill--${state.modifier}`}>{state.label}</span>
                  </p>
                  <p className="record__meta">
                    Price {formatMoney(offer.price)} · Discount {formatMoney(offer.discount)} · <strong>Total {formatMoney(offer.total)}</strong>
                    {' · '}
                    {offer.validUntil ? `Valid until ${formatValidUntil(offer.validUntil)}` : 'No end date'}
                  </p>
                  {offer.notes && <p className="record__notes">{offer.notes}</p>}
                </div>
                <div className="record__actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={quote.pending === quotePath(offer)}
                    onClick={() => void quote.get({ url: quotePath(offer), what: 'the quote', fallbackName: `quote-${offer.vehicle.vin}.pdf`, inNewTab: true })}
                  >
                    {quote.pending === quotePath(offer) ? 'Preparing…' : 'Quote (PDF)'}
                  </button>
                  {active && mayChange && (
                    <>
                      <button type="button" className="button button--secondary button--small" aria-haspopup="dialog" onClick={() => setEmailing(offer)}>
                        Email to customer
                      </button>
                      {/* a won deal's offer sold its vehicle; the API keeps it until the deal is reopened */}
                      {deal.status !== 'won' && (
                        <button type="button" className="button button--ghost button--small" aria-haspopup="dialog" onClick={() => setWithdrawing(offer)}>
                          Withdraw
                        </button>
                      )}
                    </>
                  )}
                </div>
              </li>
            );
          })
        }
      </RecordSection>
      {emailing && <EmailDialog deal={deal} offerId={emailing.id} onClose={() => setEmailing(null)} />}
      {withdrawing && (
        <ConfirmDialog
          title="Withdraw the offer?"
          confirmLabel="Withdraw offer"
          danger
          onConfirm={async () => {
            await withdraw(withdrawing).unwrap();
            setWithdrawing(null);
          }}
          onClose={() => setWithdrawing(null)}
        >
          <p>
            The offer on the {vehicleName(withdrawing.vehicle)} for {formatMoney(withdrawing.total)} will no longer count on this deal. It stays in the list,
            marked withdrawn.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
