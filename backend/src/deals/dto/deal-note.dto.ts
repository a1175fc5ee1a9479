import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../common/trim.js';

export const MAX_NOTE_LENGTH = 5000;

export class CreateNoteDto {
  @ApiProperty({ example: 'Wants to come back with his wife on Saturday', maxLength: MAX_NOTE_LENGTH })
  @IsString({ message: 'text must be a string' })
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(MAX_NOTE_LENGTH, { message: `text must be at most ${MAX_NOTE_LENGTH} characters` })
  @Trim()
  text: string;
}
