/**
 * The blank-spot connectivity planner in Chromium (issue 6): the coordinator of Kutai
 * Kartanegara opens the planner, sets a budget of Rp 4.9 billion, runs it, sees the chosen
 * sites on the map and in the table exactly as the API planned them, widens the tower radius
 * (towers with coverage circles and backhaul appear), and saves the scenario, which is listed
 * after a reload, then compares it side by side with a cover-all scenario. The page is
 * axe-clean and usable at phone width.
 *
 * Needs the web app built first (`npm run build:web`).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import admin from '../../web/src/i18n/admin/id.json' with { type: 'json' };
import conn from '../../web/src/i18n/connectivity/id.json' with { type: 'json' };
import { startBrowserApp, withPage, loginAs } from '../support/browser.ts';

const COORDINATOR = 'koordinator.kukar@demo.pilar.id';
const BUDGET = 4_900_000_000;
const SCENARIO = 'APBD Rp 4,9 miliar, radius 15 km';

interface PlanLike { budget: number | null; totalCost: number; towers: { site: string; backhaulNode: string | null }[]; vsat: { village: string }[] }

let app: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await startBrowserApp());
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Logs in through /masuk (test/support/browser.ts). */
const login = (page: Page) => loginAs(page, app.url, COORDINATOR);

/** The plan the server answered for a planning request whose body matches `want`. */
function planResponse(page: Page, want: (body: Record<string, unknown>) => boolean): Promise<PlanLike> {
  const isIt = (r: Response) => r.request().method() === 'POST' && r.url().includes('/connectivity/jobs') && want(JSON.parse(r.request().postData() ?? '{}'));
  return page.waitForResponse(isIt).then(async (r) => {
    const job = await r.json() as { id: string; status: string; plan: PlanLike | null };
    if (job.status === 'done' && job.plan) return job.plan;
    // Still running: the page polls; take the plan from the poll that finishes it.
    const done = await page.waitForResponse(async (p) => p.url().includes(`/connectivity/jobs/${job.id}`) && (await p.json() as { status: string }).status === 'done');
    return (await done.json() as { plan: PlanLike }).plan;
  });
}

/** Map and table show exactly the plan's sites. */
async function expectPlanShown(page: Page, plan: PlanLike) {
  const towers = plan.towers.map((t) => t.site);
  const vsat = plan.vsat.map((v) => v.village);
  await expect.poll(() => page.locator('table.conn-sites tbody tr[data-kind=tower]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site')))).toEqual(towers);
  await expect.poll(() => page.locator('table.conn-sites tbody tr[data-kind=vsat]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site')))).toEqual(vsat);
  await expect.poll(() => page.locator('.conn-map path.conn-tower').count()).toBe(towers.length);
  await expect.poll(() => page.locator('.conn-map path.conn-coverage').count()).toBe(towers.length);
  await expect.poll(() => page.locator('.conn-map path.conn-vsat').count()).toBe(vsat.length);
  await expect.poll(() => page.locator('.conn-map path.conn-backhaul').count()).toBe(plan.towers.filter((t) => t.backhaulNode).length);
  const rupiah = `Rp ${plan.totalCost.toLocaleString('id-ID')}`.replace(/\u00a0/g, ' ');
  await expect.poll(async () => (await page.getByTestId('conn-total').textContent())?.replace(/\u00a0/g, ' ')).toBe(rupiah);
}

