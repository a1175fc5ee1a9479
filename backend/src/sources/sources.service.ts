import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { SourceDto } from '@autofunnel/shared';
import { Repository } from 'typeorm';
import { Source } from './source.entity.js';

@Injectable()
export class SourcesService {
  constructor(@InjectRepository(Source) private readonly sources: Repository<Source>) {}

  async list(): Promise<SourceDto[]> {
    const sources = await this.sources.find({ order: { name: 'ASC' } });
    return sources.map(({ id, name }) => ({ id, name }));
  }
}
