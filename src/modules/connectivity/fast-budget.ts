import type { Control } from './control.ts';
import { CoverAllSolver } from './fast-cover.ts';
import { MinHeap } from './heap.ts';
import type { Instance } from './model.ts';

/**
 * Budget: cover the most target population × weight within a budget B.
 *
 *   max Σ_i a_i z_i   s.t.  z_i ≤ Σ_{j∋i} x_j + y_i,   Σ_j c_j x_j + v Σ_i y_i ≤ B,   x, y, z ∈ {0,1}
 *
 * Every VSAT costs the same v (one catalogue price), which the method exploits twice.
 *
 * PRIMAL. For a set S of towers the best VSATs are known exactly: the m = ⌊(B − c(S))/v⌋
 * most valuable targets S leaves uncovered. So f(S) = a(covered by S) + (sum of the m largest
 * uncovered a_i) is the best plan using exactly the towers S, computed in O(log T) with a
 * Fenwick tree over targets ranked by value. The search is over tower sets only: a lazy
 * greedy on the gain f(S + j) − f(S), then local search (drop, add, swap one tower).
 *
 * UPPER BOUND (Lagrangian relaxation of the cover links). For multipliers μ ≥ 0 and any
 * feasible (x, y, z): Σ_i μ_i (Σ_{j∋i} x_j + y_i − z_i) ≥ 0, so
 *   Σ_i a_i z_i ≤ Σ_i (a_i − μ_i) z_i + Σ_j P_j x_j + Σ_i μ_i y_i,   P_j = Σ_{i∈I(j)} μ_i,
 * and maximising the right side over all binaries within the budget gives
 *   U(μ) = Σ_i max(0, a_i − μ_i) + K(μ),
 * K(μ) = the 0-1 knapsack max Σ P_j x_j + Σ μ_i y_i s.t. Σ c_j x_j + v Σ y_i ≤ B.
 * U(μ) ≥ optimum for EVERY μ ≥ 0, and any upper bound on K(μ) keeps it valid. We bound K by
 * enumerating the number k of VSATs (integer): with k VSATs their profit is at most the sum of
 * the k largest μ_i, and the towers' profit at most the LP (Dantzig) bound of the tower
 * knapsack with capacity B − k v; K(μ) ≤ max_k of the sum. On small instances a depth-first
 * branch-and-bound over the towers (same bound at every node, VSATs exact at the leaves)
 * computes K(μ) exactly; if it hits its node limit we fall back to the root bound. The
 * multipliers are improved by projected subgradient steps (0 ≤ μ_i ≤ a_i, since μ_i > a_i
 * never lowers U). Dropped towers (cost ≥ v × |I(j)|: its VSATs cover the same for no more, or
 * cost > B) change no optimum, so bounds on the reduced problem hold for the full one.
 * When the budget pays for a cover-all plan the optimum is Σ a_i and the cover-all solver's
 * (cheapest found) plan is returned.
 */

export interface BudgetResult { towers: number[]; vsat: number[]; bound: number }

class Fenwick {
  private readonly cnt: Int32Array;
  private readonly sum: Float64Array;
  private readonly top: number;
  constructor(readonly n: number) {
    this.cnt = new Int32Array(n + 1); this.sum = new Float64Array(n + 1);
    let t = 1; while (t * 2 <= n) t *= 2; this.top = t;
  }
  add(pos: number, dc: number, ds: number) { for (let p = pos + 1; p <= this.n; p += p & -p) { this.cnt[p]! += dc; this.sum[p]! += ds; } }
  /** Sum of the first m present items (in rank order), or of all if fewer. */
  firstSum(m: number) {
    if (m <= 0) return 0;
    let pos = 0, c = 0, s = 0;
    for (let step = this.top; step > 0; step >>= 1) {
      const q = pos + step;
      if (q <= this.n && c + this.cnt[q]! <= m) { pos = q; c += this.cnt[q]!; s += this.sum[q]!; }
    }
    return s;
  }
}

