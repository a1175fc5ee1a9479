import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportRowError, StartImportRequest, UserRef } from '@autofunnel/shared';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { AppEnvironment } from '../config/env.js';
import { Contact } from '../contacts/contact.entity.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { DealsService } from '../deals/deals.service.js';
import { EventsService, type FunnelEventLog } from '../events/events.service.js';
import { lockFunnel } from '../funnels/funnel-lock.js';
import type { ImportJob, ImportRow } from './import-job.entity.js';
import { columnIndexes, readRow, type RowLead } from './import-row.js';

/** Rows per transaction: small, so a board's writers never wait long for the funnel lock. */
const BATCH_SIZE = 25;
/** Refused rows listed on the job; `failed` still counts them all. */
export const MAX_LISTED_ERRORS = 1000;
/** A batch that lost a deadlock to a concurrent request about the same customer is tried again. */
const DEADLOCK_RETRIES = 3;

/** What one batch did, written to the job in the batch's own transaction. */
interface BatchResult {
  created: number;
  merged: number;
  skipped: number;
  errors: ImportRowError[];
}

/** The import, as the runner needs it for every batch. */
interface RunContext {
  jobId: string;
  fileName: string;
  settings: StartImportRequest;
  actor: UserRef;
  branchId: string | null;
  readRow(row: ImportRow): ReturnType<typeof readRow>;
}

/** Raised inside a batch when the job is no longer running (e.g. marked interrupted): the batch rolls back. */
class JobNoLongerRunning extends Error {}

/**
 * Runs started imports in the background, a batch of rows per transaction, yielding to the
 * event loop between batches so the API keeps answering. The job's counters are updated in the
 * same transaction as the batch, so they always say exactly what was imported. When the app
 * shuts down, running imports stop after their current batch and are marked failed.
 */
