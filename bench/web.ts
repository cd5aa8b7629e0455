import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { loadConfig } from '../src/core/config.ts';
import { openDatabase } from '../src/core/db.ts';
import { prepareDatabase } from '../src/modules/demo/seed.ts';
import { createApp } from '../src/server.ts';

const dist = path.resolve(import.meta.dirname, '../dist/web');

/** JavaScript the browser fetches before the page can render: entry scripts and modulepreloads of index.html. */
export function initialJsOfPage(): { files: string[]; gzipBytes: number } {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const gzipBytes = files.reduce((s, f) => s + zlib.gzipSync(fs.readFileSync(path.join(dist, f))).length, 0);
  return { files, gzipBytes };
}

/** Lighthouse 12, mobile profile (simulated slow 4G, 4× CPU slowdown), against the real server. */
export async function lighthouseMobile(pagePath: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilar-lh-'));
  const database = await openDatabase({ dataDir: path.join(dir, 'db') });
  const config = loadConfig({ PILAR_WILAYAH_DIR: path.resolve(import.meta.dirname, '../../shared/data/wilayah') });
  await prepareDatabase(database, config.wilayahDir);
  const app = await createApp(database, { ...config, logLevel: 'warn' }, { logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const result = await lighthouse(`${url}${pagePath}`, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
    const lhr = result!.lhr;
    const a = (id: string) => lhr.audits[id]?.displayValue ?? '?';
    return { score: Math.round((lhr.categories.performance!.score ?? 0) * 100), fcp: a('first-contentful-paint'), lcp: a('largest-contentful-paint'), tbt: a('total-blocking-time'), cls: a('cumulative-layout-shift') };
  } finally {
    await chrome.kill();
    await app.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
