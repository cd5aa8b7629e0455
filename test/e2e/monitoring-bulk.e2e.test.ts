/**
 * The bulk KPI grid in Chromium (issue 5, item 7): an OPD officer types values, the browser
 * goes offline and they keep typing, the page is reloaded while the server cannot be reached,
 * the network returns — every value ends up on the server and every cell shows as synced.
 * Also: the console's notification list. Needs `npm run build:web` first.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBrowserApp, withPage, type BrowserApp, loginAs } from '../support/browser.ts';
import ex from '../../web/src/i18n/monitoring-extras/id.json' with { type: 'json' };
import admin from '../../web/src/i18n/admin/id.json' with { type: 'json' };
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/core/db.ts';
import { createMailer } from '../../src/core/mail.ts';
import { progressReports, reportingPeriods, reportKpiValues } from '../../src/modules/monitoring/schema.ts';
import { runReminders } from '../../src/modules/monitoring/reminders/job.ts';

const KUKAR = '64.02';
const OFFICER = 'opd.kukar@demo.pilar.id';
const BULK = `/admin/wilayah/${KUKAR}/isian-cepat`;
const SYNC_WAIT = 45_000;

type Grid = { period: { id: string; label: string }; programs: { id: string; title: string; editable: boolean; kpis: { id: string; name: string; value: number | null }[] }[] };

let env: BrowserApp;

beforeAll(async () => {
  env = await startBrowserApp();
}, 180_000);

afterAll(async () => {
  await env?.close();
});

/** Logs in through /masuk (test/support/browser.ts). */
const login = (page: Page, email: string) => loginAs(page, env.app.url, email);

const label = (kpi: string, program: string) => ex.bulk.cellLabel.replace('{{kpi}}', kpi).replace('{{program}}', program);
const status = (page: Page) => page.locator('.bulk-status [role=status]');

/** The period the page opened (its default) and the grid as the server has it now. */
async function serverGrid(page: Page): Promise<Grid> {
  const periods = (await (await page.request.get(`${env.app.url}/api/regions/${KUKAR}/periods`)).json()) as { id: string; label: string; state: string; dueOn: string }[];
  const shown = (await page.locator('.bulk-grid caption').textContent()) ?? '';
  const period = periods.find((p) => p.state === 'open' && shown.endsWith(` — ${p.label}`));
  expect(period, `the period named in the grid caption "${shown}"`).toBeDefined();
  const r = await page.request.get(`${env.app.url}/api/regions/${KUKAR}/periods/${period!.id}/kpi-grid`);
  expect(r.status()).toBe(200);
  return (await r.json()) as Grid;
}

async function typeInto(page: Page, cellLabel: string, text: string) {
  const input = page.getByRole('textbox', { name: cellLabel, exact: true });
  await input.click();
  await input.fill(text);
}

