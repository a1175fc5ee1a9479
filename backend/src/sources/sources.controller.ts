import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { SourceDto } from '@autofunnel/shared';
import { Roles } from '../auth/decorators.js';
import { RemoveSourceQuery, SaveSourceDto } from './dto/source.dto.js';
import { SourcesService } from './sources.service.js';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Get()
  list(): Promise<SourceDto[]> {
    return this.sources.list();
  }

  @Post()
  @Roles('admin')
  create(@Body() body: SaveSourceDto): Promise<SourceDto> {
    return this.sources.create(body.name);
  }

  @Patch(':id')
  @Roles('admin')
  rename(@Param('id', ParseUUIDPipe) id: string, @Body() body: SaveSourceDto): Promise<SourceDto> {
    return this.sources.rename(id, body.name);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'Deals or channels still use it and no replaceWith was given' })
  remove(@Param('id', ParseUUIDPipe) id: string, @Query() query: RemoveSourceQuery): Promise<void> {
    return this.sources.remove(id, query.replaceWith);
  }
}
