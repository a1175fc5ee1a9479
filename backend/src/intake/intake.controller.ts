import { Body, Controller, Headers, HttpCode, Post, Req, Res, UnsupportedMediaTypeException, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiSecurity, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { AdfIntakeResponse, IntakeResult } from '@autofunnel/shared';
import type { Response } from 'express';
import { Public } from '../auth/decorators.js';
import { ApiKeyGuard, type ChannelRequest } from './api-key.guard.js';
import { CallIntakeDto } from './dto/call-intake.dto.js';
import { FormIntakeDto } from './dto/form-intake.dto.js';
import { MessageIntakeDto } from './dto/message-intake.dto.js';
import { IntakeBodyPipe, type IntakeBody } from './intake-body.pipe.js';
import { leadFromCall, leadFromForm, leadFromMessage } from './intake-leads.js';
import { IntakeRateLimitGuard } from './intake-rate-limit.guard.js';
import { IntakeService } from './intake.service.js';

/**
 * Where channels send requests: authenticated by the channel's X-Api-Key (not a user token),
 * rate-limited per channel. 201 when the request became (or joined) a deal, 200 for a retry.
 */
@ApiTags('intake')
@ApiSecurity('api-key')
@ApiHeader({ name: 'X-Api-Key', required: true, description: "The channel's API key" })
@ApiTooManyRequestsResponse({ description: "Over the channel's requests per minute; see Retry-After" })
@ApiOkResponse({ description: 'A retry of a request already received: its first result' })
@Public()
@UseGuards(ApiKeyGuard, IntakeRateLimitGuard)
@Controller('intake')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post('calls')
  @HttpCode(201)
  @ApiBody({ type: CallIntakeDto })
  async call(@Req() request: ChannelRequest, @Body(new IntakeBodyPipe(CallIntakeDto)) body: IntakeBody<CallIntakeDto>, @Res({ passthrough: true }) response: Response): Promise<IntakeResult> {
    return answered(response, await this.intake.receive(request.channel, leadFromCall(body)));
  }

  @Post('forms')
  @HttpCode(201)
  @ApiBody({ type: FormIntakeDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Identifies a retried submission when it has no externalId' })
  async form(
    @Req() request: ChannelRequest,
    @Body(new IntakeBodyPipe(FormIntakeDto)) body: IntakeBody<FormIntakeDto>,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IntakeResult> {
    return answered(response, await this.intake.receive(request.channel, leadFromForm(body, idempotencyKey?.trim() || undefined)));
  }

  @Post('messages')
  @HttpCode(201)
  @ApiBody({ type: MessageIntakeDto })
  async message(@Req() request: ChannelRequest, @Body(new IntakeBodyPipe(MessageIntakeDto)) body: IntakeBody<MessageIntakeDto>, @Res({ passthrough: true }) response: Response): Promise<IntakeResult> {
    return answered(response, await this.intake.receive(request.channel, leadFromMessage(body)));
  }

  /** ADF/XML 1.0, the auto industry's lead format (marketplaces, OEM sites, lead providers). */
  @Post('adf')
  @HttpCode(201)
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({ schema: { type: 'string', example: '<?adf version="1.0"?><adf><prospect>…</prospect></adf>' } })
  async adf(@Req() request: ChannelRequest, @Res({ passthrough: true }) response: Response): Promise<AdfIntakeResponse> {
    if (typeof request.body !== 'string') {
      throw new UnsupportedMediaTypeException('Send the ADF/XML document as the request body with Content-Type: application/xml');
    }
    return allRetries(response, await this.intake.receiveAdf(request.channel, request.body));
  }

  /**
   * A raw email (MIME, `Content-Type: message/rfc822`), as a mail provider's inbound route or a
   * mail server forwards it: ADF leads inside are taken as ADF, any other email as a message.
   */
  @Post('email')
  @HttpCode(201)
  @ApiConsumes('message/rfc822')
  @ApiBody({ schema: { type: 'string', example: 'From: Maria <maria@example.com>\r\nSubject: RAV4\r\n\r\nIs it still available?' } })
  async email(@Req() request: ChannelRequest, @Res({ passthrough: true }) response: Response): Promise<AdfIntakeResponse> {
    if (typeof request.body !== 'string' || request.body.trim() === '') {
      throw new UnsupportedMediaTypeException('Send the raw email (MIME) as the request body with Content-Type: message/rfc822');
    }
    return allRetries(response, await this.intake.receiveEmail(request.channel, request.body));
  }
}

/** A document whose every lead was a retry is answered 200, like any retried request. */
function allRetries(response: Response, answer: AdfIntakeResponse): AdfIntakeResponse {
  if (answer.results.every((result) => 'replayed' in result && result.replayed)) response.status(200);
  return answer;
}

/** A retry is answered 200 with the first result; anything new, 201. */
function answered<T extends { replayed: boolean }>(response: Response, result: T): T {
  if (result.replayed) response.status(200);
  return result;
}
