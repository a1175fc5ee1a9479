import type { DealDto, DealEventDto, DocumentDto, FunnelDto } from '@autofunnel/shared';
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { DealDocument } from '../src/documents/deal-document.entity.js';
import { exeFile, jpegFile, pdfFile, pngFile } from './fixtures/document-files.js';
import { createDeal } from './support/deals.js';
import { TestApp, type TestUser } from './support/test-app.js';

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** supertest's body as the raw bytes, whatever the content type. */
function rawBody(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('deal documents (e2e)', () => {
  let t: TestApp;
  let documentsDir: string;
  let admin: TestUser;
  let lead: TestUser;
  let anna: TestUser;
  let boris: TestUser;
  let funnel: FunnelDto;
  let deal: DealDto;

  beforeAll(async () => {
    documentsDir = await mkdtemp(path.join(tmpdir(), 'autofunnel-documents-'));
    process.env.DOCUMENTS_DIR = documentsDir;
    t = await TestApp.start();
    admin = await t.user('admin');
    // One branch: Boris is Anna's colleague, their lead sees both their deals.
    const { id: branchId } = await t.branch();
    lead = await t.user('lead', { branchId });
    anna = await t.user('manager', { name: 'Anna', branchId });
    boris = await t.user('manager', { name: 'Boris', branchId });
    funnel = await t.funnel(admin);
  });
  beforeEach(async () => {
    deal = await createDeal(t, anna, funnel, { responsibleId: anna.id });
  });
  afterAll(async () => {
    await t.close();
    delete process.env.DOCUMENTS_DIR;
    await rm(documentsDir, { recursive: true, force: true });
  });

  const upload = (user: TestUser, dealId: string, content: Buffer, fileName: string, fields: { title?: string; contentType?: string } = {}) => {
    const request = t.http.post(`/api/deals/${dealId}/documents`).set(user.auth);
    if (fields.title !== undefined) request.field('title', fields.title);
    return request.attach('file', content, { filename: fileName, contentType: fields.contentType ?? 'application/octet-stream' });
  };
  async function uploaded(content: Buffer, fileName: string, fields: { title?: string; contentType?: string } = {}): Promise<DocumentDto> {
    const response = await upload(anna, deal.id, content, fileName, fields);
    if (response.status !== 201) throw new Error(`upload: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as DocumentDto;
  }
  const download = (user: TestUser, id: string) => t.http.get(`/api/documents/${id}/download`).set(user.auth).buffer(true).parse(rawBody);
  const list = async (dealId: string) => (await t.http.get(`/api/deals/${dealId}/documents`).set(lead.auth).expect(200)).body as DocumentDto[];
  const events = async (dealId: string) => ((await t.http.get(`/api/deals/${dealId}/events`).set(anna.auth).expect(200)).body as DealEventDto[]).slice(1);
  const storageKeyOf = async (id: string) => (await t.app.get(DataSource).getRepository(DealDocument).findOneByOrFail({ id })).storageKey;

  describe('upload', () => {
    it('stores a PDF under DOCUMENTS_DIR at a key of its own, and records it on the timeline', async () => {
      const content = pdfFile('Purchase agreement');
      const before = await filesUnder(documentsDir);
      const document = await uploaded(content, 'agreement.pdf', { title: '  Signed purchase agreement ' });
      expect(document).toMatchObject({
        dealId: deal.id,
        title: 'Signed purchase agreement',
        fileName: 'agreement.pdf',
        contentType: 'application/pdf',
        size: content.length,
        createdBy: { id: anna.id, name: 'Anna' },
      });

      const added = (await filesUnder(documentsDir)).filter((file) => !before.includes(file));
      expect(added).toEqual([await storageKeyOf(document.id)]);
      expect(added[0]).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
      expect(await readFile(path.join(documentsDir, added[0]))).toEqual(content);

      expect(await list(deal.id)).toEqual([document]);
      expect(await events(deal.id)).toEqual([
        expect.objectContaining({
          type: 'deal.document_added',
          actor: { id: anna.id, name: 'Anna' },
          data: { documentId: document.id, title: 'Signed purchase agreement', fileName: 'agreement.pdf', size: content.length, contentType: 'application/pdf' },
        }),
      ]);
      const after = (await t.http.get(`/api/deals/${deal.id}`).set(anna.auth).expect(200)).body as DealDto;
      expect(after.version).toBe(deal.version + 1);
    });

    it('judges the type by the content, not by the name or the type the client claims', async () => {
      const photo = await uploaded(pngFile(), 'Licence front.png');
      expect(photo).toMatchObject({ title: 'Licence front', fileName: 'Licence front.png', contentType: 'image/png' });

      const jpeg = await uploaded(jpegFile(), 'scan.pdf', { contentType: 'application/pdf' });
      expect(jpeg).toMatchObject({ title: 'scan', fileName: 'scan.pdf', contentType: 'image/jpeg' });

      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Payments').addRow(['Month', 'Amount']);
      const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
      const sheet = await uploaded(xlsx, 'payment plan', { title: '' });
      expect(sheet).toMatchObject({
        title: 'payment plan',
        fileName: 'payment plan.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });

      expect((await list(deal.id)).map((document) => document.id)).toEqual([sheet.id, jpeg.id, photo.id]);
    });

    it('keeps only the name of a file name that carries folders', async () => {
      const document = await uploaded(pdfFile(), '../../../etc/cron.d/evil.pdf');
      expect(document.fileName).toBe('evil.pdf');
      expect(existsSync(path.join(documentsDir, await storageKeyOf(document.id)))).toBe(true);
    });

    it('refuses (415) content of another type, naming the allowed ones, and keeps nothing', async () => {
      const before = await filesUnder(documentsDir);
      const text = await upload(anna, deal.id, Buffer.from('Just some notes, not a PDF at all.\n'), 'contract.pdf', { contentType: 'application/pdf' }).expect(415);
      expect(text.body.message).toBe(
        'Documents may be PDF, JPEG image, PNG image, WebP image, HEIC photo, Word document (.docx), Excel workbook (.xlsx), OpenDocument text (.odt) or OpenDocument spreadsheet (.ods); the content of this file is not a type we recognise',
      );
      const program = await upload(anna, deal.id, exeFile(), 'photo.png', { contentType: 'image/png' }).expect(415);
      expect(program.body.message).toMatch(/^Documents may be PDF, .*; this file is \.exe \(application\/x-msdownload\)$/);

      expect(await filesUnder(documentsDir)).toEqual(before);
      expect(await list(deal.id)).toEqual([]);
      expect(await events(deal.id)).toEqual([]);
    });

    it('refuses (413) a file over DOCUMENT_MAX_MB, saying how big it is and what is allowed', async () => {
      const big = Buffer.alloc(21 * 1024 * 1024, 0x20);
      pdfFile().copy(big);
      const response = await upload(anna, deal.id, big, 'scan.pdf').expect(413);
      expect(response.body).toMatchObject({ statusCode: 413, message: 'The file is 21.0 MB; documents may be up to 20 MB' });
      expect(await list(deal.id)).toEqual([]);
    });

    it('asks for the file (400) when there is none, and checks the title', async () => {
      const none = await t.http.post(`/api/deals/${deal.id}/documents`).set(anna.auth).field('title', 'Agreement').expect(400);
      expect(none.body.message).toMatch(/file is required/);
      const json = await t.http.post(`/api/deals/${deal.id}/documents`).set(anna.auth).send({ title: 'Agreement' }).expect(400);
      expect(json.body.message).toMatch(/file is required/);
      const wrongField = await t.http.post(`/api/deals/${deal.id}/documents`).set(anna.auth).attach('document', pdfFile(), 'a.pdf').expect(400);
      expect(wrongField.body.message).toBe('Send one file, as the form field "file"');
      const longTitle = await upload(anna, deal.id, pdfFile(), 'a.pdf', { title: 'x'.repeat(201) }).expect(400);
      expect(longTitle.body.fields).toHaveProperty('title');
    });

    it("lets a team lead add to any deal, but not a manager to another manager's deal; nothing is left on disk", async () => {
      const before = await filesUnder(documentsDir);
      const refused = await upload(boris, deal.id, pdfFile(), 'a.pdf').expect(403);
      expect(refused.body.message).toMatch(/another manager/);
      await upload(anna, '00000000-0000-4000-8000-000000000000', pdfFile(), 'a.pdf').expect(404);
      expect(await filesUnder(documentsDir)).toEqual(before);

      const byLead = (await upload(lead, deal.id, pdfFile(), 'by lead.pdf').expect(201)).body as DocumentDto;
      expect(byLead.createdBy).toEqual({ id: lead.id, name: lead.name });
    });
  });

  describe('download', () => {
    it('returns the same bytes with the detected type, length and an RFC 5987 name for any language', async () => {
      const content = pdfFile('Dogovor');
      const document = await uploaded(content, 'Договор купли-продажи №7.pdf');
      expect(document.title).toBe('Договор купли-продажи №7');

      // Whoever sees the deal downloads it; a colleague who does not, gets 403.
      await download(boris, document.id).expect(403);
      const response = await download(lead, document.id).expect(200);
      expect(Buffer.compare(response.body as Buffer, content)).toBe(0);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-length']).toBe(String(content.length));
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="_______ _____-_______ _7.pdf"; filename*=UTF-8''${encodeURIComponent('Договор купли-продажи №7.pdf')}`,
      );

      const ascii = await uploaded(pngFile(), 'photo "front".png');
      const plain = await download(anna, ascii.id).expect(200);
      expect(plain.headers['content-type']).toBe('image/png');
      expect(plain.headers['content-disposition']).toBe(`attachment; filename="photo _front_.png"; filename*=UTF-8''photo%20%22front%22.png`);
    });

    it('answers 404 with what to do when the file is gone from disk', async () => {
      const document = await uploaded(pdfFile(), 'lost.pdf', { title: 'Lost scan' });
      await unlink(path.join(documentsDir, await storageKeyOf(document.id)));
      const response = await download(anna, document.id).expect(404);
      expect(JSON.parse((response.body as Buffer).toString('utf8')).message).toBe(
        'The file of "Lost scan" is missing from the document storage; delete this document and upload the file again',
      );
      await t.http.get('/api/documents/00000000-0000-4000-8000-000000000000/download').set(anna.auth).expect(404);
    });
  });

  describe('rename and delete', () => {
    it('renames, writing the old and new title to the timeline', async () => {
      const document = await uploaded(pdfFile(), 'scan.pdf');
      const renamed = (await t.http.patch(`/api/documents/${document.id}`).set(lead.auth).send({ title: ' Trade-in appraisal ' }).expect(200)).body as DocumentDto;
      expect(renamed).toEqual({ ...document, title: 'Trade-in appraisal' });
      expect(await list(deal.id)).toEqual([renamed]);
      expect((await events(deal.id)).map((event) => [event.type, event.data])).toEqual([
        ['deal.document_added', expect.anything()],
        ['deal.document_renamed', { documentId: document.id, fileName: 'scan.pdf', from: 'scan', to: 'Trade-in appraisal' }],
      ]);

      const empty = await t.http.patch(`/api/documents/${document.id}`).set(anna.auth).send({ title: '  ' }).expect(400);
      expect(empty.body.message).toBe('title must not be empty');
      await t.http.patch(`/api/documents/${document.id}`).set(boris.auth).send({ title: 'Mine now' }).expect(403);
      await t.http.patch('/api/documents/00000000-0000-4000-8000-000000000000').set(anna.auth).send({ title: 'x' }).expect(404);
    });

    it('deletes the row with its event, then the file from disk', async () => {
      const document = await uploaded(pdfFile(), 'old offer.pdf');
      const file = path.join(documentsDir, await storageKeyOf(document.id));
      expect((await stat(file)).size).toBe(document.size);

      await t.http.delete(`/api/documents/${document.id}`).set(boris.auth).expect(403);
      expect(existsSync(file)).toBe(true);

      await t.http.delete(`/api/documents/${document.id}`).set(anna.auth).expect(204);
      expect(existsSync(file)).toBe(false);
      expect(await list(deal.id)).toEqual([]);
      await download(anna, document.id).expect(404);
      await t.http.delete(`/api/documents/${document.id}`).set(anna.auth).expect(404);
      expect((await events(deal.id)).map((event) => [event.type, event.data])).toEqual([
        ['deal.document_added', expect.anything()],
        ['deal.document_deleted', { documentId: document.id, title: 'old offer', fileName: 'old offer.pdf' }],
      ]);
    });
  });

  it('hides the documents of a deal in the trash', async () => {
    const document = await uploaded(pdfFile(), 'id card.pdf');
    await t.http.post(`/api/deals/${deal.id}/trash`).set(admin.auth).expect(200);
    await t.http.get(`/api/deals/${deal.id}/documents`).set(anna.auth).expect(404);
    await download(anna, document.id).expect(404);
    await upload(anna, deal.id, pdfFile(), 'more.pdf').expect(404);
    await t.http.patch(`/api/documents/${document.id}`).set(anna.auth).send({ title: 'x' }).expect(404);
  });

  it('checks ids', async () => {
    const response = await t.http.get('/api/deals/not-an-id/documents').set(anna.auth).expect(400);
    expect(response.body.message).toMatch(/uuid/i);
    await t.http.get('/api/deals/00000000-0000-4000-8000-000000000000/documents').set(anna.auth).expect(404);
  });
});
