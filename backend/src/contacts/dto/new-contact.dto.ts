import { ApiPropertyOptional } from '@nestjs/swagger';
import { CONTACT_KINDS, type ContactKind } from '@autofunnel/shared';
import { IsEmail, IsIn, IsString, MaxLength } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

/**
 * A customer named inline when creating a deal. Name and "a phone or an email" are checked by
 * the service (422), as the contract asks; types and formats here (400).
 */
export class NewContactDto {
  @ApiPropertyOptional({ example: 'Maria Jansen' })
  @Optional()
  @IsString()
  @MaxLength(200)
  @Trim()
  name?: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS, default: 'person' })
  @Optional()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  @ApiPropertyOptional({ example: '+1 212 555 2368', description: 'Any common format; stored as E.164' })
  @Optional()
  @IsString()
  @MaxLength(40)
  @Trim()
  phone?: string;

  @ApiPropertyOptional({ example: 'maria@example.com' })
  @Optional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  @Trim()
  email?: string;
}
