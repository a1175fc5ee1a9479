import { Injectable, NotFoundException, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BoardEvent, BoardEventType, DealDto, DealEventDto, DealScope, FunnelDto, StageDto, UserRef } from '@autofunnel/shared';
import { Subject } from 'rxjs';
import { DataSource, MoreThan, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { FunnelEvent } from './funnel-event.entity.js';
import { replayWindow } from './replay-window.js';

export interface NewEvent {
  type: BoardEventType;
  actor: UserRef | null;
  /** The deal right after the change; its id becomes the event's deal. */
  deal?: DealDto;
  dealId?: string;
  /** What changed; `stage` / `funnel` entries also travel as the board event's own fields. */
  data: Record<string, unknown>;
  /** Who could see the deal before the change (see FunnelEvent.dealBefore); none for a new deal. */
  before?: DealScope & { trashed: boolean };
}

/**
 * A committed event on its way to the sockets: the board event, plus what the realtime gateway
 * needs to route it by visibility (never sent to clients as is).
 */
export interface CommittedEvent {
  event: BoardEvent;
  /** The deal the event is about; null for stage and funnel events. */
  dealId: string | null;
  /** Who could see the deal just before the change; null for a new deal (nobody saw it). */
  dealBefore: (DealScope & { trashed: boolean }) | null;
}

/** Appends events inside a transaction opened by `EventsService.transaction`. */
export interface FunnelEventLog {
  append(funnelId: string, ...events: NewEvent[]): Promise<void>;
  /** Runs `effect` once the transaction has committed (e.g. pushing notifications); never on rollback. */
  afterCommit(effect: () => void): void;
}

/**
 * The funnel event log: every change's timeline entry and the feed of live boards.
 *
 * Appending bumps the funnel row's `last_seq` under a row lock held until commit, so sequence
 * numbers are gap-free and commit in order. Events reach `committed$` (and so the sockets)
 * only once their transaction has committed: the database and the wire never disagree.
 */
@Injectable()
export class EventsService implements OnModuleDestroy {
  private readonly committed = new Subject<CommittedEvent[]>();
  readonly committed$ = this.committed.asObservable();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async transaction<T>(work: (em: EntityManager, log: FunnelEventLog) => Promise<T>): Promise<T> {
    const appended: CommittedEvent[] = [];
    const effects: (() => void)[] = [];
    const result = await this.dataSource.transaction((em) =>
      work(em, {
        append: async (funnelId, ...events) => {
          appended.push(...(await this.insert(em, funnelId, events)));
        },
        afterCommit: (effect) => effects.push(effect),
      }),
    );
    if (appended.length > 0) this.committed.next(appended);
    for (const effect of effects) effect();
    return result;
  }

  /**
   * What a client that last saw `sinceSeq` has missed, oldest first, or `events: null` when it
   * should reload instead (too far behind, or ahead of this database).
   */
  async since(funnelId: string, sinceSeq: number | undefined, limit: number): Promise<{ seq: number; events: CommittedEvent[] | null }> {
    const funnel: { last_seq: string }[] = await this.dataSource.query(`SELECT last_seq FROM funnel WHERE id = $1`, [funnelId]);
    if (funnel.length === 0) throw new NotFoundException(`Funnel ${funnelId} does not exist`);
    const seq = Number(funnel[0].last_seq);
    const window = replayWindow(seq, sinceSeq, limit);
    if (window === 'resync') return { seq, events: null };
    if (window === 'up-to-date') return { seq, events: [] };
    const rows = await this.dataSource.getRepository(FunnelEvent).find({
      where: { funnelId, seq: MoreThan(sinceSeq!) },
      relations: { actor: true },
      order: { seq: 'ASC' },
      take: seq - sinceSeq!,
    });
    return { seq, events: rows.map((row) => toCommittedEvent(row, row.actor ? { id: row.actor.id, name: row.actor.name } : null)) };
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

  onModuleDestroy(): void {
    this.committed.complete();
  }

  private async insert(em: EntityManager, funnelId: string, events: NewEvent[]): Promise<CommittedEvent[]> {
    if (events.length === 0) return [];
    const [rows] = (await em.query(`UPDATE funnel SET last_seq = last_seq + $2 WHERE id = $1 RETURNING last_seq`, [funnelId, events.length])) as [
      { last_seq: string }[],
      number,
    ];
    const firstSeq = Number(rows[0].last_seq) - events.length + 1;
    const at = new Date();
    const entities = events.map((event, index) =>
      em.create(FunnelEvent, {
        funnelId,
        seq: firstSeq + index,
        type: event.type,
        dealId: event.deal?.id ?? event.dealId ?? null,
        actorId: event.actor?.id ?? null,
        at,
        data: event.data,
        dealSnapshot: event.deal ?? null,
        dealBefore: event.before ?? null,
      }),
    );
    await em.insert(FunnelEvent, entities as QueryDeepPartialEntity<FunnelEvent>[]);
    return entities.map((entity, index) => {
      const actor = events[index].actor;
      return toCommittedEvent(entity, actor ? { id: actor.id, name: actor.name } : null);
    });
  }
}

function toCommittedEvent(row: FunnelEvent, actor: UserRef | null): CommittedEvent {
  return { event: toBoardEvent(row, actor), dealId: row.dealId, dealBefore: row.dealBefore };
}

function toBoardEvent(row: FunnelEvent, actor: UserRef | null): BoardEvent {
  const { stage, funnel } = row.data as { stage?: StageDto; funnel?: FunnelDto };
  return {
    funnelId: row.funnelId,
    seq: row.seq,
    type: row.type,
    at: row.at.toISOString(),
    actor,
    ...(row.dealSnapshot ? { deal: row.dealSnapshot } : {}),
    ...(stage ? { stage } : {}),
    ...(funnel ? { funnel } : {}),
    data: row.data,
  };
}
