import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../common/trim.js';

export class RenameDocumentDto {
  @ApiProperty({ example: 'Signed purchase agreement' })
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  @Trim()
  title: string;
}
