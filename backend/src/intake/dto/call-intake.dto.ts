import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsNotEmpty, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

export const CALL_STATUSES = ['answered', 'missed'] as const;

/** A call reported by the telephony: answered ones start in work, missed ones wait in Unassigned. */
export class CallIntakeDto {
  @ApiProperty({ example: 'call-2026-11-24-000123', description: "The telephony's id of the call; a retry with the same id creates nothing" })
  @IsString()
  @IsNotEmpty({ message: 'externalId must not be empty' })
  @MaxLength(200)
  @Trim()
  externalId: string;

  @ApiProperty({ example: '+7 912 345-67-89', description: "The caller's number, any common format" })
  @IsString()
  @IsNotEmpty({ message: "from (the caller's number) must not be empty" })
  @MaxLength(40)
  @Trim()
  from: string;

  @ApiPropertyOptional({ example: '+7 495 000-00-00', description: 'The dealership line that was called' })
  @Optional()
  @IsString()
  @MaxLength(40)
  @Trim()
  to?: string;

  @ApiProperty({ enum: CALL_STATUSES })
  @IsIn(CALL_STATUSES, { message: 'status must be answered or missed' })
  status: (typeof CALL_STATUSES)[number];

  @ApiPropertyOptional({ example: 'anna@demo.local', description: "Who answered: a user's email or phone extension" })
  @Optional()
  @IsString()
  @MaxLength(254)
  @Trim()
  answeredBy?: string;

  @ApiPropertyOptional({ example: '2026-11-24T09:15:00Z', description: 'When the call came in (default: now)' })
  @Optional()
  @IsDateString({}, { message: 'at must be an ISO-8601 date-time, e.g. 2026-11-24T09:15:00Z' })
  at?: string;

  @ApiPropertyOptional({ example: 95 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(86_400)
  durationSeconds?: number;

  @ApiPropertyOptional({ example: 'https://pbx.example.com/recordings/123.mp3' })
  @Optional()
  @IsUrl({ require_tld: false }, { message: 'recordingUrl must be a URL' })
  @MaxLength(2000)
  recordingUrl?: string;
}
