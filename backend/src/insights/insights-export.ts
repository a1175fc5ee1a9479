import type { InsightsColumn, InsightsExportFormat, InsightsTable } from '@autofunnel/shared';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export interface ExportFile {
  content: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<InsightsExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A header says the unit a bare number is in; counts, money and text need no word. */
const UNIT_SUFFIX: Partial<Record<InsightsColumn['unit'], string>> = { percent: ' (%)', seconds: ' (seconds)' };

/** Characters Excel refuses in a sheet name, and its length limit. */
const SHEET_NAME_FORBIDDEN = /[*?:\\/[\]]/g;
const SHEET_NAME_MAX = 31;

/**
 * A table as a file named `<dashboard>-<table>-<from>-<to>.<ext>` (dates of the period): CSV in
 * UTF-8 with a BOM (so Excel reads it as UTF-8), or an XLSX workbook with one sheet named after
 * the table, a bold header and numbers as numbers.
 */
export async function exportTable(
  dashboard: string,
  table: InsightsTable,
  period: { from: string; to: string },
  format: InsightsExportFormat,
): Promise<ExportFile> {
  const header = table.columns.map((column) => `${column.label}${UNIT_SUFFIX[column.unit] ?? ''}`);
  const cells = table.rows.map((row) => table.columns.map((column) => row[column.key] ?? null));
  const fileName = `${dashboard}-${table.key}-${period.from.slice(0, 10)}-${period.to.slice(0, 10)}.${format}`;
  if (format === 'csv') {
    const text = Papa.unparse({ fields: header, data: cells.map((row) => row.map((cell) => cell ?? '')) });
    return { content: Buffer.from(`\uFEFF${text}`, 'utf8'), contentType: CONTENT_TYPES.csv, fileName };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.title.replace(SHEET_NAME_FORBIDDEN, ' ').slice(0, SHEET_NAME_MAX));
  sheet.addRow(header).font = { bold: true };
  for (const row of cells) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = Math.max(10, header[index].length + 2);
  });
  return { content: Buffer.from(await workbook.xlsx.writeBuffer()), contentType: CONTENT_TYPES.xlsx, fileName };
}
