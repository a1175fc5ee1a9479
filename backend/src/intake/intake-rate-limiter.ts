import { HttpException, HttpStatus, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import type { Channel } from '../channels/channel.entity.js';
import type { AppEnvironment } from '../config/env.js';

const WINDOW_SECONDS = 60;

/**
 * Counts each channel's requests per minute against its own limit. With REDIS_URL the counts
 * live in Redis, so every API instance enforces one shared limit; without it, in memory.
 * (rate-limiter-flexible rather than @nestjs/throttler: the latter is CommonJS requiring the
 * ESM-only Nest 12 packages, which jest's ESM runtime cannot load on Node 20.)
 */
@Injectable()
export class IntakeRateLimiter implements OnModuleInit, OnModuleDestroy {
  private readonly redis;
  /** One limiter per limit value: channels share counters only by key, never by limit. */
  private readonly limiters = new Map<number, RateLimiterAbstract>();

  constructor(config: ConfigService<AppEnvironment, true>) {
    const url = config.get('REDIS_URL', { infer: true });
    this.redis = url ? createClient({ url }) : null;
  }

  /** Counts one request; throws 429 (with Retry-After) when the channel is over its limit. */
  async consume(channel: Channel, setHeader: (name: string, value: string) => void): Promise<void> {
    try {
      await this.limiterFor(channel.rateLimitPerMinute).consume(channel.id);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      setHeader('Retry-After', String(retryAfter));
      throw new HttpException(
        `Too many requests for the channel "${channel.name}": at most ${channel.rateLimitPerMinute} a minute; retry after ${retryAfter} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  async onModuleInit(): Promise<void> {
    await this.redis?.connect();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis?.isOpen) await this.redis.quit();
  }

  private limiterFor(points: number): RateLimiterAbstract {
    let limiter = this.limiters.get(points);
    if (!limiter) {
      const options = { points, duration: WINDOW_SECONDS, keyPrefix: `intake-${points}` };
      limiter = this.redis ? new RateLimiterRedis({ ...options, storeClient: this.redis, useRedisPackage: true }) : new RateLimiterMemory(options);
      this.limiters.set(points, limiter);
    }
    return limiter;
  }
}
