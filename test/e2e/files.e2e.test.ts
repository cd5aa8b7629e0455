/**
 * The evidence field (web/src/modules/files/FileUpload.tsx) in Chromium against the real
 * server: an OPD officer picks a phone photo and sees its upload progress, thumbnail and
 * name; a disguised file is refused by the server and a wrong or oversize file by the page,
 * each message under the field; remove works; the field is axe-clean. The component is
 * bundled with esbuild into a one-page harness, so this test needs no `npm run build:web`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../../src/core/config.ts';
import { createApp } from '../../src/server.ts';
import type { App } from '../../src/core/http.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { wilayahDir } from '../support/engine.ts';
import { CHROMIUM_ARGS, withPage } from '../support/browser.ts';
import sharp from 'sharp';
import { pdf } from '../../src/modules/files/testing.ts';
import id from '../../web/src/i18n/files/id.json' with { type: 'json' };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let database: TestDatabase;
let app: App;
let url: string;
let browser: Browser;
let filesDir: string;
let bundle: { js: string; css: string };

beforeAll(async () => {
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilar-files-e2e-'));
  database = await testDatabase();
  app = await createApp(database, { ...loadConfig({}), port: 0, host: '127.0.0.1', wilayahDir, logLevel: 'warn', filesDir }, { logger: false });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  const out = await build({
    entryPoints: [path.join(root, 'test/e2e/files.harness.tsx')], bundle: true, format: 'esm', write: false, outdir: '/harness',
    jsx: 'automatic', minify: true, define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent',
  });
  const file = (ext: string) => out.outputFiles.filter((f) => f.path.endsWith(ext)).map((f) => f.text).join('\n');
  bundle = { js: file('.js'), css: fs.readFileSync(path.join(root, 'web/src/styles.css'), 'utf8') + file('.css') };
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

const HTML = '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Bukti</title><link rel="stylesheet" href="/__files-harness.css"></head><body><div id="root"></div><script type="module" src="/__files-harness.js"></script></body></html>';

test('an OPD officer attaches a photo with progress and thumbnail; refusals show under the field; remove works; axe-clean', async () => {
  // A photo of ~200 KB (noise does not compress), so its upload takes a few seconds when throttled.
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 80 }).toBuffer();
  const bigPdf = Buffer.concat([await pdf(), Buffer.alloc(1024 * 1024)]);
  await withPage(browser, async (page, ctx) => {
    // The page under test is served on the app's own origin (same cookies, CSRF as in the portal).
    await page.route(`${url}/__files-harness*`, (route) => {
      const p = new URL(route.request().url()).pathname;
      if (p.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: bundle.js });
      if (p.endsWith('.css')) return route.fulfill({ contentType: 'text/css', body: bundle.css });
      return route.fulfill({ contentType: 'text/html', body: HTML });
    });
    const login = await ctx.request.post(`${url}/api/auth/login`, { data: { email: 'opd.kukar@demo.pilar.id', password: 'pilar-demo-2026' } });
    expect(login.status()).toBe(200);
    await page.goto(`${url}/__files-harness`);
    const field = page.getByLabel('Bukti dukung', { exact: true });
    await expect.poll(() => field.count()).toBe(1);

    // A slow connection, so the progress bar is there to be seen.
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: 256 * 1024, uploadThroughput: 64 * 1024 });
    await field.setInputFiles({ name: 'Foto lapangan.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('progressbar', { name: 'Kemajuan unggahan Foto lapangan.jpg' }).waitFor();
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    const chip = page.locator('.file-upload .file-chips li', { hasText: 'Foto lapangan.jpg' });
    await chip.waitFor();
    const thumb = chip.locator('img');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    await expect.poll(() => page.getByTestId('ids').textContent()).toMatch(/^[0-9a-f-]{36}$/);
    expect(await chip.getByRole('link').getAttribute('href')).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);

    // The server sniffs the bytes: HTML named .jpg is refused, in Indonesian, under the field.
    await field.setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    const error = page.locator('.file-upload .field-error');
    await expect.poll(() => error.first().textContent()).toContain('foto.jpg: Jenis berkas tidak diterima');
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    // The page refuses a program and an oversize PDF before sending anything.
    await field.setInputFiles([
      { name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') },
      { name: 'laporan-besar.pdf', mimeType: 'application/pdf', buffer: bigPdf },
    ]);
    await expect.poll(() => error.allTextContents()).toEqual([
      id.errType.replace('{{name}}', 'setup.exe'),
      expect.stringMatching(/^laporan-besar\.pdf: terlalu besar \(1,\d MB\); paling besar 1 MB\.$/),
    ]);

    // Attached evidence is also shown read-only elsewhere (FileChips), and can be removed.
    expect(await page.locator('section .file-chips li').count()).toBe(1);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.getByRole('button', { name: 'Hapus Foto lapangan.jpg' }).click();
    await expect.poll(() => page.locator('.file-chips li').count()).toBe(0);
    expect(await page.getByTestId('ids').textContent()).toBe('');
  });
});
