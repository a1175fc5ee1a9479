import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BoardEventType, DealEventDto } from '@autofunnel/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { FunnelEvent } from './funnel-event.entity.js';

export interface NewEvent {
  type: BoardEventType;
  dealId?: string | null;
  actorId: string | null;
  data: Record<string, unknown>;
}

/**
 * Appends to a funnel's event log inside the caller's transaction. The funnel row's `last_seq`
 * is bumped with a row lock held until commit, so sequence numbers are gap-free and commit in
 * order: a reader that has seen seq N has seen every event before it.
 */
@Injectable()
export class EventsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(em: EntityManager, funnelId: string, event: NewEvent): Promise<FunnelEvent> {
    const [saved] = await this.appendMany(em, funnelId, [event]);
    return saved;
  }

  async appendMany(em: EntityManager, funnelId: string, events: NewEvent[]): Promise<FunnelEvent[]> {
    if (events.length === 0) return [];
    const [rows] = (await em.query(`UPDATE funnel SET last_seq = last_seq + $2 WHERE id = $1 RETURNING last_seq`, [funnelId, events.length])) as [
      { last_seq: string }[],
      number,
    ];
    const lastSeq = Number(rows[0].last_seq);
    const firstSeq = lastSeq - events.length + 1;
    const at = new Date();
    const entities = events.map((event, index) =>
      em.create(FunnelEvent, { funnelId, seq: firstSeq + index, type: event.type, dealId: event.dealId ?? null, actorId: event.actorId, at, data: event.data }),
    );
    await em.insert(FunnelEvent, entities as QueryDeepPartialEntity<FunnelEvent>[]);
    return entities;
  }

  /** A deal's timeline, oldest first. */
  async listForDeal(dealId: string): Promise<DealEventDto[]> {
    const events = await this.dataSource.getRepository(FunnelEvent).find({
      where: { dealId },
      relations: { actor: true },
      order: { seq: 'ASC' },
    });
    return events.map((event) => ({
      seq: event.seq,
      type: event.type,
      at: event.at.toISOString(),
      actor: event.actor ? { id: event.actor.id, name: event.actor.name } : null,
      data: event.data,
    }));
  }
}
