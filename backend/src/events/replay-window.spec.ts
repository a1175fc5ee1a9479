import { replayWindow } from './replay-window.js';

describe('replayWindow', () => {
  it('needs nothing for a fresh join or a client that saw the latest event', () => {
    expect(replayWindow(42, undefined, 100)).toBe('up-to-date');
    expect(replayWindow(42, 42, 100)).toBe('up-to-date');
  });

  it('replays up to the limit', () => {
    expect(replayWindow(42, 41, 100)).toBe('replay');
    expect(replayWindow(142, 42, 100)).toBe('replay');
    expect(replayWindow(0 + 100, 0, 100)).toBe('replay');
  });

  it('asks for a reload when too far behind or ahead of the server', () => {
    expect(replayWindow(143, 42, 100)).toBe('resync');
    expect(replayWindow(42, 43, 100)).toBe('resync');
  });
});
