import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module.js';
import { ChannelsModule } from './channels/channels.module.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { ClockModule } from './common/clock.js';
import { validateEnvironment, type AppEnvironment } from './config/env.js';
import { ContactsModule } from './contacts/contacts.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DealsModule } from './deals/deals.module.js';
import { EventsModule } from './events/events.module.js';
import { FunnelsModule } from './funnels/funnels.module.js';
import { HealthModule } from './health/health.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { IntakeModule } from './intake/intake.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { SearchModule } from './search/search.module.js';
import { SourcesModule } from './sources/sources.module.js';
import { UsersModule } from './users/users.module.js';
import { UserAdminModule } from './users/user-admin.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { FollowUpModule } from './follow-up/follow-up.module.js';
import { LostReasonsModule } from './lost-reasons/lost-reasons.module.js';
import { MessagesModule } from './messages/messages.module.js';
import { OffersModule } from './offers/offers.module.js';
import { StockModule } from './stock/stock.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { TestDrivesModule } from './test-drives/test-drives.module.js';
import { TradeInsModule } from './trade-ins/trade-ins.module.js';
import { DealTypesModule } from './deal-types/deal-types.module.js';
import { DistributionModule } from './distribution/distribution.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { SpeedToLeadModule } from './speed-to-lead/speed-to-lead.module.js';
import { InsightsModule } from './insights/insights.module.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, validate: validateEnvironment, ignoreEnvFile: true }),
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppEnvironment, true>) => ({
        pinoHttp: {
          level: config.get('LOG_LEVEL', { infer: true }),
          genReqId: (request, response) => {
            const id = (request.headers['x-request-id'] as string | undefined) ?? randomUUID();
            response.setHeader('X-Request-Id', id);
            return id;
          },
          redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
        },
      }),
    }),
    ScheduleModule.forRoot(),
    ClockModule,
    DatabaseModule,
    AuthModule,
    UsersModule,
    UserAdminModule,
    SourcesModule,
    FunnelsModule,
    ContactsModule,
    EventsModule,
    DealsModule,
    ChannelsModule,
    IntakeModule,
    SearchModule,
    ImportsModule,
    // The deal page and stock
    StockModule,
    TradeInsModule,
    OffersModule,
    TestDrivesModule,
    DocumentsModule,
    TasksModule,
    MessagesModule,
    FollowUpModule,
    LostReasonsModule,
    // Running the team
    DealTypesModule,
    DistributionModule,
    NotificationsModule,
    SpeedToLeadModule,
    InsightsModule,
    HealthModule,
    RealtimeModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
})
export class AppModule {}
