import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { SourceDto } from '@autofunnel/shared';
import { Repository } from 'typeorm';
import { Source } from './source.entity.js';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('sources')
export class SourcesController {
  constructor(@InjectRepository(Source) private readonly sources: Repository<Source>) {}

  @Get()
  async list(): Promise<SourceDto[]> {
    const sources = await this.sources.find({ order: { name: 'ASC' } });
    return sources.map(({ id, name }) => ({ id, name }));
  }
}
