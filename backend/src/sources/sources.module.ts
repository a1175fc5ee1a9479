import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Source } from './source.entity.js';
import { SourcesController } from './sources.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([Source])],
  controllers: [SourcesController],
})
export class SourcesModule {}
