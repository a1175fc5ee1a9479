import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DealTypeEntity } from './deal-type.entity.js';
import { DealTypesController } from './deal-types.controller.js';
import { DealTypesService } from './deal-types.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([DealTypeEntity])],
  controllers: [DealTypesController],
  providers: [DealTypesService],
})
export class DealTypesModule {}
