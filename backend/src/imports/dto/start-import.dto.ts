import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTACT_KINDS, IMPORT_DUPLICATE_MODES, type ContactKind, type ImportDuplicateMode } from '@autofunnel/shared';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Optional } from '../../common/optional.js';

/** Target field → column name; the service checks the columns exist in the file. */
export class ImportMappingDto {
  @ApiPropertyOptional({ example: 'Full name' })
  @Optional()
  @IsString()
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(300)
  firstName?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(300)
  lastName?: string;

  @ApiPropertyOptional({ example: 'Company' })
  @Optional()
  @IsString()
  @MaxLength(300)
  company?: string;

  @ApiPropertyOptional({ example: 'Phone' })
  @Optional()
  @IsString()
  @MaxLength(300)
  phone?: string;

  @ApiPropertyOptional({ example: 'Email' })
  @Optional()
  @IsString()
  @MaxLength(300)
  email?: string;

  @ApiPropertyOptional({ example: 'Car' })
  @Optional()
  @IsString()
  @MaxLength(300)
  vehicleInterest?: string;

  @ApiPropertyOptional({ example: 'Comment', description: 'A note or comment; kept in the deal’s timeline' })
  @Optional()
  @IsString()
  @MaxLength(300)
  note?: string;
}

export class ImportDealsDto {
  @ApiProperty({ description: 'Each imported row gets a deal in this funnel’s Unassigned stage' })
  @IsUUID('all', { message: 'deals.funnelId must be an id (UUID)' })
  funnelId: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: 'deals.sourceId must be an id (UUID)' })
  sourceId?: string;
}

export class StartImportDto {
  @ApiProperty({ type: ImportMappingDto })
  @IsObject({ message: 'mapping must be an object of field → column name' })
  @ValidateNested()
  @Type(() => ImportMappingDto)
  mapping: ImportMappingDto;

  @ApiProperty({ enum: CONTACT_KINDS })
  @IsIn(CONTACT_KINDS, { message: `contactKind must be one of ${CONTACT_KINDS.join(', ')}` })
  contactKind: ContactKind;

  @ApiProperty({ enum: IMPORT_DUPLICATE_MODES, description: 'A row whose phone or email is already a contact’s: skip it, or add its details to that contact' })
  @IsIn(IMPORT_DUPLICATE_MODES, { message: `duplicates must be one of ${IMPORT_DUPLICATE_MODES.join(', ')}` })
  duplicates: ImportDuplicateMode;

  @ApiPropertyOptional({ type: ImportDealsDto })
  @Optional()
  @ValidateNested()
  @Type(() => ImportDealsDto)
  deals?: ImportDealsDto;
}