export function solveBudgetFast(inst: Instance, budget: number, ctl: Control, targetGap: number): BudgetResult {
  const T = inst.targets.length;
  const a = inst.value;
  let total = 0;
  for (let i = 0; i < T; i++) total += a[i]!;
  const v = inst.vsatCost;
  if (T === 0 || total === 0) return { towers: [], vsat: [], bound: total };

  // Can the budget cover everything? Then the optimum is Σ a and the cheapest full plan wins.
  let coverLb = 0;
  for (let i = 0; i < T; i++) {
    let m = v;
    for (let k = inst.coveredByStart[i]!; k < inst.coveredByStart[i + 1]!; k++) {
      const j = inst.coveredByIndex[k]!;
      m = Math.min(m, inst.towerCost[j]! / (inst.coverStart[j + 1]! - inst.coverStart[j]!));
    }
    coverLb += m;
  }
  if (budget >= coverLb - 1e-6 * coverLb || T * v <= budget) {
    const solver = new CoverAllSolver(inst, ctl);
    solver.phase1(targetGap);
    if (solver.result().cost <= budget) {
      // Everything can be covered: look for the cheapest full plan.
      solver.exhaust(targetGap);
      const cover = solver.result();
      return { towers: cover.towers, vsat: cover.vsat, bound: total };
    }
    if (T * v <= budget) return { towers: [], vsat: Array.from({ length: T }, (_, i) => i), bound: total };
  }
  return new BudgetSolver(inst, budget, ctl, total).solve(targetGap);
}

class BudgetSolver {
  private readonly T: number;
  private readonly a: Float64Array;
  private readonly v: number;
  private readonly cs: Int32Array;
  private readonly ci: Int32Array;
  private readonly c: Float64Array;
  /** Candidate towers (indices into the instance). */
  private readonly cand: Int32Array;
  private readonly rank: Int32Array;
  private readonly byRank: Int32Array;
  // Primal state: the tower set S.
  private readonly inS: Uint8Array;
  private readonly cnt: Int32Array;
  private readonly fen: Fenwick;
  private costS = 0;
  private coveredS = 0;
  private posUncovered = 0;
  private best = { value: -1, cost: Infinity, towers: [] as number[] };
  private ub: number;
  // Dual state.
  private readonly mu: Float64Array;
  private readonly s: Float64Array;
  private readonly P: Float64Array;
  private readonly ratio: Float64Array;
  private readonly vals: Float64Array;
  private readonly isCand: Uint8Array;
  private readonly stamp: Int32Array;

  constructor(private readonly inst: Instance, private readonly B: number, private readonly ctl: Control, private readonly total: number) {
    const T = (this.T = inst.targets.length);
    this.a = inst.value; this.v = inst.vsatCost; this.cs = inst.coverStart; this.ci = inst.coverIndex; this.c = inst.towerCost;
    const list: number[] = [];
    for (let j = 0; j < T; j++) {
      const n = this.cs[j + 1]! - this.cs[j]!;
      let val = 0;
      for (let k = this.cs[j]!; k < this.cs[j + 1]!; k++) val += this.a[this.ci[k]!]!;
      if (this.c[j]! <= B && this.c[j]! < n * this.v && val > 0) list.push(j);
    }
    this.cand = Int32Array.from(list);
    this.isCand = new Uint8Array(T);
    for (const j of list) this.isCand[j] = 1;
    this.stamp = new Int32Array(T);
    const order = Array.from({ length: T }, (_, i) => i).sort((x, y) => this.a[y]! - this.a[x]! || x - y);
    this.byRank = Int32Array.from(order);
    this.rank = new Int32Array(T);
    order.forEach((i, r) => { this.rank[i] = r; });
    this.inS = new Uint8Array(T); this.cnt = new Int32Array(T);
    this.fen = new Fenwick(T);
    for (let i = 0; i < T; i++) { this.fen.add(this.rank[i]!, 1, this.a[i]!); if (this.a[i]! > 0) this.posUncovered++; }
    this.ub = total;
    this.mu = Float64Array.from(this.a);
    this.s = new Float64Array(T);
    this.P = new Float64Array(T);
    this.ratio = new Float64Array(T);
    this.vals = new Float64Array(T);
  }

  // ---- primal: f(S) -------------------------------------------------------------------------

