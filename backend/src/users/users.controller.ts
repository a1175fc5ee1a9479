import { Body, Controller, ForbiddenException, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { DeactivateUserResponse, ResetPasswordResponse, UserAdminDto, UserDto } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CreateUserDto, ListUsersQuery, ResetPasswordDto, UpdateUserDto } from './dto/user.dto.js';
import { UserAdminService } from './user-admin.service.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly admin: UserAdminService,
  ) {}

  /** Without `status`: the active users, for the responsible picker and filters (everyone). With it: the admin view (admins). */
  @Get()
  @ApiOkResponse({ description: 'UserDto[] (active, by name); with ?status=active|inactive|all, UserAdminDto[] (admins only)' })
  @ApiForbiddenResponse({ description: '?status asked by someone other than an admin' })
  list(@CurrentUser() caller: AuthUser, @Query() query: ListUsersQuery): Promise<UserDto[] | UserAdminDto[]> {
    if (query.status === undefined) return this.users.listActive();
    if (caller.role !== 'admin') throw new ForbiddenException('Only an admin can list users with their status; leave out ?status for the active users');
    return this.admin.list(query.status);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOkResponse({ description: 'UserAdminDto' })
  @ApiNotFoundResponse()
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserAdminDto> {
    return this.users.adminView(id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ description: 'UserAdminDto' })
  @ApiConflictResponse({ description: 'The email (ignoring case) or the phone extension (among active users) is taken' })
  @ApiUnprocessableEntityResponse({ description: 'branchId is not a branch' })
  create(@Body() body: CreateUserDto): Promise<UserAdminDto> {
    return this.admin.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ description: 'UserAdminDto' })
  @ApiConflictResponse({ description: 'The email or the phone extension is taken' })
  @ApiUnprocessableEntityResponse({ description: 'branchId is not a branch, or an admin demoting themselves' })
  update(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto): Promise<UserAdminDto> {
    return this.admin.update(caller, id, body);
  }

  @Post(':id/deactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'DeactivateUserResponse: the user, and how many open deals were flagged for reassignment' })
  @ApiUnprocessableEntityResponse({ description: 'An admin deactivating themselves' })
  deactivate(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DeactivateUserResponse> {
    return this.admin.deactivate(caller, id);
  }

  @Post(':id/activate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'UserAdminDto' })
  @ApiConflictResponse({ description: 'Their phone extension now belongs to another active user' })
  activate(@Param('id', ParseUUIDPipe) id: string): Promise<UserAdminDto> {
    return this.admin.activate(id);
  }

  @Post(':id/reset-password')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'ResetPasswordResponse: the temporary password (shown once) when none was given; their sessions end' })
  @ApiUnprocessableEntityResponse({ description: 'An admin resetting their own password (they change it on My account)' })
  resetPassword(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: ResetPasswordDto): Promise<ResetPasswordResponse> {
    return this.admin.resetPassword(caller, id, body.password);
  }
}