describe('bulk KPI grid', () => {
  test('offline typing, a reload while the server is unreachable, and reconnecting lose nothing', async () => {
    await withPage(env.browser, async (page: Page, ctx: BrowserContext) => {
      await login(page, OFFICER);
      await page.getByRole('link', { name: admin.shell.nav.bulkEntry }).click();
      await page.waitForURL(`**${BULK}`);
      await expect.poll(() => page.locator('main h1').textContent()).toBe(ex.bulk.title);
      await page.locator('.bulk-grid').waitFor();
      const before = await serverGrid(page);
      const cells = before.programs.filter((p) => p.editable).flatMap((p) => p.kpis.map((k) => ({ program: p, kpi: k, label: label(k.name, p.title) })));
      expect(cells.length, 'editable cells for the officer').toBeGreaterThanOrEqual(2);
      // Four edits over the available cells (the last ones revisit earlier cells when there are few).
      const at = (i: number) => cells[i % cells.length]!;
      const typed = new Map<string, number>();
      const put = (i: number, text: string, value: number) => {
        typed.set(`${at(i).program.id}/${at(i).kpi.id}`, value);
        return typeInto(page, at(i).label, text);
      };

      // 1. Online: typed, saved as it goes; Enter moves to the next row.
      await put(0, '1.250', 1250);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.getAttribute('aria-label'))).toBe(at(1).label);
      await expect.poll(() => status(page).textContent(), { timeout: SYNC_WAIT }).toBe(ex.bulk.status.synced);

      // 2. Offline: still typed, marked "not synced" in the cell and in the status line.
      await ctx.setOffline(true);
      await put(1, '12,5', 12.5);
      const cell1 = page.locator('.bulk-cell', { has: page.getByRole('textbox', { name: at(1).label, exact: true }) });
      await expect.poll(() => cell1.getAttribute('data-sync')).toBe('pending');
      await expect.poll(() => cell1.textContent()).toContain(ex.bulk.cell.notSynced);
      await expect.poll(() => status(page).textContent()).toContain(ex.bulk.status.offline);
      await expect.poll(() => status(page).textContent()).toContain(ex.bulk.status.pending_other.replace('{{count}}', '1'));

      // 3. The server stays unreachable while the page is reloaded (the browser itself cannot
      //    load a page offline without a service worker): the typed value is still there.
      await ctx.route('**/api/regions/**', (route) => route.abort('internetdisconnected'));
      await ctx.setOffline(false);
      await page.reload();
      await page.locator('.bulk-grid').waitFor();
      await expect.poll(() => page.getByRole('textbox', { name: at(1).label, exact: true }).inputValue()).toBe('12,5');
      await expect.poll(() => page.locator('.bulk-cell', { has: page.getByRole('textbox', { name: at(1).label, exact: true }) }).getAttribute('data-sync')).toBe('pending');
      await expect.poll(() => page.locator('main').textContent()).toContain(ex.bulk.status.cached);
      await put(2, '7', 7);
      // The server answers nothing: the status line keeps counting what waits.
      await expect.poll(() => status(page).textContent(), { timeout: SYNC_WAIT }).toContain(ex.bulk.status.pending_other.replace('{{count}} ', '').replace('.', ''));

      // 4. Offline again, one more value; then the network returns ("online" event).
      await ctx.setOffline(true);
      await put(3, '99', 99);
      await ctx.unroute('**/api/regions/**');
      await ctx.setOffline(false);
      await expect.poll(() => status(page).textContent(), { timeout: SYNC_WAIT }).toBe(ex.bulk.status.synced);
      for (const c of cells.slice(0, 4)) {
        await expect.poll(() => page.locator('.bulk-cell', { has: page.getByRole('textbox', { name: c.label, exact: true }) }).getAttribute('data-sync')).toBe('synced');
      }

      // Every typed value is on the server.
      const after = await serverGrid(page);
      for (const [key, value] of typed) {
        const [programId, kpiId] = key.split('/');
        const kpi = after.programs.find((p) => p.id === programId)!.kpis.find((k) => k.id === kpiId)!;
        expect(kpi.value, `${key}`).toBe(value);
      }

      // The page is accessible (no serious or critical axe violations).
      const axe = await new AxeBuilder({ page }).include('main').analyze();
      const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(bad).toEqual([]);
    });
  });

  test('a value changed on the server meanwhile is shown as a conflict, not overwritten; the officer chooses', async () => {
    const database = (env.app as { database?: { db: Db } }).database;
    if (!database) return; // needs the database to change a value behind the page's back
    await withPage(env.browser, async (page: Page) => {
      await login(page, OFFICER);
      await page.goto(`${env.app.url}${BULK}`);
      await page.locator('.bulk-grid').waitFor();
      const grid = await serverGrid(page);
      const p = grid.programs.find((x) => x.editable)!;
      const k = p.kpis[0]!;
      const cellLabel = label(k.name, p.title);
      await typeInto(page, cellLabel, '10');
      await expect.poll(() => status(page).textContent(), { timeout: SYNC_WAIT }).toBe(ex.bulk.status.synced);
      // Someone else (another tab, the coordinator) sets 4242 meanwhile.
      const [report] = await database.db.select().from(progressReports).where(and(eq(progressReports.programId, p.id), eq(progressReports.periodId, grid.period.id)));
      await database.db.update(reportKpiValues).set({ value: 4242 }).where(and(eq(reportKpiValues.reportId, report!.id), eq(reportKpiValues.kpiId, k.id)));
      await typeInto(page, cellLabel, '11');
      const cell = page.locator('.bulk-cell', { has: page.getByRole('textbox', { name: cellLabel, exact: true }) });
      await expect.poll(() => cell.getAttribute('data-sync'), { timeout: SYNC_WAIT }).toBe('conflict');
      await expect.poll(() => cell.textContent()).toContain(ex.bulk.cell.conflict.replace('{{server}}', '4.242'));
      const [still] = await database.db.select().from(reportKpiValues).where(and(eq(reportKpiValues.reportId, report!.id), eq(reportKpiValues.kpiId, k.id)));
      expect(still!.value, 'not silently overwritten').toBe(4242);
      await cell.getByRole('button', { name: ex.bulk.cell.keepMine.replace('{{mine}}', '11') }).click();
      await expect.poll(() => cell.getAttribute('data-sync'), { timeout: SYNC_WAIT }).toBe('synced');
      const [mine] = await database.db.select().from(reportKpiValues).where(and(eq(reportKpiValues.reportId, report!.id), eq(reportKpiValues.kpiId, k.id)));
      expect(mine!.value).toBe(11);
    });
  });

  test('the console lists the officer\'s reminders behind the bell, and marks them read', async () => {
    // The reminder job (off in tests) runs once, as if it were five days before the current period's due date.
    const database = (env.app as { database?: { db: Db } }).database;
    if (!database) return; // against PILAR_E2E_URL the job is the server's own
    const periods = await database.db.select().from(reportingPeriods).where(eq(reportingPeriods.regionCode, KUKAR));
    const today = new Date().toISOString().slice(0, 10);
    const next = periods.filter((p) => !p.closedAt && p.dueOn >= today).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0]!;
    const r = await runReminders(database.db, { now: new Date(Date.parse(`${next.dueOn}T09:00:00+08:00`) - 5 * 86_400_000), mailer: createMailer({ url: undefined, from: '' }, { info: () => {} }) });
    expect(r.created).toBeGreaterThan(0);
    await withPage(env.browser, async (page: Page) => {
      await login(page, OFFICER);
      const bell = page.getByRole('link', { name: new RegExp(`^${ex.bell.label}`) });
      await expect.poll(() => bell.textContent()).toMatch(/\d/);
      await page.getByRole('link', { name: new RegExp(`^${ex.bell.label}`) }).click();
      await page.waitForURL('**/admin/notifikasi');
      await expect.poll(() => page.locator('main h1').textContent()).toBe(ex.notifications.title);
      const first = page.locator('.notification').first();
      await expect.poll(() => first.textContent()).toContain(`Laporan ${next.label} jatuh tempo`);
      await page.getByRole('button', { name: ex.notifications.markAllRead }).click();
      await expect.poll(() => page.locator('.notification.is-unread').count()).toBe(0);
      await expect.poll(() => bell.textContent()).toBe(ex.bell.label);
    });
  });
});
