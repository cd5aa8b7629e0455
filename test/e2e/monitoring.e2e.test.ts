/**
 * Monitoring in Chromium (issue 5): an OPD officer submits a progress report with a photo as
 * evidence → the coordinator returns it with a comment → the officer sees the comment, fixes
 * and resubmits → the coordinator approves → the public program page shows the new progress,
 * the new chart point and "updated today". Real server, real database, real JPEG (sharp).
 *
 * Needs the web app built first (`npm run build:web`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/core/config.ts';
import type { App } from '../../src/core/http.ts';
import { createApp } from '../../src/server.ts';
import mon from '../../web/src/i18n/monitoring/id.json' with { type: 'json' };
import { CHROMIUM_ARGS, withPage, type StorageState, loginAs } from '../support/browser.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { wilayahDir } from '../support/engine.ts';

const KUKAR = '64.02';
const OFFICER = 'opd.kukar@demo.pilar.id';
const COORDINATOR = 'koordinator.kukar@demo.pilar.id';
const COMMENT = 'Foto kurang jelas; tambahkan jumlah penonton per kecamatan.';

let database: TestDatabase;
let app: App;
let url: string;
let browser: Browser;
let filesDir: string;

type Kpi = { id: string; name: string; unit: string };
let program: { id: string; code: string; title: string; kpis: Kpi[] };
let period: { id: string; label: string };
let officerState: StorageState;
let coordinatorState: StorageState;
let reportId: string;

async function api<T>(p: string): Promise<T> {
  const res = await fetch(`${url}${p}`);
  if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilar-mon-e2e-'));
  database = await testDatabase();
  app = await createApp(database, { ...loadConfig({}), port: 0, host: '127.0.0.1', wilayahDir, logLevel: 'warn', filesDir }, { logger: false });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  const html = await (await fetch(`${url}/`)).text();
  if (!html.includes('id="root"')) throw new Error('The web app is not built: run `npm run build:web` before the browser tests.');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  // A program of the officer's OPD (Dinas Pariwisata) that runs this year, and this quarter.
  const year = new Date().getUTCFullYear();
  const list = await api<{ items: { id: string; startYear: number; endYear: number; leadOpd: { name: string } }[] }>(`/api/regions/${KUKAR}/programs?limit=200&sort=code`);
  const own = list.items.find((p) => p.leadOpd.name === 'Dinas Pariwisata' && p.startYear <= year && p.endYear >= year);
  expect(own, 'a running Dinas Pariwisata program in the demo').toBeDefined();
  program = await api(`/api/programs/${own!.id}`);
  const today = new Date().toISOString().slice(0, 10);
  const periods = await api<{ id: string; label: string; startsOn: string; dueOn: string; state: string }[]>(`/api/regions/${KUKAR}/periods?year=${year}`);
  period = periods.find((p) => p.state === 'open' && p.startsOn <= today && p.dueOn >= today)!;
  expect(period, 'an open period this quarter').toBeDefined();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

/** Logs in through /masuk (test/support/browser.ts). */
const login = (page: Page, email: string) => loginAs(page, url, email);

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const kpiLabel = (k: Kpi) => `${k.name} (${k.unit})`;

