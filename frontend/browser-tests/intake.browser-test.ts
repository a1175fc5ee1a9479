import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { baseUrl, cardIn, describeInBrowser, launchChromium, signIn } from './support/app';

const ARTIFACTS = path.join(__dirname, 'artifacts');

/** A form lead sent as the website would, with the channel's key. */
async function sendForm(apiKey: string, body: Record<string, unknown>): Promise<{ dealCode: string; created: boolean; addedToOpenDeal: boolean }> {
  const response = await fetch(`${baseUrl()}/api/intake/forms`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`intake answered ${response.status}: ${await response.text()}`);
  return response.json() as Promise<{ dealCode: string; created: boolean; addedToOpenDeal: boolean }>;
}

describeInBrowser('lead intake in a browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('an admin adds a channel; its leads appear live on the team lead’s board, a repeat request flags the card', async () => {
    const admin = await signIn(browser, 'admin@demo.local');
    const lead = await signIn(browser, 'lead@demo.local');
    try {
      const page = admin.page;
      await page.getByRole('link', { name: 'Admin', exact: true }).click();
      await page.getByRole('button', { name: 'Add channel' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add channel' });
      const name = `Website test-drive form ${Date.now()}`;
      await dialog.getByLabel('Name').fill(name);
      await dialog.getByLabel('Funnel').selectOption({ label: 'Car showroom' });
      await dialog.getByRole('button', { name: 'Add channel' }).click();
      const panel = page.getByRole('region', { name: `API key of “${name}”` });
      const apiKey = (await panel.locator('.key-panel__value').textContent())!.trim();
      expect(apiKey).toMatch(/^af_/);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'channel-key.png') });

      const phone = `+1 646 ${200 + Math.floor(Math.random() * 700)} ${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
      const first = await sendForm(apiKey, { name: 'Paula Web', phone, vehicleInterest: 'Volvo XC60 B5', message: 'Test drive on Saturday?' });
      expect(first.created).toBe(true);
      const card = cardIn(lead.page, 'Unassigned', first.dealCode);
      await card.waitFor({ timeout: 5000 });
      expect(await card.textContent()).toContain('Paula Web');

      const again = await sendForm(apiKey, { name: 'Paula Web', phone, message: 'Any news?' });
      expect(again).toMatchObject({ dealCode: first.dealCode, addedToOpenDeal: true });
      await card.getByText('New request').waitFor({ timeout: 5000 });

      await card.getByRole('button', { name: 'Paula Web' }).click();
      const dealPage = lead.page.getByRole('article', { name: `Deal ${first.dealCode}` });
      await dealPage.getByText('New request from the customer: Web form: Any news?').waitFor();
      expect(await dealPage.getByText(name, { exact: true }).count()).toBeGreaterThan(0);
    } finally {
      await admin.context.close();
      await lead.context.close();
    }
  });
});
