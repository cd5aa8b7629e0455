/**
 * The admin console in Chromium (issue 4): an OPD officer proposes a change, the coordinator
 * approves it from the dashboard, the public sees it; two editors of one program get a
 * version conflict; the console is axe-clean on desktop and phone widths.
 *
 * Needs the web app built first (`npm run build:web`). Runs against the real server from
 * test/support/app.ts over a fresh demo database, or against PILAR_E2E_URL when that is set
 * (then the demo accounts must be untouched: the tests change programs).
 */
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startBrowserApp, withPage as sharedWithPage, loginAs } from '../support/browser.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import adminEn from '../../web/src/i18n/admin/en.json' with { type: 'json' };
import admin from '../../web/src/i18n/admin/id.json' with { type: 'json' };
import id from '../../web/src/i18n/id.json' with { type: 'json' };

const KUKAR = '64.02';
const OFFICER = 'opd.kukar@demo.pilar.id';
const COORDINATOR = 'koordinator.kukar@demo.pilar.id';
const BAPPEDA = 'bappeda.kukar@demo.pilar.id';
const STEP = 30_000;
const NEW_TITLE = 'Kukar Asia Wonders — Festival Digital 2026';

let app: { url: string; close(): Promise<void> };
let browser: Browser;
/** The coordinator's logged-in session, shared by the tests after (b) (logins are rate-limited). */
let coordinatorState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;

type Summary = { id: string; title: string; leadOpd: { id: string; name: string } };
let wonders: Summary;
let otherOpdProgram: Summary;
let conflictProgram: Summary;

