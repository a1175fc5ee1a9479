import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';
import { NewContactDto } from '../../contacts/dto/new-contact.dto.js';
import { IsStringRecord } from './is-string-record.js';

/** A website form. Name and a phone or an email are needed to recognise and reach the customer. */
export class FormIntakeDto extends PickType(NewContactDto, ['phone', 'email'] as const) {
  @ApiPropertyOptional({ example: 'form-8841', description: 'The sender’s id of the submission; a retry with the same id creates nothing' })
  @Optional()
  @IsString()
  @IsNotEmpty({ message: 'externalId must not be empty' })
  @MaxLength(200)
  @Trim()
  externalId?: string;

  @ApiProperty({ example: 'Maria Gonzalez' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  @Trim()
  name: string;

  @ApiPropertyOptional({ example: 'Is the blue RAV4 still available?' })
  @Optional()
  @IsString()
  @MaxLength(5000)
  @Trim()
  message?: string;

  @ApiPropertyOptional({ example: 'Toyota RAV4 2022' })
  @Optional()
  @IsString()
  @MaxLength(200)
  @Trim()
  vehicleInterest?: string;

  @ApiPropertyOptional({ example: { utm_source: 'google', utm_campaign: 'winter-suv' }, description: 'Campaign tags, kept on the deal' })
  @Optional()
  @IsObject({ message: 'utm must be an object of text values' })
  @IsStringRecord({ maxKeys: 20, maxLength: 500 })
  utm?: Record<string, string>;
}
