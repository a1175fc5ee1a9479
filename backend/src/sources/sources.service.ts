import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SourceDto } from '@autofunnel/shared';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { Channel } from '../channels/channel.entity.js';
import { Deal } from '../deals/deal.entity.js';
import { Source } from './source.entity.js';

/** The admin-edited list of deal sources. */
@Injectable()
export class SourcesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<SourceDto[]> {
    const sources = await this.dataSource.getRepository(Source).find({ order: { name: 'ASC' } });
    return sources.map(toSourceDto);
  }

  async create(name: string): Promise<SourceDto> {
    return this.dataSource.transaction(async (em) => {
      await this.refuseDuplicateName(em, name);
      return toSourceDto(await em.save(em.create(Source, { name })));
    });
  }

  async rename(id: string, name: string): Promise<SourceDto> {
    return this.dataSource.transaction(async (em) => {
      const source = await this.lock(em, id);
      await this.refuseDuplicateName(em, name, id);
      await em.update(Source, id, { name });
      return toSourceDto({ ...source, name });
    });
  }

  /**
   * Deletes a source. One still named by deals or channels is refused unless `replaceWith`
   * names the source they move to, so no deal silently loses where it came from.
   */
  async remove(id: string, replaceWith?: string): Promise<void> {
    if (replaceWith === id) throw new UnprocessableEntityException('replaceWith must be another source than the one deleted');
    await this.dataSource.transaction(async (em) => {
      const source = await this.lock(em, id);
      if (replaceWith) {
        if (!(await em.existsBy(Source, { id: replaceWith }))) throw new UnprocessableEntityException(`replaceWith ${replaceWith} is not a source`);
        await em.update(Deal, { sourceId: id }, { sourceId: replaceWith });
        await em.update(Channel, { sourceId: id }, { sourceId: replaceWith });
      } else {
        const [deals, channels] = await Promise.all([em.countBy(Deal, { sourceId: id }), em.countBy(Channel, { sourceId: id })]);
        if (deals + channels > 0) {
          const uses = [deals && plural(deals, 'deal'), channels && plural(channels, 'channel')].filter(Boolean).join(' and ');
          throw new ConflictException({
            statusCode: 409,
            error: 'Conflict',
            message: `"${source.name}" is used by ${uses}; choose a source to move them to`,
            deals,
            channels,
          });
        }
      }
      await em.delete(Source, id);
    });
  }

  /**
   * The source called `name` (ignoring case), created if new: lead providers (an ADF document's
   * provider) add themselves to the list. Safe under concurrent calls with the same name.
   */
  async findOrCreateByName(em: EntityManager, name: string): Promise<Source> {
    const existing = await em.createQueryBuilder(Source, 's').where('lower(s.name) = lower(:name)', { name }).getOne();
    if (existing) return existing;
    await em.createQueryBuilder().insert().into(Source).values({ name }).orIgnore().execute();
    return em.createQueryBuilder(Source, 's').where('lower(s.name) = lower(:name)', { name }).getOneOrFail();
  }

  private async lock(em: EntityManager, id: string): Promise<Source> {
    const source = await em.findOne(Source, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!source) throw new NotFoundException(`Source ${id} does not exist`);
    return source;
  }

  private async refuseDuplicateName(em: EntityManager, name: string, exceptId?: string): Promise<void> {
    const taken = await em.existsBy(Source, exceptId ? { name, id: Not(exceptId) } : { name });
    if (taken) throw new ConflictException(`There is already a source named "${name}"`);
  }
}

function toSourceDto({ id, name }: Source): SourceDto {
  return { id, name };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
