import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DealDto, LinkedContactDto } from '@autofunnel/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Contact } from '../contacts/contact.entity.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { EventsService } from '../events/events.service.js';
import { DealContact } from './deal-contact.entity.js';
import { Deal } from './deal.entity.js';
import { toContactSummary } from './deal.mapper.js';
import { DealsService } from './deals.service.js';
import type { LinkContactDto } from './dto/link-contact.dto.js';

/**
 * The people on a deal: its primary contact (`deal.contact_id`, the customer on the card) and
 * further ones linked with a role (a spouse, a company's buyer). Links change under the deal's
 * lock, like every other change of it, and each one is written to its timeline.
 */
@Injectable()
export class DealContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deals: DealsService,
    private readonly contacts: ContactsService,
    private readonly events: EventsService,
  ) {}

  /** The primary contact first, then the linked ones in the order they were added. */
  async list(viewer: AuthUser, dealId: string): Promise<LinkedContactDto[]> {
    await this.deals.assertVisible(viewer, dealId);
    const [deal, links] = await Promise.all([
      this.dataSource.getRepository(Deal).findOneOrFail({ where: { id: dealId }, relations: { contact: true } }),
      this.dataSource.getRepository(DealContact).find({ where: { dealId }, relations: { contact: true }, order: { createdAt: 'ASC', contactId: 'ASC' } }),
    ]);
    return [{ contact: toContactSummary(deal.contact!), role: null, primary: true }, ...links.map((link) => toLinkedContact(link, link.contact!))];
  }

  async link(caller: AuthUser, dealId: string, dto: LinkContactDto): Promise<LinkedContactDto> {
    if (dto.contactId !== undefined && dto.contact !== undefined) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Give either contactId (an existing contact) or contact (a new one), not both',
        fields: { contactId: ['give either contactId or contact, not both'] },
      });
    }
    const funnelId = await this.deals.funnelOf(dealId);
    let linked: LinkedContactDto | undefined;
    await this.events.transaction(async (em, log) => {
      // The contact before the deal's funnel: the order in which new deals, intake and merges lock them.
      const contact = dto.contactId ? await this.lockedContact(em, dto.contactId) : (await this.contacts.findOrCreate(em, dto.contact!, 'contact')).contact;
      return this.deals.changeWithin(em, log, funnelId, caller, dealId, {}, async (_em, deal) => {
        if (deal.contactId === contact.id) throw new ConflictException(`${contact.name} is already this deal's primary contact`);
        if (await em.existsBy(DealContact, { dealId, contactId: contact.id })) throw new ConflictException(`${contact.name} is already linked to this deal`);
        const link = await em.save(em.create(DealContact, { dealId, contactId: contact.id, role: dto.role ?? null }));
        linked = toLinkedContact(link, contact);
        return { patch: {}, type: 'deal.contact_linked', data: { contactId: contact.id, name: contact.name, role: link.role } };
      });
    });
    return linked!;
  }

  /** The primary contact stays (the deal needs a customer): make another one primary first. */
  async unlink(caller: AuthUser, dealId: string, contactId: string): Promise<void> {
    await this.deals.change(caller, dealId, {}, async (em, deal) => {
      if (deal.contactId === contactId) {
        throw new UnprocessableEntityException(`The primary contact cannot be unlinked; make another contact primary first`);
      }
      const link = await this.linkOf(em, dealId, contactId);
      await em.delete(DealContact, { dealId, contactId });
      return { patch: {}, type: 'deal.contact_unlinked', data: { contactId, name: link.contact!.name, role: link.role } };
    });
  }

  /** A linked contact becomes the deal's customer; the former primary one stays linked. */
  makePrimary(caller: AuthUser, dealId: string, contactId: string): Promise<DealDto> {
    return this.deals.change(caller, dealId, {}, async (em, deal) => {
      if (deal.contactId === contactId) throw new ConflictException('This contact is already the primary contact');
      const link = await this.linkOf(em, dealId, contactId);
      const former = await em.findOneByOrFail(Contact, { id: deal.contactId });
      await em.delete(DealContact, { dealId, contactId });
      await em.insert(DealContact, { dealId, contactId: former.id, role: null });
      // Described like a merge's change of customer: the timeline and boards already know this shape.
      return {
        patch: { contactId },
        type: 'deal.updated',
        data: { changes: { contact: { from: former.name, to: link.contact!.name } }, fromContactId: former.id, toContactId: contactId },
      };
    });
  }

  private async linkOf(em: EntityManager, dealId: string, contactId: string): Promise<DealContact> {
    const link = await em.findOne(DealContact, { where: { dealId, contactId }, relations: { contact: true } });
    if (!link) throw new NotFoundException(`Contact ${contactId} is not linked to this deal`);
    return link;
  }

  /** Held (FOR SHARE) until commit, so a merge cannot delete it before the link is written. */
  private async lockedContact(em: EntityManager, id: string): Promise<Contact> {
    const contact = await em.findOne(Contact, { where: { id }, lock: { mode: 'pessimistic_read' } });
    if (!contact) throw new UnprocessableEntityException(`contactId ${id} does not exist`);
    return contact;
  }
}

function toLinkedContact(link: DealContact, contact: Contact): LinkedContactDto {
  return { contact: toContactSummary(contact), role: link.role, primary: false };
}
