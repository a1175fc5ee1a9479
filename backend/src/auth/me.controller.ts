import { BadRequestException, Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { MeDto } from '@autofunnel/shared';
import { UsersService } from '../users/users.service.js';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { CurrentUser } from './decorators.js';
import { ChangeOwnPasswordDto, UpdateMeDto } from './dto/me.dto.js';

/** The signed-in user's own account, whatever their role. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'MeDto: the signed-in user with their duty switch, cap and open deal count' })
  me(@CurrentUser() caller: AuthUser): Promise<MeDto> {
    return this.users.adminView(caller.id);
  }

  /** The duty switch (it matters for managers: only users on duty receive distributed deals) and the name. */
  @Patch()
  @ApiOkResponse({ description: 'MeDto' })
  update(@CurrentUser() caller: AuthUser, @Body() body: UpdateMeDto): Promise<MeDto> {
    if (body.onDuty === undefined && body.name === undefined) throw new BadRequestException('Give onDuty, name or both');
    return this.users.updateOwn(caller.id, { ...(body.onDuty !== undefined && { onDuty: body.onDuty }), ...(body.name !== undefined && { name: body.name }) });
  }

  @Post('password')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ accessToken }: a fresh token for this device; every earlier token stops working' })
  @ApiForbiddenResponse({ description: 'currentPassword is wrong' })
  @ApiUnprocessableEntityResponse({ description: 'newPassword is the current one' })
  changePassword(@CurrentUser() caller: AuthUser, @Body() body: ChangeOwnPasswordDto): Promise<{ accessToken: string }> {
    return this.auth.changeOwnPassword(caller.id, body.currentPassword, body.newPassword);
  }
}
