import { Body, Controller, Delete, ForbiddenException, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BranchAdminDto, BranchDto } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { BranchesService } from './branches.service.js';
import { ListBranchesQuery, SaveBranchDto } from './dto/branch.dto.js';

@ApiTags('branches')
@ApiBearerAuth()
@Controller('branches')
export class BranchesController {
  constructor(private readonly branches: BranchesService) {}

  @Get()
  @ApiOkResponse({ description: 'BranchDto[] by name; with ?withCounts=true, BranchAdminDto[] (admins only)' })
  @ApiForbiddenResponse({ description: '?withCounts=true asked by someone other than an admin' })
  list(@CurrentUser() caller: AuthUser, @Query() query: ListBranchesQuery): Promise<BranchDto[] | BranchAdminDto[]> {
    if (query.withCounts !== 'true') return this.branches.list();
    if (caller.role !== 'admin') throw new ForbiddenException('Only an admin can list branches with their counts');
    return this.branches.listWithCounts();
  }

  @Post()
  @Roles('admin')
  @ApiConflictResponse({ description: 'A branch with this name exists (ignoring case)' })
  create(@Body() body: SaveBranchDto): Promise<BranchDto> {
    return this.branches.create(body.name);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiConflictResponse({ description: 'Another branch has this name (ignoring case)' })
  rename(@Param('id', ParseUUIDPipe) id: string, @Body() body: SaveBranchDto): Promise<BranchDto> {
    return this.branches.rename(id, body.name);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'Active users, deals or channels still use it; the message and {users, deals, channels} say how many' })
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.branches.remove(id);
  }
}
