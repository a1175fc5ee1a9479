import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { QuickSearchResult } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { QuickSearchQuery } from './dto/quick-search.query.js';
import { SearchService } from './search.service.js';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly searching: SearchService) {}

  @Get()
  search(@CurrentUser() caller: AuthUser, @Query() query: QuickSearchQuery): Promise<QuickSearchResult> {
    return this.searching.search(caller, query.q, query.limit);
  }
}
