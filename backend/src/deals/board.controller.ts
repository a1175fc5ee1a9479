import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { BoardDto, CursorPage, DealDto } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { DealQueriesService } from './deal-queries.service.js';
import { BoardQuery, StageDealsQuery } from './dto/list-deals.query.js';

/** Columns, counts and sums hold only the deals the caller may see (`canSeeDeal`), narrowed by the filters. */
@ApiTags('board')
@ApiBearerAuth()
@Controller()
export class BoardController {
  constructor(private readonly queries: DealQueriesService) {}

  @Get('funnels/:id/board')
  @ApiNotFoundResponse({ description: 'No such funnel' })
  board(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: BoardQuery): Promise<BoardDto> {
    return this.queries.board(caller, id, query);
  }

  @Get('stages/:id/deals')
  @ApiNotFoundResponse({ description: 'No such stage' })
  stageDeals(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: StageDealsQuery): Promise<CursorPage<DealDto>> {
    return this.queries.stagePage(caller, id, query);
  }
}
