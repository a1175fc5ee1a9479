import { Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FollowUpRunResult } from '@autofunnel/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { ScheduledJob } from '../common/scheduled-job.js';
import type { AppEnvironment } from '../config/env.js';
import { DealsService } from '../deals/deals.service.js';
import { returnFromFollowUp } from './follow-up-return.js';

/** The job's name in the SchedulerRegistry. */
export const FOLLOW_UP_JOB = 'follow-up';
/** `lost_reason` of a deal closed by the job. */
export const EXPIRED_REASON = 'expired';
/** Deal ids read per query: a backlog of 100k deals never loads at once. */
const BATCH_SIZE = 200;
const WEEK_MS = 7 * 24 * 60 * 60_000;
/** Session advisory lock taken for a whole run, so one API instance runs the job at a time. */
const RUN_LOCK = 'follow-up-job';

/** The deals each part of the job is about; both are re-checked on the locked deal. */
const INACTIVE = `status = 'open' AND trashed_at IS NULL AND follow_up_until IS NULL AND last_activity_at < $1`;
const FOLLOW_UP_DUE = `status = 'open' AND trashed_at IS NULL AND follow_up_until <= $1`;

/** Raised in a deal's transaction when the deal no longer qualifies (it changed meanwhile): it rolls back, nothing is written. */
class NoLongerDue extends Error {}

/**
 * The scheduled follow-up job (FOLLOW_UP_JOB_CRON): closes open deals without activity for
 * DEAL_EXPIRY_WEEKS as lost ("expired"), and brings deals out of long-term follow-up when their
 * date comes, with a fresh contact deadline. Each deal is its own `DealsService.change`, so
 * each is on the timeline and the live boards like any other change.
 */
@Injectable()
export class FollowUpJob extends ScheduledJob<FollowUpRunResult> {
  private readonly expiryWeeks: number;
  private readonly contactDeadlineMs: number;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly deals: DealsService,
    private readonly clock: Clock,
    scheduler: SchedulerRegistry,
    config: ConfigService<AppEnvironment, true>,
  ) {
    super({ name: FOLLOW_UP_JOB, setting: 'FOLLOW_UP_JOB_CRON', schedule: config.get('FOLLOW_UP_JOB_CRON', { infer: true }), lock: RUN_LOCK }, dataSource, scheduler);
    this.expiryWeeks = config.get('DEAL_EXPIRY_WEEKS', { infer: true });
    this.contactDeadlineMs = config.get('CONTACT_DEADLINE_MINUTES', { infer: true }) * 60_000;
  }

  protected async work(): Promise<FollowUpRunResult> {
    const now = this.clock.now();
    return { expired: await this.expireInactive(now), returned: await this.returnDueFollowUps(now) };
  }

  protected summary({ expired, returned }: FollowUpRunResult): string | null {
    return expired + returned > 0 ? `Follow-up job: ${expired} deal(s) expired, ${returned} back from long-term follow-up` : null;
  }

  private expireInactive(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.expiryWeeks * WEEK_MS);
    return this.forEachDeal(INACTIVE, 'last_activity_at', cutoff, 'expire', (dealId) =>
      this.deals.change(null, dealId, {}, async (_em, deal) => {
        if (deal.status !== 'open' || deal.followUpUntil || deal.lastActivityAt >= cutoff) throw new NoLongerDue();
        return {
          patch: { status: 'lost', lostReason: EXPIRED_REASON, closedAt: now },
          type: 'deal.expired',
          data: { reason: EXPIRED_REASON, inactiveSince: deal.lastActivityAt.toISOString(), weeks: this.expiryWeeks },
        };
      }),
    );
  }

  private returnDueFollowUps(now: Date): Promise<number> {
    const deadlineAt = new Date(now.getTime() + this.contactDeadlineMs);
    return this.forEachDeal(FOLLOW_UP_DUE, 'follow_up_until', now, 'return from follow-up', (dealId) =>
      this.deals.change(null, dealId, {}, async (em, deal) => {
        if (deal.status !== 'open' || !deal.followUpUntil || deal.followUpUntil > now) throw new NoLongerDue();
        return returnFromFollowUp(em, deal, deadlineAt, null, false);
      }),
    );
  }

  /**
   * Applies `change` to every deal matching `condition` (with `$1` = `bound`), each in its own
   * transaction, reading the ids in batches ordered by (`key`, id). Paging by that key rather
   * than re-running the query means a deal that fails or no longer qualifies is never read twice.
   * Returns how many deals were changed.
   */
  private async forEachDeal(
    condition: string,
    key: 'last_activity_at' | 'follow_up_until',
    bound: Date,
    action: string,
    change: (dealId: string) => Promise<unknown>,
  ): Promise<number> {
    let changed = 0;
    let after: { key: string; id: string } | null = null;
    for (;;) {
      // The key travels as text so that keyset paging keeps PostgreSQL's microseconds.
      const rows: { id: string; key: string }[] = after
        ? await this.dataSource.query(
            `SELECT id, ${key}::text AS key FROM deal WHERE ${condition} AND (${key}, id) > ($2::timestamptz, $3::uuid) ORDER BY ${key}, id LIMIT ${BATCH_SIZE}`,
            [bound, after.key, after.id],
          )
        : await this.dataSource.query(`SELECT id, ${key}::text AS key FROM deal WHERE ${condition} ORDER BY ${key}, id LIMIT ${BATCH_SIZE}`, [bound]);
      for (const { id } of rows) {
        if (this.stopping) return changed;
        try {
          await change(id);
          changed += 1;
        } catch (error) {
          // Changed meanwhile, or trashed: nothing to do. Anything else is logged and the run goes on.
          if (error instanceof NoLongerDue || error instanceof NotFoundException) continue;
          this.logger.error(`Follow-up job could not ${action} deal ${id}: ${error instanceof Error ? error.stack : String(error)}`);
        }
      }
      if (rows.length < BATCH_SIZE) return changed;
      after = rows[rows.length - 1];
    }
  }
}
