import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { DealsModule } from '../deals/deals.module.js';
import { EventsModule } from '../events/events.module.js';
import { SourcesModule } from '../sources/sources.module.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { IntakeRateLimitGuard } from './intake-rate-limit.guard.js';
import { IntakeRateLimiter } from './intake-rate-limiter.js';
import { IntakeController } from './intake.controller.js';
import { IntakeService } from './intake.service.js';

@Module({
  imports: [ChannelsModule, ContactsModule, DealsModule, EventsModule, SourcesModule],
  controllers: [IntakeController],
  providers: [IntakeService, IntakeRateLimiter, ApiKeyGuard, IntakeRateLimitGuard],
})
export class IntakeModule {}