beforeAll(async () => {
  ({ app, browser } = await startBrowserApp());
  const list = await api<{ items: Summary[] }>(`/api/regions/${KUKAR}/programs?limit=200&sort=code`);
  wonders = list.items.find((p) => p.title === 'Kukar Asia Wonders')!;
  expect(wonders, 'Kukar Asia Wonders in the demo data').toBeDefined();
  const others = list.items.filter((p) => p.leadOpd.id !== wonders.leadOpd.id);
  expect(others.length).toBeGreaterThan(1);
  otherOpdProgram = others[0]!;
  conflictProgram = others[others.length - 1]!;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${app.url}${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** A fresh browser context per test (see test/support/browser.ts). */
const withPage = (fn: (page: Page, ctx: BrowserContext) => Promise<void>, opts?: Parameters<typeof sharedWithPage>[2]) => sharedWithPage(browser, fn, opts);

// Fields are found by their accessible name (the required-field asterisk is aria-hidden).
/** Logs in through /masuk (test/support/browser.ts). */
const login = (page: Page, email: string) => loginAs(page, app.url, email);

/** Opens a program in the console editor and waits for its form. */
async function openEditor(page: Page, programId: string) {
  await page.goto(`${app.url}/admin/program/${programId}`);
  await page.getByRole('textbox', { name: admin.fields.title, exact: true }).waitFor();
}

describe('admin console', () => {
  test('login: wrong password is named next to the field, in the current language', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/masuk`);
      await page.getByRole('textbox', { name: id.auth.email, exact: true }).fill(OFFICER);
      await page.locator('input[name=password]').fill('not-the-password');
      await page.locator('main form').getByRole('button', { name: id.auth.submit }).click();
      const password = page.locator('input[name=password]');
      await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
      const errorId = (await password.getAttribute('aria-describedby'))!.split(' ').pop()!;
      const error = page.locator(`[id="${errorId}"]`);
      await expect.poll(() => error.textContent()).toBe('Email atau kata sandi salah');
      await page.getByRole('button', { name: id.lang.en }).click();
      await expect.poll(() => error.textContent()).toBe('Wrong email or password');
      // The header offers "Log in" to visitors.
      expect(await page.locator('.site-header').getByRole('link', { name: 'Log in' }).count()).toBe(1);
    });
  });

  test('(a) an OPD officer proposes a new title for their program, and cannot edit another OPD\'s program', async () => {
    await withPage(async (page) => {
      await login(page, OFFICER);
      // The header names the user and offers "Keluar".
      await expect.poll(() => page.locator('.header-name').textContent()).toContain('Dinas Pariwisata');
      expect(await page.locator('.site-header').getByRole('button', { name: id.auth.logout }).count()).toBe(1);
      // The console menu of an OPD officer: their programs, quick KPI entry and monitoring — no
      // approvals, users, audit log, connectivity planner or evaluation.
      const menu = await page.getByRole('navigation', { name: admin.shell.navLabel }).getByRole('link').allTextContents();
      expect(menu).toEqual([admin.shell.nav.dashboard, admin.shell.nav.program, admin.shell.nav.bulkEntry, admin.shell.nav.monitoring, admin.shell.nav.account]);

      await openEditor(page, wonders.id);
      const title = page.getByRole('textbox', { name: admin.fields.title, exact: true });
      expect(await title.inputValue()).toBe('Kukar Asia Wonders');
      // Rules of the server run as the user types: an empty title is named at once.
      await title.fill('');
      await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
      await title.fill(NEW_TITLE);
      await expect.poll(() => title.getAttribute('aria-invalid')).toBe(null);
      await page.getByRole('button', { name: admin.program.submitDraft }).click();
      const banner = page.locator('.banner-slot');
      await expect.poll(() => banner.locator('.alert-title').first().textContent()).toBe(admin.program.outcome.pending.title);
      await expect.poll(() => banner.textContent()).toContain(admin.program.pendingTitle);
      // Still the old title for the public until someone approves it.
      expect((await api<{ title: string }>(`/api/programs/${wonders.id}`)).title).toBe('Kukar Asia Wonders');

      // Another OPD's program opens read-only, with the reason.
      await openEditor(page, otherOpdProgram.id);
      await expect.poll(() => page.locator('.read-only-reason').textContent()).toBe(admin.program.readOnlyOtherOpd.replace('{{opd}}', otherOpdProgram.leadOpd.name));
      expect(await page.getByRole('textbox', { name: admin.fields.title, exact: true }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: admin.program.submitDraft }).count()).toBe(0);
      // …and the server refuses the write too.
      const status = await page.evaluate(async (programId) => {
        const me = await (await fetch('/api/me')).json() as { csrfToken: string };
        const res = await fetch(`/api/programs/${programId}`, {
          method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ version: 1, title: 'x' }),
        });
        return res.status;
      }, otherOpdProgram.id);
      expect(status).toBe(403);
    });
  });

  test('(a2) meanwhile the public page keeps the published title, marked "changes pending"', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/program/${wonders.id}`);
      await expect.poll(() => page.locator('main h1').textContent()).toBe('Kukar Asia Wonders');
      await expect.poll(() => page.locator('.badge-pending').textContent()).toBe(id.program.pending);
    });
  });

  test('(b) the coordinator sees the pending change on the dashboard and approves it', async () => {
    await withPage(async (page, ctx) => {
      await login(page, COORDINATOR);
      coordinatorState = await ctx.storageState();
      const pending = page.locator('#pending');
      const card = pending.locator('article.change-card').filter({ hasText: 'Kukar Asia Wonders' });
      await expect.poll(() => card.count()).toBe(1);
      const diff = card.locator('table.diff-table tbody tr').filter({ hasText: admin.fields.title });
      await expect.poll(() => diff.locator('td').allTextContents()).toEqual(['Kukar Asia Wonders', NEW_TITLE]);
      await card.getByRole('button', { name: admin.changes.approve, exact: true }).click();
      await expect.poll(() => page.locator('main .alert-success').textContent())
        .toBe(admin.changes.approvedDone.replace('{{title}}', 'Kukar Asia Wonders'));
      await expect.poll(() => pending.locator('article.change-card').filter({ hasText: 'Kukar Asia Wonders' }).count()).toBe(0);
    });
  });

  test('(c) the public program page shows the approved title', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/program/${wonders.id}`);
      await expect.poll(() => page.locator('main h1').textContent()).toBe(NEW_TITLE);
      expect(await page.locator('.badge-pending').count()).toBe(0);
      expect(await page.locator('.site-header').getByRole('link', { name: id.auth.login }).count()).toBe(1);
    });
  });

  test('(d) two editors of one program: the second save gets the conflict message and can reload', async () => {
    expect(coordinatorState, 'the coordinator logged in in (b)').toBeDefined();
    const first = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID', storageState: coordinatorState });
    try {
      await withPage(async (second) => {
        await login(second, BAPPEDA);
        const one = await first.newPage();
        await openEditor(one, conflictProgram.id);
        await openEditor(second, conflictProgram.id);

        await one.getByRole('textbox', { name: admin.fields.title, exact: true }).fill(`${conflictProgram.title} (revisi koordinator)`);
        await one.getByRole('button', { name: admin.program.save, exact: true }).click();
        await expect.poll(() => one.locator('.banner-slot .alert-title').first().textContent()).toBe(admin.program.outcome.published.title);

        await second.getByRole('textbox', { name: admin.fields.description, exact: true }).fill('Deskripsi versi Bappeda.');
        await second.getByRole('button', { name: admin.program.save, exact: true }).click();
        const alert = second.locator('.banner-slot .alert-error');
        await expect.poll(() => alert.locator('.alert-title').textContent()).toBe(admin.program.conflictTitle);
        // The server's message names what changed meanwhile.
        const message = await alert.locator('.conflict-message').textContent();
        expect(message).toContain('versi 2');
        expect(message).toMatch(/judul|title/i);
        await alert.getByRole('button', { name: admin.program.reload }).click();
        await expect.poll(() => alert.count()).toBe(0);
        await expect.poll(() => second.getByRole('textbox', { name: admin.fields.title, exact: true }).inputValue()).toBe(`${conflictProgram.title} (revisi koordinator)`);
      });
    } finally {
      await first.close();
    }
  });

  test('language: the console switches to English', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/admin`);
      await expect.poll(() => page.locator('main h1').textContent()).toBe(admin.dashboard.title);
      await page.getByRole('button', { name: id.lang.en }).click();
      await expect.poll(() => page.locator('main h1').textContent()).toBe(adminEn.dashboard.title);
      const menu = await page.getByRole('navigation', { name: adminEn.shell.navLabel }).getByRole('link').allTextContents();
      expect(menu).toContain(adminEn.shell.nav.approvals);
    }, { storageState: coordinatorState });
  });

  test.each([
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ])('accessibility (%s): no serious or critical axe-core violations in the console and on the login page', async (_name, viewport) => {
    const pages: [string, string][] = [
      ['dashboard', '/admin'],
      ['programs', `/admin/wilayah/${KUKAR}/program`],
      ['editor', `/admin/program/${wonders.id}`],
      ['history', `/admin/program/${wonders.id}/riwayat`],
      ['approvals', `/admin/wilayah/${KUKAR}/persetujuan?status=approved`],
      ['masterplan', `/admin/wilayah/${KUKAR}/masterplan`],
      ['quick wins', `/admin/wilayah/${KUKAR}/quick-win`],
      ['OPDs', `/admin/wilayah/${KUKAR}/opd`],
      ['users', `/admin/wilayah/${KUKAR}/pengguna`],
      ['audit', `/admin/wilayah/${KUKAR}/audit`],
      ['account', '/admin/akun'],
    ];
    const check = async (page: Page, name: string, width: number) => {
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      await page.locator('main [aria-busy="true"]').first().waitFor({ state: 'detached' }).catch(() => undefined);
      const result = await new AxeBuilder({ page }).analyze();
      const bad = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(bad, `${name} at ${width}px`).toEqual([]);
    };
    await withPage(async (page) => {
      await page.goto(`${app.url}/masuk`);
      await check(page, 'login', viewport.width);
    }, { viewport });
    await withPage(async (page) => {
      for (const [name, path] of pages) {
        await page.goto(`${app.url}${path}`);
        await check(page, name, viewport.width);
      }
    }, { viewport, storageState: coordinatorState });
  });
});
