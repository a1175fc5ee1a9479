import { fireEvent, screen, waitFor } from '@testing-library/react';
import { jsonResponse, pathOf, requestsOf } from '../../test/fetch-mock';
import { DocumentDialog } from './DocumentDialog';
import { apiError, changesSent, documentRecord, mariasDeal, renderSignedIn, serveApi } from './test-support';

/*
 * jsdom's FormData and File cannot be streamed into Node's Request (the one fetchBaseQuery
 * builds here), so these tests use Node's own, as a browser uses its native ones. Node's
 * classes are not globals inside jsdom; parsing a multipart body with Node's Response yields them.
 */
const jsdomFormData = globalThis.FormData;
let NodeFile: typeof File;
beforeAll(async () => {
  const multipart = '--b\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nx\r\n--b--\r\n';
  const parsed = await new Response(multipart, { headers: { 'Content-Type': 'multipart/form-data; boundary=b' } }).formData();
  globalThis.FormData = parsed.constructor as typeof FormData;
  NodeFile = parsed.get('f')!.constructor as typeof File;
});
afterAll(() => {
  globalThis.FormData = jsdomFormData;
});

const file = (name: string, bytes: number, type: string) => new NodeFile([new Uint8Array(bytes)], name, { type });
const choose = (chosen: File) => fireEvent.change(screen.getByLabelText('File'), { target: { files: [chosen] } });

describe('DocumentDialog', () => {
  it('states the limits and uploads the file with its title as multipart form data', async () => {
    const fetchMock = serveApi({ 'POST /api/deals/deal-1/documents': () => jsonResponse(documentRecord(), 201) });
    const onClose = jest.fn();
    renderSignedIn(<DocumentDialog dealId={mariasDeal.id} onClose={onClose} />);

    const picker = screen.getByLabelText('File');
    expect(picker).toHaveFocus();
    expect(picker).toHaveAccessibleDescription('PDF, JPG, PNG, WEBP, HEIC, DOCX, XLSX, ODT, ODS up to 20 MB.');
    choose(file('contract-signed.pdf', 2048, 'application/pdf'));
    expect(screen.getByLabelText('Title')).toHaveValue('contract-signed');
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Purchase contract' } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(screen.getByRole('button', { name: 'Uploading…' })).toBeDisabled();

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const upload = requestsOf(fetchMock).find((request) => request.method === 'POST')!;
    expect(pathOf(upload)).toBe('/api/deals/deal-1/documents');
    expect(upload.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.headers.get('Authorization')).toBe('Bearer token-of-anna');
    const form = await upload.formData();
    expect(form.get('title')).toBe('Purchase contract');
    const sent = form.get('file') as File;
    expect([sent.name, sent.size]).toEqual(['contract-signed.pdf', 2048]);
    expect(await screen.findByText('Document “Purchase contract” uploaded.')).toBeInTheDocument();
  });

  it('refuses a file over 20 MB before uploading it', () => {
    const fetchMock = serveApi({});
    renderSignedIn(<DocumentDialog dealId={mariasDeal.id} onClose={jest.fn()} />);
    choose(file('walkaround.heic', 21 * 1024 * 1024, 'image/heic'));
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(screen.getByLabelText('File')).toHaveAccessibleDescription(/This file has 21 MB; documents may be up to 20 MB\./);
    expect(changesSent(fetchMock)).toEqual([]);
  });

  it.each([
    [413, 'The file is larger than the 20 MB allowed for documents'],
    [415, 'Documents may be PDF, JPEG, PNG, WEBP, HEIC, DOCX, XLSX, ODT or ODS; this file is a Windows program'],
  ])("shows the server's %i refusal in words", async (status, text) => {
    serveApi({ 'POST /api/deals/deal-1/documents': () => apiError(status, text) });
    const onClose = jest.fn();
    renderSignedIn(<DocumentDialog dealId={mariasDeal.id} onClose={onClose} />);
    choose(file('offer.pdf', 100, 'application/pdf'));
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('explains a 413 from a proxy that answers without our JSON', async () => {
    serveApi({ 'POST /api/deals/deal-1/documents': () => new Response('<html>413 Request Entity Too Large</html>', { status: 413 }) });
    renderSignedIn(<DocumentDialog dealId={mariasDeal.id} onClose={jest.fn()} />);
    choose(file('scan.png', 100, 'image/png'));
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is too large: documents may be up to 20 MB.');
  });

  it('asks for a file first', () => {
    const fetchMock = serveApi({});
    renderSignedIn(<DocumentDialog dealId={mariasDeal.id} onClose={jest.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(screen.getByLabelText('File')).toHaveAccessibleDescription(/Choose the file to upload\./);
    expect(changesSent(fetchMock)).toEqual([]);
  });
});
