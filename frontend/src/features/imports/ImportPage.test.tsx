import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ImportJobDto, ImportUploadDto } from '@autofunnel/shared';
import { App } from '../../app/App';
import { jsonResponse, mockFetch, pathOf, requestsOf } from '../../test/fetch-mock';
import { service, showroom, signedInAsAnna } from '../../test/fixtures';
import { renderWithStore } from '../../test/render-with-store';
import type { AuthState } from '../auth/auth-slice';

const teamLead: AuthState = { ...signedInAsAnna, user: { ...signedInAsAnna.user!, role: 'lead' } };
const sources = [{ id: 'src-sheet', name: 'Spreadsheet' }];

const uploaded: ImportUploadDto = {
  id: 'imp-1',
  fileName: 'leads.csv',
  format: 'csv',
  columns: ['Full name', 'Tel', 'Mail', 'Car'],
  sampleRows: [
    ['Maria Gonzalez', '+1 212 555 2368', 'maria@example.com', 'Toyota RAV4'],
    ['', '12345', '', ''],
  ],
  rowCount: 1000,
  suggestedMapping: { name: 'Full name', email: 'Mail' },
};

const job = (overrides: Partial<ImportJobDto>): ImportJobDto => ({
  id: 'imp-1',
  fileName: 'leads.csv',
  format: 'csv',
  state: 'running',
  columns: uploaded.columns,
  total: 1000,
  processed: 0,
  created: 0,
  merged: 0,
  skipped: 0,
  failed: 0,
  errors: [],
  settings: null,
  failureReason: null,
  createdBy: { id: 'lead', name: 'Team Lead' },
  createdAt: '2026-11-20T09:00:00.000Z',
  startedAt: '2026-11-20T09:01:00.000Z',
  finishedAt: null,
  ...overrides,
});

type Answer = (request: Request, path: string) => Response | null;

/** The API of a team lead: funnels and sources, plus `answer` for the import under test. */
function serve(answer: Answer) {
  return mockFetch(async (request) => {
    const path = pathOf(request);
    const special = answer(request, path);
    if (special) return special;
    if (path === '/api/funnels') return jsonResponse([showroom, service]);
    if (path === '/api/sources') return jsonResponse(sources);
    return jsonResponse({ statusCode: 404, message: `No route ${request.method} ${path}`, error: 'Not Found' }, 404);
  });
}

function openImportPage(auth: AuthState = teamLead) {
  window.history.pushState({}, '', '/imports');
  return renderWithStore(<App />, { auth });
}

