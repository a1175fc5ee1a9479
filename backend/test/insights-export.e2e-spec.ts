import type { DealDto, FunnelDto, SourceDto } from '@autofunnel/shared';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { createDeal } from './support/deals.js';
import { TestApp, type TestUser } from './support/test-app.js';

/** The response body as bytes, whatever its type. */
function binary(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * Exports of dashboard tables. Three deals of a funnel of their own, created in the week of
 * 2024-05-06: E1 (source "Web, paid", 1 234.50, won), E2 ("Web, paid", open), E3 (Radio, open).
 * Every request filters by the funnel, so other files' deals never count.
 */
describe('insights export (e2e)', () => {
  const PERIOD = { from: '2024-05-06', to: '2024-05-13' };
  let t: TestApp;
  let admin: TestUser;
  let funnel: FunnelDto;
  let web: SourceDto;
  let radio: SourceDto;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    funnel = await t.funnel(admin);
    const suffix = randomUUID().slice(0, 8);
    web = (await t.http.post('/api/sources').set(admin.auth).send({ name: `Web, paid ${suffix}` }).expect(201)).body;
    radio = (await t.http.post('/api/sources').set(admin.auth).send({ name: `Radio ${suffix}` }).expect(201)).body;
    const created: [DealDto, string][] = [
      [await createDeal(t, admin, funnel, { sourceId: web.id, amount: 1234.5 }), '2024-05-06T09:00:00Z'],
      [await createDeal(t, admin, funnel, { sourceId: web.id }), '2024-05-07T09:00:00Z'],
      [await createDeal(t, admin, funnel, { sourceId: radio.id }), '2024-05-08T09:00:00Z'],
    ];
    await t.http.post(`/api/deals/${created[0][0].id}/close`).set(admin.auth).send({ outcome: 'won' }).expect(200);
    for (const [deal, at] of created) await t.dataSource.query(`UPDATE deal SET created_at = $2 WHERE id = $1`, [deal.id, at]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const exportOf = (dashboard: string, query: Record<string, string>) =>
    t.http.get(`/api/insights/${dashboard}/export`).set(admin.auth).query({ ...PERIOD, funnelId: funnel.id, ...query }).buffer(true).parse(binary);

  it('exports a table as CSV: UTF-8 with a BOM, labelled header with units, one line per row', async () => {
    const response = await exportOf('sources', { table: 'sources', format: 'csv' }).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="sources-sources-2024-05-06-2024-05-13.csv"');
    const body = response.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Web: E1, E2, won E1 = 50 %, 1 234.50; Radio: E3. A name with a comma is quoted.
    expect(body.subarray(3).toString('utf8').split('\r\n')).toEqual([
      'Source,Deals,Won,Conversion to won (%),Won revenue',
      `"${web.name}",2,1,50,1234.5`,
      `${radio.name},1,0,0,0`,
    ]);
  });

  it('exports a table as XLSX: one sheet named after the table, bold header, numbers as numbers, blanks for no value', async () => {
    const response = await exportOf('conversion', { table: 'stages', format: 'xlsx' }).expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe('attachment; filename="conversion-stages-2024-05-06-2024-05-13.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(response.body as Buffer).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Reached each stage']);
    const sheet = workbook.worksheets[0];
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Stage', 'Reached', 'From the stage before (%)', 'Of the cohort (%)']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    // All three were created in the first (unassigned) stage; only E1 reached the won one (of 3 = 33.3 %).
    expect(sheet.rowCount).toBe(1 + funnel.stages.length);
    expect(values(2)).toEqual([funnel.stages[0].name, 3, undefined, 100]);
    // The won stage: 1 of 0 in the stage before has no share.
    expect(values(1 + funnel.stages.length)).toEqual([funnel.stages[funnel.stages.length - 1].name, 1, undefined, 33.3]);
    expect(typeof sheet.getCell('B2').value).toBe('number');
  });

  it('exports under the same filters as the dashboard', async () => {
    const response = await exportOf('sources', { table: 'sources', format: 'csv', sourceId: radio.id }).expect(200);
    expect((response.body as Buffer).subarray(3).toString('utf8').split('\r\n')).toEqual(['Source,Deals,Won,Conversion to won (%),Won revenue', `${radio.name},1,0,0,0`]);
  });

  it("refuses an unknown table, naming the dashboard's tables, and an unknown format", async () => {
    const unknown = await t.http.get('/api/insights/inflow/export').set(admin.auth).query({ ...PERIOD, table: 'stages', format: 'csv' }).expect(400);
    expect(unknown.body.message).toBe("table must be one of the inflow dashboard's tables: by_source, by_channel, calls");
    const format = await t.http.get('/api/insights/inflow/export').set(admin.auth).query({ ...PERIOD, table: 'calls', format: 'pdf' }).expect(400);
    expect(format.body.message).toBe('format must be one of: csv, xlsx');
    await t.http.get('/api/insights/inflow/export').set(admin.auth).query({ ...PERIOD, format: 'csv' }).expect(400);
    await t.http.get('/api/insights/weather/export').set(admin.auth).query({ ...PERIOD, table: 'calls', format: 'csv' }).expect(404);
  });
});
