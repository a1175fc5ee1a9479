import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { ImportFormat } from '@autofunnel/shared';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportRow } from './import-job.entity.js';

/** A file as read: its column names (from the header row) and its non-blank data rows. */
export interface ParsedSheet {
  format: ImportFormat;
  columns: string[];
  rows: ImportRow[];
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The OLE2 container of Excel 97–2003 (.xls) files. */
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Reads an uploaded CSV or XLSX file. The format is told by the content, not the name, so a
 * workbook saved as ".csv" (or the other way round) still imports.
 */
export async function parseImportFile(buffer: Buffer): Promise<ParsedSheet> {
  if (buffer.length === 0) throw new BadRequestException('The file is empty; choose a CSV or Excel (.xlsx) file with a header row and data rows');
  const sheet = buffer.subarray(0, 4).equals(ZIP_SIGNATURE) ? await readWorkbook(buffer) : readCsv(decodeText(buffer));
  if (sheet.columns.length === 0) throw new BadRequestException('The file has no header row; its first row should name the columns (Name, Phone, Email…)');
  if (sheet.rows.length === 0) throw new BadRequestException('The file has a header row but no data rows below it');
  return sheet;
}

function decodeText(buffer: Buffer): string {
  if (buffer.subarray(0, 4).equals(OLE2_SIGNATURE)) {
    throw new UnsupportedMediaTypeException('This is an old Excel (.xls) file; save it as Excel Workbook (.xlsx) or CSV and upload that');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new UnsupportedMediaTypeException('This file is neither an Excel (.xlsx) workbook nor UTF-8 text; save it as .xlsx or "CSV UTF-8" and upload that');
  }
  if (text.includes('\u0000')) throw new UnsupportedMediaTypeException('This file is not a spreadsheet; upload a CSV or Excel (.xlsx) file');
  return text.replace(/^\uFEFF/, '');
}

/** CSV with `,`, `;` or tab between values (papaparse detects which); record 1 is the header. */
function readCsv(text: string): ParsedSheet {
  const result = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: false });
  // A single-column file has no delimiter to detect; that is fine.
  const problem = result.errors.find((error) => error.code !== 'UndetectableDelimiter');
  if (problem) {
    const row = problem.row === undefined ? '' : ` in row ${problem.row + 1}`;
    throw new BadRequestException(`The CSV file cannot be read${row}: ${problem.message}; check its quotes`);
  }
  const records = result.data.map((cells, index) => ({ line: index + 1, cells: cells.map((cell) => cell.trim()) }));
  return toSheet('csv', records);
}

/**
 * papaparse's guess from the first records, blank lines left out: they would look like
 * one-column records and spoil the guess. The full parse keeps them, so rows keep their numbers.
 */
function guessDelimiter(text: string): string {
  return Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: 'greedy', preview: 50 }).meta.delimiter;
}

/** The first worksheet of an .xlsx workbook, each cell as the text it shows. */
async function readWorkbook(buffer: Buffer): Promise<ParsedSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    // a copy as a plain ArrayBuffer: what exceljs's typings (and JSZip) take
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  } catch {
    throw new UnsupportedMediaTypeException('This file cannot be opened as an Excel (.xlsx) workbook; save it again as .xlsx or CSV');
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw new BadRequestException('The workbook has no worksheet');
  const records: ImportRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value).trim();
    });
    records.push({ line, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return toSheet('xlsx', records);
}

/** The first non-blank record names the columns; blank records below it are dropped. */
function toSheet(format: ImportFormat, records: ImportRow[]): ParsedSheet {
  const nonBlank = records.filter((record) => record.cells.some((cell) => cell !== ''));
  const [header, ...data] = nonBlank;
  if (!header) return { format, columns: [], rows: [] };
  const columns = columnNames(header.cells);
  const rows = data.map(({ line, cells }) => ({ line, cells: columns.map((_, index) => cells[index] ?? '') }));
  return { format, columns, rows };
}

/**
 * Header texts as unique column names: an unnamed column is called by its letter ("Column C"),
 * and a repeated name gets a number ("Phone (2)"), so a mapping can name each one.
 */
function columnNames(header: string[]): string[] {
  const last = header.findLastIndex((cell) => cell !== '');
  const seen = new Map<string, number>();
  return header.slice(0, last + 1).map((cell, index) => {
    const base = cell || `Column ${columnLetter(index)}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * What a cell shows: numbers and dates as text, rich text joined, a hyperlink's text, a formula's
 * last computed result; errors (#N/A…) as nothing.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDate(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part: { text?: unknown }) => cellText(part.text)).join('');
  if ('hyperlink' in value) return cellText('text' in value ? value.text : value.hyperlink);
  if ('formula' in value || 'sharedFormula' in value) return cellText('result' in value ? value.result : undefined);
  return '';
}

/** Excel dates carry no zone: exceljs gives them as UTC. A date alone prints as YYYY-MM-DD. */
function formatDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
