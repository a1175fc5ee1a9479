import { Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SlaRunResult } from '@autofunnel/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { ScheduledJob } from '../common/scheduled-job.js';
import type { AppEnvironment } from '../config/env.js';
import { Contact } from '../contacts/contact.entity.js';
import type { Deal } from '../deals/deal.entity.js';
import { DealsService, type DealChange } from '../deals/deals.service.js';
import { EventsService, type FunnelEventLog } from '../events/events.service.js';
import { Funnel } from '../funnels/funnel.entity.js';
import { Stage } from '../funnels/stage.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Task } from '../tasks/task.entity.js';

/** The job's name in the SchedulerRegistry. */
export const SLA_JOB = 'sla-escalation';
/** Session advisory lock taken for a whole run, so one API instance runs the job at a time. */
const RUN_LOCK = 'sla-escalation-job';
/** Deal ids read per query. */
const BATCH_SIZE = 200;
const MINUTE_MS = 60_000;

/**
 * Deals past their funnel's escalation time, not yet escalated: open, untaken, in the unassigned
 * stage, not parked in long-term follow-up. `$1` = now. Re-checked on the locked deal.
 */
const OVERDUE = `
  FROM deal d
  JOIN funnel f ON f.id = d.funnel_id
  JOIN stage s ON s.id = d.stage_id
 WHERE d.responsible_id IS NULL AND d.status = 'open' AND d.sla_escalated_at IS NULL AND d.trashed_at IS NULL
   AND d.follow_up_until IS NULL AND s.kind = 'unassigned' AND f.sla_escalate_minutes IS NOT NULL
   AND d.stage_entered_at <= $1::timestamptz - f.sla_escalate_minutes * interval '1 minute'`;

/** Raised in a deal's transaction when the deal no longer qualifies (taken meanwhile...): it rolls back, nothing is written. */
class NoLongerDue extends Error {}

/** A user to tell, as the event records them. */
interface Recipient {
  id: string;
  name: string;
}

/**
 * Speed to lead (SLA_JOB_CRON, every minute by default): a new request that waited in the
 * unassigned stage longer than its funnel's `slaEscalateMinutes` is escalated once. Its team
 * leads (every active lead who sees the deal; the admins when there is none) are notified, the
 * first of them by name gets an urgent call-back task, and the deal records `deal.sla_escalated`
 * (with `slaEscalatedAt`) on its timeline and the live boards, all in one transaction under the
 * funnel lock.
 */
