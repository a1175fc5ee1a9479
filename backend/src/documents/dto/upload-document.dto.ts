import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

/** The text fields of the multipart upload; the file itself is the `file` part. */
export class UploadDocumentDto {
  @ApiPropertyOptional({ example: 'Signed purchase agreement', description: 'Defaults to the file name without its extension' })
  @Optional()
  @IsString()
  @MaxLength(200)
  @Trim()
  title?: string;
}