  private vsatSlots(cost: number) {
    if (cost > this.B) return -1;
    if (this.v <= 0) return this.T;
    let m = Math.floor((this.B - cost) / this.v);
    while (m > 0 && m * this.v > this.B - cost) m--;
    return m;
  }

  private value(): number {
    const m = this.vsatSlots(this.costS);
    return m < 0 ? -Infinity : this.coveredS + this.fen.firstSum(m);
  }

  /** What the plan of S costs: its towers and the VSATs it actually uses (not on zero-value targets). */
  private planCost(): number {
    const m = this.vsatSlots(this.costS);
    return m < 0 ? Infinity : this.costS + this.v * Math.min(m, this.posUncovered);
  }

  /** Lexicographic: more value, then (at equal value) a cheaper plan. */
  private better(f: number, pc: number, f0: number, pc0: number) {
    const eps = 1e-9 * Math.max(1, Math.abs(f0));
    return f > f0 + eps || (f >= f0 - eps && pc < pc0);
  }

  private add(j: number) {
    this.inS[j] = 1; this.costS += this.c[j]!;
    for (let k = this.cs[j]!; k < this.cs[j + 1]!; k++) {
      const i = this.ci[k]!;
      if (this.cnt[i]!++ === 0) { this.coveredS += this.a[i]!; this.fen.add(this.rank[i]!, -1, -this.a[i]!); if (this.a[i]! > 0) this.posUncovered--; }
    }
  }

  private remove(j: number) {
    this.inS[j] = 0; this.costS -= this.c[j]!;
    for (let k = this.cs[j]!; k < this.cs[j + 1]!; k++) {
      const i = this.ci[k]!;
      if (--this.cnt[i]! === 0) { this.coveredS -= this.a[i]!; this.fen.add(this.rank[i]!, 1, this.a[i]!); if (this.a[i]! > 0) this.posUncovered++; }
    }
  }

  private gainAdd(j: number, base: number) { this.add(j); const f = this.value(); this.remove(j); return f - base; }

  private reset(towers: Iterable<number>) {
    for (const j of this.cand) if (this.inS[j]) this.remove(j);
    for (const j of towers) if (!this.inS[j]) this.add(j);
  }

  private record() {
    const f = this.value(), pc = this.planCost();
    if (this.better(f, pc, this.best.value, this.best.cost)) {
      const towers: number[] = [];
      for (const j of this.cand) if (this.inS[j]) towers.push(j);
      this.best = { value: f, cost: pc, towers };
    }
  }

  /** Lazy greedy on f(S + j) − f(S), from the current S. */
  private greedy() {
    const heap = new MinHeap(this.cand.length + 1);
    let base = this.value();
    for (const j of this.cand) {
      if (this.inS[j] || this.costS + this.c[j]! > this.B) continue;
      const g = this.gainAdd(j, base);
      if (g > 0) heap.push(-g, j);
    }
    while (heap.size > 0) {
      if (this.ctl.tick(64)) this.ctl.check();
      const stale = -heap.topKey(), j = heap.topId();
      heap.pop();
      if (this.costS + this.c[j]! > this.B) continue;
      const g = this.gainAdd(j, base);
      if (g <= 1e-9) continue;
      if (heap.size > 0 && g < -heap.topKey() - 1e-9 && g < stale - 1e-9) { heap.push(-g, j); continue; }
      this.add(j);
      base = this.value();
    }
  }

