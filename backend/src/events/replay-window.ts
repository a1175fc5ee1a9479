/**
 * Whether a client that last saw `sinceSeq` can be caught up by replaying events, given the
 * funnel's current `seq`: replay at most `limit` events; a client ahead of the server (another
 * database, a reset) or too far behind reloads the board instead.
 */
export function replayWindow(currentSeq: number, sinceSeq: number | undefined, limit: number): 'up-to-date' | 'replay' | 'resync' {
  if (sinceSeq === undefined || sinceSeq === currentSeq) return 'up-to-date';
  if (sinceSeq > currentSeq || currentSeq - sinceSeq > limit) return 'resync';
  return 'replay';
}
