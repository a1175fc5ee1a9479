import { BadGatewayException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MessageDto, MessageListPage } from '@autofunnel/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { Contact } from '../contacts/contact.entity.js';
import type { Deal } from '../deals/deal.entity.js';
import { DealsService } from '../deals/deals.service.js';
import { visibleDealsCondition } from '../deals/deal-visibility.js';
import { Offer } from '../offers/offer.entity.js';
import { QuotePdfService } from '../offers/quote-pdf.service.js';
import type { ListMessagesQuery } from './dto/list-messages.query.js';
import type { SendMessageDto } from './dto/send-message.dto.js';
import { MailDeliveryError, Mailer } from './mailer.js';
import { Message } from './message.entity.js';

const DEFAULT_LIMIT = 50;

/**
 * How long a send attempt holds its claim on a message: well past nodemailer's timeouts, so
 * only a claim left by a process that died mid-send runs out.
 */
const SEND_CLAIM_MS = 10 * 60_000;

/**
 * Emails to a deal's customer. A message is recorded first (status `outbox`, with its
 * `deal.message_sent` event, in the deal's transaction); only after commit does the API talk to
 * the mail server, then it records the outcome (`sent`, or `failed` with the reason). No
 * transaction stays open during the SMTP conversation, and a message is never sent without
 * its record. Without SMTP_URL messages wait in the outbox until someone sends them.
 */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deals: DealsService,
    private readonly quotes: QuotePdfService,
    private readonly mailer: Mailer,
  ) {}

  /** A deal's messages, newest first. */
  async listForDeal(viewer: AuthUser, dealId: string): Promise<MessageDto[]> {
    await this.deals.assertVisible(viewer, dealId);
    const messages = await this.dataSource.getRepository(Message).find({
      where: { dealId },
      relations: { deal: true, createdBy: true },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return messages.map(toMessageDto);
  }

  /** Messages of every deal not in the trash that the caller may see (a team lead: their branch's), newest first, with keyset pages. */
  async list(viewer: AuthUser, query: ListMessagesQuery): Promise<MessageListPage> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const visible = visibleDealsCondition(viewer, 'd');
    const builder = this.dataSource
      .getRepository(Message)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.deal', 'd')
      .leftJoinAndSelect('m.createdBy', 'u')
      // The cursor keeps the timestamp's text: a JavaScript Date would drop its microseconds.
      .addSelect('m.created_at::text', 'created_at_text')
      .where('d.trashed_at IS NULL')
      .andWhere(visible.condition, visible.parameters)
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(limit + 1);
    if (query.status) builder.andWhere('m.status = :status', { status: query.status });
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, 2) as string[];
      builder.andWhere('(m.created_at, m.id) < (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', { createdAt, id });
    }
    const { entities, raw } = await builder.getRawAndEntities<{ m_id: string; created_at_text: string }>();
    const shown = entities.slice(0, limit);
    const last = shown[shown.length - 1];
    const lastCreatedAt = last && raw.find((row) => row.m_id === last.id)?.created_at_text;
    return { items: shown.map(toMessageDto), nextCursor: entities.length > limit && lastCreatedAt ? encodeCursor([lastCreatedAt, last.id]) : null };
  }

  /** Records the message on the deal, then sends it when SMTP is set up (502 when that fails). */
  async send(caller: AuthUser, dealId: string, dto: SendMessageDto): Promise<MessageDto> {
    const smtpUrl = this.mailer.smtpUrl();
    let messageId: string | undefined;
    await this.deals.change(caller, dealId, {}, async (em, deal) => {
      const to = dto.to ?? (await this.customerEmail(em, deal));
      const offer = dto.offerId ? await this.offerOf(em, deal, dto.offerId) : null;
      const message = await em.save(
        em.create(Message, {
          dealId: deal.id,
          to,
          subject: dto.subject,
          body: dto.body,
          offerId: offer?.id ?? null,
          status: 'outbox',
          // Claimed at once when it is about to be sent, so the outbox cannot send it a second time.
          sendingSince: smtpUrl ? new Date() : null,
          createdById: caller.id,
        }),
      );
      messageId = message.id;
      return { patch: {}, type: 'deal.message_sent', data: sentEventData(message, offer, smtpUrl ? 'smtp' : 'outbox', false) };
    });
    return smtpUrl ? this.deliver(messageId!, smtpUrl) : this.get(messageId!);
  }

  /** Sends a message of the outbox (or one that failed) again. */
  async retry(caller: AuthUser, id: string): Promise<MessageDto> {
    const { dealId } = await this.load(this.dataSource.manager, id);
    const smtpUrl = this.mailer.smtpUrl();
    if (!smtpUrl) {
      throw new UnprocessableEntityException('Email is not set up on this server: set SMTP_URL (e.g. smtps://user:password@mail.example.com:465) to send messages from the outbox');
    }
    await this.deals.change(caller, dealId, {}, async (em) => {
      // Under the deal's lock, which every claim on its messages takes: no two attempts both pass.
      const message = await this.load(em, id);
      if (message.status === 'sent') throw new ConflictException(`This message was already sent (${message.sentAt?.toISOString()}); write a new one to send it again`);
      if (message.sendingSince && Date.now() - message.sendingSince.getTime() < SEND_CLAIM_MS) {
        throw new ConflictException('This message is being sent right now; reload in a moment to see whether it went out');
      }
      await em.update(Message, { id }, { sendingSince: new Date() });
      const offer = message.offerId ? await em.findOne(Offer, { where: { id: message.offerId }, relations: { vehicle: true } }) : null;
      return { patch: {}, type: 'deal.message_sent', data: sentEventData(message, offer, 'smtp', true) };
    });
    return this.deliver(id, smtpUrl);
  }

  /** The SMTP conversation, outside any transaction, and its outcome on the message. */
  private async deliver(id: string, smtpUrl: string): Promise<MessageDto> {
    const messages = this.dataSource.getRepository(Message);
    const message = await this.load(this.dataSource.manager, id);
    try {
      // Made at send time, so a message kept in the outbox goes out with the quote as it is then.
      const quote = message.offerId ? await this.quotes.render(message.offerId) : null;
      await this.mailer.send(smtpUrl, {
        to: message.to,
        subject: message.subject,
        text: message.body,
        attachments: quote ? [{ filename: quote.fileName, content: quote.content, contentType: 'application/pdf' }] : [],
      });
    } catch (error) {
      const delivery = error instanceof MailDeliveryError;
      await messages.update({ id }, { status: 'failed', error: delivery ? error.reason : 'The quote PDF could not be made', sendingSince: null });
      if (!delivery) throw error;
      throw new BadGatewayException({
        statusCode: 502,
        error: 'Bad Gateway',
        message: `${error.reason}. The email was not sent; it is kept as failed, to send again once this is fixed`,
        messageId: id,
      });
    }
    await messages.update({ id }, { status: 'sent', sentAt: new Date(), error: null, sendingSince: null });
    return this.get(id);
  }

  private async get(id: string): Promise<MessageDto> {
    return toMessageDto(await this.load(this.dataSource.manager, id));
  }

  private async load(em: EntityManager, id: string): Promise<Message> {
    const message = await em.findOne(Message, { where: { id }, relations: { deal: true, createdBy: true } });
    if (!message) throw new NotFoundException(`Message ${id} does not exist`);
    return message;
  }

  private async customerEmail(em: EntityManager, deal: Deal): Promise<string> {
    const contact = await em.findOneBy(Contact, { id: deal.contactId });
    const email = contact?.emails[0];
    if (!email) throw new UnprocessableEntityException('This customer has no email; add one or give `to`');
    return email;
  }

  private async offerOf(em: EntityManager, deal: Deal, offerId: string): Promise<Offer> {
    const offer = await em.findOne(Offer, { where: { id: offerId }, relations: { vehicle: true } });
    if (!offer || offer.dealId !== deal.id) throw new UnprocessableEntityException(`offerId ${offerId} is not an offer of this deal`);
    if (offer.status === 'withdrawn') throw new UnprocessableEntityException('This offer was withdrawn; make a new offer to send its quote');
    return offer;
  }
}

