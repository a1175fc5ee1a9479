import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';

interface ErrorBody {
  statusCode: number;
  message: string;
  error: string;
  [extra: string]: unknown;
}

/** PostgreSQL error codes that are the client's or a concurrent writer's doing, not ours. */
const DATABASE_ERRORS: Record<string, { status: HttpStatus; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, message: 'That value is already taken' },
  '23503': { status: HttpStatus.UNPROCESSABLE_ENTITY, message: 'A referenced record does not exist' },
  '40001': { status: HttpStatus.CONFLICT, message: 'Someone else changed the same data at the same moment; please try again' },
  '40P01': { status: HttpStatus.CONFLICT, message: 'Someone else changed the same data at the same moment; please try again' },
  '22003': { status: HttpStatus.BAD_REQUEST, message: 'A number is out of range' },
  '23502': { status: HttpStatus.BAD_REQUEST, message: 'A required value is missing' },
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'A value has the wrong format' },
  '22007': { status: HttpStatus.BAD_REQUEST, message: 'A date has the wrong format' },
  '22008': { status: HttpStatus.BAD_REQUEST, message: 'A date is out of range' },
  '22001': { status: HttpStatus.BAD_REQUEST, message: 'A text value is too long' },
  '22021': { status: HttpStatus.BAD_REQUEST, message: 'Text must not contain NUL (\\u0000) characters' },
};

/**
 * Every error leaves as `{ statusCode, message, error }` with `message` a single sentence.
 * Unexpected errors are logged and answered with a 500 that reveals nothing internal.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const payload = typeof raw === 'string' ? { message: raw } : (raw as Record<string, unknown>);
      const message = Array.isArray(payload.message) ? payload.message.join('; ') : String(payload.message ?? exception.message);
      return { ...payload, statusCode: status, message, error: String(payload.error ?? httpStatusName(status)) };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      const known = code ? DATABASE_ERRORS[code] : undefined;
      if (known) return { statusCode: known.status, message: known.message, error: httpStatusName(known.status) };
    }
    // body-parser's errors (malformed JSON, too large) carry their own 4xx status.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = status === 400 ? 'The request body is not valid JSON' : String((exception as Error).message);
      return { statusCode: status, message, error: httpStatusName(status) };
    }
    return { statusCode: 500, message: 'Something went wrong on our side; the error was logged', error: 'Internal Server Error' };
  }
}

function httpStatusName(status: number): string {
  const name = HttpStatus[status];
  return name ? name.toLowerCase().split('_').map((word) => word[0].toUpperCase() + word.slice(1)).join(' ') : 'Error';
}
