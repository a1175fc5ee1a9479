import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import type { ChannelRequest } from './api-key.guard.js';
import { IntakeRateLimiter } from './intake-rate-limiter.js';

/** After ApiKeyGuard: counts the request against its channel's limit (429 beyond it). */
@Injectable()
export class IntakeRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: IntakeRateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const response = http.getResponse<Response>();
    await this.limiter.consume(http.getRequest<ChannelRequest>().channel, (name, value) => response.setHeader(name, value));
    return true;
  }
}
