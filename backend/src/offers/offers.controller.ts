import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { OfferDto } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { CreateOfferDto } from './dto/create-offer.dto.js';
import { OffersService } from './offers.service.js';
import { QuotePdfService } from './quote-pdf.service.js';

@ApiTags('offers')
@ApiBearerAuth()
@Controller()
export class OffersController {
  constructor(
    private readonly offers: OffersService,
    private readonly quotes: QuotePdfService,
  ) {}

  @Get('deals/:dealId/offers')
  @ApiForbiddenResponse({ description: 'The caller may not see the deal' })
  list(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string): Promise<OfferDto[]> {
    return this.offers.list(caller, dealId);
  }

  @Post('deals/:dealId/offers')
  @ApiConflictResponse({ description: 'The vehicle is sold, or the deal is closed' })
  @ApiUnprocessableEntityResponse({ description: 'The vehicle does not exist, the discount exceeds the price, or validUntil is past' })
  create(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string, @Body() body: CreateOfferDto): Promise<OfferDto> {
    return this.offers.create(caller, dealId, body);
  }

  @Post('offers/:id/withdraw')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'Already withdrawn, or the deal is won' })
  withdraw(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<OfferDto> {
    return this.offers.withdraw(caller, id);
  }

  @Get('offers/:id/quote.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The printable quote' })
  @ApiForbiddenResponse({ description: "The caller may not see the offer's deal" })
  async quote(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { fileName, content } = await this.quotes.render(id, caller);
    return new StreamableFile(content, { type: 'application/pdf', disposition: `inline; filename="${fileName}"`, length: content.length });
  }
}
