import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DealDto, TrashedDealDto, TrashPage, UserRef } from '@autofunnel/shared';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { TestDrive } from '../test-drives/test-drive.entity.js';
import { Deal } from './deal.entity.js';
import { DEAL_RELATIONS, toDealDto } from './deal.mapper.js';
import { DealsService } from './deals.service.js';
import type { TrashQuery } from './dto/list-deals.query.js';

const DEFAULT_LIMIT = 50;

/**
 * "Invalid": a deal in the trash is as if it never existed. Boards, the list, search, a
 * contact's history and intake skip it (`trashed_at IS NULL`); `DealsService` answers 404 for it
 * to everyone but an admin, who lists the trash and restores a deal to where it was.
 */
@Injectable()
export class DealTrashService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deals: DealsService,
  ) {}

  /** Whoever may work on the deal may trash it; a second trash finds nothing (404). */
  trash(caller: AuthUser, id: string): Promise<DealDto> {
    return this.deals.change(caller, id, {}, async (em, deal) => {
      // A deal that never existed books no cars: its upcoming test drives free their slots.
      const cancelled = await em.update(TestDrive, { dealId: deal.id, status: 'scheduled' }, { status: 'cancelled' });
      const cancelledTestDrives = cancelled.affected ?? 0;
      return {
        patch: { trashedAt: new Date(), testDriveCount: deal.testDriveCount - cancelledTestDrives },
        type: 'deal.trashed',
        data: { stageId: deal.stageId, status: deal.status, cancelledTestDrives },
      };
    });
  }

  /**
   * Back on its board where it was: stage, status and position are kept while in the trash, and
   * a position stays taken (unique per stage) meanwhile, so it cannot collide with another card.
   */
  restore(caller: AuthUser, id: string): Promise<DealDto> {
    return this.deals.change(caller, id, { trashed: 'allow' }, async (_em, deal) => {
      if (!deal.trashedAt) throw new ConflictException('This deal is not in the trash');
      return { patch: { trashedAt: null }, type: 'deal.restored', data: { trashedAt: deal.trashedAt.toISOString(), stageId: deal.stageId, status: deal.status } };
    });
  }

  /** The trash, newest-trashed first, in keyset pages, with how many deals it holds and who trashed each. */
  async list(query: TrashQuery): Promise<TrashPage> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const builder = this.dataSource.getRepository(Deal).createQueryBuilder('d').where('d.trashed_at IS NOT NULL');
    if (query.funnelId) builder.andWhere('d.funnel_id = :funnelId', { funnelId: query.funnelId });
    const total = await builder.clone().getCount();
    const page = builder
      .select('d.id', 'id')
      .addSelect('d.trashed_at::text', 'trashed_at')
      .orderBy('d.trashed_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit + 1);
    if (query.cursor) {
      const [trashedAt, id] = decodeCursor(query.cursor, 2).map(String);
      page.andWhere('(d.trashed_at, d.id) < (CAST(:trashedAt AS timestamptz), CAST(:id AS uuid))', { trashedAt, id });
    }
    const rows = await page.getRawMany<{ id: string; trashed_at: string }>();
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      items: await this.loadInOrder(shown.map((row) => row.id)),
      total,
      nextCursor: rows.length > limit && last ? encodeCursor([last.trashed_at, last.id]) : null,
    };
  }

  private async loadInOrder(ids: string[]): Promise<TrashedDealDto[]> {
    if (ids.length === 0) return [];
    const [deals, trashedBy] = await Promise.all([
      this.dataSource.getRepository(Deal).find({ where: { id: In(ids) }, relations: DEAL_RELATIONS }),
      this.trashedBy(ids),
    ]);
    const byId = new Map(deals.map((deal) => [deal.id, deal]));
    return ids.flatMap((id) => {
      const deal = byId.get(id);
      return deal ? [{ ...toDealDto(deal), trashedBy: trashedBy.get(id) ?? null }] : [];
    });
  }

  /** The actor of each deal's latest `deal.trashed` event (ix_funnel_event_deal), so the page needs no timeline per row. */
  private async trashedBy(dealIds: string[]): Promise<Map<string, UserRef>> {
    const rows: { deal_id: string; id: string; name: string }[] = await this.dataSource.query(
      `SELECT latest.deal_id, u.id, u.name
         FROM unnest($1::uuid[]) AS trashed(deal_id)
         CROSS JOIN LATERAL (
           SELECT e.deal_id, e.actor_id FROM funnel_event e
            WHERE e.deal_id = trashed.deal_id AND e.type = 'deal.trashed'
            ORDER BY e.seq DESC LIMIT 1
         ) latest
         JOIN app_user u ON u.id = latest.actor_id`,
      [dealIds],
    );
    return new Map(rows.map((row) => [row.deal_id, { id: row.id, name: row.name }]));
  }
}
