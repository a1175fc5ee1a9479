import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BranchDto, UserDto } from '@autofunnel/shared';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Active users, for the responsible picker and filters. */
  @Get('users')
  list(): Promise<UserDto[]> {
    return this.users.listActive();
  }

  @Get('branches')
  branches(): Promise<BranchDto[]> {
    return this.users.listBranches();
  }
}
