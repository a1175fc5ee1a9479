import { Module } from '@nestjs/common';
import { DealsModule } from '../deals/deals.module.js';
import { MyDayService } from './my-day.service.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

@Module({
  imports: [DealsModule],
  controllers: [TasksController],
  providers: [TasksService, MyDayService],
})
export class TasksModule {}
