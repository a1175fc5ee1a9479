import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { DealTypeDto } from '@autofunnel/shared';
import { Roles } from '../auth/decorators.js';
import { DealTypesService } from './deal-types.service.js';
import { CreateDealTypeDto, RemoveDealTypeQuery, UpdateDealTypeDto } from './dto/deal-type.dto.js';

@ApiTags('deal-types')
@ApiBearerAuth()
@Controller('deal-types')
export class DealTypesController {
  constructor(private readonly dealTypes: DealTypesService) {}

  @Get()
  list(): Promise<DealTypeDto[]> {
    return this.dealTypes.list();
  }

  @Post()
  @Roles('admin')
  @ApiConflictResponse({ description: 'A type with this name exists (ignoring case)' })
  create(@Body() body: CreateDealTypeDto): Promise<DealTypeDto> {
    return this.dealTypes.create(body.name);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiConflictResponse({ description: 'Another type has this name (ignoring case)' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateDealTypeDto): Promise<DealTypeDto> {
    return this.dealTypes.update(id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'Deals have this type and no replaceWith was given' })
  @ApiUnprocessableEntityResponse({ description: 'A built-in type, or a replaceWith that is not another type' })
  remove(@Param('id', ParseUUIDPipe) id: string, @Query() query: RemoveDealTypeQuery): Promise<void> {
    return this.dealTypes.remove(id, query.replaceWith);
  }
}
