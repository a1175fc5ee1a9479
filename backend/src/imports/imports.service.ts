import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportField, ImportJobDto, ImportUploadDto, StartImportRequest } from '@autofunnel/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Funnel } from '../funnels/funnel.entity.js';
import { Source } from '../sources/source.entity.js';
import type { StartImportDto } from './dto/start-import.dto.js';
import { parseImportFile } from './import-file.js';
import { ImportJob } from './import-job.entity.js';
import { failedWith, ImportRunner } from './import-runner.js';
import { suggestMapping } from './suggest-mapping.js';

/** Data rows shown in the upload's preview. */
const SAMPLE_ROWS = 20;
/** Imports listed by GET /api/imports. */
const RECENT_JOBS = 20;
/**
 * Every batch touches a running job; one untouched this long was interrupted (its server
 * stopped or crashed) and is marked failed when next read.
 */
const STALE_AFTER_SECONDS = 60;

/** An uploaded file, as multer hands it over. */
export interface UploadedImportFile {
  originalname: string;
  buffer: Buffer;
}

/** Bulk import of leads: upload (read and keep the rows), start (checked, then run by ImportRunner), progress. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: ImportRunner,
  ) {}

  async upload(caller: AuthUser, file: UploadedImportFile): Promise<ImportUploadDto> {
    const sheet = await parseImportFile(file.buffer);
    const fileName = file.originalname.slice(0, 255) || 'upload';
    const { identifiers } = await this.dataSource
      .getRepository(ImportJob)
      .insert({ fileName, format: sheet.format, columns: sheet.columns, rows: sheet.rows, rowCount: sheet.rows.length, createdById: caller.id });
    return {
      id: (identifiers[0] as { id: string }).id,
      fileName,
      format: sheet.format,
      columns: sheet.columns,
      sampleRows: sheet.rows.slice(0, SAMPLE_ROWS).map((row) => row.cells),
      rowCount: sheet.rows.length,
      suggestedMapping: suggestMapping(sheet.columns),
    };
  }

  /**
   * Checks the settings against the file, claims the job (of two concurrent starts, one wins;
   * the other gets 409) and leaves the rows to the runner.
   */
  async start(caller: AuthUser, id: string, dto: StartImportDto): Promise<ImportJobDto> {
    const job = await this.mustFind(id);
    if (job.state !== 'uploaded') throw alreadyStarted(job);
    const settings = withoutEmptyFields(dto);
    this.checkMapping(settings, job.columns);
    await this.checkDealTargets(settings.deals);
    const [claimed] = (await this.dataSource.query(
      `UPDATE import_job SET state = 'running', settings = $2, started_at = now(), heartbeat_at = now() WHERE id = $1 AND state = 'uploaded' RETURNING id`,
      [id, settings],
    )) as [unknown[], number];
    if (claimed.length === 0) throw alreadyStarted(await this.mustFind(id));
    this.runner.launch(job, settings, caller);
    return this.get(id);
  }

  async get(id: string): Promise<ImportJobDto> {
    await this.failInterrupted();
    return toImportJobDto(await this.mustFind(id));
  }

  async list(): Promise<ImportJobDto[]> {
    await this.failInterrupted();
    const jobs = await this.dataSource.getRepository(ImportJob).find({ relations: { createdBy: true }, order: { createdAt: 'DESC' }, take: RECENT_JOBS });
    return jobs.map(toImportJobDto);
  }

  private async mustFind(id: string): Promise<ImportJob> {
    const job = await this.dataSource.getRepository(ImportJob).findOne({ where: { id }, relations: { createdBy: true } });
    if (!job) throw new NotFoundException(`Import ${id} does not exist`);
    return job;
  }

  /** Running jobs whose runner went away (a restart or crash) do not stay "running" forever. */
  private async failInterrupted(): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_job SET ${failedWith('$1')} WHERE state = 'running' AND heartbeat_at < now() - make_interval(secs => $2)`,
      ['The import was interrupted (the server stopped)', STALE_AFTER_SECONDS],
    );
  }

  private checkMapping({ mapping, contactKind }: StartImportRequest, columns: string[]): void {
    for (const [field, column] of Object.entries(mapping) as [ImportField, string][]) {
      if (!columns.includes(column)) throw new UnprocessableEntityException(`mapping.${field}: the file has no column "${column}"; its columns are ${columns.join(', ')}`);
    }
    const named = contactKind === 'company' ? mapping.company || mapping.name : mapping.name || mapping.firstName || mapping.lastName;
    if (!named) {
      throw new UnprocessableEntityException(contactKind === 'company' ? 'Choose the column with the company name' : 'Choose the column with the name (or the first and last name)');
    }
    if (!mapping.phone && !mapping.email) throw new UnprocessableEntityException('Choose the column with the phone or the email: every lead needs one');
  }

  private async checkDealTargets(deals: StartImportRequest['deals']): Promise<void> {
    if (!deals) return;
    if (!(await this.dataSource.getRepository(Funnel).existsBy({ id: deals.funnelId }))) {
      throw new UnprocessableEntityException(`deals.funnelId ${deals.funnelId} is not a funnel`);
    }
    if (deals.sourceId && !(await this.dataSource.getRepository(Source).existsBy({ id: deals.sourceId }))) {
      throw new UnprocessableEntityException(`deals.sourceId ${deals.sourceId} is not a source`);
    }
  }
}

/** The request as stored: unmapped fields (sent as "") left out. */
function withoutEmptyFields(dto: StartImportDto): StartImportRequest {
  const mapping = Object.fromEntries(Object.entries(dto.mapping).filter(([, column]) => typeof column === 'string' && column !== ''));
  return {
    mapping,
    contactKind: dto.contactKind,
    duplicates: dto.duplicates,
    ...(dto.deals && { deals: { funnelId: dto.deals.funnelId, ...(dto.deals.sourceId && { sourceId: dto.deals.sourceId }) } }),
  };
}

function alreadyStarted(job: ImportJob): ConflictException {
  const where = job.state === 'running' ? 'it is running' : job.state === 'done' ? 'it has finished' : 'it has stopped';
  return new ConflictException(`This import has already been started (${where}); upload the file again to import it once more`);
}

export function toImportJobDto(job: ImportJob): ImportJobDto {
  return {
    id: job.id,
    fileName: job.fileName,
    format: job.format,
    state: job.state,
    columns: job.columns,
    total: job.rowCount,
    processed: job.processed,
    created: job.created,
    merged: job.merged,
    skipped: job.skipped,
    failed: job.failed,
    errors: job.errors,
    settings: job.settings,
    failureReason: job.failureReason,
    createdBy: job.createdBy ? { id: job.createdBy.id, name: job.createdBy.name } : null,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
