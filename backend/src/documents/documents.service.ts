import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentDto } from '@autofunnel/shared';
import type { ReadStream } from 'node:fs';
import path from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { AppEnvironment } from '../config/env.js';
import { DealsService } from '../deals/deals.service.js';
import { DealDocument } from './deal-document.entity.js';
import { DocumentStorage } from './document-storage.js';
import { detectDocumentType, parseDocumentTypes } from './document-types.js';

export interface UploadedDocumentFile {
  originalname: string;
  buffer: Buffer;
}

/** Files on a deal: the bytes on disk (DocumentStorage), the rows and timeline events in PostgreSQL. */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);
  private readonly allowedTypes: string[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deals: DealsService,
    private readonly storage: DocumentStorage,
    config: ConfigService<AppEnvironment, true>,
  ) {
    this.allowedTypes = parseDocumentTypes(config.get('DOCUMENT_TYPES', { infer: true }));
  }

  async list(viewer: AuthUser, dealId: string): Promise<DocumentDto[]> {
    await this.deals.assertVisible(viewer, dealId);
    const documents = await this.dataSource.getRepository(DealDocument).find({
      where: { dealId },
      relations: { createdBy: true },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return documents.map(toDocumentDto);
  }

  /**
   * The file is written first and its row recorded after, so a row never points at a file that
   * is not there; when recording fails (no such deal, not the caller's deal) the file goes again.
   */
  async upload(caller: AuthUser, dealId: string, file: UploadedDocumentFile, title: string | undefined): Promise<DocumentDto> {
    const type = await detectDocumentType(file.buffer, this.allowedTypes);
    const fileName = cleanFileName(file.originalname, type.ext);
    const documentTitle = title || defaultTitle(fileName);
    const storageKey = await this.storage.write(file.buffer);
    try {
      let added: DocumentDto | undefined;
      await this.deals.change(caller, dealId, {}, async (em, deal) => {
        const { id } = await em.save(
          em.create(DealDocument, { dealId: deal.id, title: documentTitle, fileName, contentType: type.mime, size: file.buffer.length, storageKey, createdById: caller.id }),
        );
        added = toDocumentDto(await this.load(em, id));
        return {
          patch: {},
          type: 'deal.document_added',
          data: { documentId: id, title: documentTitle, fileName, size: added.size, contentType: type.mime },
        };
      });
      return added!;
    } catch (error) {
      await this.storage.remove(storageKey);
      throw error;
    }
  }

  /** The document and its bytes, for whoever sees its deal; 404 when the row or the file on disk is gone. */
  async open(viewer: AuthUser, id: string): Promise<{ document: DocumentDto; stream: ReadStream; size: number }> {
    const document = await this.load(this.dataSource.manager, id);
    await this.deals.assertVisible(viewer, document.dealId);
    const file = await this.storage.open(document.storageKey);
    if (!file) {
      this.logger.warn(`The file of document ${id} (${document.storageKey}) is missing from DOCUMENTS_DIR`);
      throw new NotFoundException(`The file of "${document.title}" is missing from the document storage; delete this document and upload the file again`);
    }
    return { document: toDocumentDto(document), ...file };
  }

  async rename(caller: AuthUser, id: string, title: string): Promise<DocumentDto> {
    const { dealId } = await this.load(this.dataSource.manager, id);
    let renamed: DocumentDto | undefined;
    await this.deals.change(caller, dealId, {}, async (em) => {
      // Read again under the deal's lock: "from" is then the title this rename replaces.
      const document = await this.load(em, id);
      await em.update(DealDocument, { id }, { title });
      renamed = toDocumentDto({ ...document, title });
      return { patch: {}, type: 'deal.document_renamed', data: { documentId: id, fileName: document.fileName, from: document.title, to: title } };
    });
    return renamed!;
  }

  /** The row goes in the transaction (with its event); the file after commit, so a rollback keeps it. */
  async remove(caller: AuthUser, id: string): Promise<void> {
    const { dealId } = await this.load(this.dataSource.manager, id);
    let storageKey: string | undefined;
    await this.deals.change(caller, dealId, {}, async (em) => {
      const document = await this.load(em, id);
      await em.delete(DealDocument, { id });
      storageKey = document.storageKey;
      return { patch: {}, type: 'deal.document_deleted', data: { documentId: id, title: document.title, fileName: document.fileName } };
    });
    try {
      await this.storage.remove(storageKey!);
    } catch (error) {
      // The document is gone for users; a file left behind only takes disk space.
      this.logger.error(`Document ${id} was deleted but its file ${storageKey} could not be removed: ${String(error)}`);
    }
  }

  private async load(em: EntityManager, id: string): Promise<DealDocument> {
    const document = await em.findOne(DealDocument, { where: { id }, relations: { createdBy: true } });
    if (!document) throw new NotFoundException(`Document ${id} does not exist`);
    return document;
  }
}

export function toDocumentDto(document: DealDocument): DocumentDto {
  return {
    id: document.id,
    dealId: document.dealId,
    title: document.title,
    fileName: document.fileName,
    contentType: document.contentType,
    size: document.size,
    createdAt: document.createdAt.toISOString(),
    createdBy: document.createdBy ? { id: document.createdBy.id, name: document.createdBy.name } : null,
  };
}

/**
 * The name to offer on download: the client's, without any folders it may carry, and with
 * the extension of the detected type when it has none.
 */
function cleanFileName(original: string, ext: string): string {
  const base = path.basename(original.replaceAll('\\', '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const name = base && base !== '.' && base !== '..' ? base : `document.${ext}`;
  return (path.extname(name) ? name : `${name}.${ext}`).slice(-255);
}

function defaultTitle(fileName: string): string {
  const stem = fileName.slice(0, fileName.length - path.extname(fileName).length).trim();
  return (stem || fileName).slice(0, 200);
}
