import { BadRequestException, Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiPayloadTooLargeResponse, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { DocumentDto } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators.js';
import { DocumentUploadInterceptor } from './document-upload.interceptor.js';
import { DocumentsService, type UploadedDocumentFile } from './documents.service.js';
import { RenameDocumentDto } from './dto/rename-document.dto.js';
import { UploadDocumentDto } from './dto/upload-document.dto.js';

/** Files on a deal: upload, list, download, rename, delete (writes follow the deal's permissions). */
@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('deals/:dealId/documents')
  @ApiForbiddenResponse({ description: 'The caller may not see the deal' })
  list(@CurrentUser() caller: AuthUser, @Param('dealId', ParseUUIDPipe) dealId: string): Promise<DocumentDto[]> {
    return this.documents.list(caller, dealId);
  }

  @Post('deals/:dealId/documents')
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'Up to DOCUMENT_MAX_MB; a type of DOCUMENT_TYPES, judged by its content' },
        title: { type: 'string', maxLength: 200, description: 'Defaults to the file name without its extension' },
      },
    },
  })
  @ApiCreatedResponse({ description: 'The document, recorded on the deal timeline' })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than DOCUMENT_MAX_MB' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The content is not one of DOCUMENT_TYPES' })
  upload(
    @CurrentUser() caller: AuthUser,
    @Param('dealId', ParseUUIDPipe) dealId: string,
    @UploadedFile() file: UploadedDocumentFile | undefined,
    @Body() body: UploadDocumentDto,
  ): Promise<DocumentDto> {
    if (!file) throw new BadRequestException('file is required: send the document as the multipart form field "file"');
    return this.documents.upload(caller, dealId, file, body.title);
  }

  @Get('documents/:id/download')
  // The browser must save it, never render it as a page of ours.
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiNotFoundResponse({ description: 'No such document, or its file is missing from storage' })
  @ApiForbiddenResponse({ description: "The caller may not see the document's deal" })
  async download(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { document, stream, size } = await this.documents.open(caller, id);
    return new StreamableFile(stream, { type: document.contentType, disposition: attachmentDisposition(document.fileName), length: size });
  }

  @Patch('documents/:id')
  rename(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: RenameDocumentDto): Promise<DocumentDto> {
    return this.documents.rename(caller, id, body.title);
  }

  @Delete('documents/:id')
  @HttpCode(204)
  async remove(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.documents.remove(caller, id);
  }
}

/**
 * `attachment` with an ASCII `filename` for old clients and, for other names, the exact one as
 * RFC 5987 `filename*` (UTF-8, percent-encoded), which modern browsers prefer.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  if (ascii === fileName) return `attachment; filename="${ascii}"`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
