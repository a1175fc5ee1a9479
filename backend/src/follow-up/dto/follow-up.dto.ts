import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEADLINE_OUTCOMES, type DeadlineOutcome } from '@autofunnel/shared';
import { IsDefined, IsIn, IsString, MaxLength, ValidateIf } from 'class-validator';
import { dateTime } from '../../common/field-validators.js';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';


export class SetDeadlineDto {
  @ApiProperty({ description: 'When the customer must be contacted (ISO-8601); not in the past' })
  @dateTime('dueAt')
  dueAt: string;
}

export class ResolveDeadlineDto {
  @ApiProperty({ enum: DEADLINE_OUTCOMES })
  @IsIn(DEADLINE_OUTCOMES, { message: `outcome must be one of ${DEADLINE_OUTCOMES.join(', ')}` })
  outcome: DeadlineOutcome;

  @ApiPropertyOptional({ example: 'No answer twice, left a voicemail', description: 'Required when not contacted: why' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  @Trim()
  note?: string;

  @ApiPropertyOptional({ description: 'Opens the next deadline in the same step (ISO-8601); not in the past' })
  @Optional()
  @dateTime('nextDueAt')
  nextDueAt?: string;
}

export class FollowUpDto {
  @ApiProperty({ nullable: true, description: 'Off the board until then (ISO-8601, in the future); null brings the deal back now' })
  @IsDefined({ message: 'until is required: a date-time, or null to bring the deal back now' })
  @ValidateIf((_dto, value) => value !== null)
  @dateTime('until')
  until: string | null;
}
