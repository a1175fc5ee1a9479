import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelDto, ChannelWithKeyDto } from '@autofunnel/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { Funnel } from '../funnels/funnel.entity.js';
import { Source } from '../sources/source.entity.js';
import { Branch } from '../users/branch.entity.js';
import { generateApiKey, hashApiKey } from './api-key.js';
import { Channel } from './channel.entity.js';
import type { CreateChannelDto, UpdateChannelDto } from './dto/channel.dto.js';

@Injectable()
export class ChannelsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<ChannelDto[]> {
    const channels = await this.dataSource.getRepository(Channel).find({ order: { name: 'ASC' } });
    return channels.map(toChannelDto);
  }

  async get(id: string): Promise<ChannelDto> {
    return toChannelDto(await this.mustFind(this.dataSource.manager, id));
  }

  async create(dto: CreateChannelDto): Promise<ChannelWithKeyDto> {
    return this.dataSource.transaction(async (em) => {
      await this.checkReferences(em, dto);
      await this.refuseDuplicateName(em, dto.name);
      const { key, hash, prefix } = generateApiKey();
      const saved = await em.save(
        em.create(Channel, {
          name: dto.name,
          kind: dto.kind,
          funnelId: dto.funnelId,
          sourceId: dto.sourceId ?? null,
          branchId: dto.branchId ?? null,
          mergeRepeatRequests: dto.mergeRepeatRequests ?? true,
          rateLimitPerMinute: dto.rateLimitPerMinute ?? 120,
          apiKeyHash: hash,
          apiKeyPrefix: prefix,
        }),
      );
      return { ...toChannelDto(await this.mustFind(em, saved.id)), apiKey: key };
    });
  }

  async update(id: string, dto: UpdateChannelDto): Promise<ChannelDto> {
    return this.dataSource.transaction(async (em) => {
      await this.mustFind(em, id);
      await this.checkReferences(em, dto);
      if (dto.name !== undefined) await this.refuseDuplicateName(em, dto.name, id);
      await em.update(Channel, id, dto);
      return toChannelDto(await this.mustFind(em, id));
    });
  }

  /** A new key; the old one stops working at once. */
  async rotateKey(id: string): Promise<ChannelWithKeyDto> {
    return this.dataSource.transaction(async (em) => {
      await this.mustFind(em, id);
      const { key, hash, prefix } = generateApiKey();
      await em.update(Channel, id, { apiKeyHash: hash, apiKeyPrefix: prefix });
      return { ...toChannelDto(await this.mustFind(em, id)), apiKey: key };
    });
  }

  /** Deals and the log of received requests stay (they keep the channel's name); the key stops working. */
  async remove(id: string): Promise<void> {
    const { affected } = await this.dataSource.getRepository(Channel).delete(id);
    if (!affected) throw new NotFoundException(`Channel ${id} does not exist`);
  }

  /** The channel a key belongs to, or null for an unknown (or rotated) key. */
  findByApiKey(key: string): Promise<Channel | null> {
    return this.dataSource.getRepository(Channel).findOneBy({ apiKeyHash: hashApiKey(key) });
  }

  private async mustFind(em: EntityManager, id: string): Promise<Channel> {
    const channel = await em.findOneBy(Channel, { id });
    if (!channel) throw new NotFoundException(`Channel ${id} does not exist`);
    return channel;
  }

  private async checkReferences(em: EntityManager, dto: { funnelId?: string; sourceId?: string | null; branchId?: string | null }): Promise<void> {
    if (dto.funnelId && !(await em.existsBy(Funnel, { id: dto.funnelId }))) {
      throw new UnprocessableEntityException(`funnelId ${dto.funnelId} is not a funnel`);
    }
    if (dto.sourceId && !(await em.existsBy(Source, { id: dto.sourceId }))) {
      throw new UnprocessableEntityException(`sourceId ${dto.sourceId} is not a source`);
    }
    if (dto.branchId && !(await em.existsBy(Branch, { id: dto.branchId }))) {
      throw new UnprocessableEntityException(`branchId ${dto.branchId} is not a branch`);
    }
  }

  private async refuseDuplicateName(em: EntityManager, name: string, exceptId?: string): Promise<void> {
    const existing = await em.findOneBy(Channel, { name });
    if (existing && existing.id !== exceptId) throw new ConflictException(`There is already a channel named "${name}"; choose another name`);
  }
}

export function toChannelDto(channel: Channel): ChannelDto {
  return {
    id: channel.id,
    name: channel.name,
    kind: channel.kind,
    funnelId: channel.funnelId,
    sourceId: channel.sourceId,
    branchId: channel.branchId,
    mergeRepeatRequests: channel.mergeRepeatRequests,
    rateLimitPerMinute: channel.rateLimitPerMinute,
    apiKeyPrefix: channel.apiKeyPrefix,
    active: channel.active,
    createdAt: channel.createdAt.toISOString(),
    lastUsedAt: channel.lastUsedAt?.toISOString() ?? null,
  };
}