describe('connectivity planner', () => {
  test('the Kukar coordinator plans Rp 4.9 billion, sees the sites on the map, and saves the scenario', async () => {
    await withPage(browser, async (page) => {
      await login(page);
      await page.locator('nav.admin-nav').getByRole('link', { name: admin.shell.nav.connectivity }).click();
      await page.waitForURL('**/admin/wilayah/64.02/konektivitas');
      await expect.poll(() => page.locator('main h1').textContent()).toBe(conn.title);

      // The budget: typed in rupiah; the plan follows (debounced), computed in a worker on the server.
      const first = planResponse(page, (b) => b.budget === BUDGET && b.radiusKm === 8);
      await page.getByLabel(conn.controls.budget, { exact: true }).fill(String(BUDGET));
      const plan = await first;
      expect(plan.budget).toBe(BUDGET);
      expect(plan.totalCost).toBeLessThanOrEqual(BUDGET);
      expect(plan.towers.length + plan.vsat.length).toBeGreaterThan(0);
      await expectPlanShown(page, plan);
      expect(await page.locator('.conn-map path.conn-village').count()).toBeGreaterThan(200);

      // A wider tower radius: a tower with its coverage circle and backhaul line enters the plan.
      const second = planResponse(page, (b) => b.budget === BUDGET && b.radiusKm === 15);
      await page.getByLabel(conn.controls.radius).fill('15');
      const wide = await second;
      expect(wide.towers.length).toBeGreaterThan(0);
      await expectPlanShown(page, wide);

      // "Hitung rencana" re-runs the same parameters and gets the same plan.
      const again = planResponse(page, (b) => b.budget === BUDGET && b.radiusKm === 15);
      await page.getByRole('button', { name: conn.controls.run }).click();
      expect((await again).towers.map((t) => t.site)).toEqual(wide.towers.map((t) => t.site));

      await page.getByLabel(conn.save.name).fill(SCENARIO);
      const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/connectivity/scenarios'));
      await page.getByRole('button', { name: conn.save.submit, exact: true }).click();
      const savedBody = await (await saved).json() as { id: string; totalCost: number };
      expect(savedBody.totalCost).toBe(wide.totalCost);
      await page.getByText(conn.save.saved.replace('{{name}}', SCENARIO)).waitFor();

      await page.reload();
      const item = page.locator(`li[data-scenario="${savedBody.id}"]`);
      await expect.poll(() => item.locator('h3').textContent()).toBe(SCENARIO);
      expect(await item.getByRole('link', { name: conn.scenarios.pdf }).getAttribute('href')).toBe(`/api/connectivity/scenarios/${savedBody.id}/plan.pdf`);

      // A second scenario (all villages at least cost), then both side by side.
      const coverAll = planResponse(page, (b) => b.objective === 'cover-all');
      await page.getByLabel(conn.controls.objectiveCoverAll).check();
      const all = await coverAll;
      await expectPlanShown(page, all);
      await page.getByLabel(conn.save.name).fill('Semua desa');
      await page.getByRole('button', { name: conn.save.submit, exact: true }).click();
      await page.getByText(conn.save.saved.replace('{{name}}', 'Semua desa')).waitFor();
      await page.getByLabel(conn.scenarios.select.replace('{{name}}', SCENARIO)).check();
      await page.getByLabel(conn.scenarios.select.replace('{{name}}', 'Semua desa')).check();
      await page.getByRole('button', { name: conn.scenarios.compare }).click();
      const table = page.locator('.conn-compare table');
      await expect.poll(() => table.locator('thead th').allTextContents()).toEqual([conn.compare.field, SCENARIO, 'Semua desa']);
      const costRow = table.locator('tbody tr').filter({ hasText: conn.compare.totalCost });
      expect((await costRow.locator('td').allTextContents()).map((x) => x.replace(/\u00a0/g, ' ')))
        .toEqual([wide.totalCost, all.totalCost].map((c) => `Rp ${c.toLocaleString('id-ID')}`));

      // "Jadikan program": the saved scenario's sites become masterplan programs, once.
      const made = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/connectivity/scenarios/${savedBody.id}/programs`));
      await item.getByRole('button', { name: conn.scenarios.makePrograms }).click();
      await item.getByRole('button', { name: admin.common.yes }).click();
      const madeBody = await (await made).json() as { programs: { id: string }[] };
      expect(madeBody.programs.length).toBe(wide.towers.length + (wide.vsat.length ? 1 : 0));
      await page.getByRole('link', { name: conn.scenarios.toPrograms }).waitFor();
      await expect.poll(() => item.getByRole('button', { name: conn.scenarios.makePrograms }).count()).toBe(0);

      const axe = await new AxeBuilder({ page }).include('main').analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    });
  });

  test('on a phone the planner fits the screen and plans', async () => {
    await withPage(browser, async (page) => {
      await login(page);
      const first = planResponse(page, () => true);
      await page.goto(`${app.url}/admin/wilayah/64.02/konektivitas`);
      const plan = await first;
      await expectPlanShown(page, plan);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }, { viewport: { width: 375, height: 740 } });
  });
});
