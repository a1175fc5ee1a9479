import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { BoardEvent } from '@autofunnel/shared';
import type { Subscription } from 'rxjs';
import { EventsService } from '../events/events.service.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Tells a user when someone else made them responsible for a deal (`POST /api/deals/:id/assign`).
 * It reacts to the committed `deal.assigned` event rather than living in `DealsService.assign`:
 * assigning stays one rule in one place, and the bell is a consequence of what the log says
 * happened (a rolled-back assignment never notifies). Distribution notifies in the deal's own
 * transaction instead (see DistributionService.announce).
 */
@Injectable()
export class AssignmentNotifier implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(AssignmentNotifier.name);
  private readonly pending = new Set<Promise<unknown>>();
  private subscription?: Subscription;

  constructor(
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.committed$.subscribe((events) => {
      for (const { event } of events) this.consider(event);
    });
  }

  /** Notifications still being written finish before the database goes away. */
  async beforeApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    await Promise.allSettled(this.pending);
  }

  private consider(event: BoardEvent): void {
    const responsibleId = assignedTo(event);
    if (!responsibleId || !event.deal) return;
    const by = event.actor?.name ?? 'The system';
    const work = this.notifications
      .notifyNow([responsibleId], {
        kind: 'deal_assigned',
        title: `${by} assigned you ${event.deal.code}: ${event.deal.title}`,
        body: `Customer: ${event.deal.contact.name}`,
        dealId: event.deal.id,
      })
      .catch((error: unknown) => {
        this.logger.error(`Could not notify user ${responsibleId} of deal ${event.deal!.id}: ${error instanceof Error ? error.stack : String(error)}`);
      })
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }
}

/** The user a `deal.assigned` event newly made responsible, unless they did it themselves. */
function assignedTo(event: BoardEvent): string | null {
  if (event.type !== 'deal.assigned') return null;
  const { responsibleId, fromResponsibleId } = event.data as { responsibleId?: string | null; fromResponsibleId?: string | null };
  if (!responsibleId || responsibleId === fromResponsibleId || responsibleId === event.actor?.id) return null;
  return responsibleId;
}
