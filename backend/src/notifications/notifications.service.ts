import { Injectable, NotFoundException, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationDto, NotificationKind, NotificationPage } from '@autofunnel/shared';
import { Subject } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import type { FunnelEventLog } from '../events/events.service.js';
import type { ListNotificationsQuery } from './dto/list-notifications.query.js';
import { Notification } from './notification.entity.js';

/** A notification on its way to its user's open sockets (after its transaction committed). */
export interface DeliveredNotification {
  userId: string;
  notification: NotificationDto;
}

/** What to tell the users; `title` is what the bell and the toast show. */
export interface NewNotification {
  kind: NotificationKind;
  title: string;
  body?: string | null;
  dealId?: string | null;
}

/** Anything that runs an effect once its transaction has committed (an EventsService transaction's log). */
export type AfterCommit = Pick<FunnelEventLog, 'afterCommit'>;

const DEFAULT_LIMIT = 20;
const TITLE_LENGTH = 200;

/** In-app notifications: stored per user, counted for the bell, pushed live over the socket. */
@Injectable()
export class NotificationsService implements OnModuleDestroy {
  private readonly delivered = new Subject<DeliveredNotification>();
  /** The realtime gateway sends each of these to the `user:<id>` room as `notification:new`. */
  readonly delivered$ = this.delivered.asObservable();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores one notification per user (each user once) in the caller's transaction; they are
   * pushed live only once it has committed, so a rolled-back change never rings a bell.
   */
  async notify(em: EntityManager, log: AfterCommit, userIds: string[], notification: NewNotification): Promise<NotificationDto[]> {
    const stored = await this.store(em, userIds, notification);
    log.afterCommit(() => this.publish(stored));
    return stored.map(({ notification: dto }) => dto);
  }

  /** `notify` in a transaction of its own, for reactions to something that already committed. */
  async notifyNow(userIds: string[], notification: NewNotification): Promise<NotificationDto[]> {
    const stored = await this.dataSource.transaction((em) => this.store(em, userIds, notification));
    this.publish(stored);
    return stored.map(({ notification: dto }) => dto);
  }

  /** The user's notifications, newest first, in keyset pages, with their unread count. */
  async list(userId: string, query: ListNotificationsQuery): Promise<NotificationPage> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const builder = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      // The cursor keeps the timestamp's text: a JavaScript Date would drop its microseconds.
      .addSelect('n.created_at::text', 'created_at_text')
      .where('n.user_id = :userId', { userId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1);
    if (query.unread) builder.andWhere('n.read_at IS NULL');
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, 2) as string[];
      builder.andWhere('(n.created_at, n.id) < (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', { createdAt, id });
    }
    const [{ entities, raw }, unreadCount] = await Promise.all([
      builder.getRawAndEntities<{ n_id: string; created_at_text: string }>(),
      this.dataSource.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :userId AND n.read_at IS NULL', { userId }).getCount(),
    ]);
    const shown = entities.slice(0, limit);
    const last = shown[shown.length - 1];
    const lastCreatedAt = last && raw.find((row) => row.n_id === last.id)?.created_at_text;
    return {
      items: shown.map(toNotificationDto),
      nextCursor: entities.length > limit && lastCreatedAt ? encodeCursor([lastCreatedAt, last.id]) : null,
      unreadCount,
    };
  }

  /** Marks one of the user's notifications read (again: keeps the first time); 404 for anyone else's. */
  async markRead(userId: string, id: string): Promise<NotificationDto> {
    const [rows] = (await this.dataSource.query(
      `UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, userId],
    )) as [{ id: string }[], number];
    // Another user's notification is as if it did not exist: its id tells nothing.
    if (rows.length === 0) throw new NotFoundException(`Notification ${id} does not exist`);
    return toNotificationDto(await this.dataSource.getRepository(Notification).findOneByOrFail({ id }));
  }

  /** Marks every unread notification of the user read; how many there were. */
  async markAllRead(userId: string): Promise<number> {
    const [, affected] = (await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId])) as [
      unknown,
      number,
    ];
    return affected;
  }

  onModuleDestroy(): void {
    this.delivered.complete();
  }

  private async store(em: EntityManager, userIds: string[], notification: NewNotification): Promise<DeliveredNotification[]> {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return [];
    const rows = recipients.map((userId) =>
      em.create(Notification, {
        userId,
        kind: notification.kind,
        title: notification.title.slice(0, TITLE_LENGTH),
        body: notification.body ?? null,
        dealId: notification.dealId ?? null,
      }),
    );
    const saved = await em.save(rows);
    return saved.map((row) => ({ userId: row.userId, notification: toNotificationDto(row) }));
  }

  private publish(notifications: DeliveredNotification[]): void {
    for (const delivered of notifications) this.delivered.next(delivered);
  }
}

export function toNotificationDto(notification: Notification): NotificationDto {
  return {
    id: notification.id,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    dealId: notification.dealId,
    createdAt: notification.createdAt.toISOString(),
    readAt: notification.readAt?.toISOString() ?? null,
  };
}
