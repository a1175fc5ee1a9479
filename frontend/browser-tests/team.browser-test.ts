import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { ApiClient, baseUrl, cardIn, describeInBrowser, launchChromium, signIn } from './support/app';

const ARTIFACTS = path.join(__dirname, 'artifacts');

/** A web form lead, sent as the dealership's website would. */
async function sendForm(apiKey: string, body: Record<string, unknown>): Promise<{ dealId: string; dealCode: string }> {
  const response = await fetch(`${baseUrl()}/api/intake/forms`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`intake answered ${response.status}: ${await response.text()}`);
  return response.json() as Promise<{ dealId: string; dealCode: string }>;
}

/** Lets `minutes` pass for one deal: it entered its stage that long ago. */
async function backdateStageEntry(dealId: string, minutes: number): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.BROWSER_TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE deal SET stage_entered_at = now() - make_interval(mins => $2) WHERE id = $1`, [dealId, minutes]);
  } finally {
    await client.end();
  }
}

describeInBrowser('running the team in a browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a team lead sees a new request arrive on the board and in Inflow, then escalate: red card, bell, urgent task', async () => {
    const admin = await ApiClient.signIn('admin@demo.local');
    const leadUser = (await ApiClient.signIn('lead@demo.local')).login.user;
    // The demo "Car showroom" funnel warns at 15 and escalates at 30 minutes; its website channel
    // sends this branch's requests.
    const channel = (await admin.post('/api/channels', {
      name: `Branch website ${Date.now()}`,
      kind: 'web',
      funnelId: admin.showroom.id,
      branchId: leadUser.branchId,
    })) as { apiKey: string };

    const lead = await signIn(browser, 'lead@demo.local');
    const inflow = await lead.context.newPage();
    try {
      await inflow.goto('/inflow');
      const untaken = inflow.getByRole('region', { name: 'Waiting to be taken' });
      await untaken.waitFor();

      const phone = `+1 718 ${200 + Math.floor(Math.random() * 700)} ${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
      const request = await sendForm(channel.apiKey, { name: 'Rita Waiting', phone, vehicleInterest: 'Kia Sportage' });

      // It arrives live on the board, with its speed-to-lead countdown, and in the Inflow view.
      const card = cardIn(lead.page, 'Unassigned', request.dealCode);
      await card.waitFor({ timeout: 5000 });
      await card.getByText(/min left/).waitFor();
      await untaken.getByText(request.dealCode).waitFor({ timeout: 5000 });

      // Half an hour passes without anyone taking it: the escalation job runs.
      await backdateStageEntry(request.dealId, 31);
      const run = (await admin.post('/api/sla/run', {})) as { escalated: number };
      expect(run.escalated).toBeGreaterThanOrEqual(1);

      // The card turns red, the bell counts the notification, and it leads to the deal with its urgent task.
      await card.getByText(/escalated/i).waitFor({ timeout: 5000 });
      expect(await card.getAttribute('class')).toMatch(/sla-(late|escalated|red)/);
      const bell = lead.page.getByRole('button', { name: /Notifications, [1-9]\d* unread/ });
      await bell.waitFor({ timeout: 5000 });
      mkdirSync(ARTIFACTS, { recursive: true });
      await lead.page.screenshot({ path: path.join(ARTIFACTS, 'sla-escalated.png') });

      await bell.click();
      await lead.page.getByRole('button', { name: new RegExp(`Nobody took ${request.dealCode}`) }).click();
      const dealPage = lead.page.getByRole('article', { name: `Deal ${request.dealCode}` });
      await dealPage.getByText(/Urgent: call back Rita Waiting/).first().waitFor();
    } finally {
      await lead.context.close();
    }
  });
});
