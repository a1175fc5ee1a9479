import { Module } from '@nestjs/common';
import { DealsModule } from '../deals/deals.module.js';
import { TestDrivesController } from './test-drives.controller.js';
import { TestDrivesService } from './test-drives.service.js';

@Module({
  imports: [DealsModule],
  controllers: [TestDrivesController],
  providers: [TestDrivesService],
})
export class TestDrivesModule {}
