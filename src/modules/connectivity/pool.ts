import { Worker } from 'node:worker_threads';
import { AppError } from '../../core/errors.ts';
import { SolveAborted } from './control.ts';
import type { Plan } from './plan.ts';
import type { PoolMessage } from './pool-worker.ts';
import { tsxApi, type RunOptions, type WorkerInputs } from './run-in-worker.ts';
import type { SolveRequest } from './solve-fast.ts';

/**
 * Solver threads kept warm for the API. Starting a thread costs ~0.2–1 s (tsx loads and
 * compiles the solver's modules in it) while a regency solves in milliseconds, so the planner
 * page re-plans as the budget slider moves only when threads are reused. At most `size` threads;
 * a job finding all of them busy waits in a queue. A cancelled job that does not stop within the
 * grace period (HiGHS cannot be interrupted) has its thread terminated; a new one replaces it.
 * Idle threads end after `idleMs`. Same contract as runInWorker (progress, AbortSignal, errors).
 */

const BOOTSTRAP = `
const { workerData, parentPort } = require('node:worker_threads');
import(workerData.tsxApi).then((m) => { m.register(); return import(workerData.entry); }).catch((e) => {
  parentPort.postMessage({ id: -1, type: 'error', error: { name: e && e.name || 'Error', message: String(e && e.message || e) } });
});`;

interface Pending {
  id: number;
  resolve: (p: Plan) => void;
  reject: (e: unknown) => void;
  onProgress?: RunOptions['onProgress'];
  abort: SharedArrayBuffer;
}

interface Slot { worker: Worker; ready: Promise<void>; job: Pending | null; idleTimer?: NodeJS.Timeout }

export class SolverPool {
  private readonly slots: Slot[] = [];
  private readonly queue: (() => void)[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly size = 2, private readonly idleMs = 5 * 60_000) {}

  run(inputs: WorkerInputs, request: SolveRequest, options: RunOptions = {}): Promise<Plan> {
    return new Promise<Plan>((resolve, reject) => {
      if (this.closed) { reject(new Error('solver pool closed')); return; }
      if (options.signal?.aborted) { reject(new SolveAborted()); return; }
      const start = () => {
        if (options.signal?.aborted) { reject(new SolveAborted()); this.next(); return; }
        const slot = this.idleSlot() ?? this.spawn();
        if (slot.idleTimer) clearTimeout(slot.idleTimer);
        const abort = new SharedArrayBuffer(4);
        const job: Pending = { id: this.nextId++, resolve, reject, onProgress: options.onProgress, abort };
        slot.job = job;
        slot.worker.ref(); // a running job keeps the process alive; an idle thread does not
        let killTimer: NodeJS.Timeout | undefined;
        const onAbort = () => {
          Atomics.store(new Int32Array(abort), 0, 1);
          killTimer = setTimeout(() => {
            if (slot.job !== job) return;
            this.drop(slot);
            reject(new SolveAborted());
          }, options.graceMs ?? 200);
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const settle = job.resolve;
        job.resolve = (p) => { cleanup(); settle(p); };
        const fail = job.reject;
        job.reject = (e) => { cleanup(); fail(e); };
        const cleanup = () => { options.signal?.removeEventListener('abort', onAbort); if (killTimer) clearTimeout(killTimer); };
        void slot.ready.then(() => {
          if (slot.job !== job) return;
          slot.worker.postMessage({ id: job.id, inputs, request, method: options.method ?? 'fast', fast: options.fast, exact: options.exact, abort });
        });
      };
      if (this.idleSlot() || this.slots.length < this.size) start();
      else this.queue.push(start);
    });
  }

  /** Ends every thread; running jobs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await Promise.all(this.slots.splice(0).map((s) => {
      s.job?.reject(new SolveAborted());
      if (s.idleTimer) clearTimeout(s.idleTimer);
      return s.worker.terminate();
    }));
  }

  /** Threads alive now (for tests). */
  get threads(): number { return this.slots.length; }

  private idleSlot(): Slot | undefined {
    return this.slots.find((s) => !s.job);
  }

  private spawn(): Slot {
    const worker = new Worker(BOOTSTRAP, {
      eval: true, execArgv: [],
      workerData: { tsxApi: tsxApi(), entry: new URL('./pool-worker.ts', import.meta.url).href },
    });
    let ready!: () => void;
    const slot: Slot = { worker, job: null, ready: new Promise<void>((r) => { ready = r; }) };
    worker.on('message', (m: PoolMessage) => {
      if (m.id === 0) { ready(); return; }
      const job = slot.job;
      if (m.id === -1) { this.drop(slot); job?.reject(new Error(m.type === 'error' ? m.error.message : 'worker failed')); return; }
      if (!job || job.id !== m.id) return;
      if (m.type === 'progress') { job.onProgress?.(m.fraction, m.message); return; }
      this.release(slot);
      if (m.type === 'result') job.resolve(m.plan);
      else {
        const e = m.error;
        if (e.name === 'AbortError') job.reject(new SolveAborted());
        else if (e.app) job.reject(new AppError(e.app.status, e.app.code, e.app.bilingual, e.app.field));
        else job.reject(Object.assign(new Error(e.message), { name: e.name }));
      }
    });
    const fail = (e: unknown) => { const job = slot.job; this.drop(slot); job?.reject(e); };
    worker.on('error', fail);
    worker.on('exit', (code) => { if (this.slots.includes(slot)) fail(new Error(`connectivity worker exited with code ${code}`)); });
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private release(slot: Slot) {
    slot.job = null;
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => { if (!slot.job) this.drop(slot); }, this.idleMs);
    slot.idleTimer.unref();
    this.next();
  }

  private drop(slot: Slot) {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    slot.job = null;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    void slot.worker.terminate();
    this.next();
  }

  private next() {
    if (this.closed) return;
    while (this.queue.length && (this.idleSlot() || this.slots.length < this.size)) this.queue.shift()!();
  }
}
