/**
 * The yearly evaluation in Chromium (issue 7): Kukar's coordinator fills the 2025
 * self-assessment with evidence (a real PDF uploaded from the page, a link to one of the
 * region's programs) and submits it; Kukar's assessor validates two indicators lower with
 * reasons, writes the narrative from Pilar's candidates and finalises; the public result page
 * shows the index, a drawn radar chart and the strengths/weaknesses; the national page ranks
 * the four demo regencies.
 *
 * Needs the web app built first (`npm run build:web`). The tests run in order and share state.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdf } from '../../src/modules/files/testing.ts';
import evalId from '../../web/src/i18n/evaluation/id.json' with { type: 'json' };
import id from '../../web/src/i18n/id.json' with { type: 'json' };
import { startBrowserApp, withPage as sharedWithPage, loginAs } from '../support/browser.ts';

const KUKAR = '64.02';
const YEAR = 2025;
const COORDINATOR = 'koordinator.kukar@demo.pilar.id';
// Demo assessors are assigned to their own regency (src/modules/demo/users.ts): asesor.kukar → 64.02.
const ASSESSOR = 'asesor.kukar@demo.pilar.id';
const WORKSPACE = `/admin/wilayah/${KUKAR}/evaluasi/${YEAR}`;

let app: { url: string; close(): Promise<void> };
let browser: Browser;
/** Three plain (single-choice) indicators with a level 4, chosen from the instrument of the open cycle. */
let keys: string[] = [];

beforeAll(async () => {
  ({ app, browser } = await startBrowserApp());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const withPage = (fn: (page: Page, ctx: BrowserContext) => Promise<void>, opts?: Parameters<typeof sharedWithPage>[2]) => sharedWithPage(browser, fn, opts);

/** Logs in through /masuk (test/support/browser.ts). */
const login = (page: Page, email: string) => loginAs(page, app.url, email);

/** The cycle as the logged-in page sees it (through the API, with the page's session). */
function cycleOf(page: Page): Promise<any> {
  return page.evaluate(async (url) => (await fetch(url)).json(), `/api/regions/${KUKAR}/evaluations/${YEAR}`);
}

/** True when the canvas has at least one painted pixel. */
function drawn(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) return true;
    return false;
  });
}

const fmt = (x: number) => x.toFixed(2).replace('.', ',');

/** No serious or critical axe-core violations on the page as it is now. */
async function expectAxeClean(page: Page, name: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, name).toEqual([]);
}

