import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { DealDto, DealEventDto, DealListPage, TrashPage } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { DealNotesService } from './deal-notes.service.js';
import { DealQueriesService } from './deal-queries.service.js';
import { DealTrashService } from './deal-trash.service.js';
import { DealsService } from './deals.service.js';
import { AssignDealDto, CloseDealDto, CreateDealDto, MoveDealDto, UpdateDealDto } from './dto/deal.dto.js';
import { CreateNoteDto } from './dto/deal-note.dto.js';
import { ListDealsQuery, TrashQuery } from './dto/list-deals.query.js';

@ApiTags('deals')
@ApiBearerAuth()
@Controller('deals')
export class DealsController {
  constructor(
    private readonly deals: DealsService,
    private readonly queries: DealQueriesService,
    private readonly trashBin: DealTrashService,
    private readonly notes: DealNotesService,
  ) {}

  @Get()
  list(@CurrentUser() caller: AuthUser, @Query() query: ListDealsQuery): Promise<DealListPage> {
    return this.queries.list(caller, query);
  }

  @Post()
  @ApiUnprocessableEntityResponse({ description: 'The new contact lacks a name or a phone/email, or an id does not exist' })
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateDealDto): Promise<DealDto> {
    return this.deals.create(caller, body);
  }

  // Before ':id', which would take "trash" for an id.
  @Get('trash')
  @Roles('admin')
  trash(@Query() query: TrashQuery): Promise<TrashPage> {
    return this.trashBin.list(query);
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: 'No such deal, or it is in the trash (only admins see those)' })
  get(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DealDto> {
    return this.deals.get(id, caller);
  }

  @Patch(':id')
  @ApiConflictResponse({ description: 'version is stale: someone changed the deal meanwhile' })
  update(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateDealDto): Promise<DealDto> {
    return this.deals.update(caller, id, body);
  }

  @Post(':id/take')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'Someone already took the deal into work' })
  take(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DealDto> {
    return this.deals.take(caller, id);
  }

  @Post(':id/move')
  @HttpCode(200)
  @ApiUnprocessableEntityResponse({ description: 'The stage belongs to another funnel, or a neighbour is not in it' })
  move(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: MoveDealDto): Promise<DealDto> {
    return this.deals.move(caller, id, body);
  }

  @Post(':id/assign')
  @HttpCode(200)
  assign(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: AssignDealDto): Promise<DealDto> {
    return this.deals.assign(caller, id, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: CloseDealDto): Promise<DealDto> {
    return this.deals.close(caller, id, body);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  reopen(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DealDto> {
    return this.deals.reopen(caller, id);
  }

  @Get(':id/events')
  timeline(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DealEventDto[]> {
    return this.deals.timeline(id, caller);
  }

  @Post(':id/notes')
  addNote(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: CreateNoteDto): Promise<DealDto> {
    return this.notes.add(caller, id, body.text);
  }

  @Post(':id/trash')
  @HttpCode(200)
  @ApiForbiddenResponse({ description: 'The deal belongs to another manager' })
  @ApiNotFoundResponse({ description: 'No such deal, or it is already in the trash' })
  moveToTrash(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DealDto> {
    return this.trashBin.trash(caller, id);
  }

  @Post(':id/restore')
  @Roles('admin')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'The deal is not in the trash' })
  restore(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DealDto> {
    return this.trashBin.restore(caller, id);
  }
}
