import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DealTypeDto } from '@autofunnel/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { Deal } from '../deals/deal.entity.js';
import { DealTypeEntity } from './deal-type.entity.js';
import type { UpdateDealTypeDto } from './dto/deal-type.dto.js';

/** As long as the `code` column. */
const MAX_CODE_LENGTH = 40;

/**
 * The admin-edited list of deal types. Deals store a type's `code`, made from its name when the
 * type is created and never changed, so renaming is free; deleting one that deals still have
 * needs a replacement. Writers lock the table against each other, which keeps positions 1..n,
 * names and codes unique however they race.
 */
@Injectable()
export class DealTypesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<DealTypeDto[]> {
    const types = await this.dataSource.getRepository(DealTypeEntity).find({ order: { position: 'ASC', name: 'ASC' } });
    return types.map(toDealTypeDto);
  }

  /** A new entry goes last, with a code of its own made from the name. */
  create(name: string): Promise<DealTypeDto> {
    return this.write(async (em, ordered) => {
      refuseDuplicateName(ordered, name);
      const code = uniqueCode(slug(name), new Set(ordered.map((type) => type.code)));
      return em.save(em.create(DealTypeEntity, { code, name, position: ordered.length + 1, system: false }));
    });
  }

  update(id: string, dto: UpdateDealTypeDto): Promise<DealTypeDto> {
    if (dto.name === undefined && dto.position === undefined) throw new BadRequestException('Give name, position or both');
    return this.write(async (em, ordered) => {
      const type = found(ordered, id);
      if (dto.name !== undefined && dto.name !== type.name) {
        refuseDuplicateName(ordered, dto.name, id);
        await em.update(DealTypeEntity, id, { name: dto.name });
      }
      if (dto.position !== undefined) {
        const others = ordered.filter((entry) => entry.id !== id);
        others.splice(Math.min(dto.position, ordered.length) - 1, 0, type);
        await renumber(em, others);
      }
      return em.findOneByOrFail(DealTypeEntity, { id });
    });
  }

  /**
   * Deletes a type. Built-in ones (intake uses them) stay; one that deals still have is refused
   * unless `replaceWith` names the type they get instead, in the same transaction.
   */
  async remove(id: string, replaceWith?: string): Promise<void> {
    if (replaceWith === id) throw new UnprocessableEntityException('replaceWith must be another deal type than the one deleted');
    await this.write(async (em, ordered) => {
      const type = found(ordered, id);
      if (type.system) throw new UnprocessableEntityException(`"${type.name}" is built in (intake uses it); rename it instead`);
      const replacement = replaceWith ? ordered.find((entry) => entry.id === replaceWith) : undefined;
      if (replaceWith && !replacement) throw new UnprocessableEntityException(`replaceWith ${replaceWith} is not a deal type`);
      // Holding the row, a deal being saved with this type right now is counted (or waited for).
      await em.query(`SELECT 1 FROM deal_type WHERE id = $1 FOR UPDATE`, [id]);
      if (replacement) {
        await em.update(Deal, { type: type.code }, { type: replacement.code });
      } else {
        const deals = await em.countBy(Deal, { type: type.code });
        if (deals > 0) {
          throw new ConflictException({
            statusCode: 409,
            error: 'Conflict',
            message: `"${type.name}" is the type of ${deals} deal${deals === 1 ? '' : 's'}; choose a type to give them instead (replaceWith)`,
            deals,
          });
        }
      }
      await em.delete(DealTypeEntity, id);
      await renumber(em, ordered.filter((entry) => entry.id !== id));
    });
  }

  /** Runs `work` with the table locked against other writers (readers go on), and the list in order. */
  private async write<T>(work: (em: EntityManager, ordered: DealTypeEntity[]) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`LOCK TABLE deal_type IN SHARE ROW EXCLUSIVE MODE`);
      return work(em, await em.find(DealTypeEntity, { order: { position: 'ASC', name: 'ASC' } }));
    });
  }
}

function found(ordered: DealTypeEntity[], id: string): DealTypeEntity {
  const type = ordered.find((entry) => entry.id === id);
  if (!type) throw new NotFoundException(`Deal type ${id} does not exist`);
  return type;
}

/** Names are unique ignoring case; the caller holds the table lock, so the list is complete. */
function refuseDuplicateName(ordered: DealTypeEntity[], name: string, exceptId?: string): void {
  const existing = ordered.find((entry) => entry.id !== exceptId && entry.name.toLowerCase() === name.toLowerCase());
  if (existing) throw new ConflictException(`There is already a deal type named "${existing.name}"`);
}

/** "Fleet / B2B request" → `fleet_b2b_request`; a name without Latin letters or digits gives `type`. */
export function slug(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const code = ascii.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, MAX_CODE_LENGTH).replace(/_+$/, '');
  return code || 'type';
}

/** `base`, or `base_2`, `base_3`... the first no other type has. */
function uniqueCode(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const code = base.slice(0, MAX_CODE_LENGTH - suffix.length) + suffix;
    if (!taken.has(code)) return code;
  }
}

/** Positions 1..n in the given order; only rows whose position changes are written. */
async function renumber(em: EntityManager, ordered: DealTypeEntity[]): Promise<void> {
  await em.query(
    `UPDATE deal_type t SET position = o.position
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position)
      WHERE t.id = o.id AND t.position <> o.position`,
    [ordered.map((entry) => entry.id)],
  );
}

function toDealTypeDto({ id, code, name, position, system }: DealTypeEntity): DealTypeDto {
  return { id, code, name, position, system };
}
