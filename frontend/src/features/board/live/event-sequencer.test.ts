import { boardEvent } from '../../../test/board-fixtures';
import { acknowledgeJoin, emptySequencer, receiveEvent, skipGap, type SequencerState } from './event-sequencer';

const ev = (seq: number) => boardEvent(seq, 'deal.updated');
const seqs = (events: { seq: number }[]) => events.map((event) => event.seq);
const at = (lastSeq: number): SequencerState => ({ lastSeq, pending: [] });

describe('event sequencer', () => {
  it('hands out the next event at once', () => {
    const step = receiveEvent(at(4), ev(5));
    expect(seqs(step.ready)).toEqual([5]);
    expect(step.state.lastSeq).toBe(5);
    expect(step.waiting).toBe(false);
  });

  it('drops events already seen (stale or duplicate)', () => {
    for (const seq of [3, 4]) {
      const step = receiveEvent(at(4), ev(seq));
      expect(step.ready).toEqual([]);
      expect(step.state).toEqual(at(4));
    }
  });

  it('holds events back after a gap and releases them in order when it fills', () => {
    let step = receiveEvent(at(4), ev(7));
    expect(step.ready).toEqual([]);
    expect(step.waiting).toBe(true);
    step = receiveEvent(step.state, ev(6));
    expect(step.ready).toEqual([]);
    step = receiveEvent(step.state, ev(6)); // a duplicate while waiting
    expect(step.state.pending).toHaveLength(2);
    step = receiveEvent(step.state, ev(5));
    expect(seqs(step.ready)).toEqual([5, 6, 7]);
    expect(step.state).toEqual(at(7));
    expect(step.waiting).toBe(false);
  });

  it('buffers everything until the first join is acknowledged, then starts after its seq', () => {
    let step = receiveEvent(emptySequencer, ev(11));
    step = receiveEvent(step.state, ev(10));
    expect(step.ready).toEqual([]);
    step = acknowledgeJoin(step.state, 10);
    expect(seqs(step.ready)).toEqual([11]);
    expect(step.state).toEqual(at(11));
  });

  it('after a rejoin, trusts the replayed events; an ack ahead of them means some are missing', () => {
    const replayed = receiveEvent(receiveEvent(at(4), ev(5)).state, ev(6));
    expect(acknowledgeJoin(replayed.state, 6).waiting).toBe(false);
    expect(acknowledgeJoin(replayed.state, 8).waiting).toBe(true);
  });

  it('gives up on a gap by jumping past everything seen', () => {
    const waiting = receiveEvent(at(4), ev(9)).state;
    expect(skipGap(waiting)).toEqual(at(9));
    expect(skipGap(at(4), 12)).toEqual(at(12));
  });
});