function chooseFile() {
  const file = new File(['Full name,Tel\nMaria,+1 212 555 2368\n'], 'leads.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText('Choose a CSV or Excel file'), { target: { files: [file] } });
}

async function startBody(fetchMock: ReturnType<typeof mockFetch>) {
  await waitFor(() => expect(requestsOf(fetchMock).some((request) => pathOf(request) === '/api/imports/imp-1/start')).toBe(true));
  return requestsOf(fetchMock).find((request) => pathOf(request) === '/api/imports/imp-1/start')!.json();
}

describe('ImportPage', () => {
  it('uploads a file, maps its columns, starts with deals, shows the progress, then the summary and the rejected rows', async () => {
    let polls = 0;
    const fetchMock = serve((request, path) => {
      if (path === '/api/imports' && request.method === 'POST') return jsonResponse(uploaded, 201);
      if (path === '/api/imports/imp-1/start') return jsonResponse(job({}), 202);
      if (path === '/api/imports/imp-1') {
        polls += 1;
        return jsonResponse(
          polls === 1
            ? job({ processed: 250, created: 240, failed: 10 })
            : job({ state: 'done', processed: 1000, created: 960, skipped: 10, failed: 30, errors: [{ row: 9, message: 'Name is missing' }, { row: 25, message: 'Phone "12345" is not a valid phone number' }] }),
        );
      }
      return null;
    });
    openImportPage();

    expect(await screen.findByRole('link', { name: 'Import' })).toHaveAttribute('aria-current', 'page');
    chooseFile();

    const form = (await screen.findByText('leads.csv')).closest('form')!;
    expect(form).toHaveTextContent('1,000 rows');
    expect(within(form).getByRole('columnheader', { name: 'Tel' })).toBeInTheDocument();
    expect(within(form).getByRole('cell', { name: 'Maria Gonzalez' })).toBeInTheDocument();
    expect(within(form).getByLabelText('Name')).toHaveValue('Full name');
    expect(within(form).getByLabelText('Email')).toHaveValue('Mail');
    expect(within(form).getByLabelText('Phone')).toHaveValue('');

    fireEvent.change(within(form).getByLabelText('Phone'), { target: { value: 'Tel' } });
    fireEvent.change(within(form).getByLabelText('Car of interest'), { target: { value: 'Car' } });
    fireEvent.click(within(form).getByRole('radio', { name: 'Add the row’s phone, email and name to the contact' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: /Create a deal per row/ }));
    await waitFor(() => expect(within(form).getByLabelText('Funnel')).toHaveValue(showroom.id));
    fireEvent.change(within(form).getByLabelText('Funnel'), { target: { value: service.id } });
    fireEvent.change(within(form).getByLabelText('Source'), { target: { value: 'src-sheet' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Start import' }));

    expect(await startBody(fetchMock)).toEqual({
      mapping: { name: 'Full name', email: 'Mail', phone: 'Tel', vehicleInterest: 'Car' },
      contactKind: 'person',
      duplicates: 'merge',
      deals: { funnelId: service.id, sourceId: 'src-sheet' },
    });

    const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '250'));
    expect(screen.getByText('Imported 250 of 1,000 rows…')).toBeInTheDocument();

    expect(await screen.findByText('Import finished: 1,000 rows of leads.csv.', {}, { timeout: 3000 })).toBeInTheDocument();
    const summary = screen.getByLabelText('Summary');
    expect(summary).toHaveTextContent(/New contacts\s*960\s*Merged\s*0\s*Skipped\s*10\s*Rejected\s*30/);
    const rejected = screen.getByRole('region', { name: 'Rejected rows' });
    expect(within(rejected).getAllByRole('row').map((row) => row.textContent)).toEqual(['RowReason', '9Name is missing', '25Phone "12345" is not a valid phone number']);
    expect(rejected).toHaveTextContent('The first 2 of 30 are listed.');
    expect(screen.getByRole('link', { name: 'Go to the board' })).toHaveAttribute('href', `/funnels/${service.id}`);
  });

  it('says in plain words why the server could not read the file, and stays on the first step', async () => {
    serve((request, path) =>
      path === '/api/imports' && request.method === 'POST'
        ? jsonResponse({ statusCode: 415, message: 'This is an old Excel (.xls) file; save it as Excel Workbook (.xlsx) or CSV and upload that', error: 'Unsupported Media Type' }, 415)
        : null,
    );
    openImportPage();
    chooseFile();
    expect(await screen.findByRole('alert')).toHaveTextContent('This is an old Excel (.xls) file; save it as Excel Workbook (.xlsx) or CSV and upload that');
    expect(screen.getByLabelText('Choose a CSV or Excel file')).toBeEnabled();
  });

  it('asks for a name and a phone or email column before starting, and sends nothing until then', async () => {
    const fetchMock = serve((request, path) => (path === '/api/imports' && request.method === 'POST' ? jsonResponse({ ...uploaded, suggestedMapping: { name: 'Full name' } }, 201) : null));
    openImportPage();
    chooseFile();
    const start = await screen.findByRole('button', { name: 'Start import' });

    fireEvent.click(screen.getByRole('button', { name: 'Companies' }));
    fireEvent.click(start);
    expect(screen.getByRole('alert')).toHaveTextContent('Choose the column with the phone or the email: every lead needs one.');

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Phone'), { target: { value: 'Tel' } });
    fireEvent.click(start);
    expect(screen.getByRole('alert')).toHaveTextContent('Choose the column with the company name.');
    expect(requestsOf(fetchMock).some((request) => pathOf(request).endsWith('/start'))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Choose another file' }));
    expect(screen.getByLabelText('Choose a CSV or Excel file')).toBeInTheDocument();
  });

  it('tells a manager that importing is for administrators and team leads', async () => {
    serve(() => null);
    openImportPage(signedInAsAnna);
    expect(await screen.findByText('Only administrators and team leads can import leads')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Import' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Choose a CSV or Excel file')).not.toBeInTheDocument();
  });
});
