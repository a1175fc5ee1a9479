import type { BoardEvent } from '@autofunnel/shared';
import { boardEvent } from '../test/board-fixtures';
import { fakeLive } from '../test/fake-socket';
import type { BoardSubscriber } from './live-connection';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function recorder() {
  const received: number[] = [];
  let resyncs = 0;
  const subscriber: BoardSubscriber = {
    onEvents: (events: BoardEvent[]) => received.push(...events.map((event) => event.seq)),
    onResync: () => (resyncs += 1),
  };
  return { subscriber, received, resyncs: () => resyncs };
}

const ev = (seq: number) => boardEvent(seq, 'deal.updated');

describe('LiveConnection', () => {
  afterEach(() => jest.useRealTimers());

  it('connects with the token, joins the funnel room and reports its status', async () => {
    const { live, socket } = fakeLive();
    const statuses: string[] = [];
    live.onStatusChange((status) => statuses.push(status));
    live.connect('token-1');
    const { subscriber } = recorder();
    live.subscribe('funnel-showroom', subscriber);
    await flush();

    expect(socket().token).toBe('token-1');
    expect(socket().joins()).toEqual([{ funnelId: 'funnel-showroom' }]);
    expect(statuses).toEqual(['connecting', 'online']);
    expect(live.lastSeq('funnel-showroom')).toBe(0);
  });

  it('hands events on in order, once each, holding back those after a gap', async () => {
    const { live, socket } = fakeLive();
    live.connect('t');
    const board = recorder();
    live.subscribe('funnel-showroom', board.subscriber);
    await flush();

    for (const seq of [1, 2, 2, 1, 4, 3, 5]) socket().send(ev(seq));
    expect(board.received).toEqual([1, 2, 3, 4, 5]);
    expect(live.eventsSince('funnel-showroom', 3).map((event) => event.seq)).toEqual([4, 5]);
  });

  it('asks for the board again when a gap does not fill within the timeout', async () => {
    jest.useFakeTimers();
    const { live, socket } = fakeLive({ gapTimeoutMs: 1000 });
    live.connect('t');
    const board = recorder();
    live.subscribe('funnel-showroom', board.subscriber);
    await jest.advanceTimersByTimeAsync(0);

    socket().send(ev(1));
    socket().send(ev(3));
    await jest.advanceTimersByTimeAsync(900);
    expect(board.resyncs()).toBe(0);
    await jest.advanceTimersByTimeAsync(200);
    expect(board.resyncs()).toBe(1);
    expect(live.lastSeq('funnel-showroom')).toBe(3);

    socket().send(ev(4));
    expect(board.received).toEqual([1, 4]);
  });

  it('does not ask for the board again when the gap fills in time', async () => {
    jest.useFakeTimers();
    const { live, socket } = fakeLive({ gapTimeoutMs: 1000 });
    live.connect('t');
    const board = recorder();
    live.subscribe('funnel-showroom', board.subscriber);
    await jest.advanceTimersByTimeAsync(0);
    socket().send(ev(2));
    await jest.advanceTimersByTimeAsync(500);
    socket().send(ev(1));
    await jest.advanceTimersByTimeAsync(2000);
    expect(board.resyncs()).toBe(0);
    expect(board.received).toEqual([1, 2]);
  });

  it('rejoins after a reconnect with the last seq seen, and takes the replayed events', async () => {
    const { live, socket } = fakeLive();
    live.connect('t');
    const board = recorder();
    live.subscribe('funnel-showroom', board.subscriber);
    await flush();
    socket().send(ev(1));
    socket().send(ev(2));

    socket().serverDrops();
    expect(live.status).toBe('offline');
    socket().joinAnswer = () => {
      socket().send(ev(3)); // the server replays before it answers
      return { seq: 3 };
    };
    socket().serverAccepts();
    await flush();

    expect(socket().joins()).toEqual([{ funnelId: 'funnel-showroom' }, { funnelId: 'funnel-showroom', sinceSeq: 2 }]);
    expect(board.received).toEqual([1, 2, 3]);
    expect(board.resyncs()).toBe(0);
  });

  it('asks for the board again when the server can no longer replay (resync)', async () => {
    const { live, socket } = fakeLive();
    live.connect('t');
    const board = recorder();
    live.subscribe('funnel-showroom', board.subscriber);
    await flush();
    socket().serverDrops();
    socket().joinAnswer = () => ({ seq: 900, resync: true });
    socket().serverAccepts();
    await flush();
    expect(board.resyncs()).toBe(1);
    expect(live.lastSeq('funnel-showroom')).toBe(900);
  });

  it('leaves the room when the last board of the funnel closes, and ignores its events after', async () => {
    const { live, socket } = fakeLive();
    live.connect('t');
    const first = recorder();
    const second = recorder();
    const stopFirst = live.subscribe('funnel-showroom', first.subscriber);
    const stopSecond = live.subscribe('funnel-showroom', second.subscriber);
    await flush();
    expect(socket().joins()).toHaveLength(1);

    stopFirst();
    expect(socket().emitted.some((e) => e.event === 'board:leave')).toBe(false);
    stopSecond();
    expect(socket().emitted.filter((e) => e.event === 'board:leave')).toEqual([{ event: 'board:leave', payload: { funnelId: 'funnel-showroom' } }]);
    socket().send(ev(1));
    expect(second.received).toEqual([]);
  });

  it('lets a board wait for its room to be joined, but not forever', async () => {
    jest.useFakeTimers();
    const { live, socket } = fakeLive({ configure: (s) => (s.joinAnswer = null) });
    live.connect('t');
    live.subscribe('funnel-showroom', recorder().subscriber);
    let joined = false;
    void live.whenJoined('funnel-showroom', 1500).then(() => (joined = true));
    await jest.advanceTimersByTimeAsync(100);
    expect(joined).toBe(false);
    socket().answerJoins(() => ({ seq: 7 }));
    await jest.advanceTimersByTimeAsync(0);
    expect(joined).toBe(true);
    expect(live.lastSeq('funnel-showroom')).toBe(7);

    socket().serverDrops();
    let offlineDone = false;
    void live.whenJoined('funnel-showroom', 1500).then(() => (offlineDone = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(offlineDone).toBe(true); // offline: no waiting at all
  });

  it('stops waiting for a join that is never answered', async () => {
    jest.useFakeTimers();
    const { live } = fakeLive({ configure: (s) => (s.joinAnswer = null) });
    live.connect('t');
    live.subscribe('funnel-showroom', recorder().subscriber);
    let gaveUp = false;
    void live.whenJoined('funnel-showroom', 1500).then(() => (gaveUp = true));
    await jest.advanceTimersByTimeAsync(1400);
    expect(gaveUp).toBe(false);
    await jest.advanceTimersByTimeAsync(200);
    expect(gaveUp).toBe(true);
  });

  it('reports a refused token', () => {
    const { live, socket } = fakeLive({ configure: (s) => (s.connectsAtOnce = false) });
    const refused = jest.fn();
    live.onUnauthorized(refused);
    live.connect('old-token');
    socket().serverRefuses('unauthorized');
    expect(refused).toHaveBeenCalledTimes(1);
    expect(live.status).toBe('offline');
  });

  it('drops payloads that are not board events', async () => {
    const { live, socket } = fakeLive();
    live.connect('t');
    const board = recorder();
    live.subscribe('funnel-showroom', board.subscriber);
    await flush();
    socket().send({ funnelId: 'funnel-showroom', seq: 'one' });
    socket().send(null);
    expect(board.received).toEqual([]);
  });

  it('counts deal.hidden events in the sequence, so a hidden change leaves no gap', async () => {
    jest.useFakeTimers();
    const { live, socket } = fakeLive();
    live.connect('t');
    const board = recorder();
    live.subscribe('funnel-showroom', board.subscriber);
    await jest.advanceTimersByTimeAsync(0);
    socket().send(ev(1));
    socket().send({ funnelId: 'funnel-showroom', seq: 2, type: 'deal.hidden', at: '2026-11-23T10:00:00.000Z', actor: null, data: {} });
    socket().send(ev(3));
    await jest.advanceTimersByTimeAsync(5000);
    expect(board.received).toEqual([1, 2, 3]);
    expect(board.resyncs()).toBe(0);
  });

  it("relays the user's notifications, whatever boards are open, until a listener stops", async () => {
    const { live, socket } = fakeLive();
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = live.onNotification((notification) => first.push(notification.title));
    live.onNotification((notification) => second.push(notification.title));
    live.connect('t');
    await flush();
    const notification = (id: string, title: string) => ({ id, kind: 'sla_escalated' as const, title, body: null, dealId: 'd1', createdAt: '2026-11-23T10:00:00.000Z', readAt: null });

    socket().notify(notification('n1', 'Nobody took D-1 for 31 min'));
    stopFirst();
    socket().notify(notification('n2', 'Nobody took D-2 for 30 min'));
    expect(first).toEqual(['Nobody took D-1 for 31 min']);
    expect(second).toEqual(['Nobody took D-1 for 31 min', 'Nobody took D-2 for 30 min']);

    // Signed in again (a new socket): the listeners stay.
    live.connect('t2');
    await flush();
    socket().notify(notification('n3', 'New deal for you'));
    expect(second).toEqual(['Nobody took D-1 for 31 min', 'Nobody took D-2 for 30 min', 'New deal for you']);
  });
});
