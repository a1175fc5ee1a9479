import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Branch } from './branch.entity.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

/** Who the users are (sign-in, every request's caller, sessions). The admin pages are in UserAdminModule. */
@Module({
  imports: [TypeOrmModule.forFeature([User, Branch])],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
