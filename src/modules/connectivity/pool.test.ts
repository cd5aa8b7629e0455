import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { verifyPlan } from './plan.ts';
import { SolverPool } from './pool.ts';
import { runInWorker, type WorkerInputs } from './run-in-worker.ts';
import { bigInputs, smallInputs, testCatalogue } from './testkit.ts';

const small = smallInputs;
const big = bigInputs;

const pool = new SolverPool(2);
afterAll(() => pool.close());

describe('warm solver threads', () => {
  it('reuses one thread for runs one after another, with the same plans as a fresh thread', async () => {
    const a = await pool.run(small, { objective: 'cover-all' });
    const b = await pool.run(small, { objective: 'budget', budget: 301 });
    expect(pool.threads).toBe(1);
    expect(a.totalCost).toBe(302);
    expect(verifyPlan(small, a)).toEqual([]);
    expect(verifyPlan(small, b)).toEqual([]);
    const fresh = await runInWorker(small, { objective: 'budget', budget: 301 });
    expect({ ...b, elapsedMs: 0 }).toEqual({ ...fresh, elapsedMs: 0 });
  });

  it('runs at most `size` threads; more jobs wait their turn', async () => {
    const budgets = [100, 200, 301, 400, 500];
    const plans = await Promise.all(budgets.map((budget) => pool.run(small, { objective: 'budget', budget })));
    expect(pool.threads).toBeLessThanOrEqual(2);
    plans.forEach((p, i) => { expect(p.budget).toBe(budgets[i]); expect(verifyPlan(small, p)).toEqual([]); });
  });

  it('streams progress and passes validation errors back naming the field', async () => {
    const progress: number[] = [];
    await pool.run(small, { objective: 'cover-all' }, { onProgress: (f) => progress.push(f) });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    const bad = { ...small, catalogue: { ...testCatalogue(), tower: { capex: 1, opexPerYear: 0, radiusKm: -1 } } };
    const e = await pool.run(bad, { objective: 'cover-all' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).field).toBe('tower.radiusKm');
  });

  it('cancels a long run, and solves again afterwards', async () => {
    const ctl = new AbortController();
    const running = pool.run(big(), { objective: 'budget', budget: 200e9 }, { signal: ctl.signal, fast: { targetGap: 0, timeLimitMs: 60_000 } });
    setTimeout(() => ctl.abort(), 300);
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    const after = await pool.run(small, { objective: 'cover-all' });
    expect(after.totalCost).toBe(302);
  });

  it('terminates a thread that does not stop (HiGHS) and replaces it', async () => {
    const ctl = new AbortController();
    const running = pool.run(big(), { objective: 'budget', budget: 200e9 }, { method: 'exact', signal: ctl.signal, graceMs: 100 });
    setTimeout(() => ctl.abort(), 1500);
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect((await pool.run(small, { objective: 'cover-all' })).totalCost).toBe(302);
  });
});
