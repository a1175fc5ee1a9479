import { ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContactDto, ContactKind, ContactWithDealsDto, NewContactInput } from '@autofunnel/shared';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { AppEnvironment } from '../config/env.js';
import { Deal } from '../deals/deal.entity.js';
import { DEAL_RELATIONS, toContactDto, toDealDto } from '../deals/deal.mapper.js';
import { visibleDealsCondition } from '../deals/deal-visibility.js';
import { Contact } from './contact.entity.js';
import type { CreateContactDto, UpdateContactDto } from './dto/save-contact.dto.js';
import { lockContactKeys, union, type ContactKeys } from './contact-keys.js';
import { contactSearchCondition } from './contact-search.js';
import { takeNextNumber } from './number-series.js';
import { normaliseEmail, normalisePhone } from './phone.js';

/** The number series customer numbers come from (C-000123). */
const CUSTOMER_SERIES = 'customer';

@Injectable()
export class ContactsService {
  private readonly region: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<AppEnvironment, true>,
  ) {
    this.region = config.get('DEFAULT_PHONE_REGION', { infer: true });
  }

  /**
   * The contact for a new deal: an existing one with the same phone or email, or a new one.
   * Serialised per phone/email, so two concurrent requests from one new customer create one
   * contact. An existing contact gains the phone or email it lacked and, if it was known only by
   * its phone or email (intake names a caller so), the given name; `existing: 'leave'` leaves it
   * untouched (an import that skips duplicates).
   */
  async findOrCreate(
    em: EntityManager,
    input: Partial<NewContactInput>,
    field = 'contact',
    options: { existing: 'complete' | 'leave' } = { existing: 'complete' },
  ): Promise<{ contact: Contact; reused: boolean }> {
    // Error messages name the request's own fields: "contact.phone", or "phone" for top-level ones.
    const named = (part: string) => (field ? `${field}.${part}` : part);
    const name = input.name?.trim();
    if (!name) throw new UnprocessableEntityException(`${named('name')} is required for a new customer`);
    const keys = this.normaliseKeys(
      { phones: input.phone ? [input.phone] : [], emails: input.email ? [input.email] : [] },
      { phones: named('phone'), emails: named('email') },
    );
    if (keys.phones.length === 0 && keys.emails.length === 0) {
      throw new UnprocessableEntityException(`${field || 'The request'} needs a phone or an email so the customer can be reached and recognised`);
    }
    await lockContactKeys(em, keys);
    const existing = await this.findByKeys(em, keys);
    if (existing) {
      if (options.existing === 'complete') await this.complete(em, existing, name, keys);
      return { contact: existing, reused: true };
    }
    const contact = await em.save(em.create(Contact, { name, kind: input.kind ?? 'person', ...keys }));
    return { contact, reused: false };
  }

  private async complete(em: EntityManager, contact: Contact, name: string, keys: ContactKeys): Promise<void> {
    const patch: Partial<Contact> = {};
    const phones = union(contact.phones, keys.phones);
    const emails = union(contact.emails, keys.emails);
    if (phones.length !== contact.phones.length) patch.phones = phones;
    if (emails.length !== contact.emails.length) patch.emails = emails;
    if (isPlaceholderName(contact.name, contact.emails) && !isPlaceholderName(name, emails)) patch.name = name;
    if (Object.keys(patch).length === 0) return;
    await em.update(Contact, contact.id, patch);
    Object.assign(contact, patch);
  }

  async create(dto: CreateContactDto): Promise<ContactDto> {
    const keys = this.normaliseKeys({ phones: dto.phones ?? [], emails: dto.emails ?? [] });
    if (keys.phones.length === 0 && keys.emails.length === 0) {
      throw new UnprocessableEntityException('A contact needs at least one phone or email');
    }
    return this.dataSource.transaction(async (em) => {
      await lockContactKeys(em, keys);
      await this.refuseDuplicate(em, keys);
      const contact = await em.save(em.create(Contact, { name: dto.name, kind: dto.kind ?? 'person', ...keys }));
      return toContactDto(contact);
    });
  }

  async update(id: string, dto: UpdateContactDto): Promise<ContactDto> {
    return this.dataSource.transaction(async (em) => {
      const contact = await em.findOne(Contact, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!contact) throw new NotFoundException(`Contact ${id} does not exist`);
      const keys = this.normaliseKeys({ phones: dto.phones ?? contact.phones, emails: dto.emails ?? contact.emails });
      if (keys.phones.length === 0 && keys.emails.length === 0) {
        throw new UnprocessableEntityException('A contact needs at least one phone or email');
      }
      await lockContactKeys(em, keys);
      await this.refuseDuplicate(em, keys, id);
      const patch: Partial<Contact> = { ...keys };
      if (dto.name !== undefined) patch.name = dto.name;
      if (dto.kind !== undefined) patch.kind = dto.kind as ContactKind;
      await em.update(Contact, id, patch);
      return toContactDto(await em.findOneByOrFail(Contact, { id }));
    });
  }

  /** Contacts whose name, email or phone matches; phones are compared by their digits. */
  async search(query: string | undefined, limit = 20): Promise<ContactDto[]> {
    const builder = this.dataSource.getRepository(Contact).createQueryBuilder('c').orderBy('c.name', 'ASC').addOrderBy('c.id').limit(limit);
    const q = query?.trim();
    if (q) {
      const { condition, parameters } = contactSearchCondition('c', q, this.region);
      builder.where(`(${condition})`, parameters);
    }
    return (await builder.getMany()).map(toContactDto);
  }

  /**
   * The contact with the history of their deals, newest first: those the viewer may see (none
   * from the trash). The contact itself is everyone's, so no one creates a duplicate.
   */
  async getWithDeals(viewer: AuthUser, id: string): Promise<ContactWithDealsDto> {
    const contact = await this.dataSource.getRepository(Contact).findOneBy({ id });
    if (!contact) throw new NotFoundException(`Contact ${id} does not exist`);
    const visible = visibleDealsCondition(viewer, 'd');
    const rows = await this.dataSource
      .getRepository(Deal)
      .createQueryBuilder('d')
      .select('d.id', 'id')
      .where('d.contact_id = :id AND d.trashed_at IS NULL', { id })
      .andWhere(visible.condition, visible.parameters)
      .getRawMany<{ id: string }>();
    const deals = await this.dataSource
      .getRepository(Deal)
      .find({ where: { id: In(rows.map((row) => row.id)) }, relations: DEAL_RELATIONS, order: { createdAt: 'DESC', id: 'DESC' } });
    return { ...toContactDto(contact), deals: deals.map(toDealDto) };
  }

  /**
   * Converts a lead to a customer: the next customer number, the same id (so its deals, events
   * and intake requests stay linked). The contact row is locked first, so converting twice at
   * once gives one number and one 409.
   */
  async convert(caller: AuthUser, id: string): Promise<ContactDto> {
    return this.dataSource.transaction(async (em) => {
      const contact = await em.findOne(Contact, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!contact) throw new NotFoundException(`Contact ${id} does not exist`);
      await assertMayConvert(em, caller, id);
      if (contact.customerNumber) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `${contact.name} is already customer ${contact.customerNumber}`,
          customerNumber: contact.customerNumber,
        });
      }
      const customerNumber = await takeNextNumber(em, CUSTOMER_SERIES);
      await em.update(Contact, id, { customerNumber, convertedAt: new Date() });
      return toContactDto(await em.findOneByOrFail(Contact, { id }));
    });
  }

  private normaliseKeys(raw: ContactKeys, fields = { phones: 'phones', emails: 'emails' }): ContactKeys {
    const phones = raw.phones.map((phone) => {
      const normalised = normalisePhone(phone, this.region);
      if (!normalised) {
        throw new UnprocessableEntityException(`${fields.phones} "${phone}" is not a valid phone number; include the country code, e.g. +1 212 555 2368`);
      }
      return normalised;
    });
    return { phones: union([], phones), emails: union([], raw.emails.map(normaliseEmail)) };
  }

  private findByKeys(em: EntityManager, keys: ContactKeys, exceptId?: string): Promise<Contact | null> {
    const builder = em
      .getRepository(Contact)
      .createQueryBuilder('c')
      .where('(c.phones && :phones::text[] OR c.emails && :emails::text[])', keys)
      .orderBy('c.created_at', 'ASC');
    if (exceptId) builder.andWhere('c.id <> :exceptId', { exceptId });
    return builder.getOne();
  }

  private async refuseDuplicate(em: EntityManager, keys: ContactKeys, exceptId?: string): Promise<void> {
    const existing = await this.findByKeys(em, keys, exceptId);
    if (existing) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `${existing.name} already has this phone or email; use that contact instead`,
        existingContactId: existing.id,
      });
    }
  }
}

/** Team leads and admins convert any contact; a manager only one of whose deals they hold. */
async function assertMayConvert(em: EntityManager, caller: AuthUser, contactId: string): Promise<void> {
  if (caller.role !== 'manager') return;
  if (await em.existsBy(Deal, { contactId, responsibleId: caller.id, trashedAt: IsNull() })) return;
  throw new ForbiddenException('Only a team lead, an admin or the manager responsible for one of their deals can convert this contact');
}

/** A name that is only a phone number or one of the contact's emails, as intake names an unknown caller. */
function isPlaceholderName(name: string, emails: string[]): boolean {
  return !/\p{L}/u.test(name) || emails.includes(name.toLowerCase());
}
