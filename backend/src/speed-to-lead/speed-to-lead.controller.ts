import { ConflictException, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { InflowDto, SlaRunResult } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { InflowQuery } from './dto/inflow.query.js';
import { InflowService } from './inflow.service.js';
import { SlaJob } from './sla.job.js';

/** Speed to lead: the team lead's Inflow view, and the SLA escalation job on demand. */
@ApiTags('speed-to-lead')
@ApiBearerAuth()
@Controller()
export class SpeedToLeadController {
  constructor(
    private readonly inflowView: InflowService,
    private readonly job: SlaJob,
  ) {}

  @Get('inflow')
  @Roles('lead', 'admin')
  @ApiOkResponse({ description: "InflowDto over the deals the caller sees: a team lead's are their branch's and those without a branch" })
  @ApiNotFoundResponse({ description: 'No such funnel' })
  inflow(@CurrentUser() caller: AuthUser, @Query() query: InflowQuery): Promise<InflowDto> {
    return this.inflowView.inflow(caller, query.funnelId, query.since);
  }

  @Post('sla/run')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ escalated }: deals escalated by this run' })
  @ApiConflictResponse({ description: 'A run is already under way (scheduled, or started by someone else)' })
  async runSla(): Promise<SlaRunResult> {
    const result = await this.job.run();
    if (!result) throw new ConflictException('The SLA job is already running (on schedule or started by someone else); try again in a minute');
    return result;
  }
}
