import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, PayloadTooLargeException, Post, UploadedFile, UseInterceptors, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { ImportJobDto, ImportUploadDto } from '@autofunnel/shared';
import type { Observable } from 'rxjs';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { StartImportDto } from './dto/start-import.dto.js';
import { ImportsService, type UploadedImportFile } from './imports.service.js';

const MAX_FILE_MB = 10;

/** Multer's upload of the `file` field, with a refusal of big files that says what to do. */
class ImportFileInterceptor extends FileInterceptor('file', { limits: { fileSize: MAX_FILE_MB * 1024 * 1024, files: 1 }, defParamCharset: 'utf8' }) {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw new PayloadTooLargeException(`The file is larger than ${MAX_FILE_MB} MB; split it into smaller files`);
      throw error;
    }
  }
}

/** Bulk import of leads from CSV or Excel files: admins and team leads. */
@ApiTags('imports')
@ApiBearerAuth()
@Roles('admin', 'lead')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @UseInterceptors(ImportFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: `.csv or .xlsx, up to ${MAX_FILE_MB} MB` } } } })
  @ApiCreatedResponse({ description: 'The file as read: columns, the first rows, the row count and a suggested mapping' })
  upload(@CurrentUser() caller: AuthUser, @UploadedFile() file: UploadedImportFile | undefined): Promise<ImportUploadDto> {
    if (!file) throw new BadRequestException('Choose a CSV or Excel (.xlsx) file to upload, sent as the form field "file"');
    return this.imports.upload(caller, file);
  }

  @Get()
  list(): Promise<ImportJobDto[]> {
    return this.imports.list();
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ImportJobDto> {
    return this.imports.get(id);
  }

  @Post(':id/start')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The job, now running; poll GET /api/imports/:id for progress' })
  start(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: StartImportDto): Promise<ImportJobDto> {
    return this.imports.start(caller, id, body);
  }
}
