import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { TestDriveDto } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { CreateTestDriveDto, UpdateTestDriveDto } from './dto/test-drive.dto.js';
import { TestDrivesService } from './test-drives.service.js';

@ApiTags('test-drives')
@ApiBearerAuth()
@Controller()
export class TestDrivesController {
  constructor(private readonly testDrives: TestDrivesService) {}

  @Get('deals/:dealId/test-drives')
  @ApiForbiddenResponse({ description: 'The caller may not see the deal' })
  list(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string): Promise<TestDriveDto[]> {
    return this.testDrives.list(caller, dealId);
  }

  @Post('deals/:dealId/test-drives')
  @ApiConflictResponse({ description: 'The vehicle is booked in an overlapping slot (named in the message and in `clash`), or sold' })
  @ApiUnprocessableEntityResponse({ description: 'endsAt not after startsAt, a slot over 24 hours, or an unknown vehicle' })
  schedule(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string, @Body() body: CreateTestDriveDto): Promise<TestDriveDto> {
    return this.testDrives.schedule(caller, dealId, body);
  }

  @Patch('test-drives/:id')
  @ApiConflictResponse({ description: 'The new slot overlaps another booking, or the vehicle is sold' })
  update(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateTestDriveDto): Promise<TestDriveDto> {
    return this.testDrives.update(caller, id, body);
  }
}
