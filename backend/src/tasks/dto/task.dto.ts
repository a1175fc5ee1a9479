import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TASK_KINDS, TASK_PRIORITIES, type TaskKind, type TaskPriority } from '@autofunnel/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { dateTime, uuid } from '../../common/field-validators.js';
import { Optional } from '../../common/optional.js';
import { Trim } from '../../common/trim.js';

const MAX_PARTICIPANTS = 50;
const MAX_NOTES = 5000;

export class CreateTaskDto {
  @ApiProperty({ enum: TASK_KINDS })
  @IsIn(TASK_KINDS, { message: `kind must be one of ${TASK_KINDS.join(', ')}` })
  kind: TaskKind;

  @ApiProperty({ example: 'Call back about the financing offer' })
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  @Trim()
  title: string;

  @ApiPropertyOptional({ description: 'When it is due (a meeting: when it starts); required for a meeting' })
  @Optional()
  @dateTime('dueAt')
  dueAt?: string;

  @ApiPropertyOptional({ description: 'A meeting: when it ends; not before dueAt' })
  @Optional()
  @dateTime('endsAt')
  endsAt?: string;

  @ApiPropertyOptional({ description: 'An active user; defaults to the caller' })
  @Optional()
  @uuid('assigneeId')
  assigneeId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Active users taking part (a meeting)' })
  @Optional()
  @IsArray({ message: 'participantIds must be a list of user ids' })
  @ArrayMaxSize(MAX_PARTICIPANTS, { message: `participantIds may list at most ${MAX_PARTICIPANTS} users` })
  @ArrayUnique({ message: 'participantIds lists a user twice' })
  @IsUUID('all', { each: true, message: 'participantIds must be user ids (UUIDs)' })
  participantIds?: string[];

  @ApiPropertyOptional({ description: 'Where it takes place' })
  @Optional()
  @uuid('branchId')
  branchId?: string;

  @ApiPropertyOptional({ enum: TASK_PRIORITIES, default: 'normal' })
  @Optional()
  @IsIn(TASK_PRIORITIES, { message: `priority must be one of ${TASK_PRIORITIES.join(', ')}` })
  priority?: TaskPriority;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(MAX_NOTES)
  @Trim()
  notes?: string;
}

/** Only the fields given change; `null` clears a time, the branch or the notes. */
export class UpdateTaskDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  @Trim()
  title?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @dateTime('dueAt')
  dueAt?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @dateTime('endsAt')
  endsAt?: string | null;

  @ApiPropertyOptional()
  @Optional()
  @uuid('assigneeId')
  assigneeId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the participants' })
  @Optional()
  @IsArray({ message: 'participantIds must be a list of user ids' })
  @ArrayMaxSize(MAX_PARTICIPANTS, { message: `participantIds may list at most ${MAX_PARTICIPANTS} users` })
  @ArrayUnique({ message: 'participantIds lists a user twice' })
  @IsUUID('all', { each: true, message: 'participantIds must be user ids (UUIDs)' })
  participantIds?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @uuid('branchId')
  branchId?: string | null;

  @ApiPropertyOptional({ enum: TASK_PRIORITIES })
  @Optional()
  @IsIn(TASK_PRIORITIES, { message: `priority must be one of ${TASK_PRIORITIES.join(', ')}` })
  priority?: TaskPriority;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsString()
  @MaxLength(MAX_NOTES)
  @Trim()
  notes?: string | null;
}

export class CompleteTaskDto {
  @ApiPropertyOptional({ example: 'Customer agreed to come on Saturday', description: 'What came of it; shown on the timeline' })
  @Optional()
  @IsString()
  @MaxLength(MAX_NOTES)
  @Trim()
  result?: string;
}

export class MyDayQuery {
  @ApiPropertyOptional({ description: 'End of the window (ISO-8601); default: the end of today, server time' })
  @Optional()
  @dateTime('until')
  until?: string;

  @ApiPropertyOptional({ default: 100, maximum: 500, description: 'At most this many tasks, and as many deadlines' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
