import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { ChannelDto, ChannelWithKeyDto } from '@autofunnel/shared';
import { Roles } from '../auth/decorators.js';
import { ChannelsService } from './channels.service.js';
import { CreateChannelDto, UpdateChannelDto } from './dto/channel.dto.js';

/** Advertising channels: admins only, as their keys let outsiders create deals. */
@ApiTags('channels')
@ApiBearerAuth()
@Roles('admin')
@Controller('channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  list(): Promise<ChannelDto[]> {
    return this.channels.list();
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ChannelDto> {
    return this.channels.get(id);
  }

  @Post()
  @ApiCreatedResponse({ description: 'The channel with its apiKey, shown this once (only a hash is stored)' })
  create(@Body() body: CreateChannelDto): Promise<ChannelWithKeyDto> {
    return this.channels.create(body);
  }

  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateChannelDto): Promise<ChannelDto> {
    return this.channels.update(id, body);
  }

  @Post(':id/rotate-key')
  @HttpCode(200)
  rotateKey(@Param('id', ParseUUIDPipe) id: string): Promise<ChannelWithKeyDto> {
    return this.channels.rotateKey(id);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.channels.remove(id);
  }
}
