import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The time, as a provider: scheduled jobs and deadline rules read it here, so tests can put
 * the app at any moment (`overrideProvider(Clock)`) instead of waiting or faking timers.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
