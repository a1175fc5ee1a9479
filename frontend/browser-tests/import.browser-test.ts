import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { DealListPage } from '@autofunnel/shared';
import { ApiClient, baseUrl, cardIn, describeInBrowser, launchChromium, signIn } from './support/app';

/** A small spreadsheet export: three good leads, one without a name (row 3), one with a bad phone (row 5). */
function writeLeadsCsv(stamp: string): { file: string; names: string[] } {
  const names = ['Alpha', 'Bravo', 'Charlie'].map((name) => `Imported ${name} ${stamp}`);
  const phone = (line: number) => `+1 303 ${200 + (Number(stamp) % 700)} ${String(line).padStart(4, '0')}`;
  const lines = [
    'Name,Phone,Email,Car',
    `${names[0]},${phone(2)},,Volvo XC60`,
    `,${phone(3)},,Kia Ceed`,
    `${names[1]},,bravo-${stamp}@example.com,Skoda Kodiaq`,
    `Broken Phone ${stamp},12345,,`,
    `${names[2]},${phone(6)},charlie-${stamp}@example.com,`,
  ];
  const folder = mkdtempSync(path.join(os.tmpdir(), 'autofunnel-import-'));
  const file = path.join(folder, `showroom-leads-${stamp}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, names };
}

async function dealCodeOf(api: ApiClient, contactName: string): Promise<string> {
  const response = await fetch(`${baseUrl()}/api/deals?${new URLSearchParams({ funnelId: api.showroom.id, q: contactName })}`, {
    headers: { authorization: `Bearer ${api.login.accessToken}` },
  });
  const page = (await response.json()) as DealListPage;
  if (page.items.length !== 1) throw new Error(`expected one deal for ${contactName}, found ${page.items.length}`);
  return page.items[0].code;
}

describeInBrowser('importing leads in a browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a team lead imports a CSV with a deal per row in Car showroom; bad rows are reported, the deals wait in Unassigned', async () => {
    const stamp = String(Date.now() % 1_000_000);
    const { file, names } = writeLeadsCsv(stamp);
    const { context, page } = await signIn(browser, 'lead@demo.local');
    try {
      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByLabel('Choose a CSV or Excel file').setInputFiles(file);

      // the suggested mapping is taken as it is
      await page.getByRole('cell', { name: names[0] }).waitFor();
      expect(await page.getByLabel('Phone', { exact: true }).inputValue()).toBe('Phone');
      await page.getByRole('checkbox', { name: /Create a deal per row/ }).check();
      await page.getByLabel('Funnel', { exact: true }).selectOption({ label: 'Car showroom' });
      await page.getByRole('button', { name: 'Start import' }).click();

      await page.getByText(`Import finished: 5 rows of showroom-leads-${stamp}.csv.`).waitFor({ timeout: 20_000 });
      expect(await page.getByLabel('Summary').textContent()).toBe('New contacts3Merged0Skipped0Rejected2');
      const rejected = page.getByRole('region', { name: 'Rejected rows' }).getByRole('row');
      expect(await rejected.allTextContents()).toEqual([
        'RowReason',
        '3Name is missing',
        '5Phone "12345" is not a valid phone number; include the country code, e.g. +1 212 555 2368',
      ]);

      await page.getByRole('link', { name: 'Go to the board' }).click();
      const code = await dealCodeOf(await ApiClient.signIn('lead@demo.local'), names[2]);
      const card = cardIn(page, 'Unassigned', code);
      await card.waitFor();
      expect(await card.textContent()).toContain(names[2]);
    } finally {
      await context.close();
    }
  });
});
