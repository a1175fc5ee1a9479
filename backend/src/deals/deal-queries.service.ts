import { Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BoardDto, BoardFilter, CursorPage, DealDto, DealListPage, DealSortField, DealStatus } from '@autofunnel/shared';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import type { AppEnvironment } from '../config/env.js';
import { dealSearchCondition } from '../contacts/contact-search.js';
import { FunnelsService } from '../funnels/funnels.service.js';
import { Stage } from '../funnels/stage.entity.js';
import { Deal } from './deal.entity.js';
import { DEAL_RELATIONS, toDealDto } from './deal.mapper.js';
import { visibleDealsCondition, type SqlCondition } from './deal-visibility.js';
import type { BoardQuery, ListDealsQuery, StageDealsQuery } from './dto/list-deals.query.js';

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
   * totals, the ids of each column's first page (one LATERAL query), and those deals. Columns,
   * counts and sums hold only the deals the caller may see that pass the filters.
   */
  async board(caller: AuthUser, funnelId: string, query: BoardQuery = {}): Promise<BoardDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const funnel = await this.funnels.get(funnelId);
    const shown = this.shownOnBoard(caller, query);
    const totals: { stage_id: string; count: string; amount_sum: string; rotten_count: string }[] = await this.query(
      `SELECT d.stage_id, count(*) AS count, COALESCE(sum(d.amount), 0) AS amount_sum,
              count(*) FILTER (WHERE ${ROTTEN}) AS rotten_count
         FROM deal d JOIN stage s ON s.id = d.stage_id
        WHERE d.funnel_id = :funnelId AND ${shown.condition} GROUP BY d.stage_id`,
      { ...shown.parameters, funnelId },
    );
    const firstPages: { stage_id: string; id: string }[] = await this.query(
      `SELECT s.id AS stage_id, page.id
         FROM stage s
         CROSS JOIN LATERAL (
           SELECT d.id FROM deal d
            WHERE d.stage_id = s.id AND ${shown.condition}
            ORDER BY d.position LIMIT :pageSize
         ) page
        WHERE s.funnel_id = :funnelId`,
      { ...shown.parameters, funnelId, pageSize: limit + 1 },
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

  /** Further pages of one column, in board order, with the board's visibility and filters. */
  async stagePage(caller: AuthUser, stageId: string, query: StageDealsQuery = {}): Promise<CursorPage<DealDto>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    if (!(await this.dataSource.getRepository(Stage).existsBy({ id: stageId }))) throw new NotFoundException(`Stage ${stageId} does not exist`);
    const shown = this.shownOnBoard(caller, query);
    const builder = this.dataSource
      .getRepository(Deal)
      .createQueryBuilder('d')
      .select('d.id', 'id')
      .where('d.stage_id = :stageId', { stageId })
      .andWhere(shown.condition, shown.parameters)
      .orderBy('d.position', 'ASC')
      .limit(limit + 1);
    if (query.cursor) builder.andWhere('d.position > :after', { after: String(decodeCursor(query.cursor, 1)[0]) });
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

  /** The list's deals: those the caller may see, out of the trash, that pass every filter. */
  private filtered(caller: AuthUser, query: ListDealsQuery): SelectQueryBuilder<Deal> {
    const visible = visibleDealsCondition(caller, 'd');
    const filter = dealFilterCondition(caller, query);
    const builder = this.dataSource
      .getRepository(Deal)
      .createQueryBuilder('d')
      .where('d.trashed_at IS NULL')
      .andWhere(visible.condition, visible.parameters)
      .andWhere(filter.condition, filter.parameters);
    if (query.funnelId) builder.andWhere('d.funnel_id = :funnelId', { funnelId: query.funnelId });
    if (query.stageId) builder.andWhere('d.stage_id = :stageId', { stageId: query.stageId });
    if (query.status) builder.andWhere('d.status = :status', { status: query.status });
    if (query.followUp === 'only') builder.andWhere('d.follow_up_until IS NOT NULL');
    else if (query.followUp === 'exclude') builder.andWhere('d.follow_up_until IS NULL');
    const q = query.q?.trim();
    if (q) {
      const { condition, parameters } = dealSearchCondition('d', q, this.config.get('DEFAULT_PHONE_REGION', { infer: true }));
      builder.andWhere(`(${condition})`, parameters);
    }
    return builder;
  }

  /** Deals of one status on the board (`ON_BOARD`) that the caller may see and that pass the filters. Alias `d`. */
  private shownOnBoard(caller: AuthUser, query: BoardFilter & { status?: DealStatus }): SqlCondition {
    const visible = visibleDealsCondition(caller, 'd');
    const filter = dealFilterCondition(caller, query);
    return {
      condition: `d.status = :status AND ${ON_BOARD} AND ${visible.condition} AND ${filter.condition}`,
      parameters: { status: query.status ?? 'open', ...visible.parameters, ...filter.parameters },
    };
  }

  /** Plain SQL with `:named` parameters, as the query builder takes them. */
  private query<T>(sql: string, parameters: Record<string, unknown>): Promise<T> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    return this.dataSource.query(text, values);
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

/**
 * `BoardFilter` as SQL over the deal table aliased `d` (TRUE when nothing is asked). `me` is the
 * caller; `none` asks for deals without a responsible, branch, source or type.
 */
function dealFilterCondition(caller: AuthUser, filter: BoardFilter): SqlCondition {
  const conditions: string[] = ['TRUE'];
  const parameters: Record<string, unknown> = {};
  const byId = (column: string, value: string | undefined, name: string) => {
    if (value === undefined) return;
    if (value === 'none') conditions.push(`d.${column} IS NULL`);
    else {
      conditions.push(`d.${column} = :${name}`);
      parameters[name] = value;
    }
  };
  byId('responsible_id', filter.responsibleId === 'me' ? caller.id : filter.responsibleId, 'filterResponsibleId');
  byId('branch_id', filter.branchId, 'filterBranchId');
  byId('source_id', filter.sourceId, 'filterSourceId');
  byId('type', filter.type, 'filterType');
  if (filter.rotten) conditions.push(`EXISTS (SELECT 1 FROM stage s WHERE s.id = d.stage_id AND ${ROTTEN})`);
  if (filter.needsReassignment) conditions.push('d.reassignment_flagged_at IS NOT NULL');
  return { condition: `(${conditions.join(' AND ')})`, parameters };
}
