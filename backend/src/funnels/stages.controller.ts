import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { StageDto } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { DeleteStageQuery, UpdateStageDto } from './dto/funnel.dto.js';
import { FunnelsService } from './funnels.service.js';

@ApiTags('funnels')
@ApiBearerAuth()
@Controller('stages')
export class StagesController {
  constructor(private readonly funnels: FunnelsService) {}

  @Patch(':id')
  @Roles('admin')
  @ApiUnprocessableEntityResponse({ description: 'Required fields on the unassigned stage' })
  update(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateStageDto): Promise<StageDto> {
    return this.funnels.updateStage(caller, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'The stage holds deals and no moveDealsTo was given' })
  @ApiUnprocessableEntityResponse({ description: 'The unassigned and won stages cannot be deleted' })
  remove(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: DeleteStageQuery): Promise<void> {
    return this.funnels.deleteStage(caller, id, query.moveDealsTo);
  }
}
