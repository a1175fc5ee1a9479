import { formatDay } from '../deals/date-words';
import { formatSpan } from '../board/format';

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;

/** When something happened, as a person says it: "just now", "5m ago", "3h 20m ago", "Tue 26 Nov". */
export function formatTimeAgo(iso: string, now: number): string {
  const ago = now - Date.parse(iso);
  if (Number.isNaN(ago)) return '';
  if (ago < MINUTE) return 'just now';
  if (ago < WEEK) return `${formatSpan(ago)} ago`;
  return formatDay(iso, now);
}