  /**
   * Drop / add / swap one tower until a pass no longer improves (f, then at equal f a cheaper
   * plan). A drop is kept whenever f does not fall (its budget goes to VSATs or later adds); a
   * tower dropped in a pass is not added back in the same pass.
   */
  private localSearch(fullSwap: boolean) {
    const dropped = new Set<number>();
    for (let pass = 0; pass < 100; pass++) {
      if (this.ctl.timeUp()) return;
      const f0 = this.value(), pc0 = this.planCost();
      let base = f0, basePc = pc0;
      dropped.clear();
      for (const j of this.cand) {
        if (!this.inS[j]) continue;
        this.remove(j);
        const f = this.value();
        if (f >= base - 1e-9 * Math.max(1, base)) { base = f; basePc = this.planCost(); dropped.add(j); } else this.add(j);
      }
      for (const j of this.cand) {
        if (this.inS[j] || dropped.has(j) || this.costS + this.c[j]! > this.B) continue;
        this.add(j);
        const f = this.value(), pc = this.planCost();
        if (this.better(f, pc, base, basePc)) { base = f; basePc = pc; } else this.remove(j);
      }
      const inside: number[] = [];
      for (const j of this.cand) if (this.inS[j]) inside.push(j);
      for (const j of inside) {
        if (!this.inS[j]) continue;
        if (this.ctl.tick(8) && this.ctl.timeUp()) return;
        this.remove(j);
        let bestK = -1, bestF = base, bestPc = basePc;
        const pool = fullSwap ? this.cand : this.near(j);
        for (const k of pool) {
          if (k === j || this.inS[k] || dropped.has(k) || this.costS + this.c[k]! > this.B) continue;
          this.add(k);
          const f = this.value(), pc = this.planCost();
          if (this.better(f, pc, bestF, bestPc)) { bestF = f; bestPc = pc; bestK = k; }
          this.remove(k);
        }
        if (bestK >= 0) { this.add(bestK); base = bestF; basePc = bestPc; } else this.add(j);
      }
      this.record();
      if (!this.better(this.value(), this.planCost(), f0, pc0)) return;
    }
  }

  /** Candidate towers sharing a target with tower j (cached). */
  private near(j: number): Int32Array {
    let list = this.nearCache.get(j);
    if (list) return list;
    const { cs, ci } = this;
    const bs = this.inst.coveredByStart, bi = this.inst.coveredByIndex;
    const sn = ++this.stampNo;
    const found: number[] = [];
    for (let k = cs[j]!; k < cs[j + 1]!; k++) {
      const i = ci[k]!;
      for (let q = bs[i]!; q < bs[i + 1]!; q++) {
        const t = bi[q]!;
        if (this.isCand[t] && this.stamp[t] !== sn) { this.stamp[t] = sn; found.push(t); }
      }
    }
    list = Int32Array.from(found);
    this.nearCache.set(j, list);
    return list;
  }

  private readonly nearCache = new Map<number, Int32Array>();
  private stampNo = 0;

  // ---- dual: U(μ) -----------------------------------------------------------------------------

