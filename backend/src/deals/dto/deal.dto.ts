import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEAL_OUTCOMES, type DealOutcome, type DealType } from '@autofunnel/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsMoney } from '../../common/money.js';
import { dateTime, uuid } from '../../common/field-validators.js';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';
import { NewContactDto } from '../../contacts/dto/new-contact.dto.js';

const MAX_AMOUNT = 9_999_999_999.99;

export class CreateDealDto {
  @ApiProperty()
  @uuid('funnelId')
  funnelId: string;

  @ApiPropertyOptional({ type: NewContactDto, description: 'A new customer, or an existing one with the same phone/email' })
  @ValidateIf((dto: CreateDealDto) => dto.contactId === undefined || dto.contact !== undefined)
  @IsObject({ message: 'contact (name and phone or email) or contactId is required' })
  @ValidateNested()
  @Type(() => NewContactDto)
  contact?: NewContactDto;

  @ApiPropertyOptional()
  @Optional()
  @uuid('contactId')
  contactId?: string;

  @ApiPropertyOptional({ example: 'Skoda Octavia Combi for the Jansen family' })
  @Optional()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  @Trim()
  title?: string;

  @ApiPropertyOptional({ description: 'A deal type code (GET /api/deal-types), e.g. phone_up', example: 'phone_up' })
  @Optional()
  @IsString()
  @MaxLength(40)
  type?: DealType;

  @ApiPropertyOptional()
  @Optional()
  @uuid('sourceId')
  sourceId?: string;

  @ApiPropertyOptional({ example: 28500 })
  @Optional()
  @IsMoney()
  @Min(0)
  @Max(MAX_AMOUNT)
  amount?: number;

  @ApiPropertyOptional({ example: 'Kia Sportage 2024, hybrid' })
  @Optional()
  @IsString()
  @MaxLength(200)
  @Trim()
  vehicleInterest?: string;

  @ApiPropertyOptional({ description: 'Starts the deal in the first open stage with this user responsible' })
  @Optional()
  @uuid('responsibleId')
  responsibleId?: string;
}

export class UpdateDealDto {
  @ApiProperty({ description: 'The version you last saw; 409 when someone changed the deal since' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  @Trim()
  title?: string;

  @ApiPropertyOptional({ description: 'A deal type code (GET /api/deal-types)', nullable: true })
  @Optional()
  @ValidateIf((_dto, value) => value !== null)
  @IsString()
  @MaxLength(40)
  type?: DealType | null;

  @ApiPropertyOptional({ nullable: true })
  @Optional()
  @ValidateIf((_dto, value) => value !== null)
  @uuid('sourceId')
  sourceId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Optional()
  @ValidateIf((_dto, value) => value !== null)
  @IsMoney()
  @Min(0)
  @Max(MAX_AMOUNT)
  amount?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @Optional()
  @ValidateIf((_dto, value) => value !== null)
  @IsString()
  @MaxLength(200)
  @Trim()
  vehicleInterest?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'When the customer must be contacted (ISO-8601)' })
  @Optional()
  @ValidateIf((_dto, value) => value !== null)
  @dateTime('deadlineAt')
  deadlineAt?: string | null;
}

export class MoveDealDto {
  @ApiProperty()
  @uuid('stageId')
  stageId: string;

  @ApiPropertyOptional({ description: 'The deal that will sit right above the moved one' })
  @Optional()
  @uuid('beforeId')
  beforeId?: string;

  @ApiPropertyOptional({ description: 'The deal that will sit right below the moved one' })
  @Optional()
  @uuid('afterId')
  afterId?: string;

  @ApiPropertyOptional({ description: 'Refuse (409) when the deal changed since this version' })
  @Optional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class AssignDealDto {
  @ApiPropertyOptional()
  @Optional()
  @uuid('userId')
  userId?: string;

  @ApiPropertyOptional()
  @Optional()
  @uuid('branchId')
  branchId?: string;
}

export class CloseDealDto {
  @ApiProperty({ enum: DEAL_OUTCOMES })
  @IsIn(DEAL_OUTCOMES, { message: `outcome must be 'won' or 'lost'` })
  outcome: DealOutcome;

  @ApiPropertyOptional({ example: 'Bought elsewhere', description: 'Required when lost' })
  @Optional()
  @IsString()
  @MaxLength(200)
  @Trim()
  reason?: string;
}