@Injectable()
export class SlaJob extends ScheduledJob<SlaRunResult> {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly deals: DealsService,
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    scheduler: SchedulerRegistry,
    config: ConfigService<AppEnvironment, true>,
  ) {
    super({ name: SLA_JOB, setting: 'SLA_JOB_CRON', schedule: config.get('SLA_JOB_CRON', { infer: true }), lock: RUN_LOCK }, dataSource, scheduler);
  }

  protected async work(): Promise<SlaRunResult> {
    return { escalated: await this.escalateOverdue(this.clock.now()) };
  }

  protected summary({ escalated }: SlaRunResult): string | null {
    return escalated > 0 ? `SLA job: ${escalated} deal(s) escalated` : null;
  }

  /** Escalates every overdue deal, each in its own transaction, paging by (stage clock, id). */
  private async escalateOverdue(now: Date): Promise<number> {
    let escalated = 0;
    let after: { key: string; id: string } | null = null;
    for (;;) {
      // The key travels as text so that keyset paging keeps PostgreSQL's microseconds.
      const rows: { id: string; funnel_id: string; key: string }[] = after
        ? await this.dataSource.query(
            `SELECT d.id, d.funnel_id, d.stage_entered_at::text AS key ${OVERDUE}
                AND (d.stage_entered_at, d.id) > ($2::timestamptz, $3::uuid) ORDER BY d.stage_entered_at, d.id LIMIT ${BATCH_SIZE}`,
            [now, after.key, after.id],
          )
        : await this.dataSource.query(`SELECT d.id, d.funnel_id, d.stage_entered_at::text AS key ${OVERDUE} ORDER BY d.stage_entered_at, d.id LIMIT ${BATCH_SIZE}`, [now]);
      for (const row of rows) {
        if (this.stopping) return escalated;
        try {
          await this.events.transaction((em, log) =>
            this.deals.changeWithin(em, log, row.funnel_id, null, row.id, {}, (lockedEm, deal) => this.escalate(lockedEm, log, deal, now)),
          );
          escalated += 1;
        } catch (error) {
          // Taken, moved or trashed meanwhile: nothing to do. Anything else is logged and the run goes on.
          if (error instanceof NoLongerDue || error instanceof NotFoundException) continue;
          this.logger.error(`SLA job could not escalate deal ${row.id}: ${error instanceof Error ? error.stack : String(error)}`);
        }
      }
      if (rows.length < BATCH_SIZE) return escalated;
      after = { key: rows[rows.length - 1].key, id: rows[rows.length - 1].id };
    }
  }

  /** The escalation of one locked deal, after checking it still waits past its funnel's SLA. */
  private async escalate(em: EntityManager, log: FunnelEventLog, deal: Deal, now: Date): Promise<DealChange> {
    const funnel = await em.findOneByOrFail(Funnel, { id: deal.funnelId });
    const stage = await em.findOneByOrFail(Stage, { id: deal.stageId });
    const escalateMinutes = funnel.slaEscalateMinutes;
    const due = escalateMinutes !== null && deal.stageEnteredAt.getTime() + escalateMinutes * MINUTE_MS <= now.getTime();
    if (!due || deal.status !== 'open' || deal.responsibleId || deal.slaEscalatedAt || deal.followUpUntil || stage.kind !== 'unassigned') {
      throw new NoLongerDue();
    }
    const waitedMinutes = Math.floor((now.getTime() - deal.stageEnteredAt.getTime()) / MINUTE_MS);
    const recipients = await this.recipients(em, deal.branchId);
    const contact = await em.findOneByOrFail(Contact, { id: deal.contactId });
    const assignee = recipients[0] ?? null;
    const task = await em.save(
      em.create(Task, {
        dealId: deal.id,
        kind: 'call',
        title: `Urgent: call back ${contact.name} (waiting ${waitedMinutes} min)`.slice(0, 200),
        dueAt: now,
        assigneeId: assignee?.id ?? null,
        priority: 'urgent',
        createdById: null,
      }),
    );
    await this.notifications.notify(
      em,
      log,
      recipients.map((user) => user.id),
      {
        kind: 'sla_escalated',
        title: `Nobody took ${deal.code} "${deal.title}" for ${waitedMinutes} min`,
        body: `${contact.name} is waiting (SLA ${escalateMinutes} min). An urgent call-back task went to ${assignee?.name ?? 'nobody'}.`,
        dealId: deal.id,
      },
    );
    return {
      // The escalation is not someone reading the customer's latest request: that flag stays.
      patch: { slaEscalatedAt: now, newRequestAt: deal.newRequestAt },
      type: 'deal.sla_escalated',
      data: {
        waitedMinutes,
        slaEscalateMinutes: escalateMinutes,
        notifiedUserIds: recipients.map((user) => user.id),
        taskId: task.id,
        // The task's own `deal.task_created` is folded into this event.
        task: { id: task.id, kind: task.kind, title: task.title, dueAt: now.toISOString(), priority: task.priority, assignee },
      },
    };
  }

  /**
   * Who hears of an escalation: every active team lead who sees the deal (its branch's, or all
   * of them for a deal without a branch), by name; the active admins when there is none.
   */
  private async recipients(em: EntityManager, branchId: string | null): Promise<Recipient[]> {
    const leads = (await em.query(
      `SELECT id, name FROM app_user WHERE role = 'lead' AND active AND ($1::uuid IS NULL OR branch_id = $1::uuid) ORDER BY name, id`,
      [branchId],
    )) as Recipient[];
    if (leads.length > 0) return leads;
    return (await em.query(`SELECT id, name FROM app_user WHERE role = 'admin' AND active ORDER BY name, id`)) as Recipient[];
  }
}