  /**
   * U(μ) of the residual problem at the current tower set S (fixed in) with the towers `out`
   * fixed out; at the root S is empty. Covered targets count in full; the rest as in the
   * class comment with capacity B − c(S). Returns the bound and a maximiser of its knapsack
   * (towers with their possibly fractional x; the k VSAT targets) for the subgradient.
   */
  private bound(out: Uint8Array | null, exact: boolean): { U: number; towers: [number, number][]; vsat: number[] } {
    const { T, a, mu, cs, ci, c, v, P, cnt } = this;
    const B = this.B - this.costS;
    let U = this.coveredS;
    for (let i = 0; i < T; i++) if (cnt[i] === 0 && a[i]! > mu[i]!) U += a[i]! - mu[i]!;
    if (B < 0) return { U: -Infinity, towers: [], vsat: [] };
    // Free towers with positive profit, by ratio.
    const tw: number[] = [];
    const ratio = this.ratio;
    for (const j of this.cand) {
      if (this.inS[j] || (out && out[j]) || c[j]! > B) continue;
      let p = 0;
      for (let k = cs[j]!; k < cs[j + 1]!; k++) { const i = ci[k]!; if (cnt[i] === 0) p += mu[i]!; }
      P[j] = p;
      if (p > 0) { tw.push(j); ratio[j] = p / c[j]!; }
    }
    tw.sort((x, y) => ratio[y]! - ratio[x]! || x - y);
    const n = tw.length;
    const W = new Float64Array(n + 1), Q = new Float64Array(n + 1);
    for (let q = 0; q < n; q++) { W[q + 1] = W[q]! + c[tw[q]!]!; Q[q + 1] = Q[q]! + P[tw[q]!]!; }
    // VSAT profits, largest first (a native numeric sort of the values).
    let nv = 0;
    const vals = this.vals;
    for (let i = 0; i < T; i++) if (cnt[i] === 0 && mu[i]! > 0) vals[nv++] = -mu[i]!;
    const sorted = vals.subarray(0, nv).sort();
    const kmax = Math.min(nv, v > 0 ? Math.floor(B / v) : nv);
    const PV = new Float64Array(kmax + 1);
    for (let k = 0; k < kmax; k++) PV[k + 1] = PV[k]! - sorted[k]!;
    const slots = (cap: number) => (v > 0 ? Math.min(kmax, Math.floor(cap / v)) : kmax);

    /** Dantzig bound of the towers tw[from..] with capacity cap, break index searched from `hint` down. */
    const dantzigAt = (from: number, cap: number, lo: number) => {
      let val = Q[lo]! - Q[from]!;
      if (lo < n) val += (cap - (W[lo]! - W[from]!)) * ratio[tw[lo]!]!;
      return val;
    };
    /**
     * max over k of PV[k] + dantzig(from, cap − k v) over EVERY k (no concavity assumed): as k
     * grows the capacity falls, so the break index only moves left (one sweep).
     */
    const nodeBound = (from: number, cap: number) => {
      let bestV = -Infinity, bestK = 0;
      const km = slots(cap);
      // Largest s with W[s] − W[from] ≤ cap.
      let lo = from, hi = n;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (W[mid]! - W[from]! <= cap) lo = mid; else hi = mid - 1; }
      for (let k = 0; k <= km; k++) {
        const capK = cap - k * v;
        while (lo > from && W[lo]! - W[from]! > capK) lo--;
        const val = PV[k]! + (capK > 0 && from < n ? dantzigAt(from, capK, lo) : 0);
        if (val > bestV) { bestV = val; bestK = k; }
      }
      return { val: bestV, k: bestK };
    };
    /** The k uncovered targets of largest μ (ties: higher rank first). */
    const topVsat = (k: number): number[] => {
      if (k <= 0) return [];
      const theta = -sorted[k - 1]!;
      const outList: number[] = [];
      const ties: number[] = [];
      for (let i = 0; i < T; i++) {
        if (cnt[i] !== 0) continue;
        if (mu[i]! > theta) outList.push(i); else if (mu[i] === theta) ties.push(i);
      }
      ties.sort((x, y) => this.rank[x]! - this.rank[y]!);
      for (let q = 0; outList.length < k && q < ties.length; q++) outList.push(ties[q]!);
      return outList;
    };

