import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InflowDto, InflowTake, InflowTaker } from '@autofunnel/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { Deal } from '../deals/deal.entity.js';
import { DEAL_RELATIONS, toDealDto } from '../deals/deal.mapper.js';
import { visibleDealsCondition } from '../deals/deal-visibility.js';
import { Funnel } from '../funnels/funnel.entity.js';

/** How many untaken deals and recent takes the view lists. */
const UNTAKEN_LIMIT = 100;
const RECENT_TAKES_LIMIT = 50;

/** Open, nobody's, not parked in long-term follow-up: waiting for someone to take it (alias d). */
const UNTAKEN = `d.status = 'open' AND d.responsible_id IS NULL AND d.follow_up_until IS NULL`;

/**
 * Every take into work since `:since` of the deals the caller sees (`:scope`): who took it (the
 * first event that gave it a responsible; its current responsible for older data), how long it
 * had waited, and whether distribution gave it (the `distributed` flag of `deal.created`).
 * A deal created with its responsible (a manager's own deal, an answered call) never waited in
 * the inflow, so it is no take.
 */
const TAKES = (scope: string) => `
  WITH takes AS (
    SELECT d.id, d.code, d.title, d.taken_at,
           extract(epoch FROM d.taken_at - d.created_at)::float8 AS take_seconds,
           (created.data->>'distributed') IS NOT NULL AS auto,
           COALESCE(taker.user_id, d.responsible_id) AS user_id
      FROM deal d
      LEFT JOIN funnel_event created ON created.deal_id = d.id AND created.type = 'deal.created'
      LEFT JOIN LATERAL (
        SELECT (e.data->>'responsibleId')::uuid AS user_id
          FROM funnel_event e
         WHERE e.deal_id = d.id AND e.type IN ('deal.created', 'deal.taken', 'deal.assigned', 'deal.moved') AND e.data->>'responsibleId' IS NOT NULL
         ORDER BY e.seq
         LIMIT 1
      ) taker ON TRUE
     WHERE d.funnel_id = :funnelId AND d.trashed_at IS NULL AND ${scope} AND d.taken_at >= :since
       AND (created.seq IS NULL OR created.data->>'responsibleId' IS NULL OR created.data->>'distributed' IS NOT NULL)
  )`;

/**
 * The team lead's Inflow view: what arrived, what waits, how fast it is taken and by whom,
 * counted over the deals the caller may see, from one consistent snapshot.
 */
@Injectable()
export class InflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async inflow(viewer: AuthUser, funnelId: string, since?: string): Promise<InflowDto> {
    const from = since ? new Date(since) : startOfUtcDay(this.clock.now());
    const visible = visibleDealsCondition(viewer, 'd');
    // One snapshot: the numbers add up even while deals arrive and are taken.
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      if (!(await em.existsBy(Funnel, { id: funnelId }))) throw new NotFoundException(`Funnel ${funnelId} does not exist`);
      const parameters = { ...visible.parameters, funnelId, since: from };
      const query = async <T>(sql: string): Promise<T[]> => {
        const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
        return (await em.query(text, values)) as T[];
      };
      const [counts] = await query<{ arrived: number; untaken: number }>(
        `SELECT count(*) FILTER (WHERE d.created_at >= :since)::int AS arrived, count(*) FILTER (WHERE ${UNTAKEN})::int AS untaken
           FROM deal d
          WHERE d.funnel_id = :funnelId AND d.trashed_at IS NULL AND ${visible.condition} AND (d.created_at >= :since OR ${UNTAKEN})`,
      );
      const takes = TAKES(visible.condition);
      const [overall] = await query<{ median: number | null }>(`${takes} SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY take_seconds) AS median FROM takes`);
      const takers = await query<{ id: string; name: string; count: number; median: number }>(
        `${takes}
         SELECT u.id, u.name, count(*)::int AS count, percentile_cont(0.5) WITHIN GROUP (ORDER BY t.take_seconds) AS median
           FROM takes t JOIN app_user u ON u.id = t.user_id
          GROUP BY u.id, u.name
          ORDER BY count DESC, u.name, u.id`,
      );
      const recent = await query<{ id: string; code: string; title: string; taken_at: Date; take_seconds: number; auto: boolean; user_id: string; user_name: string }>(
        `${takes}
         SELECT t.*, u.name AS user_name
           FROM takes t JOIN app_user u ON u.id = t.user_id
          ORDER BY t.taken_at DESC, t.id DESC
          LIMIT ${RECENT_TAKES_LIMIT}`,
      );
      return {
        funnelId,
        since: from.toISOString(),
        arrived: counts.arrived,
        untakenCount: counts.untaken,
        untaken: (await this.oldestUntaken(em, funnelId, visible)).map(toDealDto),
        medianTakeSeconds: overall.median,
        takers: takers.map((row): InflowTaker => ({ user: { id: row.id, name: row.name }, count: row.count, medianTakeSeconds: row.median })),
        recentTakes: recent.map(
          (row): InflowTake => ({
            deal: { id: row.id, code: row.code, title: row.title },
            user: { id: row.user_id, name: row.user_name },
            takenAt: row.taken_at.toISOString(),
            takeSeconds: row.take_seconds,
            auto: row.auto,
          }),
        ),
      };
    });
  }

  /** The untaken deals that have waited longest in their stage first. */
  private oldestUntaken(em: EntityManager, funnelId: string, visible: ReturnType<typeof visibleDealsCondition>): Promise<Deal[]> {
    const builder = em.getRepository(Deal).createQueryBuilder('d');
    for (const [relation, load] of Object.entries(DEAL_RELATIONS)) if (load) builder.leftJoinAndSelect(`d.${relation}`, relation);
    return builder
      .where('d.funnel_id = :funnelId AND d.trashed_at IS NULL', { funnelId })
      .andWhere(UNTAKEN)
      .andWhere(visible.condition, visible.parameters)
      .orderBy('d.stage_entered_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(UNTAKEN_LIMIT)
      .getMany();
  }
}

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