/**
 * What the timeline says of a message: to whom, about what, with which quote, and `via`: `smtp`
 * (sent to the mail server at once; `retry` for a second attempt) or `outbox` (no SMTP set up).
 * How the attempt went is the message's own `status`.
 */
function sentEventData(message: Message, offer: Offer | null, via: 'smtp' | 'outbox', retry: boolean): Record<string, unknown> {
  const vehicle = offer?.vehicle;
  return {
    messageId: message.id,
    to: message.to,
    subject: message.subject,
    offer: offer
      ? { offerId: offer.id, vehicle: vehicle ? { id: vehicle.id, make: vehicle.make, model: vehicle.model, year: vehicle.year, vin: vehicle.vin } : null, total: Math.round((offer.price - offer.discount) * 100) / 100 }
      : null,
    via,
    retry,
  };
}

function toMessageDto(message: Message): MessageDto {
  if (!message.deal) throw new Error(`Message ${message.id} was loaded without its deal`);
  return {
    id: message.id,
    dealId: message.dealId,
    deal: { id: message.deal.id, code: message.deal.code, title: message.deal.title },
    to: message.to,
    subject: message.subject,
    body: message.body,
    offerId: message.offerId,
    status: message.status,
    error: message.error,
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
    createdBy: message.createdBy ? { id: message.createdBy.id, name: message.createdBy.name } : null,
  };
}
