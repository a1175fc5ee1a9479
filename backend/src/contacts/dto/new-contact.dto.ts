import { ApiPropertyOptional } from '@nestjs/swagger';
import { CONTACT_KINDS, type ContactKind } from '@autofunnel/shared';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * A customer named inline when creating a deal. Name and "a phone or an email" are checked by
 * the service (422), as the contract asks; types and formats here (400).
 */
export class NewContactDto {
  @ApiPropertyOptional({ example: 'Maria Jansen' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS, default: 'person' })
  @IsOptional()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  @ApiPropertyOptional({ example: '+1 212 555 2368', description: 'Any common format; stored as E.164' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ example: 'maria@example.com' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;
}
