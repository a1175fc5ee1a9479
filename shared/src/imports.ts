/**
 * Bulk import of leads from a CSV or XLSX file: upload (preview and suggested mapping), start,
 * then progress and the rows that were refused. Part of the public contract (README, "Import").
 */
import type { ContactKind } from './enums.js';

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** uploaded → running → done, or failed (a file that stopped part-way, e.g. by a restart). */
export const IMPORT_STATES = ['uploaded', 'running', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/**
 * What a column can become. The contact's name is `name`, or `firstName` + `lastName`; for
 * companies, `company` (else `name`). `vehicleInterest` and `note` go to the deal, when one is made.
 */
export const IMPORT_FIELDS = ['name', 'firstName', 'lastName', 'company', 'phone', 'email', 'vehicleInterest', 'note'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Target field → the file's column name. */
export type ImportMapping = Partial<Record<ImportField, string>>;

/** A row whose phone or email is already a contact's: leave that contact alone, or add the row's details to it. */
export const IMPORT_DUPLICATE_MODES = ['skip', 'merge'] as const;
export type ImportDuplicateMode = (typeof IMPORT_DUPLICATE_MODES)[number];

export interface StartImportRequest {
  mapping: ImportMapping;
  contactKind: ContactKind;
  duplicates: ImportDuplicateMode;
  /** A deal per imported row, in the funnel's Unassigned stage. */
  deals?: { funnelId: string; sourceId?: string };
}

/** POST /api/imports: the file as read, before anything is imported. */
export interface ImportUploadDto {
  id: string;
  fileName: string;
  format: ImportFormat;
  columns: string[];
  /** The first 20 data rows, one string per column. */
  sampleRows: string[][];
  rowCount: number;
  suggestedMapping: ImportMapping;
}

/** A refused row, numbered as in the spreadsheet (the header is row 1). */
export interface ImportRowError {
  row: number;
  message: string;
}

export interface ImportJobDto {
  id: string;
  fileName: string;
  format: ImportFormat;
  state: ImportState;
  columns: string[];
  /** Data rows in the file (blank rows are not counted). */
  total: number;
  processed: number;
  /** Rows that became new contacts. */
  created: number;
  /** Rows matching an existing contact that was updated (duplicates: merge). */
  merged: number;
  /** Rows matching an existing contact that was left alone (duplicates: skip). */
  skipped: number;
  failed: number;
  /** The refused rows, in row order (at most the first 1,000; `failed` counts them all). */
  errors: ImportRowError[];
  /** What the import was started with; null until it is started. */
  settings: StartImportRequest | null;
  /** Why the import stopped, when `state` is failed. */
  failureReason: string | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
