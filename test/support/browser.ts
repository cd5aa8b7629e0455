import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import adminId from '../../web/src/i18n/admin/id.json' with { type: 'json' };
import id from '../../web/src/i18n/id.json' with { type: 'json' };

/** Flags for Debian's Chromium on this network-less machine (see docs/decisions.md). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserApp { app: { url: string; close(): Promise<void> }; browser: Browser; close(): Promise<void> }

/**
 * The app under test (the real server over a fresh demo database, or PILAR_E2E_URL) and a
 * headless Chromium. Fails clearly when the web app has not been built.
 */
export async function startBrowserApp(): Promise<BrowserApp> {
  const external = process.env.PILAR_E2E_URL;
  const app = external
    ? { url: external.replace(/\/$/, ''), close: async () => {} }
    : await (await import('./app.ts')).startTestApp();
  const html = await (await fetch(`${app.url}/`)).text();
  if (!html.includes('id="root"')) throw new Error('The web app is not built: run `npm run build:web` before the browser tests.');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return { app, browser, async close() { await browser.close(); await app.close(); } };
}

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Default step timeout of browser tests (slow CI machines, two cores). */
export const STEP_TIMEOUT = 30_000;

/**
 * Runs `fn` in a fresh browser context (own cookies and localStorage, Indonesian locale),
 * optionally with a saved session, and fails when the page threw an uncaught error.
 */
export async function withPage(
  browser: Browser,
  fn: (page: Page, ctx: BrowserContext) => Promise<void>,
  opts: { viewport?: { width: number; height: number }; storageState?: StorageState } = {},
): Promise<void> {
  const ctx = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 }, locale: 'id-ID', storageState: opts.storageState });
  ctx.setDefaultTimeout(STEP_TIMEOUT);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await fn(page, ctx);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  } finally {
    await ctx.close();
  }
}

/** Logs in through /masuk (the page in Indonesian) and waits for the console's dashboard. */
export async function loginAs(page: Page, baseUrl: string, email: string, password = 'pilar-demo-2026'): Promise<void> {
  await page.goto(`${baseUrl}/masuk`);
  await page.getByRole('textbox', { name: id.auth.email, exact: true }).fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('main form').getByRole('button', { name: id.auth.submit }).click();
  await page.waitForURL('**/admin');
  await expect.poll(() => page.locator('main h1').textContent()).toBe(adminId.dashboard.title);
}
