import type { MyDayDeadlineDto, MyDayDto, MyDayTaskDto } from '@autofunnel/shared';

export type MyDayItem = { kind: 'task'; task: MyDayTaskDto; dueAt: string | null } | { kind: 'deadline'; deadline: MyDayDeadlineDto; dueAt: string };

export interface MyDaySections {
  overdue: MyDayItem[];
  today: MyDayItem[];
  undated: MyDayItem[];
}

/** The end of the local day of `now`: what "today" means to the person looking. */
export function endOfDay(now: number): string {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end.toISOString();
}

const byDueTime = (a: MyDayItem, b: MyDayItem) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!);

/**
 * Overdue (oldest first), then the rest of today by time, then tasks without a due time. An item
 * becomes overdue as `now` passes its time, without waiting for the next answer of the server.
 */
export function sectionsOf(day: MyDayDto, now: number): MyDaySections {
  const items: MyDayItem[] = [
    ...day.tasks.map((task): MyDayItem => ({ kind: 'task', task, dueAt: task.dueAt })),
    ...day.deadlines.map((deadline): MyDayItem => ({ kind: 'deadline', deadline, dueAt: deadline.dueAt })),
  ];
  const isOverdue = (item: MyDayItem) =>
    item.dueAt !== null && ((item.kind === 'task' ? item.task.overdue : item.deadline.overdue) || Date.parse(item.dueAt) < now);
  return {
    overdue: items.filter(isOverdue).sort(byDueTime),
    today: items.filter((item) => item.dueAt !== null && !isOverdue(item)).sort(byDueTime),
    undated: items.filter((item) => item.dueAt === null),
  };
}