@Injectable()
export class ImportRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ImportRunner.name);
  private readonly phoneRegion: string;
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contacts: ContactsService,
    private readonly deals: DealsService,
    private readonly events: EventsService,
    config: ConfigService<AppEnvironment, true>,
  ) {
    this.phoneRegion = config.get('DEFAULT_PHONE_REGION', { infer: true });
  }

  /** Starts importing a job already marked running; returns at once. */
  launch(job: ImportJob, settings: StartImportRequest, starter: UserRef & { branchId: string | null }): void {
    const indexes = columnIndexes(settings.mapping, job.columns);
    const context: RunContext = {
      jobId: job.id,
      fileName: job.fileName,
      settings,
      actor: { id: starter.id, name: starter.name },
      branchId: starter.branchId,
      readRow: (row) => readRow(row.cells, indexes, settings.contactKind, this.phoneRegion),
    };
    const run = this.run(context).finally(() => this.running.delete(job.id));
    this.running.set(job.id, run);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running.values());
  }

  private async run(context: RunContext): Promise<void> {
    try {
      const rows = await this.rowsOf(context.jobId);
      for (let start = 0; start < rows.length; start += BATCH_SIZE) {
        if (this.stopping) {
          await this.fail(context.jobId, 'The server stopped while this file was importing');
          return;
        }
        await this.importBatch(context, rows.slice(start, start + BATCH_SIZE));
        await nextTurn();
      }
      await this.dataSource.query(`UPDATE import_job SET state = 'done', finished_at = now() WHERE id = $1 AND state = 'running'`, [context.jobId]);
    } catch (error) {
      if (error instanceof JobNoLongerRunning) return;
      this.logger.error(`Import ${context.jobId} failed: ${error instanceof Error ? error.stack : String(error)}`);
      // best effort: with the database gone too, the stale-heartbeat check marks it failed later
      await this.fail(context.jobId, 'Something went wrong on our side while importing (the error was logged)').catch(() => undefined);
    }
  }

  private async rowsOf(jobId: string): Promise<ImportRow[]> {
    const [job] = (await this.dataSource.query(`SELECT rows FROM import_job WHERE id = $1`, [jobId])) as { rows: ImportRow[] }[];
    return job.rows;
  }

  private async importBatch(context: RunContext, rows: ImportRow[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.events.transaction(async (em, log) => this.record(em, context, rows.length, await this.importRows(em, log, context, rows)));
        return;
      } catch (error) {
        if (!isDeadlock(error) || attempt === DEADLOCK_RETRIES) throw error;
      }
    }
  }

  /**
   * The batch's rows in two steps, so locks are taken in the order every writer takes them:
   * the contacts (each serialised per phone/email by ContactsService), then the funnel for
   * the deals.
   */
  private async importRows(em: EntityManager, log: FunnelEventLog, context: RunContext, rows: ImportRow[]): Promise<BatchResult> {
    const result: BatchResult = { created: 0, merged: 0, skipped: 0, errors: [] };
    const leads: { row: number; lead: RowLead; contact: Contact; reused: boolean }[] = [];
    for (const row of rows) {
      const reading = context.readRow(row);
      if ('error' in reading) {
        result.errors.push({ row: row.line, message: reading.error });
        continue;
      }
      const outcome = await this.importContact(em, context.settings, reading.lead);
      if (outcome === 'skipped') result.skipped += 1;
      else leads.push({ row: row.line, lead: reading.lead, ...outcome });
    }
    const deals = context.settings.deals;
    if (deals && leads.length > 0) await lockFunnel(em, deals.funnelId, 'unprocessable');
    for (const { row, lead, contact, reused } of leads) {
      if (deals) await this.openDeal(em, log, context, { row, lead, contact, reused });
      result[reused ? 'merged' : 'created'] += 1;
    }
    return result;
  }

  /**
   * The row's contact: a new one, or (duplicates: merge) the existing one with the same phone or
   * email, given the row's missing phone or email and, if it had none, its name.
   */
  private async importContact(em: EntityManager, settings: StartImportRequest, lead: RowLead): Promise<{ contact: Contact; reused: boolean } | 'skipped'> {
    const skip = settings.duplicates === 'skip';
    const { contact, reused } = await this.contacts.findOrCreate(em, lead.contact, '', { existing: skip ? 'leave' : 'complete' });
    return reused && skip ? 'skipped' : { contact, reused };
  }

  private async openDeal(em: EntityManager, log: FunnelEventLog, context: RunContext, item: { row: number; lead: RowLead; contact: Contact; reused: boolean }): Promise<void> {
    const { funnelId, sourceId } = context.settings.deals!;
    const { lead } = item;
    await this.deals.openDeal(em, log, {
      funnelId,
      contact: item.contact,
      contactReused: item.reused,
      responsible: null,
      branchId: context.branchId,
      sourceId: sourceId ?? null,
      type: null,
      channel: null,
      amount: null,
      vehicleInterest: lead.vehicleInterest,
      actor: context.actor,
      eventData: {
        import: { id: context.jobId, fileName: context.fileName, row: item.row },
        ...(lead.note && { note: lead.note }),
        ...(lead.company && { company: lead.company }),
      },
    });
  }

  /** Adds the batch to the job's counters, in the batch's transaction; refuses if the job was stopped meanwhile. */
  private async record(em: EntityManager, context: RunContext, rowCount: number, result: BatchResult): Promise<void> {
    const [updated] = (await em.query(
      `UPDATE import_job
          SET processed = processed + $2, created = created + $3, merged = merged + $4, skipped = skipped + $5, failed = failed + $6,
              errors = errors || (SELECT coalesce(jsonb_agg(e), '[]') FROM jsonb_array_elements($7::jsonb) WITH ORDINALITY AS t(e, n) WHERE jsonb_array_length(errors) + n <= $8),
              heartbeat_at = now()
        WHERE id = $1 AND state = 'running'
        RETURNING id`,
      [context.jobId, rowCount, result.created, result.merged, result.skipped, result.errors.length, JSON.stringify(result.errors), MAX_LISTED_ERRORS],
    )) as [unknown[], number];
    if (updated.length === 0) throw new JobNoLongerRunning();
  }

  private async fail(jobId: string, why: string): Promise<void> {
    await this.dataSource.query(`UPDATE import_job SET ${failedWith('$2')} WHERE id = $1 AND state = 'running'`, [jobId, why]);
  }
}

/**
 * The SET clause that marks a running job failed, its reason built from `why` (a parameter)
 * and how far it got.
 */
export function failedWith(why: string): string {
  return `state = 'failed', finished_at = now(), failure_reason = format('%s after %s of %s rows. The rows before stay imported; import the file again with duplicates skipped to add the rest.', ${why}::text, processed, row_count)`;
}

function isDeadlock(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '40P01';
}
