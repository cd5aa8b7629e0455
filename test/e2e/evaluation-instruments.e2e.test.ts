/**
 * The evaluation instruments page in Chromium (issue 7): the national admin sees the shipped
 * instruments, checks a file with two mistakes and sees each with its line and field, then
 * imports a good file. axe-clean. Needs `npm run build:web` first.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBrowserApp, withPage, loginAs } from '../support/browser.ts';
import { SMALL } from '../../src/modules/evaluation/instruments/fixtures.ts';
import t from '../../web/src/i18n/evaluation-instruments/id.json' with { type: 'json' };
import admin from '../../web/src/i18n/admin/id.json' with { type: 'json' };

let app: { url: string; close(): Promise<void> };
let browser: Browser;
beforeAll(async () => { ({ app, browser } = await startBrowserApp()); }, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Logs in through /masuk (test/support/browser.ts). */
const login = (page: Page, email: string) => loginAs(page, app.url, email);

describe('evaluation instruments page', () => {
  test('the national admin checks a broken file (line and field named), then imports a good one', async () => {
    await withPage(browser, async (page) => {
      await login(page, 'admin@demo.pilar.id');
      await page.getByRole('link', { name: admin.shell.nav.instruments }).click();
      await page.waitForURL('**/admin/instrumen');
      await expect.poll(() => page.locator('main h1').textContent()).toBe(t.title);
      const rows = page.locator('table.instruments-table tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(7);
      const kppn = page.locator('tr[data-instrument="gmsc-kppn-ikn-2022"]');
      await expect.poll(() => kppn.textContent()).toContain('30 %');
      expect(await page.locator('tr[data-instrument="spbe-2020"]').textContent()).toContain('Memuaskan ≥ 4.2');
      // The whole instrument: levels with what they require and the evidence they expect.
      await page.locator('tr[data-instrument="spbe-2020"]').getByRole('button', { name: t.list.show }).click();
      const detail = page.locator('#instrument-spbe-2020');
      await expect.poll(() => detail.locator('dt').count()).toBe(47 * 5);
      const detailText = await detail.textContent();
      expect(detailText).toContain('Level 1 — Rintisan');
      expect(detailText).toContain('Level 4 — Terpadu dan Terukur');
      expect(detailText).toContain(`${t.detail.evidence}:`);
      expect(detailText).toContain(t.detail.cumulative);
      await page.locator('tr[data-instrument="spbe-2020"]').getByRole('button', { name: t.list.hide }).click();

      const text = page.getByRole('textbox', { name: t.upload.paste });
      await text.fill(SMALL.replace('weight: 60%', 'weight: 50%').replace('                description: {id: Ditetapkan, en: Adopted}\n', ''));
      await page.getByRole('button', { name: t.upload.check }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'File ditolak' });
      await expect.poll(() => alert.textContent()).toContain('Baris 10, kolom 1 · components');
      const problems = await alert.textContent();
      expect(problems).toContain('jumlah bobot komponen 90 %, harus 100 %');
      expect(problems).toContain('Baris 26');
      expect(problems).toContain('components.0.aspects.0.indicators.0.levels.1.description');

      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

      await text.fill(SMALL);
      await page.getByRole('button', { name: t.upload.check }).click();
      await page.getByRole('button', { name: t.upload.import, exact: true }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Diimpor' }).textContent()).toContain('kecil-2025 versi 1');
      await expect.poll(() => page.locator('tr[data-instrument="kecil-2025"]').count()).toBe(1);
    });
  });

  test('a coordinator does not get the page in the menu', async () => {
    await withPage(browser, async (page) => {
      await login(page, 'koordinator.kukar@demo.pilar.id');
      await page.locator('nav.admin-nav').waitFor();
      expect(await page.getByRole('link', { name: admin.shell.nav.instruments }).count()).toBe(0);
    });
  });
});
