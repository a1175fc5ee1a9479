import { Module } from '@nestjs/common';
import { DealsModule } from '../deals/deals.module.js';
import { EventsModule } from '../events/events.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { BranchesController } from './branches.controller.js';
import { BranchesService } from './branches.service.js';
import { UserAdminService } from './user-admin.service.js';
import { UsersController } from './users.controller.js';
import { UsersModule } from './users.module.js';

/**
 * Users and branches as admins run them. Apart from UsersModule, which every request needs
 * (AuthModule) and so must not depend on deals: deactivating a user flags their deals.
 */
@Module({
  imports: [UsersModule, DealsModule, EventsModule, NotificationsModule],
  controllers: [UsersController, BranchesController],
  providers: [UserAdminService, BranchesService],
})
export class UserAdminModule {}
