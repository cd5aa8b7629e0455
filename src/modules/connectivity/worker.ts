import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../core/errors.ts';
import { parseCatalogue } from './catalogue.ts';
import { buildInstance } from './model.ts';
import type { WorkerJob, WorkerMessage } from './run-in-worker.ts';
import { solveExact } from './solve-exact.ts';
import { solveFast } from './solve-fast.ts';

/**
 * The solver thread: builds the instance from the raw inputs, runs the fast or exact method,
 * streams progress and posts the plan. Cancellation: the parent sets a flag in shared memory,
 * which the fast method checks in its loops; HiGHS cannot be interrupted, so the parent
 * terminates the thread when it does not stop by itself.
 */
const job = (workerData as { job: WorkerJob }).job;
const flag = new Int32Array(job.abort);
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

async function run() {
  const { inputs, request } = job;
  post({ type: 'progress', fraction: 0, message: 'building the instance' });
  const catalogue = parseCatalogue(inputs.catalogue);
  const instance = buildInstance(inputs.villages, inputs.nodes, catalogue, inputs.options ?? {});
  if (Atomics.load(flag, 0)) throw Object.assign(new Error('Connectivity solve cancelled'), { name: 'AbortError' });
  const onProgress = (fraction: number, message: string) => post({ type: 'progress', fraction, message });
  const plan = job.method === 'exact'
    ? (onProgress(0.01, `HiGHS: ${instance.targets.length} targets`), await solveExact(instance, request, job.exact ?? {}))
    : solveFast(instance, request, { ...job.fast, onProgress, signal: { get aborted() { return Atomics.load(flag, 0) === 1; } } });
  post({ type: 'result', plan });
}

run().catch((e: unknown) => {
  const err = e as Error;
  post({ type: 'error', error: { name: err?.name ?? 'Error', message: String(err?.message ?? e), ...(e instanceof AppError ? { app: { status: e.status, code: e.code, bilingual: e.bilingual, field: e.field } } : {}) } });
});