describe('yearly evaluation', () => {
  test('the coordinator of Kutai Kartanegara fills the self-assessment with evidence and submits it', async () => {
    await withPage(async (page) => {
      await login(page, COORDINATOR);
      await page.goto(`${app.url}${WORKSPACE}`);
      await expect.poll(() => page.locator('main h1').textContent()).toContain(`Evaluasi ${YEAR}`);
      const cycle = await cycleOf(page);
      expect(cycle.status).toBe('self_assessment');
      keys = cycle.instrument.components.flatMap((c: any) => c.aspects.flatMap((a: any) => a.indicators))
        .filter((i: any) => !i.cumulative && i.levels.some((l: any) => l.level === 4)).slice(0, 3).map((i: any) => i.key);
      expect(keys).toHaveLength(3);
      const box = (key: string) => page.locator(`fieldset[data-indicator="${key}"]`);

      // Level descriptions are visible next to each choice.
      const firstLevel = cycle.instrument.components.flatMap((c: any) => c.aspects.flatMap((a: any) => a.indicators)).find((i: any) => i.key === keys[0]).levels[0];
      expect(await box(keys[0]!).textContent()).toContain(firstLevel.description.id);

      // 1: level 4 with a real PDF uploaded from the page.
      await box(keys[0]!).locator('input[type=radio][value="4"]').check();
      await box(keys[0]!).getByLabel(evalId.self.justification).fill('Peraturan bupati sudah ditetapkan.');
      const bytes = await pdf('Peraturan Bupati tentang Smart City — salinan');
      await box(keys[0]!).locator('input[type=file]').first().setInputFiles({ name: 'perbup-smart-city.pdf', mimeType: 'application/pdf', buffer: bytes });
      await box(keys[0]!).getByRole('link', { name: /perbup-smart-city\.pdf/ }).waitFor();
      // 2: level 4 with one of the region's programs linked as evidence.
      await box(keys[1]!).locator('input[type=radio][value="4"]').check();
      const linkSelect = box(keys[1]!).getByLabel(evalId.self.linkLabel);
      const option = await linkSelect.locator('option[value^="program:"]').first().getAttribute('value');
      await linkSelect.selectOption(option!);
      expect(await box(keys[1]!).locator('.eval-links li').count()).toBe(1);
      // 3: level 3 without evidence: the form warns.
      await box(keys[2]!).locator('input[type=radio][value="3"]').check();
      expect(await box(keys[2]!).textContent()).toContain(evalId.evidence.noneWarning);

      // 4: an Outcome indicator: Pilar suggests a level from the region's approved progress reports; accept it.
      const suggestedKey = Object.keys(cycle.suggestions).find((k) => !keys.includes(k))!;
      const suggestion = cycle.suggestions[suggestedKey];
      expect(await box(suggestedKey).locator('.eval-suggestion').textContent()).toContain(suggestion.explanation.id);
      await box(suggestedKey).getByRole('button', { name: evalId.self.acceptSuggestion }).click();
      expect(await box(suggestedKey).locator(`input[type=radio][value="${suggestion.level}"]`).isChecked()).toBe(true);
      expect(await box(suggestedKey).locator('.eval-links li').count()).toBe(suggestion.links.length);

      await page.getByRole('button', { name: evalId.self.save.replace('{{n}}', '4') }).click();
      await expect.poll(() => page.locator('.eval-saved').textContent()).toBe(evalId.self.saved.replace('{{n}}', '4'));
      const saved = await cycleOf(page);
      expect(saved.selfAnswers[keys[0]!].files).toHaveLength(1);
      expect(saved.selfAnswers[keys[1]!].links).toHaveLength(1);
      expect(saved.selfAnswers[suggestedKey]).toMatchObject({ level: suggestion.level, suggested: { level: suggestion.level, confirmed: true } });
      await expect.poll(() => page.getByTestId('console-self-index').textContent()).toBe(fmt(saved.scores.self.index));
      await expectAxeClean(page, 'self-assessment form');

      await page.getByRole('button', { name: evalId.self.submit }).click();
      await expect.poll(() => page.locator('.eval-steps [aria-current="step"]').textContent()).toBe(evalId.status.submitted);
      expect(await page.locator('main').textContent()).toContain(evalId.console.waitingForAssessor);
    });
    // Nothing is public before publication.
    expect((await fetch(`${app.url}/api/regions/${KUKAR}/evaluations/${YEAR}`)).status).toBe(404);
  });

  test('the assessor validates two indicators lower with reasons, writes the narrative and finalises', async () => {
    await withPage(async (page) => {
      await login(page, ASSESSOR);
      await page.goto(`${app.url}${WORKSPACE}`);
      const box = (key: string) => page.locator(`fieldset[data-indicator="${key}"]`);
      await box(keys[0]!).waitFor();
      // The evidence the region attached is in front of the assessor.
      await box(keys[0]!).getByRole('link', { name: /perbup-smart-city\.pdf/ }).waitFor();

      // A different level without a reason is refused, next to the indicator.
      await box(keys[0]!).getByLabel(evalId.validate.level).selectOption('3');
      await page.getByRole('button', { name: evalId.validate.save }).click();
      await expect.poll(() => box(keys[0]!).locator('.field-error').textContent()).toContain('alasan wajib diisi');

      await box(keys[0]!).getByLabel(/^Alasan/).fill('Perbup belum diundangkan dalam berita daerah.');
      await box(keys[2]!).getByLabel(evalId.validate.level).selectOption('1');
      await box(keys[2]!).getByLabel(/^Alasan/).fill('Tidak ada data dukung yang dapat diverifikasi.');
      await page.getByLabel(evalId.validate.interviewNotes).fill('Wawancara daring dengan Diskominfo dan Bappeda.');
      await page.getByRole('button', { name: evalId.validate.save }).click();
      await expect.poll(() => page.locator('.eval-saved').first().textContent()).toBe(evalId.validate.saved);
      const validated = await cycleOf(page);
      expect(validated.validation[keys[0]!]).toMatchObject({ level: 3, reason: 'Perbup belum diundangkan dalam berita daerah.' });
      expect(validated.scores.validated.index).toBeLessThan(validated.scores.self.index);

      // Narrative from Pilar's candidates, edited.
      const strengths = page.getByLabel(evalId.narrative.strengths, { exact: true });
      await page.locator('.eval-strengths').getByRole('button', { name: evalId.narrative.take }).first().click();
      expect((await strengths.inputValue()).length).toBeGreaterThan(5);
      await page.getByLabel(evalId.narrative.weaknesses, { exact: true }).fill('Sebagian jawaban tanpa data dukung.');
      await page.getByLabel(evalId.narrative.recommendations, { exact: true }).fill('Lengkapi data dukung sebelum evaluasi berikutnya.');
      await page.getByRole('button', { name: evalId.narrative.save }).click();
      await expect.poll(() => page.locator('.eval-narrative-editor .eval-saved').textContent()).toBe(evalId.narrative.saved);

      await expectAxeClean(page, 'validation view and narrative');
      await page.getByRole('button', { name: evalId.finalize.button }).click();
      await page.getByRole('button', { name: evalId.finalize.yes }).click();
      await expect.poll(() => page.locator('.alert-title').first().textContent()).toBe(evalId.finalize.published);
    });
  });

  test('the public result page shows the index, a drawn radar chart, the gap and the strengths and weaknesses', async () => {
    const cycle = await (await fetch(`${app.url}/api/regions/${KUKAR}/evaluations/${YEAR}`)).json();
    expect(cycle.published).toBe(true);
    await withPage(async (page) => {
      await page.goto(`${app.url}/wilayah/${KUKAR}`);
      // The region page links its evaluation results (the header links the national page).
      await page.locator('main').getByRole('link', { name: id.nav.evaluation }).click();
      await page.waitForURL(`**/wilayah/${KUKAR}/evaluasi/${YEAR}`);
      await expect.poll(() => page.getByTestId('eval-index').textContent()).toBe(fmt(cycle.scores.validated.index));
      expect(await page.getByTestId('eval-rank').textContent()).toBe('1 dari 1');
      const radar = page.locator('canvas[data-chart="radar"]');
      await radar.waitFor();
      await expect.poll(() => drawn(page, 'canvas[data-chart="radar"]')).toBe(true);
      expect(await radar.getAttribute('aria-label')).toBe(evalId.result.radarLabel);
      await expect.poll(() => drawn(page, 'canvas[data-chart="bars"]')).toBe(true);
      // Strengths and weaknesses as the assessor wrote them.
      expect(await page.locator('.eval-weaknesses li').allTextContents()).toEqual(['Sebagian jawaban tanpa data dukung.']);
      expect(await page.locator('.eval-strengths li').count()).toBe(1);
      // The assessor's reason and the evidence file in the indicator table; the unevidenced answer is flagged.
      const table = page.locator('.eval-indicator-table');
      expect(await table.textContent()).toContain('Perbup belum diundangkan dalam berita daerah.');
      await table.getByRole('link', { name: 'perbup-smart-city.pdf' }).waitFor();
      expect(await table.textContent()).toContain(evalId.evidence.none);
      // Year over year: 2022, 2023 and 2025 on the line, instruments differ and the page says so.
      await expect.poll(() => drawn(page, 'canvas[data-chart="line"]')).toBe(true);
      expect(await page.locator('main').textContent()).toContain(evalId.result.instrumentsDiffer);
      // The report is offered for download.
      const href = await page.getByRole('link', { name: evalId.result.downloadPdf }).getAttribute('href');
      const report = await fetch(`${app.url}${href}`);
      expect(report.headers.get('content-type')).toBe('application/pdf');
      await expectAxeClean(page, 'result page');
    });
  });

  test('the national page ranks the demo regencies, with a map and filters by year and province', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/`);
      await page.locator('.site-header').getByRole('link', { name: id.nav.evaluation }).click();
      await page.waitForURL('**/evaluasi');
      const ranking = page.getByTestId('eval-ranking');
      await ranking.waitFor();
      // 2025: only Kukar is final; 2023: the four regencies.
      await page.getByLabel(evalId.national.year).selectOption('2023');
      await expect.poll(() => ranking.locator('tbody tr').count()).toBe(4);
      const api = await (await fetch(`${app.url}/api/evaluation/results?year=2023`)).json();
      const rows = await ranking.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));
      expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4']);
      expect(api.items.map((i: { regionCode: string }) => i.regionCode).sort()).toEqual(['64.01', '64.02', '64.07', '64.09']);
      expect(rows.map((r) => r[1])).toEqual(api.items.map((i: { regionName: string }) => i.regionName));
      expect(rows[0]![3]).toContain(fmt(api.items[0].index));
      await page.getByLabel(evalId.national.province).selectOption('64');
      await expect.poll(() => ranking.locator('tbody tr').count()).toBe(4);
      await page.locator('#eval-map-h').scrollIntoViewIfNeeded();
      await page.locator('.eval-map.leaflet-container').waitFor();
      await expectAxeClean(page, 'national page');
    });
  });

  test('the what-if calculator computes an index from component scores on the server', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/evaluasi/kalkulator`);
      await page.getByLabel(evalId.whatIf.instrument).waitFor();
      await page.getByLabel(evalId.whatIf.instrument).selectOption('gmsc-kppn-ikn-2022');
      // All components at 3 → index 3,00; Quick Win (30 %) to 5 → 3,60.
      await expect.poll(() => page.getByTestId('whatif-index').textContent()).toBe('3,00');
      // A range input is moved like a user would: its value set, then an input event.
      await page.locator('#whatif-quickwin').evaluate((el) => {
        const input = el as HTMLInputElement;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '5');
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await expect.poll(() => page.getByTestId('whatif-index').textContent()).toBe('3,60');
    });
  });
});
