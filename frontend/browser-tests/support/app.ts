import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Route } from 'playwright-core';
import type { DealDto, FunnelDto, LoginResponse } from '@autofunnel/shared';

/** Where the global setup started the app. */
export function baseUrl(): string {
  const url = process.env.BROWSER_TEST_BASE_URL;
  if (!url) throw new Error('BROWSER_TEST_BASE_URL is not set: run these through jest.browser.config.js');
  return url;
}

/** `describe`, or `describe.skip` when the global setup found no Chromium (never in CI). */
export const describeInBrowser = process.env.BROWSER_TESTS_SKIPPED ? describe.skip : describe;

/** Debian's Chromium (found by the global setup), headless; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH,
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

/** What Chromium drags (the DevTools protocol's Input.DragData, which playwright-core does not export). */
interface DragData {
  items: { mimeType: string; data: string }[];
  dragOperationsMask: number;
}

/**
 * Drags `card` to the top of the column `stageName` as a person would: the mouse presses the
 * card and moves until Chromium starts an HTML5 drag, then drags over the column and drops.
 * Driven through the DevTools protocol because Playwright's own mouse misses a drag that starts
 * later than it expects (seen on a loaded machine), leaving the card stuck mid-drag.
 */
export async function dragToTopOf(page: Page, card: Locator, stageName: string): Promise<void> {
  const from = await card.boundingBox();
  const to = await column(page, stageName).locator('.stage-column__body').boundingBox();
  if (!from || !to) throw new Error('the card or the column is not on screen');
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Input.setInterceptDrags', { enabled: true });
    const dragStarted = new Promise<DragData>((resolve) => cdp.once('Input.dragIntercepted', ({ data }) => resolve(data)));
    const mouse = (type: 'mouseMoved' | 'mousePressed', x: number, y: number, buttons: number) =>
      cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons, clickCount: 1 });
    const grip = { x: from.x + from.width / 2, y: from.y + 16 };
    await mouse('mouseMoved', grip.x, grip.y, 0);
    await mouse('mousePressed', grip.x, grip.y, 1);
    for (let step = 1; step <= 6; step += 1) await mouse('mouseMoved', grip.x + 2 * step, grip.y + 2 * step, 1);
    const data = await within(dragStarted, 5000, 'Chromium did not start dragging the card');

    const target = { x: to.x + to.width / 2, y: to.y + 12 };
    const steps = 12;
    for (let step = 1; step <= steps; step += 1) {
      const x = grip.x + ((target.x - grip.x) * step) / steps;
      const y = grip.y + ((target.y - grip.y) * step) / steps;
      await cdp.send('Input.dispatchDragEvent', { type: step === 1 ? 'dragEnter' : 'dragOver', x, y, data });
    }
    await page.locator('.drop-indicator').waitFor();
    await cdp.send('Input.dispatchDragEvent', { type: 'drop', x: target.x, y: target.y, data });
  } finally {
    await cdp.detach();
  }
}

/**
 * Holds each page's first request to `url` until every page has sent one, then lets them all go,
 * so that the server gets them at the same moment (a click on one page cannot first update the
 * others through the live board).
 */
export async function sendTogether(pages: Page[], url: string): Promise<void> {
  const held: Route[] = [];
  let releaseAll!: () => void;
  const allSent = new Promise<void>((resolve) => (releaseAll = resolve));
  await Promise.all(
    pages.map((page) =>
      page.route(
        url,
        async (route) => {
          held.push(route);
          if (held.length === pages.length) releaseAll();
          await allSent;
          await route.continue();
        },
        { times: 1 },
      ),
    ),
  );
}

/** `promise`'s value, or an error saying `what` did not happen within `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
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

  /** POST `body` to `path` as this user; throws with the answer unless it is 2xx. */
  post(path: string, body: unknown): Promise<unknown> {
    return ApiClient.request('POST', path, this.login.accessToken, body);
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
