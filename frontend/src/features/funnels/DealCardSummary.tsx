import type { DealDto } from '@autofunnel/shared';

/** One deal as a small read-only card: who, what car, and who is working on it. */
export function DealCardSummary({ deal }: { deal: DealDto }) {
  return (
    <article className="deal-card" aria-label={`Deal ${deal.code}`}>
      <p className="deal-card__code">{deal.code}</p>
      <p className="deal-card__contact">{deal.contact.name}</p>
      <p className="deal-card__vehicle">{deal.vehicleInterest ?? 'No vehicle chosen yet'}</p>
      <p className="deal-card__responsible">
        {deal.responsible ? deal.responsible.name : 'Not taken into work'}
      </p>
    </article>
  );
}
