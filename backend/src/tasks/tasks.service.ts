import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canSeeDeal, type TaskDto, type TaskKind } from '@autofunnel/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Clock } from '../common/clock.js';
import type { Deal } from '../deals/deal.entity.js';
import { DealsService } from '../deals/deals.service.js';
import { Branch } from '../users/branch.entity.js';
import { User } from '../users/user.entity.js';
import type { CompleteTaskDto, CreateTaskDto, UpdateTaskDto } from './dto/task.dto.js';
import { Task } from './task.entity.js';
import { compareTasks, TASK_RELATIONS, toTaskDto, toUserRef, userRef } from './task.mapper.js';

/**
 * Tasks, calls and meetings on a deal. Every write goes through `DealsService.change`, so it
 * holds the deal's lock (two completions of one task cannot both win), bumps the deal's version
 * and last activity, and lands on the deal's timeline and live boards.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deals: DealsService,
    private readonly clock: Clock,
  ) {}

  /** Open tasks first, soonest due first; then done ones, latest first. */
  async list(viewer: AuthUser, dealId: string): Promise<TaskDto[]> {
    await this.deals.assertVisible(viewer, dealId);
    const tasks = await this.dataSource.getRepository(Task).find({ where: { dealId }, relations: TASK_RELATIONS });
    return tasks.sort(compareTasks).map(toTaskDto);
  }

  async create(caller: AuthUser, dealId: string, dto: CreateTaskDto): Promise<TaskDto> {
    let created!: TaskDto;
    await this.deals.change(caller, dealId, {}, async (em, deal) => {
      const dueAt = dto.dueAt ? new Date(dto.dueAt) : null;
      const endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
      checkTiming(dto.kind, dueAt, endsAt);
      const assignee = await activeUser(em, dto.assigneeId ?? caller.id, 'assigneeId');
      const participants = await activeUsers(em, dto.participantIds ?? [], 'participantIds');
      assertSeeTheDeal(deal, [assignee], 'assigneeId');
      assertSeeTheDeal(deal, participants, 'participantIds');
      if (dto.branchId) await branchMustExist(em, dto.branchId);
      const { id } = await em.save(
        em.create(Task, {
          dealId: deal.id,
          kind: dto.kind,
          title: dto.title,
          dueAt,
          endsAt,
          assigneeId: assignee.id,
          participants,
          branchId: dto.branchId ?? null,
          priority: dto.priority ?? 'normal',
          notes: dto.notes || null,
          createdById: caller.id,
        }),
      );
      const task = await loadTask(em, id);
      created = toTaskDto(task);
      return { patch: {}, type: 'deal.task_created', data: describeTask(task) };
    });
    return created;
  }

  async update(caller: AuthUser, id: string, dto: UpdateTaskDto): Promise<TaskDto> {
    const dealId = await this.dealIdOf(id);
    let updated!: TaskDto;
    await this.deals.change(caller, dealId, {}, async (em, deal) => {
      const before = await loadTask(em, id);
      if (before.doneAt) throw new ConflictException(`This ${before.kind} is done; reopen it before changing it`);
      const fields: Partial<Task> = {};
      if (dto.title !== undefined) fields.title = dto.title;
      if (dto.dueAt !== undefined) fields.dueAt = dto.dueAt === null ? null : new Date(dto.dueAt);
      if (dto.endsAt !== undefined) fields.endsAt = dto.endsAt === null ? null : new Date(dto.endsAt);
      if (dto.priority !== undefined) fields.priority = dto.priority;
      if (dto.notes !== undefined) fields.notes = dto.notes || null;
      if (dto.branchId !== undefined) fields.branchId = dto.branchId === null ? null : (await branchMustExist(em, dto.branchId)).id;
      if (dto.assigneeId !== undefined) {
        const assignee = await activeUser(em, dto.assigneeId, 'assigneeId');
        assertSeeTheDeal(deal, [assignee], 'assigneeId');
        fields.assigneeId = assignee.id;
      }
      checkTiming(before.kind, fields.dueAt === undefined ? before.dueAt : fields.dueAt, fields.endsAt === undefined ? before.endsAt : fields.endsAt);
      if (Object.keys(fields).length > 0) await em.update(Task, { id }, fields);
      if (dto.participantIds !== undefined) {
        const participants = await activeUsers(em, dto.participantIds, 'participantIds');
        assertSeeTheDeal(deal, participants, 'participantIds');
        const wanted = new Set(participants.map((user) => user.id));
        const current = before.participants!.map((user) => user.id);
        await em
          .createQueryBuilder()
          .relation(Task, 'participants')
          .of(id)
          .addAndRemove(
            [...wanted].filter((userId) => !current.includes(userId)),
            current.filter((userId) => !wanted.has(userId)),
          );
      }
      const after = await loadTask(em, id);
      updated = toTaskDto(after);
      return { patch: {}, type: 'deal.task_updated', data: { ...describeTask(after), changes: taskChanges(before, after) } };
    });
    return updated;
  }

  /** Marked done once, by anyone who sees the deal. */
  async complete(caller: AuthUser, id: string, dto: CompleteTaskDto): Promise<TaskDto> {
    const dealId = await this.dealIdOf(id);
    let completed!: TaskDto;
    // Whoever sees the deal may: its assignee, participants and responsible (who all see it), a team lead or an admin.
    await this.deals.change(caller, dealId, { anyoneMayTry: true }, async (em) => {
      const task = await loadTask(em, id);
      if (task.doneAt) {
        const by = task.doneBy ? ` by ${task.doneBy.id === caller.id ? 'you' : task.doneBy.name}` : '';
        throw new ConflictException(`This ${task.kind} was already completed${by} at ${task.doneAt.toISOString()}`);
      }
      const result = dto.result || null;
      await em.update(Task, { id }, { doneAt: this.clock.now(), doneById: caller.id, result });
      const done = await loadTask(em, id);
      completed = toTaskDto(done);
      return { patch: {}, type: 'deal.task_completed', data: { ...describeTask(done), result } };
    });
    return completed;
  }

  /** Undoes a completion made by mistake; the same people who may complete it may reopen it. */
  async reopen(caller: AuthUser, id: string): Promise<TaskDto> {
    const dealId = await this.dealIdOf(id);
    let reopened!: TaskDto;
    await this.deals.change(caller, dealId, { anyoneMayTry: true }, async (em) => {
      const before = await loadTask(em, id);
      if (!before.doneAt) throw new ConflictException(`This ${before.kind} is not done`);
      await em.update(Task, { id }, { doneAt: null, doneById: null, result: null });
      const after = await loadTask(em, id);
      reopened = toTaskDto(after);
      return { patch: {}, type: 'deal.task_updated', data: { ...describeTask(after), reopened: true, changes: taskChanges(before, after) } };
    });
    return reopened;
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    const dealId = await this.dealIdOf(id);
    await this.deals.change(caller, dealId, {}, async (em) => {
      const task = await loadTask(em, id);
      await em.delete(Task, { id });
      return { patch: {}, type: 'deal.task_deleted', data: describeTask(task) };
    });
  }

  private async dealIdOf(id: string): Promise<string> {
    const task = await this.dataSource.getRepository(Task).findOne({ where: { id }, select: { id: true, dealId: true } });
    if (!task) throw new NotFoundException(`Task ${id} does not exist`);
    return task.dealId;
  }
}

