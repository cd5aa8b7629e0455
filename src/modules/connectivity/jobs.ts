import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import type { Plan } from './plan.ts';
import { SolverPool } from './pool.ts';
import type { WorkerInputs } from './run-in-worker.ts';
import type { SolveRequest } from './solve-fast.ts';

/**
 * Solving jobs of the HTTP API: each runs in a warm worker thread (pool.ts); the client polls progress
 * and may cancel. Kept in memory (a job lives for minutes, and a restart only loses runs the
 * client can start again); finished jobs are forgotten after `keepMs`.
 */

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView {
  id: string;
  status: JobStatus;
  progress: number;
  message: string;
  plan: Plan | null;
  error: { code: string; message: { id: string; en: string }; field?: string } | null;
}

interface Job extends JobView {
  regionCode: string;
  owner: string | null;
  controller: AbortController;
  done: Promise<void>;
  finishedAt: number | null;
}

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();
  /** Warm solver threads: a regency re-plans in milliseconds instead of a thread start. */
  private readonly pool = new SolverPool(2);

  constructor(private readonly maxRunning = 4, private readonly keepMs = 10 * 60_000) {}

  start(regionCode: string, owner: string | null, inputs: WorkerInputs, request: SolveRequest, method: 'fast' | 'exact'): Job {
    this.sweep();
    const running = [...this.jobs.values()].filter((j) => j.status === 'running').length;
    if (running >= this.maxRunning) {
      throw new AppError(503, 'busy', { id: 'Server sedang menghitung rencana lain; coba lagi sebentar lagi', en: 'The server is busy with other plans; try again shortly' }, 'jobs');
    }
    const controller = new AbortController();
    const job: Job = {
      id: randomUUID(), status: 'running', progress: 0, message: '', plan: null, error: null,
      regionCode, owner, controller, finishedAt: null, done: Promise.resolve(),
    };
    job.done = this.pool.run(inputs, request, {
      method, signal: controller.signal,
      onProgress: (fraction, message) => { job.progress = fraction; job.message = message; },
      // HiGHS cannot be interrupted: an exact run in the API is limited to a minute.
      exact: { timeLimitS: 60 },
    }).then(
      (plan) => { job.plan = plan; job.status = 'done'; job.progress = 1; },
      (e: unknown) => {
        if ((e as Error).name === 'AbortError') { job.status = 'cancelled'; return; }
        job.status = 'failed';
        job.error = e instanceof AppError ? e.toJSON().error : { code: 'solver', message: { id: `Perhitungan gagal: ${(e as Error).message}`, en: `Solving failed: ${(e as Error).message}` } };
      },
    ).finally(() => { job.finishedAt = Date.now(); });
    this.jobs.set(job.id, job);
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Waits until the job ends or `ms` pass, whichever is first. */
  async wait(job: Job, ms: number): Promise<void> {
    if (ms <= 0 || job.status !== 'running') return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([job.done, new Promise<void>((r) => { timer = setTimeout(r, ms); })]);
    clearTimeout(timer);
  }

  cancel(job: Job): void {
    if (job.status === 'running') job.controller.abort();
  }

  view(job: Job): JobView {
    const { id, status, progress, message, plan, error } = job;
    return { id, status, progress, message, plan, error };
  }

  /** Cancels every running job (server shutdown). */
  async close(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.status === 'running');
    for (const j of running) j.controller.abort();
    await Promise.allSettled(running.map((j) => j.done));
    await this.pool.close();
  }

  private sweep() {
    const now = Date.now();
    for (const [id, j] of this.jobs) if (j.finishedAt !== null && now - j.finishedAt > this.keepMs) this.jobs.delete(id);
  }
}
