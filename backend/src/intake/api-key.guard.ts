import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Channel } from '../channels/channel.entity.js';
import { ChannelsService } from '../channels/channels.service.js';

export type ChannelRequest = Request & { channel: Channel };

/** Intake routes are called by channels, not users: the X-Api-Key header names the channel. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly channels: ChannelsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ChannelRequest>();
    const key = request.header('x-api-key')?.trim();
    if (!key) throw new UnauthorizedException("Send the channel's API key in the X-Api-Key header (an admin finds it under Admin → Channels)");
    const channel = await this.channels.findByApiKey(key);
    if (!channel) throw new UnauthorizedException('This API key is not valid (it may have been rotated); ask an admin for the current key');
    if (!channel.active) throw new ForbiddenException(`The channel "${channel.name}" is switched off; an admin can switch it on again`);
    request.channel = channel;
    return true;
  }
}
