import { Body, ConflictException, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { DeadlineDto, DealDto, FollowUpRunResult } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { FollowUpDto, ResolveDeadlineDto, SetDeadlineDto } from './dto/follow-up.dto.js';
import { FollowUpJob } from './follow-up.job.js';
import { FollowUpService } from './follow-up.service.js';

@ApiTags('follow-up')
@ApiBearerAuth()
@Controller()
export class FollowUpController {
  constructor(
    private readonly followUp: FollowUpService,
    private readonly job: FollowUpJob,
  ) {}

  @Get('deals/:dealId/deadlines')
  @ApiForbiddenResponse({ description: 'The caller may not see the deal' })
  deadlines(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string): Promise<DeadlineDto[]> {
    return this.followUp.deadlines(caller, dealId);
  }

  @Post('deals/:dealId/deadlines')
  @HttpCode(200)
  @ApiUnprocessableEntityResponse({ description: 'dueAt is in the past' })
  @ApiConflictResponse({ description: 'The deal is closed or in long-term follow-up' })
  setDeadline(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string, @Body() body: SetDeadlineDto): Promise<DeadlineDto> {
    return this.followUp.setDeadline(caller, dealId, body);
  }

  @Post('deadlines/:id/resolve')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'The deadline was already resolved' })
  resolve(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: ResolveDeadlineDto): Promise<DeadlineDto> {
    return this.followUp.resolve(caller, id, body);
  }

  @Post('deals/:dealId/follow-up')
  @HttpCode(200)
  @ApiUnprocessableEntityResponse({ description: 'until is in the past' })
  @ApiConflictResponse({ description: 'The deal is closed, or (until: null) not in long-term follow-up' })
  scheduleFollowUp(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string, @Body() body: FollowUpDto): Promise<DealDto> {
    return this.followUp.scheduleFollowUp(caller, dealId, body);
  }

  @Post('follow-up/run')
  @Roles('admin')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'A run is already under way (scheduled, or started by someone else)' })
  async runJob(): Promise<FollowUpRunResult> {
    const result = await this.job.run();
    if (!result) throw new ConflictException('The follow-up job is already running (on schedule or started by someone else); try again in a minute');
    return result;
  }
}
