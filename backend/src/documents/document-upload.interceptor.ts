import { BadRequestException, Inject, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { AppEnvironment } from '../config/env.js';

const MB = 1024 * 1024;

/**
 * Multer's upload of the one `file` part, kept in memory (its type is judged from the bytes
 * before anything is written), at most DOCUMENT_MAX_MB; its refusals say what to do.
 */
@Injectable()
export class DocumentUploadInterceptor extends FileInterceptor('file') {
  private readonly maxMb: number;

  // @Inject, not the parameter type alone: the mixin declares its own first parameter (multer's module options).
  constructor(@Inject(ConfigService) config: ConfigService<AppEnvironment, true>) {
    const maxMb = config.get('DOCUMENT_MAX_MB', { infer: true });
    // No `dest` or `storage`: multer keeps the file in memory.
    super({ limits: { fileSize: maxMb * MB, files: 1, fields: 10 }, defParamCharset: 'utf8' });
    this.maxMb = maxMb;
  }

  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      const code = ((error as { cause?: { code?: string } }).cause ?? {}).code;
      if (error instanceof PayloadTooLargeException) throw new PayloadTooLargeException(this.tooLarge(context.switchToHttp().getRequest<Request>()));
      if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT') throw new BadRequestException('Send one file, as the form field "file"');
      throw error;
    }
  }

  /**
   * Multer stops reading at the limit; the request's length (the file plus a few hundred bytes
   * of form) tells how big the file was.
   */
  private tooLarge(request: Request): string {
    const megabytes = Number(request.headers['content-length']) / MB;
    const rounded = Math.round(megabytes * 10) / 10;
    const size = Number.isFinite(rounded) && rounded > this.maxMb ? `${rounded.toFixed(1)} MB` : `over ${this.maxMb} MB`;
    return `The file is ${size}; documents may be up to ${this.maxMb} MB`;
  }
}
