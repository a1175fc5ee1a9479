import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BoardDto, CursorPage, DealDto } from '@autofunnel/shared';
import { DealQueriesService } from './deal-queries.service.js';
import { BoardQuery, StageDealsQuery } from './dto/list-deals.query.js';

@ApiTags('board')
@ApiBearerAuth()
@Controller()
export class BoardController {
  constructor(private readonly queries: DealQueriesService) {}

  @Get('funnels/:id/board')
  board(@Param('id', ParseUUIDPipe) id: string, @Query() query: BoardQuery): Promise<BoardDto> {
    return this.queries.board(id, query.limit, query.status);
  }

  @Get('stages/:id/deals')
  stageDeals(@Param('id', ParseUUIDPipe) id: string, @Query() query: StageDealsQuery): Promise<CursorPage<DealDto>> {
    return this.queries.stagePage(id, query.cursor, query.limit, query.status);
  }
}
