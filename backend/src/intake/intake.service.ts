import { BadRequestException, HttpException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdfIntakeResponse, IntakeResult } from '@autofunnel/shared';
import { createHash } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Channel } from '../channels/channel.entity.js';
import type { AppEnvironment } from '../config/env.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { normalisePhone } from '../contacts/phone.js';
import { Deal } from '../deals/deal.entity.js';
import { DealsService } from '../deals/deals.service.js';
import { EventsService } from '../events/events.service.js';
import { lockFunnel } from '../funnels/funnel-lock.js';
import { SourcesService } from '../sources/sources.service.js';
import { User } from '../users/user.entity.js';
import { leadFromAdf } from './adf/adf-to-lead.js';
import { readInboundEmail } from './email/read-inbound-email.js';
import { AdfParseError, parseAdf } from './adf/parse-adf.js';
import type { IntakeLead } from './intake-lead.js';
import { IntakeRequest } from './intake-request.entity.js';

/**
 * Turns every request a channel sends into a deal, so none is lost: the customer is matched by
 * phone or email, a repeat customer's request joins their open deal (if the channel says so),
 * and a retried request (same key) answers the first result and changes nothing.
 */
@Injectable()
export class IntakeService {
  private readonly phoneRegion: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contacts: ContactsService,
    private readonly deals: DealsService,
    private readonly events: EventsService,
    private readonly sources: SourcesService,
    config: ConfigService<AppEnvironment, true>,
  ) {
    this.phoneRegion = config.get('DEFAULT_PHONE_REGION', { infer: true });
  }

  async receive(channel: Channel, lead: IntakeLead): Promise<IntakeResult> {
    const key = lead.idempotencyKey && storableKey(lead.idempotencyKey);
    const result = await this.events.transaction(async (em, log) => {
      if (key) {
        // Concurrent retries of one request queue here; the later ones then find the first's row.
        await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`intake:${channel.id}:${key}`]);
        const earlier = await this.earlierAnswer(em, channel.id, key);
        if (earlier) return earlier;
      }
      const { contact, reused } = await this.contacts.findOrCreate(em, this.contactOf(lead), '');
      await lockFunnel(em, channel.funnelId, 'unprocessable');
      const openDeal = channel.mergeRepeatRequests && reused ? await this.openDealOf(em, contact.id, channel.funnelId) : null;
      const responsible = openDeal ? null : await this.answeringUser(em, lead.answeredBy);
      const deal = openDeal
        ? await this.deals.addRequest(em, log, openDeal, this.requestEventData(channel, lead))
        : await this.deals.openDeal(em, log, {
            funnelId: channel.funnelId,
            contact,
            contactReused: reused,
            responsible,
            // An answered call stays with the answering user's branch; other requests go to the channel's.
            branchId: responsible?.branchId ?? channel.branchId,
            sourceId: lead.sourceName ? (await this.sources.findOrCreateByName(em, lead.sourceName)).id : channel.sourceId,
            type: lead.dealType,
            channel: channel.name,
            amount: lead.amount,
            vehicleInterest: lead.vehicleInterest,
            actor: null,
            eventData: this.requestEventData(channel, lead),
          });
      await em.save(
        em.create(IntakeRequest, {
          channelId: channel.id,
          idempotencyKey: key,
          kind: lead.kind,
          dealId: deal.id,
          contactId: contact.id,
          createdDeal: !openDeal,
          payload: lead.payload,
        }),
      );
      return { dealId: deal.id, dealCode: deal.code, contactId: contact.id, created: !openDeal, addedToOpenDeal: Boolean(openDeal), replayed: false };
    });
    // Outside the transaction: concurrent requests of one channel need not queue on its row.
    await this.dataSource.query(`UPDATE ad_channel SET last_used_at = now() WHERE id = $1`, [channel.id]);
    return result;
  }

  /**
   * An ADF/XML document: each `<prospect>` is received on its own, so one unusable prospect does
   * not lose the others. 400 when the document cannot be read, 422 when no prospect was usable.
   */
  async receiveAdf(channel: Channel, xml: string): Promise<AdfIntakeResponse> {
    let prospects;
    try {
      prospects = parseAdf(xml);
    } catch (error) {
      if (error instanceof AdfParseError) throw new BadRequestException(error.message);
      throw error;
    }
    const results: AdfIntakeResponse['results'] = [];
    for (const prospect of prospects) {
      const prospectId = prospect.id;
      try {
        results.push({ prospectId, ...(await this.receive(channel, leadFromAdf(prospect))) });
      } catch (error) {
        if (!(error instanceof HttpException) || error.getStatus() !== 422) throw error;
        results.push({ prospectId, error: error.message });
      }
    }
    if (results.every((result) => 'error' in result)) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: `No prospect could become a deal: ${results.map((result) => ('error' in result ? result.error : '')).join('; ')}`,
        results,
      });
    }
    return { results };
  }

  /**
   * A raw email forwarded by the dealership's inbox: the ADF lead inside it (attachment or
   * body), or else the customer's own message as a lead. Answered like an ADF document.
   */
  async receiveEmail(channel: Channel, raw: string): Promise<AdfIntakeResponse> {
    const email = await readInboundEmail(raw);
    if (email.kind === 'adf') return this.receiveAdf(channel, email.xml);
    if (!email.lead.contact.email) throw new UnprocessableEntityException('The email has no sender address to recognise and answer the customer by');
    return { results: [{ prospectId: null, ...(await this.receive(channel, email.lead)) }] };
  }

  private async earlierAnswer(em: EntityManager, channelId: string, key: string): Promise<IntakeResult | null> {
    const earlier = await em.findOne(IntakeRequest, { where: { channelId, idempotencyKey: key }, relations: { deal: true } });
    if (!earlier) return null;
    return { dealId: earlier.dealId, dealCode: earlier.deal!.code, contactId: earlier.contactId, created: false, addedToOpenDeal: !earlier.createdDeal, replayed: true };
  }

  /**
   * The customer as the request names them, with the first phone that reads as a number. Phones
   * we cannot read are dropped when an email still identifies the customer (they stay in the
   * stored request), so the lead is not lost; with no email, the first one is passed on to be
   * refused with its reason.
   */
  private contactOf(lead: IntakeLead): { name: string; phone?: string; email?: string } {
    const { phones, email } = lead.contact;
    const phone = phones.find((candidate) => normalisePhone(candidate, this.phoneRegion)) ?? (email ? undefined : phones[0]);
    const name = lead.contact.name || phones[0] || email || '';
    return { name, ...(phone && { phone }), ...(email && { email }) };
  }

  private openDealOf(em: EntityManager, contactId: string, funnelId: string): Promise<Deal | null> {
    return em.findOne(Deal, {
      // A deal in the trash is as if it never existed: the request opens a new deal instead.
      where: { contactId, funnelId, status: 'open', trashedAt: IsNull() },
      order: { lastActivityAt: 'DESC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The user who answered a call, by email or phone extension; none (so Unassigned) if unknown. */
  private async answeringUser(em: EntityManager, answeredBy: string | null): Promise<User | null> {
    if (!answeredBy) return null;
    return em
      .createQueryBuilder(User, 'u')
      .where('u.active AND (lower(u.email) = lower(:who) OR u.phone_extension = :who)', { who: answeredBy })
      .orderBy('u.created_at')
      .getOne();
  }

  private requestEventData(channel: Channel, lead: IntakeLead): Record<string, unknown> {
    return { request: { kind: lead.kind, channel: { id: channel.id, name: channel.name }, summary: lead.summary, details: lead.payload } };
  }
}

/** Keys as senders send them, but a very long one (a header has no length limit) by its hash. */
function storableKey(key: string): string {
  return key.length <= 200 ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}
