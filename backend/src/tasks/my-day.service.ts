import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MyDayDeadlineDto, MyDayDto, MyDayTaskDto } from '@autofunnel/shared';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { Deal } from '../deals/deal.entity.js';
import { DEAL_RELATIONS, toDealDto } from '../deals/deal.mapper.js';
import { visibleDealsCondition } from '../deals/deal-visibility.js';
import type { MyDayQuery } from './dto/task.dto.js';
import { Task } from './task.entity.js';
import { TASK_RELATIONS, toTaskDto } from './task.mapper.js';

const DEFAULT_LIMIT = 100;

/**
 * "My day": what the caller has to do by `until`. Overdue items are listed whatever `until`
 * says; both lists are ordered by due time, which puts the overdue ones first.
 */
@Injectable()
export class MyDayService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async forUser(caller: AuthUser, query: MyDayQuery): Promise<MyDayDto> {
    const now = this.clock.now();
    const until = query.until ? new Date(query.until) : endOfDay(now);
    const horizon = until > now ? until : now;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const [tasks, deadlines] = await Promise.all([this.tasks(caller, horizon, limit, now), this.deadlines(caller.id, horizon, limit, now)]);
    return { now: now.toISOString(), until: until.toISOString(), ...tasks, ...deadlines };
  }

  /**
   * Open tasks the user is assignee of or takes part in, due before `horizon`, then the undated
   * ones; only on deals the user may see (the list names each task's deal).
   */
  private async tasks(user: AuthUser, horizon: Date, limit: number, now: Date): Promise<{ tasks: MyDayTaskDto[]; tasksTotal: number }> {
    const visible = visibleDealsCondition(user, 'd');
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT t.id, count(*) OVER () AS total
         FROM task t
         JOIN deal d ON d.id = t.deal_id AND d.trashed_at IS NULL
        WHERE t.done_at IS NULL
          AND (t.assignee_id = :userId OR EXISTS (SELECT 1 FROM task_participant p WHERE p.task_id = t.id AND p.user_id = :userId))
          AND (t.due_at < :horizon OR t.due_at IS NULL)
          AND ${visible.condition}
        ORDER BY t.due_at ASC NULLS LAST, CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, t.created_at, t.id
        LIMIT :limit`,
      { ...visible.parameters, userId: user.id, horizon, limit },
    );
    const rows: { id: string; total: string }[] = await this.dataSource.query(sql, parameters);
    const ids = rows.map((row) => row.id);
    const found = new Map((await this.dataSource.getRepository(Task).find({ where: { id: In(ids) }, relations: TASK_RELATIONS })).map((task) => [task.id, task]));
    const tasks = ids.flatMap((id) => {
      const task = found.get(id);
      return task ? [{ ...toTaskDto(task), overdue: task.dueAt !== null && task.dueAt < now }] : [];
    });
    return { tasks, tasksTotal: Number(rows[0]?.total ?? 0) };
  }

  /** Deadlines of the open deals the user is responsible for; parked deals (long-term follow-up) wait. */
  private async deadlines(userId: string, horizon: Date, limit: number, now: Date): Promise<{ deadlines: MyDayDeadlineDto[]; deadlinesTotal: number }> {
    const rows: { id: string; deadline_id: string | null; total: string }[] = await this.dataSource.query(
      `SELECT d.id, open_deadline.id AS deadline_id, count(*) OVER () AS total
         FROM deal d
         LEFT JOIN deadline open_deadline ON open_deadline.deal_id = d.id AND open_deadline.resolved_at IS NULL
        WHERE d.responsible_id = $1 AND d.status = 'open' AND d.trashed_at IS NULL AND d.follow_up_until IS NULL
          AND d.deadline_at < $2
        ORDER BY d.deadline_at, d.id
        LIMIT $3`,
      [userId, horizon, limit],
    );
    const found = new Map(
      (await this.dataSource.getRepository(Deal).find({ where: { id: In(rows.map((row) => row.id)) }, relations: DEAL_RELATIONS })).map((deal) => [deal.id, deal]),
    );
    const deadlines = rows.flatMap((row) => {
      const deal = found.get(row.id);
      if (!deal?.deadlineAt) return [];
      return [{ deadlineId: row.deadline_id, deal: toDealDto(deal), dueAt: deal.deadlineAt.toISOString(), overdue: deal.deadlineAt < now }];
    });
    return { deadlines, deadlinesTotal: Number(rows[0]?.total ?? 0) };
  }
}

/** The first moment of the next day, in the server's time zone. */
function endOfDay(now: Date): Date {
  const end = new Date(now);
  end.setHours(24, 0, 0, 0);
  return end;
}
