import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SourceDto } from '@autofunnel/shared';
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
}
