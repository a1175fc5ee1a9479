import { ApiProperty } from '@nestjs/swagger';
import type { MergeContactsRequest } from '@autofunnel/shared';
import { IsUUID } from 'class-validator';

export class MergeContactsDto implements MergeContactsRequest {
  @ApiProperty({ description: 'The contact merged into this one, then deleted' })
  @IsUUID('all', { message: 'duplicateId must be an id (UUID)' })
  duplicateId: string;
}
