import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { MyDayDto, TaskDto } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { CompleteTaskDto, CreateTaskDto, MyDayQuery, UpdateTaskDto } from './dto/task.dto.js';
import { MyDayService } from './my-day.service.js';
import { TasksService } from './tasks.service.js';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller()
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly myDay: MyDayService,
  ) {}

  @Get('deals/:dealId/tasks')
  @ApiForbiddenResponse({ description: 'The caller may not see the deal' })
  list(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string): Promise<TaskDto[]> {
    return this.tasks.list(caller, dealId);
  }

  @Post('deals/:dealId/tasks')
  @ApiUnprocessableEntityResponse({ description: 'The assignee or a participant is not an active user, the branch does not exist, or the times do not fit' })
  create(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string, @Body() body: CreateTaskDto): Promise<TaskDto> {
    return this.tasks.create(caller, dealId, body);
  }

  @Patch('tasks/:id')
  @ApiConflictResponse({ description: 'The task is done' })
  update(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateTaskDto): Promise<TaskDto> {
    return this.tasks.update(caller, id, body);
  }

  @Post('tasks/:id/complete')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'The task was already completed' })
  @ApiForbiddenResponse({ description: 'Neither the assignee, the deal’s responsible, a team lead nor an admin' })
  complete(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: CompleteTaskDto): Promise<TaskDto> {
    return this.tasks.complete(caller, id, body);
  }

  @Post('tasks/:id/reopen')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'The task is not done' })
  reopen(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<TaskDto> {
    return this.tasks.reopen(caller, id);
  }

  @Delete('tasks/:id')
  @HttpCode(204)
  remove(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.tasks.remove(caller, id);
  }

  @Get('my-day')
  myDayOf(@CurrentUser() caller: AuthUser, @Query() query: MyDayQuery): Promise<MyDayDto> {
    return this.myDay.forUser(caller, query);
  }
}
