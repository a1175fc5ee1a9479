import { BadRequestException, ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { DataSource, EntityManager, EntityTarget } from 'typeorm';

/** An entry of an admin-edited list: unique name (ignoring case), position 1..n. */
export interface ListEntry {
  id: string;
  name: string;
  position: number;
}

/**
 * The mechanics every admin-edited ordered list shares (lost reasons, deal types): writers lock
 * the table against each other (readers go on) and see the whole list in order, so positions
 * stay 1..n and names unique however they race.
 */
export class OrderedList<T extends ListEntry> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T>,
    /** The table's name (a constant of the caller's, never user input). */
    private readonly table: string,
    /** How messages name an entry, e.g. "lost reason". */
    private readonly noun: string,
  ) {}

  read(): Promise<T[]> {
    return this.dataSource.getRepository(this.entity).find({ order: { position: 'ASC', name: 'ASC' } as never });
  }

  /** Runs `work` with the table locked against other writers, and the list in order. */
  write<R>(work: (em: EntityManager, ordered: T[]) => Promise<R>): Promise<R> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`LOCK TABLE ${this.table} IN SHARE ROW EXCLUSIVE MODE`);
      return work(em, await em.find(this.entity, { order: { position: 'ASC', name: 'ASC' } as never }));
    });
  }

  found(ordered: T[], id: string): T {
    const entry = ordered.find((candidate) => candidate.id === id);
    if (!entry) throw new NotFoundException(`${capitalised(this.noun)} ${id} does not exist`);
    return entry;
  }

  /** The entry `replaceWith` names, refusing the one being deleted and unknown ids. */
  replacement(ordered: T[], id: string, replaceWith: string | undefined): T | undefined {
    if (replaceWith === undefined) return undefined;
    if (replaceWith === id) throw new UnprocessableEntityException(`replaceWith must be another ${this.noun} than the one deleted`);
    const entry = ordered.find((candidate) => candidate.id === replaceWith);
    if (!entry) throw new UnprocessableEntityException(`replaceWith ${replaceWith} is not a ${this.noun}`);
    return entry;
  }

  /** Names are unique ignoring case; under the write lock the list is complete. */
  refuseDuplicateName(ordered: T[], name: string, exceptId?: string): void {
    const existing = ordered.find((entry) => entry.id !== exceptId && entry.name.toLowerCase() === name.toLowerCase());
    if (existing) throw new ConflictException(`There is already a ${this.noun} named "${existing.name}"`);
  }

  /** Renames and/or moves an entry (1 = first, past the end = last; the others shift); the entry as saved. */
  async update(em: EntityManager, ordered: T[], id: string, changes: { name?: string; position?: number }): Promise<T> {
    if (changes.name === undefined && changes.position === undefined) throw new BadRequestException('Give name, position or both');
    const entry = this.found(ordered, id);
    if (changes.name !== undefined && changes.name !== entry.name) {
      this.refuseDuplicateName(ordered, changes.name, id);
      await em.update(this.entity, id, { name: changes.name } as never);
    }
    if (changes.position !== undefined) {
      const others = ordered.filter((candidate) => candidate.id !== id);
      others.splice(Math.min(changes.position, ordered.length) - 1, 0, entry);
      await this.renumber(em, others);
    }
    return em.findOneByOrFail(this.entity, { id } as never);
  }

  /** Deletes an entry and closes the gap it leaves. */
  async delete(em: EntityManager, ordered: T[], id: string): Promise<void> {
    await em.delete(this.entity, id);
    await this.renumber(em, ordered.filter((entry) => entry.id !== id));
  }

  /** Positions 1..n in the given order; only rows whose position changes are written. */
  private async renumber(em: EntityManager, ordered: T[]): Promise<void> {
    await em.query(
      `UPDATE ${this.table} t SET position = o.position
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position)
        WHERE t.id = o.id AND t.position <> o.position`,
      [ordered.map((entry) => entry.id)],
    );
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
