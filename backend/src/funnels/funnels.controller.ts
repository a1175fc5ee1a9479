import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FunnelDto, StageDto } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CreateFunnelDto, CreateStageDto, ReorderStagesDto, UpdateFunnelDto } from './dto/funnel.dto.js';
import { FunnelsService } from './funnels.service.js';

@ApiTags('funnels')
@ApiBearerAuth()
@Controller('funnels')
export class FunnelsController {
  constructor(private readonly funnels: FunnelsService) {}

  @Get()
  list(): Promise<FunnelDto[]> {
    return this.funnels.list();
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<FunnelDto> {
    return this.funnels.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiUnprocessableEntityResponse({ description: 'The stages are in a wrong order, or slaWarnMinutes is not less than slaEscalateMinutes' })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateFunnelDto): Promise<FunnelDto> {
    return this.funnels.create(caller, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiUnprocessableEntityResponse({ description: 'slaWarnMinutes is not less than slaEscalateMinutes (as stored or given)' })
  update(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateFunnelDto): Promise<FunnelDto> {
    return this.funnels.update(caller, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'The funnel still has deals' })
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.funnels.remove(id);
  }

  @Post(':id/stages')
  @Roles('admin')
  addStage(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: CreateStageDto): Promise<StageDto> {
    return this.funnels.addStage(caller, id, body);
  }

  @Put(':id/stage-order')
  @Roles('admin')
  @ApiUnprocessableEntityResponse({ description: 'A stage is missing, or the unassigned/won stage left its end' })
  reorder(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReorderStagesDto): Promise<FunnelDto> {
    return this.funnels.reorder(caller, id, body.stageIds);
  }
}
