import { formatAmount } from '../board/format';

/** The last six characters of a VIN, as salespeople read them out: "…004352". */
export function vinTail(vin: string): string {
  return vin.length > 6 ? `…${vin.slice(-6)}` : vin;
}

export function formatMoney(amount: number | null): string {
  return amount === null ? '—' : formatAmount(amount);
}

const UNITS = ['bytes', 'KB', 'MB', 'GB'];

/** "834 KB", "2.4 MB" */
export function formatFileSize(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < UNITS.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${size} ${size === 1 ? 'byte' : 'bytes'}` : `${size < 10 ? size.toFixed(1) : Math.round(size)} ${UNITS[unit]}`;
}

const slotDay = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const slotTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "Thu, 12 Nov 2026, 10:00–11:00" (the end's day is repeated only when it differs). */
export function formatSlot(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = start.toDateString() === end.toDateString();
  return `${slotDay.format(start)}, ${slotTime.format(start)}–${sameDay ? '' : `${slotDay.format(end)}, `}${slotTime.format(end)}`;
}

const validityFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** The day an offer holds through: a date-only validity is stored as the end of that day in UTC. */
export function formatValidUntil(iso: string): string {
  return validityFormat.format(new Date(iso));
}
