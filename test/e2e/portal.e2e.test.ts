/**
 * The public portal in Chromium: national → region → pillar → program journey, language
 * switch, program-list filters, accessibility (axe-core) and the Kukar 2022 quick wins.
 *
 * Needs the web app built first (`npm run build:web`). Runs against the real server from
 * test/support/app.ts, or against PILAR_E2E_URL when that is set (e.g. a dev server).
 */
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startBrowserApp, withPage as sharedWithPage } from '../support/browser.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import id from '../../web/src/i18n/id.json' with { type: 'json' };

const KUKAR = '64.02';
const QUICK_WINS_2022 = ['Becik', 'Kukar Asia Wonders', 'Bangmus Kebulan', 'Kidung', 'Siruni', 'Smart Bio Village'];
const STEP = 30_000;

let app: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await startBrowserApp());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A fresh browser context per test (see test/support/browser.ts). */
const withPage = (fn: (page: Page, ctx: BrowserContext) => Promise<void>, opts?: Parameters<typeof sharedWithPage>[2]) => sharedWithPage(browser, fn, opts);

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${app.url}${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

type ProgramDoc = { id: string; title: string; locations: { level: string; lat: number | null }[]; kpis: unknown[] };

describe('public portal', () => {
  test('journey: national → Kutai Kartanegara → Smart Governance → a program with KPIs and a village map', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/`);
      await expect.poll(() => page.locator('h1').textContent()).toBe(id.national.title);
      await page.getByRole('link', { name: 'Kabupaten Kutai Kartanegara' }).click();

      await page.waitForURL(`**/wilayah/${KUKAR}`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Kabupaten Kutai Kartanegara');
      const pillarCards = page.locator('#pillars .pillar-card');
      await expect.poll(() => pillarCards.count()).toBe(6);
      await page.locator('#pillars').getByRole('link', { name: 'Smart Governance', exact: true }).click();

      await page.waitForURL(`**/wilayah/${KUKAR}/pilar/governance`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Smart Governance');
      const links = page.locator('.program-list .program-title a');
      await expect.poll(() => links.count()).toBeGreaterThan(0);
      // Open the first listed program that runs in villages with coordinates (so the map has markers).
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      let target: ProgramDoc | undefined;
      for (const href of hrefs) {
        const doc = await api<ProgramDoc>(`/api/programs/${href.split('/').pop()}`);
        if (doc.kpis.length && doc.locations.some((l) => l.level === 'village' && l.lat !== null)) {
          target = doc;
          break;
        }
      }
      expect(target, 'a Smart Governance program with KPIs and village locations').toBeDefined();
      await page.locator(`.program-list a[href="/program/${target!.id}"]`).click();

      await page.waitForURL(`**/program/${target!.id}`);
      await expect.poll(() => page.locator('h1').textContent()).toBe(target!.title);
      const kpi = page.locator('#kpi');
      await expect.poll(() => kpi.getByRole('heading', { level: 2 }).textContent()).toBe(id.program.kpis.title);
      await expect.poll(() => kpi.locator('table.kpi-table').count()).toBe(target!.kpis.length);
      // The map is loaded lazily when it scrolls into view.
      const map = page.locator('#lokasi .map.leaflet-container');
      await page.locator('#lokasi').scrollIntoViewIfNeeded();
      await map.waitFor({ state: 'visible' });
      expect(await map.getAttribute('aria-label')).toBeTruthy();
      await expect.poll(() => map.locator('path.loc-marker, path.loc-village').count(), { timeout: STEP }).toBeGreaterThan(0);
      // Breadcrumbs lead back up: national > region > pillar > program.
      const crumbs = await page.locator('nav.crumbs li').allTextContents();
      expect(crumbs.slice(0, 3)).toEqual([id.crumbs.national, 'Kabupaten Kutai Kartanegara', 'Smart Governance']);
    });
  });

  test('language switch: English is applied, remembered after reload, and can be switched back', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/wilayah/${KUKAR}`);
      const pillarsHeading = page.locator('#pillars-title');
      await expect.poll(() => pillarsHeading.textContent()).toBe(id.region.pillars.title);
      expect(await page.locator('html').getAttribute('lang')).toBe('id');

      await page.getByRole('button', { name: en.lang.en }).click();
      await expect.poll(() => pillarsHeading.textContent()).toBe(en.region.pillars.title);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.getByRole('button', { name: en.lang.en }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('#budget-title').textContent()).toBe(en.region.budget.title);
      expect(await page.locator('nav.crumbs li').first().textContent()).toBe(en.crumbs.national);

      await page.reload();
      await expect.poll(() => pillarsHeading.textContent()).toBe(en.region.pillars.title);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.evaluate(() => localStorage.getItem('pilar.lang'))).toBe('en');

      // Keyboard: focus the Indonesian button and press Enter.
      await page.getByRole('button', { name: id.lang.id }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => pillarsHeading.textContent()).toBe(id.region.pillars.title);
      expect(await page.locator('html').getAttribute('lang')).toBe('id');
      expect(await page.evaluate(() => localStorage.getItem('pilar.lang'))).toBe('id');
    });
  });

  test('program list: filtering by pillar updates the results and the URL', async () => {
    await withPage(async (page) => {
      const all = await api<{ total: number }>(`/api/regions/${KUKAR}/programs?limit=1`);
      const env = await api<{ total: number }>(`/api/regions/${KUKAR}/programs?dimension=environment&limit=1`);
      expect(env.total).toBeGreaterThan(0);
      expect(env.total).toBeLessThan(all.total);

      await page.goto(`${app.url}/wilayah/${KUKAR}/program`);
      const count = page.locator('.results-count');
      await expect.poll(() => count.textContent()).toContain(String(all.total));

      await page.getByLabel(id.programs.filters.dimension, { exact: true }).selectOption('environment');
      await expect.poll(() => new URL(page.url()).searchParams.get('pilar')).toBe('environment');
      await expect.poll(() => count.textContent()).toContain(String(env.total));
      const items = page.locator('.program-list > li');
      await expect.poll(() => items.count()).toBe(Math.min(env.total, 20));
      const classes = await items.evaluateAll((els) => els.map((e) => e.className));
      expect(classes.every((c) => c.includes('pillar-environment'))).toBe(true);

      // The filter lives in the URL: reloading keeps it.
      await page.reload();
      await expect.poll(() => count.textContent()).toContain(String(env.total));
      expect(await page.getByLabel(id.programs.filters.dimension, { exact: true }).inputValue()).toBe('environment');

      // Clearing it brings every program back.
      await page.getByLabel(id.programs.filters.dimension, { exact: true }).selectOption('');
      await expect.poll(() => new URL(page.url()).searchParams.has('pilar')).toBe(false);
      await expect.poll(() => count.textContent()).toContain(String(all.total));
    });
  });

  test('accessibility: no serious or critical axe-core violations on national, region and program pages', async () => {
    const programs = await api<{ items: { id: string }[] }>(`/api/regions/${KUKAR}/programs?dimension=governance&limit=50`);
    let programId = programs.items[0]?.id;
    for (const p of programs.items) {
      const doc = await api<ProgramDoc>(`/api/programs/${p.id}`);
      if (doc.locations.length && doc.kpis.length) {
        programId = p.id;
        break;
      }
    }
    expect(programId).toBeDefined();
    const pages: [string, string][] = [
      ['national', '/'],
      ['region', `/wilayah/${KUKAR}`],
      ['program', `/program/${programId}`],
    ];
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await withPage(async (page) => {
        for (const [name, path] of pages) {
          await page.goto(`${app.url}${path}`);
          await page.locator('main h1').waitFor();
          await page.locator('main [aria-busy="true"]').first().waitFor({ state: 'detached' }).catch(() => undefined);
          // Let the lazy maps and charts mount so they are checked too.
          await page.evaluate(async () => {
            for (let y = 0; y < document.body.scrollHeight; y += 500) {
              window.scrollTo(0, y);
              await new Promise((r) => setTimeout(r, 60));
            }
          });
          if (name !== 'region') await page.locator('.leaflet-container').first().waitFor();
          await page.waitForLoadState('networkidle');
          const result = await new AxeBuilder({ page }).analyze();
          const bad = result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
          expect(bad, `${name} page at ${viewport.width}px`).toEqual([]);
        }
      }, { viewport });
    }
  });

  test('region page: the 2022 quick wins of Kutai Kartanegara, by URL and by the year selector', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/wilayah/${KUKAR}?tahun=2022`);
      const section = page.locator('#quick-wins');
      await expect.poll(() => section.locator('.qw-title').count()).toBe(6);
      const titles = await section.locator('.qw-title').allTextContents();
      expect([...titles].sort()).toEqual([...QUICK_WINS_2022].sort());
      expect(await section.getByRole('heading', { level: 2 }).textContent()).toContain('2022');
    });
    await withPage(async (page) => {
      await page.goto(`${app.url}/wilayah/${KUKAR}`);
      const section = page.locator('#quick-wins');
      await expect.poll(() => section.locator('.qw-title').count()).toBeGreaterThan(0);
      await section.getByLabel(id.region.quickWins.yearLabel).selectOption('2022');
      await expect.poll(() => new URL(page.url()).searchParams.get('tahun')).toBe('2022');
      await expect.poll(async () => [...(await section.locator('.qw-title').allTextContents())].sort()).toEqual([...QUICK_WINS_2022].sort());
    }, { viewport: { width: 390, height: 844 } });
  });
});
