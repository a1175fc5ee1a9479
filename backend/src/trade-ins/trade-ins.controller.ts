import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import type { TradeInDto } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { CreateTradeInDto, UpdateTradeInDto } from './dto/trade-in.dto.js';
import { TradeInsService } from './trade-ins.service.js';

@ApiTags('trade-ins')
@ApiBearerAuth()
@Controller()
export class TradeInsController {
  constructor(private readonly tradeIns: TradeInsService) {}

  @Get('deals/:dealId/trade-ins')
  @ApiForbiddenResponse({ description: 'The caller may not see the deal' })
  list(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string): Promise<TradeInDto[]> {
    return this.tradeIns.list(caller, dealId);
  }

  @Post('deals/:dealId/trade-ins')
  @ApiForbiddenResponse({ description: "A manager on another manager's deal" })
  add(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string, @Body() body: CreateTradeInDto): Promise<TradeInDto> {
    return this.tradeIns.add(caller, dealId, body);
  }

  @Patch('trade-ins/:id')
  @ApiForbiddenResponse({ description: "A manager on another manager's deal" })
  update(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateTradeInDto): Promise<TradeInDto> {
    return this.tradeIns.update(caller, id, body);
  }

  @Delete('trade-ins/:id')
  @HttpCode(204)
  @ApiForbiddenResponse({ description: "A manager on another manager's deal" })
  remove(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.tradeIns.remove(caller, id);
  }
}