async function expectAxeClean(page: Page, include: string) {
  const result = await new AxeBuilder({ page }).include(include).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('monitoring: report, review, public', () => {
  test('the officer starts the quarter\'s report, fills it, attaches a photo and submits', async () => {
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 120, b: 60 } } }).jpeg({ quality: 85 }).toBuffer();
    await withPage(browser, async (page, ctx) => {
      await login(page, OFFICER);
      officerState = await ctx.storageState();
      // The console menu leads to monitoring; "my updates" lists this quarter's report to do.
      await page.getByRole('link', { name: 'Pemantauan', exact: true }).click();
      await page.getByRole('link', { name: mon.nav.mine, exact: true }).click();
      const start = page.getByRole('button', { name: mon.mine.startLabel.replace('{{code}}', program.code).replace('{{label}}', period.label) });
      await start.click();
      await page.waitForURL('**/admin/laporan/**');
      reportId = page.url().split('/').pop()!;
      await expect.poll(() => page.locator('main h1').textContent()).toBe(mon.report.title.replace('{{code}}', program.code).replace('{{label}}', period.label));

      // Submitting an empty report names the first missing field.
      await page.getByRole('button', { name: mon.report.submit }).click();
      await expect.poll(() => field(page, mon.report.physicalPct).getAttribute('aria-invalid')).toBe('true');

      await field(page, mon.report.physicalPct).fill('40');
      await field(page, mon.report.budgetRealised).fill('150000000');
      for (const [i, k] of program.kpis.entries()) await field(page, kpiLabel(k)).fill(String(50 + i));
      await field(page, mon.report.narrative).fill('Siaran langsung Erau berjalan di tiga kecamatan.');
      await page.getByLabel(mon.report.evidence).setInputFiles({ name: 'erau.jpg', mimeType: 'image/jpeg', buffer: photo });
      await expect.poll(() => page.locator('main').textContent()).toContain('erau.jpg');
      await expectAxeClean(page, 'main');
      await page.getByRole('button', { name: mon.report.submit }).click();
      await expect.poll(() => page.locator('.mon-report').first().textContent()).toBe(mon.report.status.submitted);
      // Submitted reports are read-only for the officer.
      expect(await page.getByRole('button', { name: mon.report.save }).count()).toBe(0);
    });
  });

  test('the coordinator finds it waiting and returns it with a comment', async () => {
    await withPage(browser, async (page, ctx) => {
      await login(page, COORDINATOR);
      coordinatorState = await ctx.storageState();
      await page.goto(`${url}/admin/wilayah/${KUKAR}/monitoring/pembaruan`);
      await page.getByRole('link', { name: new RegExp(`${program.code} · .* · ${period.label}`) }).click();
      await page.waitForURL(`**/admin/laporan/${reportId}`);
      await expect.poll(() => page.getByTestId('physical').textContent()).toBe('40%');
      // The evidence is there for the reviewer.
      await expect.poll(() => page.locator('main').textContent()).toContain('erau.jpg');
      await field(page, mon.review.comment).fill(COMMENT);
      await page.getByRole('button', { name: mon.review.return }).click();
      await expect.poll(() => page.locator('.mon-report').first().textContent()).toBe(mon.report.status.returned);
    }, { storageState: coordinatorState });
  });

  test('the officer sees the comment, fixes and resubmits', async () => {
    await withPage(browser, async (page) => {
      await page.goto(`${url}/admin/wilayah/${KUKAR}/monitoring/pembaruan`);
      // "My updates" puts the returned report first, with the comment.
      await expect.poll(() => page.locator('.mon-item').first().textContent()).toContain(COMMENT);
      await page.locator('.mon-item').first().getByRole('link', { name: mon.mine.open }).click();
      await expect.poll(() => page.getByTestId('review-comment').textContent()).toBe(COMMENT);
      await field(page, mon.report.physicalPct).fill('45');
      for (const [i, k] of program.kpis.entries()) await field(page, kpiLabel(k)).fill(String(60 + i));
      await page.getByRole('button', { name: mon.report.submit }).click();
      await expect.poll(() => page.locator('.mon-report').first().textContent()).toBe(mon.report.status.submitted);
    }, { storageState: officerState });
  });

  test('the coordinator approves; the public program page shows the new progress, chart point and "updated today"', async () => {
    await withPage(browser, async (page) => {
      await page.goto(`${url}/admin/laporan/${reportId}`);
      await page.getByRole('button', { name: mon.review.approve }).click();
      await expect.poll(() => page.locator('.mon-report').first().textContent()).toBe(mon.report.status.approved);
    }, { storageState: coordinatorState });

    await withPage(browser, async (page) => {
      await page.goto(`${url}/program/${program.id}`);
      const section = page.locator('#pemantauan');
      await section.scrollIntoViewIfNeeded();
      await expect.poll(() => section.locator('.mon-updated').textContent()).toBe(mon.staleness.today);
      const lastRow = page.getByTestId('mon-series').locator('tbody tr').last();
      await expect.poll(() => lastRow.locator('th').textContent()).toContain(period.label);
      await expect.poll(() => lastRow.locator('td').first().textContent()).toBe('45%');
      // The KPI chart has the new point (the table beside it carries the same numbers).
      const kpiTable = section.locator('.mon-kpis .mon-card').first().locator('table tbody tr').last();
      await expect.poll(() => kpiTable.locator('th').textContent()).toBe(period.label);
      await expect.poll(() => kpiTable.locator('td').first().textContent()).toBe('60');
      const canvas = section.locator('.mon-kpis canvas').first();
      await canvas.scrollIntoViewIfNeeded();
      await expect.poll(() => canvas.getAttribute('data-points')).toMatch(/,\d+$/);
      // The evidence photo is now public.
      await expect.poll(() => section.textContent()).toContain('erau.jpg');
      await expectAxeClean(page, '#pemantauan');
    });
  });

  test('the region dashboard shows pillars, OPDs, quick wins, KPI charts and a map of where programs are late', async () => {
    const dash = await api<{ programs: { status: string; districts: string[] }[]; dimensions: unknown[] }>(`/api/regions/${KUKAR}/monitoring`);
    const lateDistricts = new Set(dash.programs.filter((p) => p.status === 'late').flatMap((p) => p.districts));
    expect(lateDistricts.size, 'the demo has late programs somewhere').toBeGreaterThan(0);
    await withPage(browser, async (page) => {
      await page.goto(`${url}/admin/wilayah/${KUKAR}/monitoring`);
      await expect.poll(() => page.locator('main h1').textContent()).toBe(`${mon.title}: ${mon.nav.dashboard}`);
      await expect.poll(() => page.locator('.mon-dashboard .mon-grid').first().locator('article').count()).toBe(dash.dimensions.length);
      // Our approved report is part of the figures: the program shows "updated today".
      const row = page.locator('.mon-dashboard tr', { hasText: program.code });
      await expect.poll(() => row.locator('.mon-updated').textContent()).toBe(mon.staleness.today);
      // The map mounts (lazily) once its box comes near the viewport.
      await page.getByRole('heading', { name: mon.dash.mapTitle }).scrollIntoViewIfNeeded();
      await page.getByRole('region', { name: /^Peta kecamatan/ }).scrollIntoViewIfNeeded();
      await expect.poll(() => page.locator('path.late-district').count(), { timeout: 30_000 }).toBe(lateDistricts.size);
      const kpiCanvas = page.locator('.mon-kpis canvas').first();
      await kpiCanvas.scrollIntoViewIfNeeded();
      await expect.poll(() => kpiCanvas.getAttribute('data-points')).toMatch(/\d/);
      await expectAxeClean(page, 'main');

      // Periods & settings: the coordinator creates next year's quarters.
      await page.getByRole('link', { name: mon.nav.periods, exact: true }).click();
      const next = new Date().getUTCFullYear() + 1;
      await page.getByRole('combobox', { name: mon.period.year }).selectOption(String(next));
      await page.getByRole('button', { name: mon.period.generate.replace('{{year}}', String(next)) }).click();
      await expect.poll(() => page.getByRole('table', { name: mon.period.tableLabel }).locator('tbody th').allTextContents())
        .toEqual([1, 2, 3, 4].map((q) => `${next} T${q}`));
      await expectAxeClean(page, 'main');
    }, { storageState: coordinatorState });
  });
});
