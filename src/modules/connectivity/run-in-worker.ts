import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type Bilingual } from '../../core/errors.ts';
import type { CatalogueInput } from './catalogue.ts';
import { SolveAborted, type Progress } from './control.ts';
import type { InfraNode, InstanceOptions, Village } from './model.ts';
import type { Plan } from './plan.ts';
import type { ExactOptions } from './solve-exact.ts';
import type { SolveRequest } from './solve-fast.ts';

/**
 * Runs a solve in a worker thread so the caller (the server, the CLI's progress bar) stays
 * responsive, with progress and cancellation.
 *
 * The worker is TypeScript. `new Worker(url, { execArgv: ['--import', 'tsx'] })` does NOT work
 * on Node 20: tsx 4 only registers its loader in the main thread there (it does in workers from
 * Node 22), so the worker fails with ERR_UNKNOWN_FILE_EXTENSION. The worker therefore starts
 * from a two-line bootstrap that registers tsx's ESM hooks (`tsx/esm/api` register()) in the
 * worker itself and then imports worker.ts; this works on Node 20 and later.
 */

export interface WorkerInputs {
  villages: readonly Village[];
  nodes: readonly InfraNode[];
  /** A catalogue (validated again in the worker). */
  catalogue: CatalogueInput;
  options?: InstanceOptions;
}

export interface WorkerJob {
  inputs: WorkerInputs;
  request: SolveRequest;
  method: 'fast' | 'exact';
  fast?: { timeLimitMs?: number; targetGap?: number };
  exact?: ExactOptions;
  /** Int32Array(1) flag: 1 = cancel. */
  abort: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'result'; plan: Plan }
  | { type: 'error'; error: { name: string; message: string; app?: { status: number; code: string; bilingual: Bilingual; field?: string } } };

export interface RunOptions {
  method?: 'fast' | 'exact';
  onProgress?: Progress;
  signal?: AbortSignal;
  fast?: WorkerJob['fast'];
  exact?: ExactOptions;
  /** After a cancel, how long the worker may take to stop by itself before it is terminated; default 200 ms. */
  graceMs?: number;
}

let tsxApiUrl: string | undefined;
/**
 * file: URL of tsx's ESM API (its package.json `exports["./esm/api"].import`): worker threads
 * register it themselves, as tsx does not load itself in workers on Node 20. Also used by pool.ts.
 */
export function tsxApi(): string {
  if (tsxApiUrl) return tsxApiUrl;
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('tsx/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import?: string | { default?: string } }> };
  const entry = pkg.exports['./esm/api']?.import;
  const rel = typeof entry === 'string' ? entry : entry?.default;
  if (!rel) throw new Error('tsx/esm/api not found');
  return (tsxApiUrl = pathToFileURL(path.join(path.dirname(pkgFile), rel)).href);
}

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((m) => { m.register(); return import(workerData.entry); }).catch((e) => {
  require('node:worker_threads').parentPort.postMessage({ type: 'error', error: { name: e && e.name || 'Error', message: String(e && e.message || e) } });
});`;

/** Solves in a worker thread; rejects with an AbortError when `signal` aborts. */
export function runInWorker(inputs: WorkerInputs, request: SolveRequest, options: RunOptions = {}): Promise<Plan> {
  return new Promise<Plan>((resolve, reject) => {
    if (options.signal?.aborted) { reject(new SolveAborted()); return; }
    const abort = new SharedArrayBuffer(4);
    const job: WorkerJob = { inputs, request, method: options.method ?? 'fast', fast: options.fast, exact: options.exact, abort };
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      execArgv: [],
      workerData: { job, tsxApi: tsxApi(), entry: new URL('./worker.ts', import.meta.url).href },
    });
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
      fn();
      void worker.terminate();
    };
    const onAbort = () => {
      Atomics.store(new Int32Array(abort), 0, 1);
      killTimer = setTimeout(() => finish(() => reject(new SolveAborted())), options.graceMs ?? 200);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') { if (!settled) options.onProgress?.(m.fraction, m.message); }
      else if (m.type === 'result') finish(() => resolve(m.plan));
      else finish(() => {
        const e = m.error;
        if (e.name === 'AbortError') reject(new SolveAborted());
        else if (e.app) reject(new AppError(e.app.status, e.app.code, e.app.bilingual, e.app.field));
        else reject(Object.assign(new Error(e.message), { name: e.name }));
      });
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new Error(`connectivity worker exited with code ${code}`))));
  });
}
