import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { describeInBrowser, launchChromium, signIn } from './support/app';

const ARTIFACTS = path.join(__dirname, 'artifacts');

/** The tabs of /insights: each charts the seeded dealership's history. */
const TABS = ['Inflow', 'Speed to lead', 'Funnel conversion', 'Stage durations', 'Managers', 'Sources'];

describeInBrowser('insights in a browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a team lead opens Insights and finds every dashboard charted, and exports a table', async () => {
    const lead = await signIn(browser, 'lead@demo.local');
    const { page } = lead;
    try {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
      await page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
      // the seeded history spans two months
      await page.getByRole('combobox', { name: 'Period' }).selectOption('last-90-days');

      for (const tab of TABS) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        const panel = page.getByRole('tabpanel');
        // a drawn chart: recharts' surface with bars in it, sized to its card
        const bars = panel.locator('figure .recharts-wrapper > .recharts-surface .recharts-bar-rectangle path');
        await bars.first().waitFor();
        expect(await bars.count()).toBeGreaterThan(0);
        const surface = await panel.locator('figure .recharts-wrapper > .recharts-surface').first().boundingBox();
        expect(surface?.width).toBeGreaterThan(200);
        expect(surface?.height).toBeGreaterThan(100);
        expect(await panel.getByRole('group').filter({ hasText: 'previous period' }).count()).toBeGreaterThan(0);
        if (tab === 'Funnel conversion') {
          // each stage's bar is labelled with how many reached it and the conversion from the stage before
          await panel.locator('figure text').filter({ hasText: /^[\d,]+ · [\d.]+%$/ }).first().waitFor();
          mkdirSync(ARTIFACTS, { recursive: true });
          await page.screenshot({ path: path.join(ARTIFACTS, 'insights-conversion.png'), fullPage: true });
        }
      }

      // the table view of a chart, and its export as a file
      await page.getByRole('tab', { name: 'Sources', exact: true }).click();
      const sources = page.getByRole('region', { name: 'Sources' });
      await sources.getByRole('button', { name: 'Table' }).click();
      await sources.getByRole('table').waitFor();
      expect(await sources.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
      const [download] = await Promise.all([page.waitForEvent('download'), sources.getByRole('button', { name: 'Export CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^sources-sources-.+\.csv$/);
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^Source,/);
    } finally {
      await lead.context.close();
    }
  });
});
