import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ApiClient, cardIn, column, describeInBrowser, dragToTopOf, eventually, launchChromium, sendTogether, signIn } from './support/app';

const ARTIFACTS = path.join(__dirname, 'artifacts');

describeInBrowser('the board in a browser', () => {
  let browser: Browser;
  let anna: ApiClient;
  let lead: ApiClient;

  beforeAll(async () => {
    browser = await launchChromium();
    anna = await ApiClient.signIn('anna@demo.local');
    lead = await ApiClient.signIn('lead@demo.local');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('drags a card to another stage; it is still there after a reload', async () => {
    const deal = await anna.createDeal({ mine: true, name: 'Dragged Customer' });
    const { context, page } = await signIn(browser, 'anna@demo.local');
    try {
      const card = cardIn(page, 'Car selection', deal.code);
      await card.waitFor();

      await dragToTopOf(page, card, 'Test drive');

      await cardIn(page, 'Test drive', deal.code).waitFor();
      expect(await cardIn(page, 'Car selection', deal.code).count()).toBe(0);
      expect(await eventually(async () => anna.stageName((await anna.getDeal(deal.id)).stageId), (stage) => stage === 'Test drive')).toBe('Test drive');

      await page.reload();
      await cardIn(page, 'Test drive', deal.code).waitFor();
      expect(await cardIn(page, 'Car selection', deal.code).count()).toBe(0);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'board.png') });
    } finally {
      await context.close();
    }
  });

  it('shows a move made in one browser in another within seconds, without a reload', async () => {
    const deal = await anna.createDeal({ mine: true, name: 'Watched Customer' });
    const annaBrowser = await signIn(browser, 'anna@demo.local');
    // Her team lead watches (a fellow manager does not see Anna's deals).
    const leadBrowser = await signIn(browser, 'lead@demo.local');
    try {
      await cardIn(leadBrowser.page, 'Car selection', deal.code).waitFor();
      const card = cardIn(annaBrowser.page, 'Car selection', deal.code);
      await card.waitFor();

      await dragToTopOf(annaBrowser.page, card, 'Trade-in appraisal');

      await cardIn(leadBrowser.page, 'Trade-in appraisal', deal.code).waitFor({ timeout: 3000 });
      expect(await cardIn(leadBrowser.page, 'Car selection', deal.code).count()).toBe(0);
    } finally {
      await annaBrowser.context.close();
      await leadBrowser.context.close();
    }
  });

  it('lets exactly one of two people taking the same deal at once win; the other is told who', async () => {
    const deal = await anna.createDeal({ mine: false, name: 'Contested Customer' });
    const first = await signIn(browser, 'anna@demo.local');
    const second = await signIn(browser, 'boris@demo.local');
    try {
      const takeButtons = [first.page, second.page].map((page) => cardIn(page, 'Unassigned', deal.code).getByRole('button', { name: 'Take into work' }));
      await Promise.all(takeButtons.map((button) => button.waitFor()));

      await sendTogether([first.page, second.page], '**/api/deals/*/take');
      await Promise.all(takeButtons.map((button) => button.click()));

      const taken = await eventually(() => lead.getDeal(deal.id), (current) => current.responsible !== null);
      expect(taken.responsible?.name).toMatch(/^(Anna|Boris) /);
      const [winner, loser] = taken.responsible?.name.startsWith('Anna') ? [first.page, second.page] : [second.page, first.page];
      const refusal = loser.getByRole('alert').filter({ hasText: 'Already taken into work by' });
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain(`Already taken into work by ${taken.responsible?.name}`);
      expect(await winner.getByRole('alert').filter({ hasText: 'Already taken into work' }).count()).toBe(0);

      // the winner's board shows the deal in work, with its new responsible; the loser no longer sees it at all
      await cardIn(winner, 'Car selection', deal.code).waitFor();
      expect(await cardIn(winner, 'Unassigned', deal.code).count()).toBe(0);
      expect(await column(winner, 'Car selection').getByRole('article', { name: `Deal ${deal.code}` }).getByLabel(`Responsible: ${taken.responsible?.name}`).count()).toBe(1);
      await cardIn(loser, 'Unassigned', deal.code).waitFor({ state: 'detached' });
      expect(await loser.getByRole('article', { name: `Deal ${deal.code}` }).count()).toBe(0);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });
});
