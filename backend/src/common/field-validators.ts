import { IsDateString, IsUUID } from 'class-validator';

/** An id field, refused with a message naming it: "stageId must be an id (UUID)". */
export const uuid = (field: string) => IsUUID('all', { message: `${field} must be an id (UUID)` });

/** An ISO-8601 date or date-time field, refused with a message naming it. */
export const dateTime = (field: string) => IsDateString({ strict: true }, { message: `${field} must be an ISO-8601 date-time` });