    const root = nodeBound(0, B);
    let K = root.val;
    let argTowers: [number, number][] = [];
    let argK = root.k;
    {
      let cap = B - root.k * v;
      for (let q = 0; q < n && cap > 0; q++) {
        const j = tw[q]!;
        if (c[j]! <= cap) { argTowers.push([j, 1]); cap -= c[j]!; } else { argTowers.push([j, cap / c[j]!]); break; }
      }
    }
    if (exact && n > 0) {
      // Depth-first branch and bound over the towers in ratio order, VSATs exact at each node;
      // on hitting the node limit the root bound above stays.
      let bestVal = -Infinity, bestSet: number[] = [], bestKk = 0, nodes = 0, aborted = false;
      const chosen: number[] = [];
      const dfs = (q: number, cap: number, prof: number): void => {
        if (aborted) return;
        if (++nodes > 5_000) { aborted = true; return; }
        const kHere = slots(cap);
        const leaf = prof + PV[kHere]!;
        if (leaf > bestVal) { bestVal = leaf; bestSet = chosen.slice(); bestKk = kHere; }
        while (q < n && c[tw[q]!]! > cap) q++;
        if (q >= n) return;
        if (prof + nodeBound(q, cap).val <= bestVal * (1 + 1e-12)) return;
        const j = tw[q]!;
        chosen.push(j);
        dfs(q + 1, cap - c[j]!, prof + P[j]!);
        chosen.pop();
        dfs(q + 1, cap, prof);
      };
      dfs(0, B, 0);
      if (!aborted) { K = bestVal; argTowers = bestSet.map((j) => [j, 1]); argK = bestKk; }
    }
    U += K;
    // Margin for floating-point rounding: the summation error of up to ~10^5 terms is below 10^-11 U.
    return { U: U * (1 + 1e-10) + 1e-9, towers: argTowers, vsat: topVsat(argK) };
  }

  /** One projected subgradient step on μ of the uncovered targets: μ ← clamp(μ − t s, 0, a). */
  private step(r: { U: number; towers: [number, number][]; vsat: number[] }, pi: number, lower: number): boolean {
    const { T, a, mu, s, cs, ci, cnt } = this;
    for (let i = 0; i < T; i++) s[i] = cnt[i] === 0 && a[i]! > mu[i]! ? -1 : 0;
    for (const [j, x] of r.towers) for (let k = cs[j]!; k < cs[j + 1]!; k++) s[ci[k]!]! += x;
    for (const i of r.vsat) s[i]! += 1;
    let norm = 0;
    for (let i = 0; i < T; i++) {
      const g = s[i]!;
      if (cnt[i] !== 0 || (g > 0 && mu[i]! <= 0) || (g < 0 && mu[i]! >= a[i]!)) { s[i] = 0; continue; }
      norm += g * g;
    }
    if (norm === 0) return false;
    const t = pi * Math.max(r.U - lower, 1e-6 * Math.abs(r.U)) / norm;
    for (let i = 0; i < T; i++) { if (s[i] === 0) continue; const x = mu[i]! - t * s[i]!; mu[i] = x < 0 ? 0 : x > a[i]! ? a[i]! : x; }
    return true;
  }

  solve(targetGap: number): BudgetResult {
    const small = this.cand.length <= 600 && this.T <= 5000;
    // Primal start: greedy from nothing, and local search.
    this.reset([]);
    this.record();
    this.greedy();
    this.record();
    this.localSearch(small);
    const gapNow = () => (this.ub <= this.best.value ? 0 : (this.ub - this.best.value) / this.ub);
    // Step size (Held–Karp / Beasley): π from 2, halved when the best U has not improved for 20 steps.
    let pi = 2, stale = 0, bestU = Infinity;
    const bestMu = Float64Array.from(this.mu);
    // Small instances: a short root phase, then branch and bound. Large ones: subgradient until
    // the target gap, the deadline, or stagnation (< targetGap/10 progress in 300 steps).
    const maxIter = small ? 150 : 100_000;
    let checkpoint = { it: 0, ub: this.ub, lb: this.best.value };
    for (let it = 0; it < maxIter; it++) {
      if (this.ctl.timeUp()) break;
      if (!small && it - checkpoint.it >= 300) {
        const progress = (checkpoint.ub - this.ub + this.best.value - checkpoint.lb) / Math.max(1, this.ub);
        if (progress < targetGap / 10) break;
        checkpoint = { it, ub: this.ub, lb: this.best.value };
      }
      this.reset([]);
      const r = this.bound(null, small && it % 10 === 9);
      if (r.U < this.ub) this.ub = Math.max(r.U, this.best.value);
      if (r.U < bestU * (1 - 1e-9)) { bestU = r.U; bestMu.set(this.mu); stale = 0; } else if (++stale >= 20) { pi = Math.max(pi / 2, 1e-4); stale = 0; }
      this.ctl.progress(small ? Math.min(0.9, it / maxIter) : Math.min(0.95, this.ctl.elapsed() / (this.ctl.elapsed() + this.ctl.remainingMs())), `budget: gap ${(100 * gapNow()).toFixed(3)} %`);
      if (gapNow() <= targetGap) break;
      // Primal from the relaxation's towers.
      if (it % 10 === 5) {
        this.reset(r.towers.filter(([, x]) => x >= 1).map(([j]) => j));
        if (this.costS <= this.B) { this.record(); this.greedy(); this.record(); if (small || it % 50 === 5) this.localSearch(small); }
        this.reset([]);
      }
      if (!this.step(r, pi, this.best.value)) break;
    }
    this.mu.set(bestMu);
    if (small && gapNow() > targetGap && !this.ctl.timeUp()) this.branchAndBound(targetGap);
    // Final plan: the best tower set and its optimal VSATs.
    const { T, a } = this;
    this.reset(this.best.towers);
    const m = this.vsatSlots(this.costS);
    const vsat: number[] = [];
    for (let r = 0; r < T && vsat.length < m; r++) {
      const i = this.byRank[r]!;
      if (this.cnt[i] === 0 && a[i]! > 0) vsat.push(i);
    }
    return { towers: this.best.towers, vsat, bound: Math.max(this.ub, this.best.value) };
  }

  /**
   * Depth-first branch and bound over the towers (fixed in / fixed out), each node bounded by
   * U(μ) of its residual problem after a few subgradient steps from its parent's μ. A node is
   * pruned when its bound is at most incumbent × (1 + targetGap/2); the largest bound pruned
   * that way, and those of the nodes still open when time runs out, stay in the final bound,
   * so the reported bound is valid whether or not the search finishes.
   */
  private branchAndBound(targetGap: number) {
    interface Node { fin: number[]; fout: number[]; mu: Float64Array; bound: number }
    const tol = targetGap / 2;
    const out = new Uint8Array(this.T);
    const stack: Node[] = [{ fin: [], fout: [], mu: Float64Array.from(this.mu), bound: this.ub }];
    let prunedMax = -Infinity;
    let nodes = 0;
    const prune = (ub: number) => {
      if (ub <= this.best.value * (1 + 1e-12)) return true;
      if (ub <= this.best.value * (1 + tol)) { prunedMax = Math.max(prunedMax, ub); return true; }
      return false;
    };
    while (stack.length) {
      if (this.ctl.timeUp()) break;
      const node = stack.pop()!;
      if (prune(node.bound)) continue;
      nodes++;
      for (const j of node.fout) out[j] = 1;
      this.reset(node.fin);
      this.mu.set(node.mu);
      let ub = node.bound;
      let r = this.bound(out, false);
      let pi = 0.5;
      for (let it = 0; it < 5; it++) {
        ub = Math.min(ub, r.U);
        if (prune(ub)) break;
        if (!this.step(r, pi, this.best.value)) break;
        pi *= 0.85;
        r = this.bound(out, false);
      }
      ub = Math.min(ub, r.U);
      if (!prune(ub)) {
        // Primal: the relaxation's whole towers on top of the node's.
        const add = r.towers.filter(([j, x]) => x >= 1 && this.costS + this.c[j]! <= this.B).map(([j]) => j);
        const fin = node.fin;
        this.reset([...fin, ...add]);
        if (this.costS <= this.B) { this.record(); this.greedy(); this.record(); }
        this.reset(fin);
        if (!prune(ub)) {
          // Branch on the relaxation's fractional tower, else its most profitable one.
          let j = -1;
          for (const [t, x] of r.towers) if (x < 1) j = t;
          if (j < 0) { let bp = -Infinity; for (const [t] of r.towers) if (this.P[t]! > bp) { bp = this.P[t]!; j = t; } }
          if (j < 0) {
            // The relaxation takes no free tower, yet its bound is above the incumbent (μ has
            // not converged): branch on a free tower that fits (the best stand-alone gain). With
            // none left, the node's optimum is its towers plus the best VSATs, which record()
            // has already counted exactly.
            let bg = -Infinity;
            const base = this.value();
            for (const t of this.cand) if (!this.inS[t] && !out[t] && this.costS + this.c[t]! <= this.B) { const g = this.gainAdd(t, base); if (g > bg) { bg = g; j = t; } }
          }
          if (j >= 0) {
            const mu = Float64Array.from(this.mu);
            stack.push({ fin: fin, fout: [...node.fout, j], mu, bound: ub });
            stack.push({ fin: [...fin, j], fout: node.fout, mu, bound: ub });
          }
        }
      }
      for (const j of node.fout) out[j] = 0;
      if (nodes % 16 === 0) this.ctl.progress(0.9, `budget: branch and bound, ${nodes} nodes, gap ${(100 * Math.max(0, (this.openBound(stack, prunedMax) - this.best.value) / this.openBound(stack, prunedMax))).toFixed(3)} %`);
    }
    this.ub = Math.max(this.best.value, this.openBound(stack, prunedMax));
  }

  private openBound(stack: { bound: number }[], prunedMax: number) {
    let b = Math.max(prunedMax, this.best.value);
    for (const n of stack) b = Math.max(b, n.bound);
    return Math.min(b, this.ub);
  }
}
