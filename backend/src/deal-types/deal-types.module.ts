import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DealTypeEntity } from './deal-type.entity.js';

// TODO(H4): controller and service (GET/POST/PATCH/DELETE /api/deal-types).
@Module({
  imports: [TypeOrmModule.forFeature([DealTypeEntity])],
})
export class DealTypesModule {}
