import type { Instance } from './model.ts';
import { makePlan, type Plan } from './plan.ts';
import { checkRequest, type SolveRequest } from './solve-fast.ts';

/**
 * The exact method: the same models as mixed-integer programs in CPLEX LP format, solved by
 * HiGHS (npm `highs`, WebAssembly). Costs are written in millions of rupiah to keep the
 * coefficients near 1; every option's cost is a whole number of rupiah, so a budget row that
 * HiGHS satisfies to its 1e-7 tolerance (0.1 rupiah) is satisfied exactly.
 *
 *  cover-all:  min Σ_j c_j t_j + Σ_i v_i w_i       s.t.  Σ_{j∋i} t_j + w_i ≥ 1  ∀ targets i
 *  budget:     max Σ_i a_i z_i                     s.t.  z_i − Σ_{j∋i} t_j − w_i ≤ 0  ∀ i,
 *                                                        Σ_j c_j t_j + Σ_i v_i w_i ≤ B
 *  t (towers), w (VSAT), z (covered) binary; a_i = population × weight.
 *
 * Every candidate tower is in the model (the fast method's reductions are not used), so the
 * two methods check each other.
 */

export interface ExactOptions {
  /** HiGHS time limit in seconds; default 600. */
  timeLimitS?: number;
  /** HiGHS mip_rel_gap; default 1e-6. */
  relGap?: number;
  /** 'model' (persistent API: also reports HiGHS's dual bound when stopped early) or 'legacy' (highs.solve); default: 'model' when available. */
  api?: 'model' | 'legacy';
}

interface HighsColumn { Primal: number }
interface HighsLegacyResult { Status: string; ObjectiveValue: number; Columns: Record<string, HighsColumn> }
interface HighsModel {
  options: { set(values: Record<string, unknown>): void };
  info: { get(name: string): unknown };
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { colValue: ArrayLike<number> };
  getColByName(name: string): number;
  dispose(): void;
}
interface HighsRuntime {
  solve(lp: string, options?: Record<string, unknown>): HighsLegacyResult;
  createModel?: (input: { format: 'lp'; data: string }) => HighsModel;
  constants?: { modelStatus?: Record<string, number> };
}

let runtime: Promise<HighsRuntime> | undefined;

/** Loads the HiGHS WebAssembly runtime once per thread. */
export function loadHighs(): Promise<HighsRuntime> {
  runtime ??= (async () => {
    try {
      const mod = (await import('highs')) as unknown as { default: () => Promise<HighsRuntime> };
      return await mod.default();
    } catch (e) {
      runtime = undefined;
      throw new Error(`The exact connectivity solver needs the npm package "highs" (HiGHS); install it with \`npm i highs\`. Loading it failed: ${(e as Error).message}`);
    }
  })();
  return runtime;
}

const SCALE = 1e6;
const num = (x: number) => {
  const s = String(x);
  return s.includes('e') ? x.toFixed(12).replace(/0+$/, '').replace(/\.$/, '') : s;
};

/** Writes terms a few to a line (LP format allows any line breaks between terms). */
function terms(out: string[], parts: string[]) {
  for (let k = 0; k < parts.length; k += 12) out.push(` ${parts.slice(k, k + 12).join(' ')}`);
}

/** The MIP of a request in CPLEX LP format. */
export function writeLp(instance: Instance, request: SolveRequest): string {
  checkRequest(request);
  const T = instance.targets.length;
  const { coveredByStart: bs, coveredByIndex: bi, towerCost } = instance;
  const v = num(instance.vsatCost / SCALE);
  const out: string[] = [];
  const costTerms: string[] = [];
  for (let j = 0; j < T; j++) costTerms.push(`${costTerms.length ? '+ ' : ''}${num(towerCost[j]! / SCALE)} t${j}`);
  for (let i = 0; i < T; i++) costTerms.push(`${costTerms.length ? '+ ' : ''}${v} w${i}`);
  if (request.objective === 'cover-all') {
    out.push('Minimize', ' obj:');
    terms(out, costTerms.length ? costTerms : ['0 w0']);
    out.push('Subject To');
    for (let i = 0; i < T; i++) {
      const row: string[] = [];
      for (let k = bs[i]!; k < bs[i + 1]!; k++) row.push(`t${bi[k]!} +`);
      row.push(`w${i} >= 1`);
      out.push(` c${i}:`);
      terms(out, row);
    }
  } else {
    out.push('Maximize', ' obj:');
    const obj: string[] = [];
    for (let i = 0; i < T; i++) obj.push(`${obj.length ? '+ ' : ''}${num(instance.value[i]!)} z${i}`);
    terms(out, obj.length ? obj : ['0 w0']);
    out.push('Subject To');
    for (let i = 0; i < T; i++) {
      const row: string[] = [`z${i}`];
      for (let k = bs[i]!; k < bs[i + 1]!; k++) row.push(`- t${bi[k]!}`);
      row.push(`- w${i} <= 0`);
      out.push(` c${i}:`);
      terms(out, row);
    }
    out.push(' budget:');
    terms(out, [...(costTerms.length ? costTerms : ['0 w0']), `<= ${num(request.budget! / SCALE)}`]);
  }
  out.push('Binary');
  const names: string[] = [];
  for (let j = 0; j < T; j++) names.push(`t${j}`);
  for (let i = 0; i < T; i++) names.push(`w${i}`);
  if (request.objective === 'budget') for (let i = 0; i < T; i++) names.push(`z${i}`);
  if (!names.length) names.push('w0');
  terms(out, names);
  out.push('End', '');
  return out.join('\n');
}

