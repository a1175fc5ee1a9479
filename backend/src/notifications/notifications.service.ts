import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { NotificationDto } from '@autofunnel/shared';
import { Subject } from 'rxjs';

/** A notification on its way to its user's open sockets (after its transaction committed). */
export interface DeliveredNotification {
  userId: string;
  notification: NotificationDto;
}

/** In-app notifications: stored per user, counted for the bell, pushed live over the socket. */
@Injectable()
export class NotificationsService implements OnModuleDestroy {
  private readonly delivered = new Subject<DeliveredNotification>();
  /** The realtime gateway sends each of these to the `user:<id>` room as `notification:new`. */
  readonly delivered$ = this.delivered.asObservable();

  // TODO(H3): notify(em, …) stores rows in the caller's transaction and publishes them after commit.

  onModuleDestroy(): void {
    this.delivered.complete();
  }
}
