import type { BoardDto, ContactDto, DealEventDto, DealListPage, FunnelDto, ImportJobDto, ImportRowError, ImportUploadDto, SourceDto, StartImportRequest } from '@autofunnel/shared';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { TestApp, type TestUser } from './support/test-app.js';

/**
 * A US number unique within this run: its own area code per data set (other test files use
 * 212 and 646), then the row's index.
 */
function phoneOf(area: number, index: number): string {
  return `+1 ${area} ${234 + Math.floor(index / 10_000)} ${String(index % 10_000).padStart(4, '0')}`;
}

/** The problem planted in every hundredth row (by index % 100); the rest are good leads. */
const NO_NAME = 7;
const BAD_PHONE = 23;
const NO_CONTACT = 42;
const DUPLICATE = 61;

/** The errors a 1,000-row file with the planted problems must report, `rowOf` giving each row's number. */
function expectedErrors(rows: number, rowOf: (index: number) => number, badPhone: (index: number) => string): ImportRowError[] {
  const errors: ImportRowError[] = [];
  for (let index = 0; index < rows; index += 1) {
    const kind = index % 100;
    if (kind === NO_NAME) errors.push({ row: rowOf(index), message: 'Name is missing' });
    if (kind === BAD_PHONE) errors.push({ row: rowOf(index), message: `Phone "${badPhone(index)}" is not a valid phone number; include the country code, e.g. +1 212 555 2368` });
    if (kind === NO_CONTACT) errors.push({ row: rowOf(index), message: 'No phone or email: a lead needs one so the customer can be reached' });
  }
  return errors;
}