/** Solves a request exactly with HiGHS (within relGap) and returns the plan. */
export async function solveExact(instance: Instance, request: SolveRequest, options: ExactOptions = {}): Promise<Plan> {
  checkRequest(request);
  const started = performance.now();
  const T = instance.targets.length;
  const isMax = request.objective === 'budget';
  let totalValue = 0;
  for (let i = 0; i < T; i++) totalValue += instance.value[i]!;
  if (T === 0) {
    return makePlan(instance, { objective: request.objective, method: 'exact', budget: request.budget ?? null, towers: [], vsat: [], bound: 0, elapsedMs: performance.now() - started });
  }
  const highs = await loadHighs();
  const lp = writeLp(instance, request);
  const hOptions: Record<string, unknown> = {
    output_flag: false,
    time_limit: options.timeLimitS ?? 600,
    mip_rel_gap: options.relGap ?? 1e-6,
    mip_abs_gap: isMax ? 1e-6 : 1e-7,
  };
  const useModel = options.api === 'model' || (options.api === undefined && typeof highs.createModel === 'function');

  let status: string;
  let dualBound: number | undefined;
  let primal: (name: string) => number;
  if (useModel) {
    if (typeof highs.createModel !== 'function') throw new Error('This version of highs has no persistent model API; use api: "legacy"');
    const model = highs.createModel({ format: 'lp', data: lp });
    try {
      model.options.set(hOptions);
      model.run();
      const code = model.getModelStatus();
      const names = highs.constants?.modelStatus ?? {};
      status = Object.entries(names).find(([, c]) => c === code)?.[0] ?? String(code);
      const db = model.info.get('mip_dual_bound');
      if (typeof db === 'number' && Number.isFinite(db)) dualBound = db;
      const values = model.getSolution().colValue;
      const cache = new Map<string, number>();
      primal = (name) => {
        if (!cache.has(name)) { const idx = model.getColByName(name); cache.set(name, idx >= 0 ? values[idx] ?? 0 : 0); }
        return cache.get(name)!;
      };
      // Read everything before dispose().
      for (let k = 0; k < T; k++) { primal(`t${k}`); primal(`w${k}`); }
    } finally {
      model.dispose();
    }
    if (status === 'optimal') status = 'Optimal';
  } else {
    const r = highs.solve(lp, hOptions);
    status = r.Status;
    primal = (name) => r.Columns[name]?.Primal ?? 0;
    // This API reports no dual bound: an optimal objective is within mip_rel_gap / mip_abs_gap of it.
    if (status === 'Optimal') {
      const rel = Number(hOptions.mip_rel_gap), abs = Number(hOptions.mip_abs_gap);
      const slack = rel * Math.abs(r.ObjectiveValue) + abs;
      dualBound = isMax ? r.ObjectiveValue + slack : r.ObjectiveValue - slack;
    }
  }
  const towers: number[] = [], vsat: number[] = [];
  for (let k = 0; k < T; k++) { if (primal(`t${k}`) > 0.5) towers.push(k); if (primal(`w${k}`) > 0.5) vsat.push(k); }
  if (!towers.length && !vsat.length && !isMax) throw new Error(`HiGHS found no plan (status: ${status})`);

  const plan0 = makePlan(instance, { objective: request.objective, method: 'exact', budget: request.budget ?? null, towers, vsat, bound: 0, elapsedMs: 0 });
  if (isMax && plan0.totalCost > request.budget!) throw new Error(`HiGHS returned a plan above the budget (status: ${status})`);
  // The proven bound: HiGHS's dual bound (scaled back), else the trivial one.
  let bound: number;
  if (isMax) {
    bound = dualBound !== undefined ? Math.max(plan0.coveredValue, Math.min(totalValue, dualBound)) : totalValue;
  } else {
    bound = dualBound !== undefined ? Math.min(plan0.totalCost, Math.max(0, Math.ceil(dualBound * SCALE - 1e-9 * Math.abs(dualBound * SCALE)))) : 0;
  }
  return makePlan(instance, { objective: request.objective, method: 'exact', budget: request.budget ?? null, towers, vsat, bound, elapsedMs: performance.now() - started });
}
