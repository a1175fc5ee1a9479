/** A Clock that stays where a test puts it: `TestApp.start({ override: (b) => b.overrideProvider(Clock).useValue(clock) })`. */
export class FakeClock {
  private at: Date;

  constructor(at: Date = new Date()) {
    this.at = new Date(at);
  }

  now(): Date {
    return new Date(this.at);
  }

  set(at: Date): void {
    this.at = new Date(at);
  }

  advance(ms: number): Date {
    this.at = new Date(this.at.getTime() + ms);
    return this.now();
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
