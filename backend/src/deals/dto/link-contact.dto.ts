import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsString, IsUUID, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';
import { NewContactDto } from '../../contacts/dto/new-contact.dto.js';

/** Links an existing contact (`contactId`) or a new one (`contact`, matched by phone/email first). */
export class LinkContactDto {
  @ApiPropertyOptional({ description: 'An existing contact' })
  @Optional()
  @IsUUID('all', { message: 'contactId must be an id (UUID)' })
  contactId?: string;

  @ApiPropertyOptional({ type: NewContactDto, description: 'A new person; an existing contact with the same phone/email is linked instead' })
  @ValidateIf((dto: LinkContactDto) => dto.contactId === undefined || dto.contact !== undefined)
  @IsObject({ message: 'contact (name and phone or email) or contactId is required' })
  @ValidateNested()
  @Type(() => NewContactDto)
  contact?: NewContactDto;

  @ApiPropertyOptional({ example: 'Spouse', description: 'What the person is to this deal' })
  @Optional()
  @IsString()
  @IsNotEmpty({ message: 'role must not be empty; leave it out instead' })
  @MaxLength(60)
  @Trim()
  role?: string;
}
