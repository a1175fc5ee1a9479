import { Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BoardDto, CursorPage, DealDto, DealListPage, DealSortField, DealStatus } from '@autofunnel/shared';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import type { AppEnvironment } from '../config/env.js';
import { dealSearchCondition } from '../contacts/contact-search.js';
import { FunnelsService } from '../funnels/funnels.service.js';
import { Stage } from '../funnels/stage.entity.js';
import { Deal } from './deal.entity.js';
import { DEAL_RELATIONS, toDealDto } from './deal.mapper.js';
import type { ListDealsQuery } from './dto/list-deals.query.js';

const DEFAULT_LIMIT = 50;

/**
 * Deals a board shows and counts: not in the trash, not in long-term follow-up (those return
 * when their date comes). Alias `d` for the deal table.
 */
const ON_BOARD = 'd.trashed_at IS NULL AND d.follow_up_until IS NULL';

/** An open deal idle for longer than its stage's `rot_after_days`. Aliases `d` (deal) and `s` (its stage). */
export const ROTTEN = `d.status = 'open' AND s.rot_after_days IS NOT NULL AND d.last_activity_at < now() - make_interval(days => s.rot_after_days)`;

/** SQL for each sortable field; the cursor stores its text form, so no precision is lost. */
const SORT_EXPRESSIONS: Record<DealSortField, string> = {
  createdAt: 'd.created_at',
  updatedAt: 'd.updated_at',
  lastActivityAt: 'd.last_activity_at',
  deadlineAt: `COALESCE(d.deadline_at, 'infinity'::timestamptz)`,
  amount: 'COALESCE(d.amount, 0)',
};
const SORT_CASTS: Record<DealSortField, string> = {
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
  lastActivityAt: 'timestamptz',
  deadlineAt: 'timestamptz',
  amount: 'numeric',
};

