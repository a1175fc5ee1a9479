/**
 * Dates as the deal page says them: "Tue 26 Nov", "Tue 26 Nov 14:00", "Tue 26 Nov 14:00–15:00"
 * (the year only when it is not this year), and the value format of a datetime-local input.
 */
const dayParts = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function partOf(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((part) => part.type === type)?.value ?? '';
}

/** "Tue 26 Nov", or "Mon 12 Jan 2027" outside the current year. */
export function formatDay(iso: string, now: number = Date.now()): string {
  const date = new Date(iso);
  const parts = dayParts.formatToParts(date);
  const day = `${partOf(parts, 'weekday')} ${partOf(parts, 'day')} ${partOf(parts, 'month')}`;
  return date.getFullYear() === new Date(now).getFullYear() ? day : `${day} ${date.getFullYear()}`;
}

/** "14:00" */
export function formatClock(iso: string): string {
  return clock.format(new Date(iso));
}

/** "Tue 26 Nov 14:00" */
export function formatDayTime(iso: string, now?: number): string {
  return `${formatDay(iso, now)} ${formatClock(iso)}`;
}

const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** "Tue 26 Nov 14:00–15:00", or both days when the slot runs past midnight. */
export function formatSlot(startsAt: string, endsAt: string, now?: number): string {
  const end = sameDay(new Date(startsAt), new Date(endsAt)) ? formatClock(endsAt) : formatDayTime(endsAt, now);
  return `${formatDayTime(startsAt, now)}–${end}`;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An ISO time as a datetime-local input's value ("2026-11-26T14:00", local time). */
export function toDateTimeInput(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local (or date) input's value, read as local time, as ISO; null when empty or invalid. */
export function fromDateTimeInput(value: string): string | null {
  if (value.trim() === '') return null;
  // "YYYY-MM-DD" alone would be read as UTC midnight: make it local midnight like the rest.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00` : value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
