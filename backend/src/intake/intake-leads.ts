import type { CallIntakeDto } from './dto/call-intake.dto.js';
import type { FormIntakeDto } from './dto/form-intake.dto.js';
import type { MessageIntakeDto } from './dto/message-intake.dto.js';
import type { IntakeBody } from './intake-body.pipe.js';
import type { IntakeLead } from './intake-lead.js';

/** Each intake format read into one IntakeLead; `idempotencyKey` is the Idempotency-Key header. */

export function leadFromCall({ dto, extra }: IntakeBody<CallIntakeDto>): IntakeLead {
  const answered = dto.status === 'answered';
  const duration = dto.durationSeconds === undefined ? '' : ` (${formatDuration(dto.durationSeconds)})`;
  return {
    kind: 'call',
    idempotencyKey: dto.externalId,
    contact: { name: null, phones: [dto.from], email: null },
    answeredBy: answered ? (dto.answeredBy ?? null) : null,
    dealType: 'phone_up',
    vehicleInterest: null,
    amount: null,
    sourceName: null,
    summary: answered ? `Answered call${duration}` : 'Missed call',
    payload: withExtra({ ...dto }, extra),
  };
}

export function leadFromForm({ dto, extra }: IntakeBody<FormIntakeDto>, idempotencyKey: string | undefined): IntakeLead {
  return {
    kind: 'form',
    idempotencyKey: dto.externalId ?? idempotencyKey ?? null,
    contact: { name: dto.name, phones: dto.phone ? [dto.phone] : [], email: dto.email ?? null },
    answeredBy: null,
    dealType: 'internet_lead',
    vehicleInterest: dto.vehicleInterest ?? null,
    amount: null,
    sourceName: null,
    summary: dto.message ? `Web form: ${dto.message}` : 'Web form',
    payload: withExtra({ ...dto }, extra),
  };
}

export function leadFromMessage({ dto, extra }: IntakeBody<MessageIntakeDto>): IntakeLead {
  return {
    kind: 'message',
    idempotencyKey: dto.externalId,
    contact: { name: dto.name ?? null, phones: dto.phone ? [dto.phone] : [], email: dto.email ?? null },
    answeredBy: null,
    dealType: dto.messenger?.toLowerCase() === 'sms' ? 'sms' : 'chat',
    vehicleInterest: null,
    amount: null,
    sourceName: null,
    summary: `${dto.messenger ? `${dto.messenger}: ` : 'Message: '}${dto.text}`,
    payload: withExtra({ ...dto }, extra),
  };
}

function withExtra(payload: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  return Object.keys(extra).length > 0 ? { ...payload, extra } : payload;
}

function formatDuration(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
