const amountFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A money amount in the browser's number style, without a currency (the dealership's own). */
export function formatAmount(amount: number): string {
  return amountFormat.format(amount);
}

export function dealCountLabel(count: number): string {
  return `${count} ${count === 1 ? 'deal' : 'deals'}`;
}

/** "Anna Petrova" → "AP"; one name → its first two letters. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0].slice(0, 2).toUpperCase();
  return (words[0][0] + words[words.length - 1][0]).toUpperCase();
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span of time in its largest sensible units: "45m", "3h 20m", "2d 4h", "5d". */
export function formatSpan(ms: number): string {
  const span = Math.max(0, ms);
  if (span < HOUR) return `${Math.max(1, Math.floor(span / MINUTE))}m`;
  if (span < DAY) {
    const hours = Math.floor(span / HOUR);
    const minutes = Math.floor((span % HOUR) / MINUTE);
    return minutes > 0 ? `${hours}h ${minutes}m` : `${hours}h`;
  }
  const days = Math.floor(span / DAY);
  const hours = Math.floor((span % DAY) / HOUR);
  return days < 3 && hours > 0 ? `${days}d ${hours}h` : `${days}d`;
}

/** How long ago the request came in. */
export function formatAge(createdAt: string, now: number): string {
  return formatSpan(now - Date.parse(createdAt));
}

export interface Countdown {
  text: string;
  overdue: boolean;
}

/** The time left to contact the customer: "2h 15m left", or "Overdue 3h". */
export function deadlineCountdown(deadlineAt: string | null, now: number): Countdown | null {
  if (!deadlineAt) return null;
  const left = Date.parse(deadlineAt) - now;
  if (Number.isNaN(left)) return null;
  return left >= 0 ? { text: `${formatSpan(left)} left`, overdue: false } : { text: `Overdue ${formatSpan(-left)}`, overdue: true };
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}
