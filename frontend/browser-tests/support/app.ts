import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { DealDto, FunnelDto, LoginResponse } from '@autofunnel/shared';

/** Where the global setup started the app. */
export function baseUrl(): string {
  const url = process.env.BROWSER_TEST_BASE_URL;
  if (!url) throw new Error('BROWSER_TEST_BASE_URL is not set: run these through jest.browser.config.js');
  return url;
}

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const PASSWORD = 'demo1234';

/** A fresh browser context (its own storage) signed in as `email`, on the first funnel's board. */
export async function signIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Live', { exact: true }).waitFor();
  await page.locator('.deal-card').first().waitFor();
  return { context, page };
}

export function column(page: Page, stageName: string): Locator {
  return page.getByRole('region', { name: stageName, exact: true });
}

export function cardIn(page: Page, stageName: string, code: string): Locator {
  return column(page, stageName).getByRole('article', { name: `Deal ${code}` });
}

/**
 * Drags `card` to the top of the column `stageName` with real mouse moves, as a person would
 * (Chromium turns them into HTML5 drag events).
 */
export async function dragToTopOf(page: Page, card: Locator, stageName: string): Promise<void> {
  const from = await card.boundingBox();
  const to = await column(page, stageName).locator('.stage-column__body').boundingBox();
  if (!from || !to) throw new Error('the card or the column is not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + 16);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 8, from.y + 24, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 12, { steps: 16 });
  await page.locator('.drop-indicator').waitFor();
  await page.mouse.up();
}

/** The API, used by the tests to make their own data. */
export class ApiClient {
  private constructor(
    readonly login: LoginResponse,
    readonly funnels: FunnelDto[],
  ) {}

  static async signIn(email: string): Promise<ApiClient> {
    const login = (await ApiClient.request('POST', '/api/auth/login', undefined, { email, password: PASSWORD })) as LoginResponse;
    const funnels = (await ApiClient.request('GET', '/api/funnels', login.accessToken)) as FunnelDto[];
    return new ApiClient(login, funnels);
  }

  get showroom(): FunnelDto {
    return this.funnels[0];
  }

  stageName(stageId: string): string | undefined {
    return this.showroom.stages.find((stage) => stage.id === stageId)?.name;
  }

  /** A new deal of the first funnel: untaken, or already the caller's (first open stage). */
  createDeal(options: { mine: boolean; name: string }): Promise<DealDto> {
    const phone = `+1 212 555 ${String(Math.floor(1000 + Math.random() * 8999))}`;
    return ApiClient.request('POST', '/api/deals', this.login.accessToken, {
      funnelId: this.showroom.id,
      contact: { name: options.name, phone },
      vehicleInterest: 'Skoda Octavia Combi',
      amount: 31500,
      ...(options.mine && { responsibleId: this.login.user.id }),
    }) as Promise<DealDto>;
  }

  getDeal(id: string): Promise<DealDto> {
    return ApiClient.request('GET', `/api/deals/${id}`, this.login.accessToken) as Promise<DealDto>;
  }

  private static async request(method: string, path: string, token?: string, body?: unknown): Promise<unknown> {
    const response = await fetch(baseUrl() + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer: unknown = await response.json();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    return answer;
  }
}

/** Asks `read` until its answer passes `done` (or 5 s pass), and returns its last answer. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}