/** The read side of deals: the board, column pages and the filtered list. */
@Injectable()
export class DealQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly funnels: FunnelsService,
    private readonly config: ConfigService<AppEnvironment, true>,
  ) {}

  /**
   * The whole board in four queries whatever the number of stages: the funnel, the per-stage
   * totals, the ids of each column's first page (one LATERAL query), and those deals.
   */
  async board(funnelId: string, limit = DEFAULT_LIMIT, status: DealStatus = 'open'): Promise<BoardDto> {
    const funnel = await this.funnels.get(funnelId);
    const totals: { stage_id: string; count: string; amount_sum: string; rotten_count: string }[] = await this.dataSource.query(
      `SELECT d.stage_id, count(*) AS count, COALESCE(sum(d.amount), 0) AS amount_sum,
              count(*) FILTER (WHERE ${ROTTEN}) AS rotten_count
         FROM deal d JOIN stage s ON s.id = d.stage_id
        WHERE d.funnel_id = $1 AND d.status = $2 AND ${ON_BOARD} GROUP BY d.stage_id`,
      [funnelId, status],
    );
    const firstPages: { stage_id: string; id: string }[] = await this.dataSource.query(
      `SELECT s.id AS stage_id, page.id
         FROM stage s
         CROSS JOIN LATERAL (
           SELECT d.id FROM deal d
            WHERE d.stage_id = s.id AND d.status = $2 AND ${ON_BOARD}
            ORDER BY d.position LIMIT $3
         ) page
        WHERE s.funnel_id = $1`,
      [funnelId, status, limit + 1],
    );
    const deals = await this.loadInOrder(firstPages.map((row) => row.id));
    return {
      funnel,
      columns: funnel.stages.map((stage) => {
        const total = totals.find((row) => row.stage_id === stage.id);
        const { items, nextCursor } = pageOf(deals.filter((deal) => deal.stageId === stage.id), limit);
        const amountSum = Number(total?.amount_sum ?? 0);
        return {
          stageId: stage.id,
          count: Number(total?.count ?? 0),
          amountSum,
          // A stage without a probability counts in full, as in Pipedrive.
          weightedAmountSum: Math.round(amountSum * (stage.winProbability ?? 100)) / 100,
          rottenCount: Number(total?.rotten_count ?? 0),
          deals: items,
          nextCursor,
        };
      }),
    };
  }

  /** Further pages of one column, in board order. */
  async stagePage(stageId: string, cursor: string | undefined, limit = DEFAULT_LIMIT, status: DealStatus = 'open'): Promise<CursorPage<DealDto>> {
    if (!(await this.dataSource.getRepository(Stage).existsBy({ id: stageId }))) throw new NotFoundException(`Stage ${stageId} does not exist`);
    const builder = this.dataSource
      .getRepository(Deal)
      .createQueryBuilder('d')
      .select('d.id', 'id')
      .where('d.stage_id = :stageId AND d.status = :status', { stageId, status })
      .andWhere(ON_BOARD)
      .orderBy('d.position', 'ASC')
      .limit(limit + 1);
    if (cursor) builder.andWhere('d.position > :after', { after: String(decodeCursor(cursor, 1)[0]) });
    const ids = (await builder.getRawMany<{ id: string }>()).map((row) => row.id);
    return pageOf(await this.loadInOrder(ids), limit);
  }

  /**
   * The list view: filters, a sort, keyset pagination and the total that matches. Deals in
   * long-term follow-up are listed (they are off the board only); trashed ones never.
   */
  async list(caller: AuthUser, query: ListDealsQuery): Promise<DealListPage> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const sort = query.sort ?? 'createdAt';
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    const expression = SORT_EXPRESSIONS[sort];

    const filtered = this.filtered(caller, query);
    const total = await filtered.clone().getCount();

    const page = filtered
      .select('d.id', 'id')
      .addSelect(`(${expression})::text`, 'sort_value')
      .orderBy(expression, direction)
      .addOrderBy('d.id', direction)
      .limit(limit + 1);
    if (query.cursor) {
      const [value, id] = decodeCursor(query.cursor, 2).map(String);
      page.andWhere(`(${expression}, d.id) ${direction === 'ASC' ? '>' : '<'} (CAST(:cursorValue AS ${SORT_CASTS[sort]}), CAST(:cursorId AS uuid))`, {
        cursorValue: value,
        cursorId: id,
      });
    }
    const rows = await page.getRawMany<{ id: string; sort_value: string }>();
    const hasMore = rows.length > limit;
    const shown = rows.slice(0, limit);
    const items = (await this.loadInOrder(shown.map((row) => row.id))).map(toDealDto);
    const last = shown[shown.length - 1];
    return { items, total, nextCursor: hasMore && last ? encodeCursor([last.sort_value, last.id]) : null };
  }

  private filtered(caller: AuthUser, query: ListDealsQuery): SelectQueryBuilder<Deal> {
    const builder = this.dataSource.getRepository(Deal).createQueryBuilder('d').where('d.trashed_at IS NULL');
    if (query.funnelId) builder.andWhere('d.funnel_id = :funnelId', { funnelId: query.funnelId });
    if (query.stageId) builder.andWhere('d.stage_id = :stageId', { stageId: query.stageId });
    if (query.status) builder.andWhere('d.status = :status', { status: query.status });
    if (query.responsibleId === 'none') builder.andWhere('d.responsible_id IS NULL');
    else if (query.responsibleId) {
      builder.andWhere('d.responsible_id = :responsibleId', { responsibleId: query.responsibleId === 'me' ? caller.id : query.responsibleId });
    }
    if (query.followUp === 'only') builder.andWhere('d.follow_up_until IS NOT NULL');
    else if (query.followUp === 'exclude') builder.andWhere('d.follow_up_until IS NULL');
    const q = query.q?.trim();
    if (q) {
      const { condition, parameters } = dealSearchCondition('d', q, this.config.get('DEFAULT_PHONE_REGION', { infer: true }));
      builder.andWhere(`(${condition})`, parameters);
    }
    return builder;
  }

  /** Loads deals with their relations, in the order of `ids`. */
  private async loadInOrder(ids: string[]): Promise<Deal[]> {
    if (ids.length === 0) return [];
    const deals = await this.dataSource.getRepository(Deal).find({ where: { id: In(ids) }, relations: DEAL_RELATIONS });
    const byId = new Map(deals.map((deal) => [deal.id, deal]));
    return ids.map((id) => byId.get(id)).filter((deal): deal is Deal => deal !== undefined);
  }
}

/** Deals were fetched with one extra row: its presence means there is a next page. */
function pageOf(deals: Deal[], limit: number): CursorPage<DealDto> {
  const shown = deals.slice(0, limit);
  const last = shown[shown.length - 1];
  return { items: shown.map(toDealDto), nextCursor: deals.length > limit && last ? encodeCursor([last.position]) : null };
}