describe('imports (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let lead: TestUser;
  let manager: TestUser;
  let source: SourceDto;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('admin');
    lead = await t.user('lead');
    manager = await t.user('manager');
    source = (await t.http.post('/api/sources').set(admin.auth).send({ name: `Spreadsheet ${randomUUID().slice(0, 6)}` }).expect(201)).body as SourceDto;
  });

  afterAll(async () => {
    await t.close();
  });

  const upload = (user: TestUser, content: Buffer | string, fileName: string) =>
    t.http.post('/api/imports').set(user.auth).attach('file', Buffer.from(content), fileName);

  async function uploaded(content: Buffer | string, fileName: string): Promise<ImportUploadDto> {
    const response = await upload(lead, content, fileName);
    if (response.status !== 201) throw new Error(`upload: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as ImportUploadDto;
  }

  const start = (user: TestUser, id: string, body: StartImportRequest) => t.http.post(`/api/imports/${id}/start`).set(user.auth).send(body);
  const job = async (id: string) => (await t.http.get(`/api/imports/${id}`).set(lead.auth).expect(200)).body as ImportJobDto;

  /** Polls the job until it is no longer running, for at most `timeoutMs`. */
  async function finished(id: string, timeoutMs = 120_000): Promise<ImportJobDto> {
    const deadline = Date.now() + timeoutMs;
    for (let current = await job(id); ; current = await job(id)) {
      if (current.state !== 'running') return current;
      if (Date.now() > deadline) throw new Error(`import ${id} still running after ${timeoutMs} ms: ${current.processed}/${current.total}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function contactByPhone(phone: string): Promise<ContactDto> {
    const found = (await t.http.get('/api/contacts').query({ q: phone }).set(admin.auth).expect(200)).body as ContactDto[];
    expect(found).toHaveLength(1);
    return found[0];
  }

  /** Existing customers, made through the API, whose phones the files then contain again. */
  async function existingContacts(phones: string[], name: (phone: string) => string): Promise<void> {
    for (const phone of phones) await t.http.post('/api/contacts').set(admin.auth).send({ name: name(phone), phones: [phone] }).expect(201);
  }

  describe('a 1,000-row CSV (semicolons, BOM, a blank line) with deals, duplicates skipped', () => {
    const AREA = 415;
    const ROWS = 1000;
    let funnel: FunnelDto;
    let result: ImportJobDto;
    let upload: ImportUploadDto;
    const duplicatePhones = Array.from({ length: ROWS }, (_, index) => index).filter((index) => index % 100 === DUPLICATE).map((index) => phoneOf(AREA, index));
    // a blank line after the 500th record: rows below it are one further down the sheet
    const rowOf = (index: number) => index + 2 + (index >= 500 ? 1 : 0);
    const badPhone = (index: number) => `12${index}`;

    function csv(): string {
      const lines = ['Full name;Phone;E-mail;Car;Comment'];
      for (let index = 0; index < ROWS; index += 1) {
        if (index === 500) lines.push('');
        const kind = index % 100;
        const name = kind === NO_NAME ? '' : `Csv Customer ${index}`;
        const phone = kind === BAD_PHONE ? badPhone(index) : kind === NO_CONTACT ? '' : index % 2 === 0 ? phoneOf(AREA, index) : '';
        // odd rows are reached by email only (the duplicates by phone only)
        const email = kind === NO_CONTACT || kind === BAD_PHONE || kind === DUPLICATE || index % 2 === 0 ? '' : `csv-${index}@Example.com`;
        lines.push([name, kind === DUPLICATE ? phoneOf(AREA, index) : phone, email, 'Skoda Octavia', `"Call after 5pm; row ${index}"`].join(';'));
      }
      return `\uFEFF${lines.join('\r\n')}\r\n`;
    }

    beforeAll(async () => {
      funnel = await t.funnel(admin);
      await existingContacts(duplicatePhones, (phone) => `Existing ${phone}`);
      upload = await uploaded(csv(), 'leads.csv');
      const response = await start(lead, upload.id, {
        mapping: upload.suggestedMapping,
        contactKind: 'person',
        duplicates: 'skip',
        deals: { funnelId: funnel.id, sourceId: source.id },
      });
      expect(response.status).toBe(202);
      expect((response.body as ImportJobDto).state).toBe('running');
      result = await finished(upload.id);
    });

    it('answers the upload with the columns, a preview, the row count and a suggested mapping', () => {
      expect(upload).toMatchObject({ fileName: 'leads.csv', format: 'csv', columns: ['Full name', 'Phone', 'E-mail', 'Car', 'Comment'], rowCount: ROWS });
      expect(upload.suggestedMapping).toEqual({ name: 'Full name', phone: 'Phone', email: 'E-mail', vehicleInterest: 'Car', note: 'Comment' });
      expect(upload.sampleRows).toHaveLength(20);
      expect(upload.sampleRows[0]).toEqual(['Csv Customer 0', phoneOf(AREA, 0), '', 'Skoda Octavia', 'Call after 5pm; row 0']);
      expect(upload.sampleRows[7]).toEqual(['', '', 'csv-7@Example.com', 'Skoda Octavia', 'Call after 5pm; row 7']);
    });

    it('imports the good rows, skips the duplicates and reports each bad row by its row number', () => {
      expect(result).toMatchObject({ state: 'done', total: ROWS, processed: ROWS, created: 960, merged: 0, skipped: 10, failed: 30, failureReason: null });
      expect(result.errors).toEqual(expectedErrors(ROWS, rowOf, badPhone));
      expect(result.errors.find((error) => error.message === 'Name is missing' && error.row > 500)?.row).toBe(510);
      expect(result.settings).toEqual({ mapping: upload.suggestedMapping, contactKind: 'person', duplicates: 'skip', deals: { funnelId: funnel.id, sourceId: source.id } });
      expect(result.createdBy).toEqual({ id: lead.id, name: lead.name });
    });

    it('leaves the existing contacts of skipped rows untouched', async () => {
      const existing = await contactByPhone(duplicatePhones[0]);
      expect(existing).toMatchObject({ name: `Existing ${duplicatePhones[0]}`, emails: [] });
    });

    it('makes a deal per imported row in the funnel’s Unassigned stage, with the source, car and note', async () => {
      const board = (await t.http.get(`/api/funnels/${funnel.id}/board`).query({ limit: 1 }).set(lead.auth).expect(200)).body as BoardDto;
      const unassigned = funnel.stages.find((stage) => stage.kind === 'unassigned')!;
      expect(board.columns.map((column) => [column.stageId, column.count])).toEqual(funnel.stages.map((stage) => [stage.id, stage.id === unassigned.id ? 960 : 0]));

      const page = (await t.http.get('/api/deals').query({ funnelId: funnel.id, q: 'Csv Customer 999' }).set(lead.auth).expect(200)).body as DealListPage;
      expect(page.items).toHaveLength(1);
      const [deal] = page.items;
      expect(deal).toMatchObject({ stageId: unassigned.id, sourceId: source.id, vehicleInterest: 'Skoda Octavia', responsible: null, contact: { name: 'Csv Customer 999', emails: ['csv-999@example.com'] } });
      const [created] = (await t.http.get(`/api/deals/${deal.id}/events`).set(lead.auth).expect(200)).body as DealEventDto[];
      expect(created).toMatchObject({ type: 'deal.created', actor: { id: lead.id, name: lead.name } });
      expect(created.data).toMatchObject({ import: { id: upload.id, fileName: 'leads.csv', row: rowOf(999) }, note: 'Call after 5pm; row 999' });
    });

    it('refuses a second start, and lists the job among the recent imports', async () => {
      const again = await start(lead, upload.id, { mapping: upload.suggestedMapping, contactKind: 'person', duplicates: 'skip' });
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('This import has already been started (it has finished); upload the file again to import it once more');
      const recent = (await t.http.get('/api/imports').set(admin.auth).expect(200)).body as ImportJobDto[];
      expect(recent.find((item) => item.id === upload.id)).toMatchObject({ state: 'done', created: 960 });
    });
  });

  describe('a 1,000-row XLSX (first and last name, numbers, rich text, links, formulas), duplicates merged', () => {
    const AREA = 617;
    const ROWS = 1000;
    let result: ImportJobDto;
    let upload: ImportUploadDto;
    const duplicateIndexes = Array.from({ length: ROWS }, (_, index) => index).filter((index) => index % 100 === DUPLICATE);
    // a blank row above the header: rows are numbered as Excel shows them
    const rowOf = (index: number) => index + 3;
    const badPhone = (index: number) => `phone ${index}`;

    async function xlsx(): Promise<Buffer> {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Leads');
      // row 1 left blank: the header is row 2
      ['First name', 'Last name', 'Mobile', 'Email', 'Company', 'Visited'].forEach((header, index) => (sheet.getRow(2).getCell(index + 1).value = header));
      for (let index = 0; index < ROWS; index += 1) {
        const kind = index % 100;
        const phone = kind === BAD_PHONE ? badPhone(index) : kind === NO_CONTACT ? null : index % 3 === 0 ? Number(phoneOf(AREA, index).replace(/\D/g, '')) : phoneOf(AREA, index);
        const email = kind === NO_CONTACT || kind === BAD_PHONE ? null : `xlsx-${index}@example.com`;
        sheet.addRow([
          kind === NO_NAME ? null : index === 5 ? { richText: [{ text: 'Rich', font: { bold: true } }, { text: 'ard' }] } : `First${index}`,
          kind === NO_NAME ? null : `Last${index}`,
          index === 4 ? { formula: `"${phoneOf(AREA, 4)}"`, result: phoneOf(AREA, 4) } : phone,
          index === 1 ? { text: email!, hyperlink: `mailto:${email}` } : email,
          `Firm ${index}`,
          new Date(Date.UTC(2026, 0, 1 + (index % 28))),
        ]);
      }
      return Buffer.from(await workbook.xlsx.writeBuffer());
    }

    beforeAll(async () => {
      // placeholders named by their phone (as intake names a customer who gave no name), and one real name
      await existingContacts(duplicateIndexes.slice(1).map((index) => phoneOf(AREA, index)), (phone) => phone);
      await existingContacts([phoneOf(AREA, duplicateIndexes[0])], () => 'Known Customer');
      // named .csv: the content says it is a workbook
      upload = await uploaded(await xlsx(), 'export.csv');
      expect(upload.suggestedMapping).toEqual({ firstName: 'First name', lastName: 'Last name', company: 'Company', phone: 'Mobile', email: 'Email' });
      const response = await start(admin, upload.id, { mapping: upload.suggestedMapping, contactKind: 'person', duplicates: 'merge' });
      expect(response.status).toBe(202);
      result = await finished(upload.id);
    });

    it('reads cells as the text they show', () => {
      expect(upload).toMatchObject({ format: 'xlsx', rowCount: ROWS, columns: ['First name', 'Last name', 'Mobile', 'Email', 'Company', 'Visited'] });
      expect(upload.sampleRows[0]).toEqual(['First0', 'Last0', phoneOf(AREA, 0).replace(/\D/g, ''), 'xlsx-0@example.com', 'Firm 0', '2026-01-01']);
      expect(upload.sampleRows[1][3]).toBe('xlsx-1@example.com');
      expect(upload.sampleRows[4][2]).toBe(phoneOf(AREA, 4));
      expect(upload.sampleRows[5][0]).toBe('Richard');
    });

    it('imports the good rows, merges the duplicates and numbers bad rows as the sheet does', async () => {
      expect(result).toMatchObject({ state: 'done', total: ROWS, processed: ROWS, created: 960, merged: 10, skipped: 0, failed: 30 });
      expect(result.errors).toEqual(expectedErrors(ROWS, rowOf, badPhone));
      expect((await contactByPhone(phoneOf(AREA, 3))).name).toBe('First3 Last3');
    });

    it('adds the row’s email to a duplicate, and its name where the contact had none', async () => {
      const [first, second] = duplicateIndexes;
      expect(await contactByPhone(phoneOf(AREA, first))).toMatchObject({ name: 'Known Customer', emails: [`xlsx-${first}@example.com`] });
      expect(await contactByPhone(phoneOf(AREA, second))).toMatchObject({ name: `First${second} Last${second}`, emails: [`xlsx-${second}@example.com`] });
    });
  });

  describe('companies', () => {
    it('names each contact by its company and makes it a company', async () => {
      const phone = phoneOf(503, 1);
      const file = await uploaded(`Company,Contact person,Phone\nNordic Fleet AB,Eva Berg,${phone}\n,Nobody,${phoneOf(503, 2)}\n`, 'companies.csv');
      expect(file.suggestedMapping).toEqual({ company: 'Company', phone: 'Phone' });
      await start(lead, file.id, { mapping: { company: 'Company', name: 'Contact person', phone: 'Phone' }, contactKind: 'company', duplicates: 'skip' }).expect(202);
      const done = await finished(file.id);
      expect(done).toMatchObject({ created: 2, failed: 0 });
      expect(await contactByPhone(phone)).toMatchObject({ name: 'Nordic Fleet AB', kind: 'company' });
      // no company name: the name column stands in
      expect((await contactByPhone(phoneOf(503, 2))).name).toBe('Nobody');
    });
  });

  describe('who may import', () => {
    it('admins and team leads; managers get 403, strangers 401', async () => {
      const file = 'Name,Phone\nAnna,+1 503 234 0100\n';
      expect((await upload(manager, file, 'x.csv')).status).toBe(403);
      await t.http.get('/api/imports').set(manager.auth).expect(403);
      const mine = await uploaded(file, 'x.csv');
      await t.http.get(`/api/imports/${mine.id}`).set(manager.auth).expect(403);
      await start(manager, mine.id, { mapping: { name: 'Name', phone: 'Phone' }, contactKind: 'person', duplicates: 'skip' }).expect(403);
      await t.http.get('/api/imports').expect(401);
      expect((await upload(admin, file, 'x.csv')).status).toBe(201);
    });
  });

  describe('files it cannot read', () => {
    it.each([
      ['an empty file', '', 'empty.csv', 400, 'The file is empty; choose a CSV or Excel (.xlsx) file with a header row and data rows'],
      ['a header without rows', 'Name,Phone\n\n', 'header.csv', 400, 'The file has a header row but no data rows below it'],
      ['an old .xls workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls', 415, 'This is an old Excel (.xls) file; save it as Excel Workbook (.xlsx) or CSV and upload that'],
      ['a picture', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]), 'photo.png', 415, 'This file is neither an Excel (.xlsx) workbook nor UTF-8 text; save it as .xlsx or "CSV UTF-8" and upload that'],
      ['a broken workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx', 415, 'This file cannot be opened as an Excel (.xlsx) workbook; save it again as .xlsx or CSV'],
      ['a CSV with an unclosed quote', 'Name,Phone\n"Anna,+1 503 234 0100\n', 'quote.csv', 400, 'The CSV file cannot be read in row 2: Quoted field unterminated; check its quotes'],
    ])('refuses %s with a message a person can act on', async (_what, content, fileName, status, message) => {
      const response = await upload(lead, content, fileName);
      expect(response.status).toBe(status);
      expect(response.body.message).toBe(message);
    });

    it('reads a CSV named .xlsx, with tabs, by its content', async () => {
      const file = await uploaded('Name\tPhone\nTab Person\t+1 503 234 0101\n', 'really-a-csv.xlsx');
      expect(file).toMatchObject({ format: 'csv', columns: ['Name', 'Phone'], sampleRows: [['Tab Person', '+1 503 234 0101']], rowCount: 1 });
    });

    it('refuses files over 10 MB, and a request without a file', async () => {
      const big = await upload(lead, Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), 'big.csv');
      expect(big.status).toBe(413);
      expect(big.body.message).toBe('The file is larger than 10 MB; split it into smaller files');
      const none = await t.http.post('/api/imports').set(lead.auth).field('note', 'no file');
      expect(none.status).toBe(400);
      expect(none.body.message).toBe('Choose a CSV or Excel (.xlsx) file to upload, sent as the form field "file"');
    });
  });

  describe('starting', () => {
    let file: ImportUploadDto;
    beforeEach(async () => {
      file = await uploaded(`Name,Phone,Email\nStart Person,${phoneOf(503, 300 + Math.floor(Math.random() * 9000))},\n`, 'start.csv');
    });

    it.each([
      [{ mapping: { name: 'Name', phone: 'Tel' }, contactKind: 'person', duplicates: 'skip' }, 422, 'mapping.phone: the file has no column "Tel"; its columns are Name, Phone, Email'],
      [{ mapping: { name: 'Name' }, contactKind: 'person', duplicates: 'skip' }, 422, 'Choose the column with the phone or the email: every lead needs one'],
      [{ mapping: { phone: 'Phone' }, contactKind: 'company', duplicates: 'skip' }, 422, 'Choose the column with the company name'],
      [{ mapping: { name: 'Name', phone: 'Phone' }, contactKind: 'person', duplicates: 'skip', deals: { funnelId: '00000000-0000-4000-8000-000000000000' } }, 422, 'deals.funnelId 00000000-0000-4000-8000-000000000000 is not a funnel'],
      [{ mapping: { name: 'Name', phone: 'Phone' }, contactKind: 'robot', duplicates: 'skip' }, 400, 'contactKind must be one of person, company'],
      [{ mapping: { name: 'Name', phone: 'Phone' }, contactKind: 'person', duplicates: 'overwrite' }, 400, 'duplicates must be one of skip, merge'],
    ])('refuses bad settings (%j) and leaves the job startable', async (body, status, message) => {
      const response = await start(lead, file.id, body as StartImportRequest);
      expect(response.status).toBe(status);
      expect(response.body.message).toBe(message);
      expect((await job(file.id)).state).toBe('uploaded');
    });

    it('of two starts at once, one runs and the other gets 409', async () => {
      const body: StartImportRequest = { mapping: { name: 'Name', phone: 'Phone' }, contactKind: 'person', duplicates: 'skip' };
      const responses = await Promise.all([start(lead, file.id, body), start(admin, file.id, body)]);
      expect(responses.map((response) => response.status).sort()).toEqual([202, 409]);
      expect((await finished(file.id)).created).toBe(1);
    });

    it('404 for an unknown import', async () => {
      await t.http.get(`/api/imports/${randomUUID()}`).set(lead.auth).expect(404);
    });
  });

  describe('interrupted imports', () => {
    it('a running import that stopped making progress (its server went away) is reported failed', async () => {
      const file = await uploaded('Name,Phone\nLost Person,+1 503 234 0200\nOther,+1 503 234 0201\n', 'lost.csv');
      await t.dataSource.query(`UPDATE import_job SET state = 'running', processed = 1, started_at = now() - interval '5 minutes', heartbeat_at = now() - interval '2 minutes' WHERE id = $1`, [file.id]);
      const stale = await job(file.id);
      expect(stale.state).toBe('failed');
      expect(stale.failureReason).toBe('The import was interrupted (the server stopped) after 1 of 2 rows. The rows before stay imported; import the file again with duplicates skipped to add the rest.');
    });
  });

  describe('a 10,000-row file', () => {
    it('imports in the background while the API keeps answering', async () => {
      const lines = ['Name,Phone'];
      for (let index = 0; index < 10_000; index += 1) lines.push(`Bulk ${index},${phoneOf(312, index)}`);
      const file = await uploaded(lines.join('\n'), 'bulk.csv');
      expect(file.rowCount).toBe(10_000);
      await start(lead, file.id, { mapping: file.suggestedMapping, contactKind: 'person', duplicates: 'skip' }).expect(202);

      // the API answers while the import is still running, and progress moves
      const health = await t.http.get('/api/health').expect(200);
      expect(health.body).toEqual({ status: 'ok', database: 'up' });
      const during = await job(file.id);
      expect(during.state).toBe('running');
      expect(during.processed).toBeLessThan(10_000);

      const done = await finished(file.id);
      expect(done).toMatchObject({ state: 'done', processed: 10_000, created: 10_000, failed: 0 });
    }, 180_000);
  });
});
