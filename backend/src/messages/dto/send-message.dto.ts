import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

export class SendMessageDto {
  @ApiPropertyOptional({ example: 'jan.jansen@example.com', description: "Defaults to the deal contact's first email" })
  @Optional()
  @IsEmail({}, { message: 'to must be an email address, e.g. jan.jansen@example.com' })
  @MaxLength(254)
  @Trim()
  to?: string;

  @ApiProperty({ example: 'Your quote for the Skoda Octavia' })
  @IsString()
  @IsNotEmpty({ message: 'subject must not be empty' })
  @MaxLength(200)
  @Trim()
  subject: string;

  @ApiProperty({ example: 'Dear Mr Jansen,\n\nplease find our quote attached.' })
  @IsString()
  @IsNotEmpty({ message: 'body must not be empty' })
  @MaxLength(50_000)
  body: string;

  @ApiPropertyOptional({ description: "An offer of this deal: its quote PDF is attached" })
  @Optional()
  @IsUUID('all', { message: 'offerId must be an id (UUID)' })
  offerId?: string;
}
