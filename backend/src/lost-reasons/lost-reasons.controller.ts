import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { LostReasonDto } from '@autofunnel/shared';
import { Roles } from '../auth/decorators.js';
import { CreateLostReasonDto, RemoveLostReasonQuery, UpdateLostReasonDto } from './dto/lost-reason.dto.js';
import { LostReasonsService } from './lost-reasons.service.js';

@ApiTags('lost-reasons')
@ApiBearerAuth()
@Controller('lost-reasons')
export class LostReasonsController {
  constructor(private readonly lostReasons: LostReasonsService) {}

  @Get()
  list(): Promise<LostReasonDto[]> {
    return this.lostReasons.list();
  }

  @Post()
  @Roles('admin')
  @ApiConflictResponse({ description: 'A reason with this name exists (ignoring case)' })
  create(@Body() body: CreateLostReasonDto): Promise<LostReasonDto> {
    return this.lostReasons.create(body.name);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiConflictResponse({ description: 'Another reason has this name (ignoring case)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateLostReasonDto): Promise<LostReasonDto> {
    return this.lostReasons.update(id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'Lost deals give this reason and no replaceWith was given' })
  @ApiUnprocessableEntityResponse({ description: 'replaceWith is not another lost reason' })
  remove(@Param('id', ParseUUIDPipe) id: string, @Query() query: RemoveLostReasonQuery): Promise<void> {
    return this.lostReasons.remove(id, query.replaceWith);
  }
}
