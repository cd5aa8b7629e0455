import { invalid } from '../../core/errors.ts';
import { Control, type AbortFlag, type Progress } from './control.ts';
import { CoverAllSolver } from './fast-cover.ts';
import { solveBudgetFast } from './fast-budget.ts';
import type { Instance } from './model.ts';
import { makePlan, type Objective, type Plan } from './plan.ts';

export interface SolveRequest {
  objective: Objective;
  /** Rupiah; required for the budget objective. */
  budget?: number;
}

export interface FastOptions {
  onProgress?: Progress;
  /** Cancels the solve (it throws an AbortError). */
  signal?: AbortFlag;
  /** Stop improving after this long and return the best plan with its proven bound; default 10 s. */
  timeLimitMs?: number;
  /** Stop as soon as the proven gap is at most this; default 0.001 (0.1 %). */
  targetGap?: number;
}

export function checkRequest(request: SolveRequest): void {
  if (request.objective !== 'cover-all' && request.objective !== 'budget') {
    throw invalid('objective', { id: 'tujuan harus cover-all atau budget', en: 'objective must be cover-all or budget' });
  }
  if (request.objective === 'budget') {
    const b = request.budget;
    if (typeof b !== 'number' || !Number.isFinite(b) || b < 0 || b > 1e16) {
      throw invalid('budget', { id: 'anggaran harus angka rupiah tidak negatif', en: 'budget must be a non-negative amount in rupiah' });
    }
  }
}

/**
 * The fast method: Lagrangian bounds with primal heuristics and local search (see
 * fast-cover.ts and fast-budget.ts for the algorithms and why the bounds are valid).
 * Returns a plan whose `bound` and `gap` are proven.
 */
export function solveFast(instance: Instance, request: SolveRequest, options: FastOptions = {}): Plan {
  checkRequest(request);
  const ctl = Control.of(options, 10_000);
  const targetGap = options.targetGap ?? 1e-3;
  ctl.progress(0, 'start');
  if (request.objective === 'cover-all') {
    const r = new CoverAllSolver(instance, ctl).solve(targetGap);
    const plan = makePlan(instance, { objective: 'cover-all', method: 'fast', budget: null, towers: r.towers, vsat: r.vsat, bound: r.bound, elapsedMs: ctl.elapsed() });
    ctl.progress(1, `cover-all: Rp ${plan.totalCost.toLocaleString('id-ID')}, gap ${(100 * plan.gap).toFixed(3)} %`);
    return plan;
  }
  const r = solveBudgetFast(instance, request.budget!, ctl, targetGap);
  const plan = makePlan(instance, { objective: 'budget', method: 'fast', budget: request.budget!, towers: r.towers, vsat: r.vsat, bound: r.bound, elapsedMs: ctl.elapsed() });
  ctl.progress(1, `budget: ${plan.coveredVillages.length} villages, gap ${(100 * plan.gap).toFixed(3)} %`);
  return plan;
}
