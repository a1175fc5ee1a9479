import type { BoardEvent } from '@autofunnel/shared';

/**
 * Puts one funnel's `board:event`s in order. The server numbers them 1, 2, 3… per funnel; a
 * client applies each exactly once and in order: it drops what it has seen (seq at or below the
 * last applied), applies the next one, and holds back any that arrive after a gap until the gap
 * fills (or, if it does not fill soon, the board is fetched again: see `skipGap`).
 */
export interface SequencerState {
  /** The last seq handed out to be applied; null until the join is acknowledged. */
  lastSeq: number | null;
  /** Events that arrived early (after a gap, or before the join's ack), by seq. */
  pending: BoardEvent[];
}

export const emptySequencer: SequencerState = { lastSeq: null, pending: [] };

export interface SequencerStep {
  state: SequencerState;
  /** Events to apply now, in order. */
  ready: BoardEvent[];
  /** Some events are held back waiting for an earlier one. */
  waiting: boolean;
}

function drain(lastSeq: number, pending: BoardEvent[]): SequencerStep {
  const ready: BoardEvent[] = [];
  let last = lastSeq;
  const rest = [...pending].sort((a, b) => a.seq - b.seq).filter((event) => event.seq > last);
  while (rest.length > 0 && rest[0].seq === last + 1) {
    const next = rest.shift()!;
    ready.push(next);
    last = next.seq;
  }
  return { state: { lastSeq: last, pending: rest }, ready, waiting: rest.length > 0 };
}

/** One event arrives. */
export function receiveEvent(state: SequencerState, event: BoardEvent): SequencerStep {
  const known = state.pending.some((held) => held.seq === event.seq);
  if (state.lastSeq === null) {
    const pending = known ? state.pending : [...state.pending, event];
    return { state: { lastSeq: null, pending }, ready: [], waiting: pending.length > 0 };
  }
  if (event.seq <= state.lastSeq || known) {
    return { state, ready: [], waiting: state.pending.length > 0 };
  }
  return drain(state.lastSeq, [...state.pending, event]);
}

/**
 * The join was acknowledged with the funnel's current `seq`. A first join starts counting
 * there; after a rejoin the missed events have already been replayed, so an ack ahead of what
 * was applied means some are missing (`waiting`).
 */
export function acknowledgeJoin(state: SequencerState, seq: number): SequencerStep {
  if (state.lastSeq === null) return drain(seq, state.pending);
  const step = drain(state.lastSeq, state.pending);
  return { ...step, waiting: step.waiting || (step.state.lastSeq ?? seq) < seq };
}

/**
 * The gap did not fill in time: give up on the missing events (the board is fetched again)
 * and carry on after the highest one seen.
 */
export function skipGap(state: SequencerState, seenSeq = 0): SequencerState {
  const highest = Math.max(state.lastSeq ?? 0, seenSeq, ...state.pending.map((event) => event.seq));
  return { lastSeq: highest, pending: [] };
}
