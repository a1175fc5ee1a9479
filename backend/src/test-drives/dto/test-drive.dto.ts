import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TEST_DRIVE_STATUSES, type TestDriveStatus } from '@autofunnel/shared';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

/** A slot's ends are full date-times: a date alone would say nothing about the hour. */
const IsDateTime = (field: string) => (target: object, propertyName: string | symbol) => {
  const message = `${field} must be an ISO-8601 date-time, e.g. 2026-11-26T14:00:00Z`;
  Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, { message })(target, propertyName);
  IsISO8601({ strict: true }, { message })(target, propertyName);
};

export class CreateTestDriveDto {
  @ApiProperty()
  @IsUUID('all', { message: 'vehicleId must be an id (UUID)' })
  vehicleId: string;

  @ApiProperty({ example: '2026-11-26T14:00:00Z' })
  @IsDateTime('startsAt')
  startsAt: string;

  @ApiProperty({ example: '2026-11-26T15:00:00Z', description: 'After startsAt, at most a day later' })
  @IsDateTime('endsAt')
  endsAt: string;

  @ApiPropertyOptional({ default: false, description: "The customer's driving licence was seen" })
  @Optional()
  @IsBoolean({ message: 'licenceChecked must be true or false' })
  licenceChecked?: boolean;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(2000)
  @Trim()
  notes?: string;
}

export class UpdateTestDriveDto {
  @ApiPropertyOptional({ description: 'Reschedule (same checks as booking)' })
  @Optional()
  @IsDateTime('startsAt')
  startsAt?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsDateTime('endsAt')
  endsAt?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'licenceChecked must be true or false' })
  licenceChecked?: boolean;

  @ApiPropertyOptional({ enum: TEST_DRIVE_STATUSES, description: 'cancelled frees the slot; done needs the licence checked' })
  @Optional()
  @IsIn(TEST_DRIVE_STATUSES, { message: `status must be one of ${TEST_DRIVE_STATUSES.join(', ')}` })
  status?: TestDriveStatus;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsString()
  @MaxLength(2000)
  @Trim()
  notes?: string | null;
}
