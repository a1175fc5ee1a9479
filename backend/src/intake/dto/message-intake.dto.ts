import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';
import { NewContactDto } from '../../contacts/dto/new-contact.dto.js';

/** A chat or messenger message (WhatsApp, Telegram, SMS, a site chat). */
export class MessageIntakeDto extends PickType(NewContactDto, ['name', 'phone', 'email'] as const) {
  @ApiProperty({ example: 'wa-msg-55120', description: "The messenger's id of the message; a retry with the same id creates nothing" })
  @IsString()
  @IsNotEmpty({ message: 'externalId must not be empty' })
  @MaxLength(200)
  @Trim()
  externalId: string;

  @ApiProperty({ example: 'Hello, can I book a test drive on Saturday?' })
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(5000)
  @Trim()
  text: string;

  @ApiPropertyOptional({ example: 'whatsapp', description: 'Which messenger; "sms" makes the deal an SMS lead' })
  @Optional()
  @IsString()
  @MaxLength(40)
  @Trim()
  messenger?: string;
}
