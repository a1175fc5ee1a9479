import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { VehicleDto } from '@autofunnel/shared';
import { ApiClient, cardIn, describeInBrowser, launchChromium, signIn } from './support/app';

const ARTIFACTS = path.join(__dirname, 'artifacts');
const VIN_CHARACTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

/** A European VIN (no check digit to get right), unique enough for one run. */
function uniqueVin(): string {
  return `TMBJJ7NE${Array.from({ length: 9 }, () => VIN_CHARACTERS[Math.floor(Math.random() * VIN_CHARACTERS.length)]).join('')}`;
}

/** Opens an action of the deal page's action bar and picks `vehicle` in its dialog's stock search. */
async function openWithVehicle(page: Page, action: string, dialogName: string, vehicle: VehicleDto): Promise<Locator> {
  await page.getByRole('toolbar', { name: 'Deal actions' }).getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  const vinTail = vehicle.vin.slice(-6);
  await dialog.getByRole('searchbox', { name: 'Vehicle' }).fill(vinTail);
  await dialog.getByRole('list', { name: 'Vehicles found' }).getByRole('button', { name: new RegExp(`VIN …${vinTail}`) }).click();
  return dialog;
}

const counts = (page: Page) => page.getByRole('list', { name: 'Records' });

describeInBrowser('the deal page in a browser', () => {
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

  it('opens a deal from the board, adds an offer and a test drive; a second browser sees the counts change live', async () => {
    const deal = await anna.createDeal({ mine: true, name: 'Quentin Offerman' });
    const vehicle = (await lead.post('/api/vehicles', { vin: uniqueVin(), make: 'Skoda', model: 'Octavia Combi', year: 2022, mileage: 18000, price: 27900 })) as VehicleDto;
    const annaBrowser = await signIn(browser, 'anna@demo.local');
    const leadBrowser = await signIn(browser, 'lead@demo.local');
    try {
      const page = annaBrowser.page;
      await cardIn(page, 'Car selection', deal.code).getByRole('button', { name: 'Quentin Offerman' }).click();
      await page.waitForURL(`**/deals/${deal.id}`);
      await page.getByRole('article', { name: `Deal ${deal.code}` }).waitFor();
      expect(await counts(page).textContent()).toContain('0 offers');

      // The team lead watches the same deal's page in another browser.
      await leadBrowser.page.goto(`/deals/${deal.id}`);
      await counts(leadBrowser.page).getByText('0 offers').waitFor();
      await counts(leadBrowser.page).getByText('0 test drives').waitFor();

      const offer = await openWithVehicle(page, 'Offer', 'Make an offer', vehicle);
      await offer.getByLabel('Discount').fill('900');
      await offer.getByRole('button', { name: 'Create offer' }).click();
      await offer.waitFor({ state: 'hidden' });
      await counts(leadBrowser.page).getByText('1 offer', { exact: true }).waitFor({ timeout: 5000 });

      const testDrive = await openWithVehicle(page, 'Test drive', 'Book a test drive', vehicle);
      const tomorrow = new Date(Date.now() + 86_400_000);
      const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
      await testDrive.getByLabel('Day').fill(day);
      await testDrive.getByLabel('Start').fill('10:00');
      await testDrive.getByRole('button', { name: 'Book test drive' }).click();
      await testDrive.waitFor({ state: 'hidden' });
      await counts(leadBrowser.page).getByText('1 test drive', { exact: true }).waitFor({ timeout: 5000 });

      // Both show on the second browser's timeline too, without a reload.
      await leadBrowser.page.getByText(/Offer: .*Octavia Combi/).first().waitFor({ timeout: 5000 });
      const saved = await anna.getDeal(deal.id);
      expect(saved).toMatchObject({ offerCount: 1, testDriveCount: 1 });

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'deal-page.png'), fullPage: true });
    } finally {
      await annaBrowser.context.close();
      await leadBrowser.context.close();
    }
  });
});
