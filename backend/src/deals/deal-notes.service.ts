import { Injectable } from '@nestjs/common';
import type { DealDto } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { DealsService } from './deals.service.js';

/** Notes live in the deal's timeline only: the `deal.note_added` event is the note. */
@Injectable()
export class DealNotesService {
  constructor(private readonly deals: DealsService) {}

  add(caller: AuthUser, dealId: string, text: string): Promise<DealDto> {
    return this.deals.change(caller, dealId, {}, async () => ({ patch: {}, type: 'deal.note_added', data: { text } }));
  }
}
