import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { verifyPlan } from './plan.ts';
import { runInWorker, type WorkerInputs } from './run-in-worker.ts';
import { bigInputs, smallInputs, testCatalogue } from './testkit.ts';

const small = smallInputs;
const big = bigInputs;

describe('solving in a worker thread', () => {
  it('runs the fast method, streams progress and returns a verified plan', async () => {
    const progress: [number, string][] = [];
    const plan = await runInWorker(small, { objective: 'cover-all' }, { onProgress: (f, m) => progress.push([f, m]) });
    expect(plan.totalCost).toBe(302);
    expect(verifyPlan(small, plan)).toEqual([]);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress[0]![0]).toBe(0);
    expect(progress.at(-1)![0]).toBe(1);
    for (const [f] of progress) { expect(f).toBeGreaterThanOrEqual(0); expect(f).toBeLessThanOrEqual(1); }
  });

  it('runs the exact method (HiGHS) too', async () => {
    const plan = await runInWorker(small, { objective: 'budget', budget: 301 }, { method: 'exact', exact: { relGap: 0 } });
    expect(plan).toMatchObject({ method: 'exact', coveredValue: 1800 });
    expect(verifyPlan(small, plan)).toEqual([]);
  });

  it('passes validation errors back as AppErrors naming the field', async () => {
    const bad = { ...small, catalogue: { ...testCatalogue(), tower: { capex: 1, opexPerYear: 0, radiusKm: -1 } } };
    const e = await runInWorker(bad, { objective: 'cover-all' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).field).toBe('tower.radiusKm');
  });

  it('can be cancelled: the fast method stops at the shared flag', async () => {
    const inputs = big();
    const ac = new AbortController();
    let reported = 0;
    let abortedAt = 0;
    const started = performance.now();
    const run = runInWorker(inputs, { objective: 'budget', budget: 40e9 }, {
      fast: { targetGap: 0, timeLimitMs: 60_000 },
      onProgress: (f) => { reported++; if (f > 0.02 && !ac.signal.aborted) { abortedAt = performance.now(); ac.abort(); } },
      signal: ac.signal,
      graceMs: 5_000,
    });
    const e = await run.then(() => null, (x: unknown) => x);
    expect(e, 'the solve should have been cancelled').toMatchObject({ name: 'AbortError' });
    expect(reported).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(30_000);
    // Well within the 5 s grace: the solver saw the flag and stopped by itself.
    expect(performance.now() - abortedAt).toBeLessThan(2_000);
  });

  it('can be cancelled while HiGHS runs: the thread is terminated', async () => {
    const ac = new AbortController();
    const started = performance.now();
    const run = runInWorker(big(), { objective: 'budget', budget: 40e9 }, { method: 'exact', exact: { relGap: 0, timeLimitS: 120 }, signal: ac.signal, graceMs: 100 });
    setTimeout(() => ac.abort(), 1500);
    const e = await run.then(() => null, (x: unknown) => x);
    expect(e).toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('rejects at once when the signal has already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(runInWorker(small, { objective: 'cover-all' }, { signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
