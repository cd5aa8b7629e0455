import { parentPort } from 'node:worker_threads';
import { AppError } from '../../core/errors.ts';
import { parseCatalogue } from './catalogue.ts';
import { buildInstance } from './model.ts';
import type { WorkerJob, WorkerMessage } from './run-in-worker.ts';
import { solveExact } from './solve-exact.ts';
import { solveFast } from './solve-fast.ts';

/**
 * A long-lived solver thread of SolverPool: the same work as worker.ts, one job after another,
 * each message tagged with its job id. Keeping the thread saves its start (loading the
 * TypeScript modules), which costs far more than solving a regency.
 */
type PoolJob = Omit<WorkerJob, 'abort'> & { abort: SharedArrayBuffer; id: number };
export type PoolMessage = WorkerMessage & { id: number };

const post = (m: PoolMessage) => parentPort!.postMessage(m);

async function run(job: PoolJob) {
  const flag = new Int32Array(job.abort);
  const { inputs, request } = job;
  post({ id: job.id, type: 'progress', fraction: 0, message: 'building the instance' });
  const catalogue = parseCatalogue(inputs.catalogue);
  const instance = buildInstance(inputs.villages, inputs.nodes, catalogue, inputs.options ?? {});
  if (Atomics.load(flag, 0)) throw Object.assign(new Error('Connectivity solve cancelled'), { name: 'AbortError' });
  const onProgress = (fraction: number, message: string) => post({ id: job.id, type: 'progress', fraction, message });
  const plan = job.method === 'exact'
    ? (onProgress(0.01, `HiGHS: ${instance.targets.length} targets`), await solveExact(instance, request, job.exact ?? {}))
    : solveFast(instance, request, { ...job.fast, onProgress, signal: { get aborted() { return Atomics.load(flag, 0) === 1; } } });
  post({ id: job.id, type: 'result', plan });
}

parentPort!.on('message', (job: PoolJob) => {
  run(job).catch((e: unknown) => {
    const err = e as Error;
    post({ id: job.id, type: 'error', error: { name: err?.name ?? 'Error', message: String(err?.message ?? e), ...(e instanceof AppError ? { app: { status: e.status, code: e.code, bilingual: e.bilingual, field: e.field } } : {}) } });
  });
});
parentPort!.postMessage({ id: 0, type: 'progress', fraction: 0, message: 'ready' } satisfies PoolMessage);
