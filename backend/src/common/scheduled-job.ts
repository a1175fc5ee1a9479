import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob, validateCronExpression } from 'cron';
import type { DataSource } from 'typeorm';

/** How a job is scheduled and kept to one run at a time. */
export interface ScheduledJobSettings {
  /** Its name in the SchedulerRegistry. */
  name: string;
  /** The environment variable holding its cron expression, for the start-up error. */
  setting: string;
  /** The expression, or `off`. */
  schedule: string;
  /** Key of the session advisory lock held for a whole run (one API instance at a time). */
  lock: string;
}

/**
 * A job the app runs on a cron schedule and admins run by hand: at most one run at a time across
 * every API instance (a PostgreSQL session advisory lock, freed by the server should the process
 * die mid-run), ticks skipped while a run is still going, and a shutdown that waits for the run
 * under way (subclasses check `stopping` between deals).
 */
export abstract class ScheduledJob<Result> implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  /** Set at shutdown: a run under way stops after its current deal. */
  protected stopping = false;
  private readonly runs = new Set<Promise<unknown>>();

  protected constructor(
    private readonly settings: ScheduledJobSettings,
    protected readonly dataSource: DataSource,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  /** One run's work, with the lock held. */
  protected abstract work(): Promise<Result>;

  /** A log line for a scheduled run that did something, or null. */
  protected abstract summary(result: Result): string | null;

  onApplicationBootstrap(): void {
    const { name, setting, schedule } = this.settings;
    if (schedule === 'off') return;
    const { valid, error } = validateCronExpression(schedule);
    if (!valid) {
      throw new Error(`${setting} "${schedule}" is neither a cron expression (e.g. "*/10 * * * *") nor "off": ${error?.message ?? 'invalid'}`);
    }
    // waitForCompletion: a tick that comes while the previous run is still going is skipped.
    const job = CronJob.from({ cronTime: schedule, onTick: () => this.tick(), waitForCompletion: true, start: false, name });
    this.scheduler.addCronJob(name, job);
    job.start();
  }

  /** The scheduler stops the cron job; a run under way stops after its current deal. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled(this.runs);
  }

  /** One run now: `null` when another run (on this or another API instance) holds the lock, in which case nothing was done here. */
  async run(): Promise<Result | null> {
    const run = this.runExclusively();
    this.runs.add(run);
    try {
      return await run;
    } finally {
      this.runs.delete(run);
    }
  }

  private async tick(): Promise<void> {
    try {
      const result = await this.run();
      const line = result === null ? null : this.summary(result);
      if (line) this.logger.log(line);
    } catch (error) {
      this.logger.error(`${this.settings.name} job failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  private async runExclusively(): Promise<Result | null> {
    // The lock belongs to this connection's session: it is held while the work happens on other
    // connections, and freed by PostgreSQL should the process die mid-run.
    const session = this.dataSource.createQueryRunner();
    await session.connect();
    try {
      const [{ locked }] = (await session.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [this.settings.lock])) as { locked: boolean }[];
      if (!locked) return null;
      try {
        return await this.work();
      } finally {
        await session.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [this.settings.lock]);
      }
    } finally {
      await session.release();
    }
  }
}