/** The task as it is now in the caller's transaction (404 when it was deleted meanwhile). */
async function loadTask(em: EntityManager, id: string): Promise<Task> {
  const task = await em.findOne(Task, { where: { id }, relations: TASK_RELATIONS });
  if (!task) throw new NotFoundException(`Task ${id} does not exist`);
  return task;
}

function checkTiming(kind: TaskKind, dueAt: Date | null, endsAt: Date | null): void {
  if (kind === 'meeting' && !dueAt) throw new UnprocessableEntityException('dueAt is required for a meeting: when does it start?');
  if (endsAt && !dueAt) throw new UnprocessableEntityException('endsAt needs dueAt: give the start time as well');
  if (endsAt && dueAt && endsAt < dueAt) {
    throw new UnprocessableEntityException(`endsAt (${endsAt.toISOString()}) must not be before dueAt (${dueAt.toISOString()})`);
  }
}

/** Who is given a task must see its deal (or they could not open or complete it). */
function assertSeeTheDeal(deal: Deal, users: User[], field: string): void {
  const blind = users.filter((user) => !canSeeDeal(user, deal));
  if (blind.length === 0) return;
  const names = blind.map((user) => user.name).join(', ');
  throw new UnprocessableEntityException(
    `${field}: ${names} cannot see this deal (another manager's or another branch's); assign the deal to them first or choose someone who can see it`,
  );
}

async function activeUser(em: EntityManager, id: string, field: string): Promise<User> {
  const user = await em.findOneBy(User, { id, active: true });
  if (!user) throw new UnprocessableEntityException(`${field} ${id} is not an active user`);
  return user;
}

/** The users in the order given; 422 naming every id that is not an active user. */
async function activeUsers(em: EntityManager, ids: string[], field: string): Promise<User[]> {
  if (ids.length === 0) return [];
  const found = new Map((await em.findBy(User, { id: In(ids), active: true })).map((user) => [user.id, user]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new UnprocessableEntityException(`${field}: ${missing.join(', ')} ${missing.length === 1 ? 'is not an active user' : 'are not active users'}`);
  }
  return ids.map((id) => found.get(id)!);
}

async function branchMustExist(em: EntityManager, id: string): Promise<Branch> {
  const branch = await em.findOneBy(Branch, { id });
  if (!branch) throw new UnprocessableEntityException(`branchId ${id} is not a branch`);
  return branch;
}

/** What the timeline needs to name the task in words. */
function describeTask(task: Task): Record<string, unknown> {
  return {
    taskId: task.id,
    kind: task.kind,
    title: task.title,
    dueAt: task.dueAt?.toISOString() ?? null,
    endsAt: task.endsAt?.toISOString() ?? null,
    assignee: userRef(task.assignee),
    participants: task.participants!.map(toUserRef),
    priority: task.priority,
  };
}

/** `{ field: { from, to } }` for every field that changed, people as `{id, name}`. */
function taskChanges(before: Task, after: Task): Record<string, { from: unknown; to: unknown }> {
  const view = (task: Task) => ({
    title: task.title,
    dueAt: task.dueAt?.toISOString() ?? null,
    endsAt: task.endsAt?.toISOString() ?? null,
    assignee: userRef(task.assignee),
    participants: task.participants!.map(toUserRef).sort((a, b) => a.id.localeCompare(b.id)),
    branchId: task.branchId,
    priority: task.priority,
    notes: task.notes,
    doneAt: task.doneAt?.toISOString() ?? null,
  });
  const from = view(before);
  const to = view(after);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of Object.keys(from) as (keyof typeof from)[]) {
    if (JSON.stringify(from[field]) !== JSON.stringify(to[field])) changes[field] = { from: from[field], to: to[field] };
  }
  return changes;
}
