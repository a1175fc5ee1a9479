import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

/** A chat or messenger message (WhatsApp, Telegram, SMS, a site chat). */
export class MessageIntakeDto {
  @ApiProperty({ example: 'wa-msg-55120', description: "The messenger's id of the message; a retry with the same id creates nothing" })
  @IsString()
  @IsNotEmpty({ message: 'externalId must not be empty' })
  @MaxLength(200)
  @Trim()
  externalId: string;

  @ApiPropertyOptional({ example: 'Ivan Petrov' })
  @Optional()
  @IsString()
  @MaxLength(200)
  @Trim()
  name?: string;

  @ApiPropertyOptional({ example: '+7 912 345-67-89' })
  @Optional()
  @IsString()
  @MaxLength(40)
  @Trim()
  phone?: string;

  @ApiPropertyOptional({ example: 'ivan@example.com' })
  @Optional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  @Trim()
  email?: string;

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
