import type { IntakeLead } from '../intake-lead.js';
import type { AdfLead, AdfVehicle } from './adf-lead.js';

/**
 * One ADF prospect as an intake lead: the first vehicle the customer wants (not a trade-in) is
 * the vehicle of interest and its price the amount; the provider becomes the deal's source; the
 * prospect id with its source is the idempotency key. Everything else is kept in the payload.
 */
export function leadFromAdf(adf: AdfLead): IntakeLead {
  const wanted = adf.vehicles.find((vehicle) => vehicle.interest !== 'trade-in' && vehicle.interest !== 'sell') ?? null;
  const tradeIns = adf.vehicles.filter((vehicle) => vehicle.interest === 'trade-in');
  return {
    kind: 'adf',
    idempotencyKey: adf.id ? `${adf.idSource ?? ''}:${adf.id}` : null,
    contact: { name: fit(adf.customer.name, 200), phones: preferredPhones(adf), email: adf.customer.emails[0] ?? null },
    answeredBy: null,
    dealType: 'internet_lead',
    vehicleInterest: fit(wanted?.label ?? null, 200),
    amount: asAmount(wanted?.price?.amount),
    sourceName: fit(adf.provider?.name ?? null, 120),
    summary: summaryOf(adf, wanted, tradeIns),
    payload: { ...adf, requestDate: adf.requestDate?.toISOString() ?? null },
  };
}

/** Free text from outside, cut to what its column holds (a sender's long value must not lose the lead). */
function fit(value: string | null, length: number): string | null {
  return value && value.slice(0, length);
}

/** A price the deal can hold (numeric(12,2)); anything else stays only in the stored request. */
function asAmount(value: number | undefined): number | null {
  return value !== undefined && value >= 0 && value < 1e10 ? Math.round(value * 100) / 100 : null;
}

/** Mobile numbers first: they reach the customer and identify them best. */
function preferredPhones(adf: AdfLead): string[] {
  const mobile = (type: string | null) => type === 'cellphone' || type === 'mobile';
  return [...adf.customer.phones].sort((a, b) => Number(mobile(b.type)) - Number(mobile(a.type))).map((phone) => phone.number);
}

function summaryOf(adf: AdfLead, wanted: AdfVehicle | null, tradeIns: AdfVehicle[]): string {
  const parts = [
    `ADF lead${adf.provider?.name ? ` from ${adf.provider.name}` : ''}${wanted?.label ? `: ${wanted.interest} ${wanted.label}` : ''}`,
    ...tradeIns.map((vehicle) => `trade-in ${vehicle.label ?? 'vehicle'}`),
    adf.customer.comments ?? wanted?.comments,
  ];
  return parts.filter(Boolean).join('; ');
}
