import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DealDto, QuickSearchResult } from '@autofunnel/shared';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { AppEnvironment } from '../config/env.js';
import { dealSearchCondition } from '../contacts/contact-search.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { Deal } from '../deals/deal.entity.js';
import { DEAL_RELATIONS, toDealDto } from '../deals/deal.mapper.js';
import { visibleDealsCondition } from '../deals/deal-visibility.js';

const DEFAULT_LIMIT = 8;

/** The header's quick search: contacts and deals matching one query, in two groups. */
@Injectable()
export class SearchService {
  private readonly region: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contacts: ContactsService,
    config: ConfigService<AppEnvironment, true>,
  ) {
    this.region = config.get('DEFAULT_PHONE_REGION', { infer: true });
  }

  /** Contacts are everyone's (a customer is recognised whoever holds their deals); deals only those the viewer may see. */
  async search(viewer: AuthUser, query: string, limit = DEFAULT_LIMIT): Promise<QuickSearchResult> {
    const q = query.trim();
    if (!q) return { contacts: [], deals: [] };
    const [contacts, deals] = await Promise.all([this.contacts.search(q, limit), this.deals(viewer, q, limit)]);
    return { contacts, deals };
  }

  /** Matching deals the viewer may see, the most recently active first. */
  private async deals(viewer: AuthUser, q: string, limit: number): Promise<DealDto[]> {
    const { condition, parameters } = dealSearchCondition('d', q, this.region);
    const visible = visibleDealsCondition(viewer, 'd');
    const rows = await this.dataSource
      .getRepository(Deal)
      .createQueryBuilder('d')
      .select('d.id', 'id')
      .where(`(${condition})`, parameters)
      .andWhere('d.trashed_at IS NULL')
      .andWhere(visible.condition, visible.parameters)
      .orderBy('d.last_activity_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    const ids = rows.map((row) => row.id);
    const deals = await this.dataSource.getRepository(Deal).find({ where: { id: In(ids) }, relations: DEAL_RELATIONS });
    const byId = new Map(deals.map((deal) => [deal.id, deal]));
    return ids.flatMap((id) => {
      const deal = byId.get(id);
      return deal ? [toDealDto(deal)] : [];
    });
  }
}
