import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CONTACT_KINDS, type ContactKind } from '@autofunnel/shared';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

export class CreateContactDto {
  @ApiProperty({ example: 'Van Dijk Logistics B.V.' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  @Trim()
  name: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS, default: 'person' })
  @Optional()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  @ApiPropertyOptional({ type: [String], example: ['+31 20 123 4567'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  phones?: string[];

  @ApiPropertyOptional({ type: [String], example: ['info@vandijk.example'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEmail({}, { each: true, message: 'each value in emails must be an email address' })
  @MaxLength(254, { each: true })
  emails?: string[];
}

/** Every field optional; null is refused like any other wrong value. */
export class UpdateContactDto extends PartialType(CreateContactDto, { skipNullProperties: false }) {}
