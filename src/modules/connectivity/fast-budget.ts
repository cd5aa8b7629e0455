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
    const cover = new CoverAllSolver(inst, ctl).solve(targetGap);
    if (cover.cost <= budget) return { towers: cover.towers, vsat: cover.vsat, bound: total };
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
  private best = { value: -1, cost: Infinity, towers: [] as number[] };
  private ub: number;
  // Dual state.
  private readonly mu: Float64Array;
  private readonly s: Float64Array;
  private readonly P: Float64Array;

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
    const order = Array.from({ length: T }, (_, i) => i).sort((x, y) => this.a[y]! - this.a[x]! || x - y);
    this.byRank = Int32Array.from(order);
    this.rank = new Int32Array(T);
    order.forEach((i, r) => { this.rank[i] = r; });
    this.inS = new Uint8Array(T); this.cnt = new Int32Array(T);
    this.fen = new Fenwick(T);
    for (let i = 0; i < T; i++) this.fen.add(this.rank[i]!, 1, this.a[i]!);
    this.ub = total;
    this.mu = Float64Array.from(this.a);
    this.s = new Float64Array(T);
    this.P = new Float64Array(T);
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

  private add(j: number) {
    this.inS[j] = 1; this.costS += this.c[j]!;
    for (let k = this.cs[j]!; k < this.cs[j + 1]!; k++) {
      const i = this.ci[k]!;
      if (this.cnt[i]!++ === 0) { this.coveredS += this.a[i]!; this.fen.add(this.rank[i]!, -1, -this.a[i]!); }
    }
  }

  private remove(j: number) {
    this.inS[j] = 0; this.costS -= this.c[j]!;
    for (let k = this.cs[j]!; k < this.cs[j + 1]!; k++) {
      const i = this.ci[k]!;
      if (--this.cnt[i]! === 0) { this.coveredS -= this.a[i]!; this.fen.add(this.rank[i]!, 1, this.a[i]!); }
    }
  }

  private gainAdd(j: number, base: number) { this.add(j); const f = this.value(); this.remove(j); return f - base; }

  private reset(towers: Iterable<number>) {
    for (const j of this.cand) if (this.inS[j]) this.remove(j);
    for (const j of towers) if (!this.inS[j]) this.add(j);
  }

  private record() {
    const f = this.value();
    if (f > this.best.value + 1e-9 || (Math.abs(f - this.best.value) <= 1e-9 && this.costS < this.best.cost)) {
      const towers: number[] = [];
      for (const j of this.cand) if (this.inS[j]) towers.push(j);
      this.best = { value: f, cost: this.costS, towers };
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

  /** Drop / add / swap one tower until no move improves f (ties: a cheaper plan). */
  private localSearch(fullSwap: boolean) {
    for (let pass = 0; pass < 100; pass++) {
      if (this.ctl.timeUp()) return;
      let improved = false;
      let base = this.value();
      // Drop: free budget for VSATs; keep the drop when f does not fall.
      for (const j of this.cand) {
        if (!this.inS[j]) continue;
        this.remove(j);
        const f = this.value();
        if (f >= base - 1e-9) { base = f; improved = true; } else this.add(j);
      }
      // Add.
      for (const j of this.cand) {
        if (this.inS[j] || this.costS + this.c[j]! > this.B) continue;
        this.add(j);
        const f = this.value();
        if (f > base + 1e-9) { base = f; improved = true; } else this.remove(j);
      }
      // Swap one tower in S for one outside.
      const inside: number[] = [];
      for (const j of this.cand) if (this.inS[j]) inside.push(j);
      for (const j of inside) {
        if (!this.inS[j]) continue;
        if (this.ctl.tick(8) && this.ctl.timeUp()) return;
        this.remove(j);
        let bestK = -1, bestF = base + 1e-9;
        const pool = fullSwap ? this.cand : this.near(j);
        for (const k of pool) {
          if (k === j || this.inS[k] || this.costS + this.c[k]! > this.B) continue;
          this.add(k);
          const f = this.value();
          if (f > bestF) { bestF = f; bestK = k; }
          this.remove(k);
        }
        if (bestK >= 0) { this.add(bestK); base = bestF; improved = true; } else this.add(j);
      }
      this.record();
      if (!improved) return;
    }
  }

  /** Towers within two cover steps of tower j (share a target with a tower sharing one with j). */
  private near(j: number): Iterable<number> {
    const out = new Set<number>();
    const { cs, ci } = this;
    const bs = this.inst.coveredByStart, bi = this.inst.coveredByIndex;
    for (let k = cs[j]!; k < cs[j + 1]!; k++) {
      const i = ci[k]!;
      for (let q = bs[i]!; q < bs[i + 1]!; q++) {
        const t = bi[q]!;
        out.add(t);
        for (let r = cs[t]!; r < cs[t + 1]!; r++) { const i2 = ci[r]!; for (let q2 = bs[i2]!; q2 < bs[i2 + 1]!; q2++) out.add(bi[q2]!); }
      }
    }
    return [...out].filter((t) => this.candSet().has(t));
  }

  private candCache: Set<number> | null = null;
  private candSet() { return (this.candCache ??= new Set(this.cand)); }

  // ---- dual: U(μ) -----------------------------------------------------------------------------

  /**
   * U(μ) and a maximiser of its knapsack (for the subgradient): returns the bound, the towers
   * with their (possibly fractional) x, and the number k of VSATs (the k largest μ).
   */
  private bound(exact: boolean): { U: number; towers: [number, number][]; k: number; exactK: boolean } {
    const { T, a, mu, cs, ci, c, v, B, P } = this;
    let U = 0;
    for (let i = 0; i < T; i++) if (a[i]! > mu[i]!) U += a[i]! - mu[i]!;
    // Towers with positive profit, by ratio.
    const tw: number[] = [];
    for (const j of this.cand) {
      let p = 0;
      for (let k = cs[j]!; k < cs[j + 1]!; k++) p += mu[ci[k]!]!;
      P[j] = p;
      if (p > 0) tw.push(j);
    }
    tw.sort((x, y) => P[y]! / c[y]! - P[x]! / c[x]! || x - y);
    const n = tw.length;
    const W = new Float64Array(n + 1), Q = new Float64Array(n + 1);
    for (let q = 0; q < n; q++) { W[q + 1] = W[q]! + c[tw[q]!]!; Q[q + 1] = Q[q]! + P[tw[q]!]!; }
    // VSAT profits, largest first.
    const vs: number[] = [];
    for (let i = 0; i < T; i++) if (mu[i]! > 0) vs.push(mu[i]!);
    vs.sort((x, y) => y - x);
    const kmax = Math.min(vs.length, v > 0 ? Math.floor(B / v) : vs.length);
    const PV = new Float64Array(kmax + 1);
    for (let k = 0; k < kmax; k++) PV[k + 1] = PV[k]! + vs[k]!;
    const slots = (cap: number) => (v > 0 ? Math.min(kmax, Math.floor(cap / v)) : kmax);

    /** Dantzig bound of the towers tw[from..] with capacity cap. */
    const dantzig = (from: number, cap: number) => {
      if (cap <= 0 || from >= n) return 0;
      // Largest s with W[s] − W[from] ≤ cap.
      let lo = from, hi = n;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (W[mid]! - W[from]! <= cap) lo = mid; else hi = mid - 1; }
      let val = Q[lo]! - Q[from]!;
      if (lo < n) val += (cap - (W[lo]! - W[from]!)) * (P[tw[lo]!]! / c[tw[lo]!]!);
      return val;
    };
    /** max over k of PV[k] + dantzig(from, cap − k v), and the best k. */
    const nodeBound = (from: number, cap: number) => {
      let bestV = -Infinity, bestK = 0;
      const km = slots(cap);
      for (let k = 0; k <= km; k++) {
        const val = PV[k]! + dantzig(from, cap - k * v);
        if (val > bestV) { bestV = val; bestK = k; }
      }
      return { val: bestV, k: bestK };
    };

    const root = nodeBound(0, B);
    let K = root.val;
    let exactK = false;
    let argTowers: [number, number][] = [];
    let argK = root.k;
    // Fractional maximiser at the root (for the subgradient).
    {
      let cap = B - root.k * v;
      for (let q = 0; q < n && cap > 0; q++) {
        const j = tw[q]!;
        if (c[j]! <= cap) { argTowers.push([j, 1]); cap -= c[j]!; } else { argTowers.push([j, cap / c[j]!]); break; }
      }
    }
    if (exact && n > 0) {
      // Depth-first branch and bound over the towers in ratio order; VSATs exact at each node.
      let bestVal = -Infinity;
      let bestSet: number[] = [];
      let bestKk = 0;
      const chosen: number[] = [];
      let nodes = 0;
      const limit = 20_000;
      let aborted = false;
      const dfs = (q: number, cap: number, prof: number): void => {
        if (aborted) return;
        if (++nodes > limit) { aborted = true; return; }
        const kHere = slots(cap);
        const leaf = prof + PV[kHere]!;
        if (leaf > bestVal) { bestVal = leaf; bestSet = chosen.slice(); bestKk = kHere; }
        // Skip towers that no longer fit.
        while (q < n && c[tw[q]!]! > cap) q++;
        if (q >= n) return;
        const ub = prof + nodeBound(q, cap).val;
        if (ub <= bestVal * (1 + 1e-12)) return;
        const j = tw[q]!;
        chosen.push(j);
        dfs(q + 1, cap - c[j]!, prof + P[j]!);
        chosen.pop();
        dfs(q + 1, cap, prof);
      };
      dfs(0, B, 0);
      if (!aborted) {
        K = bestVal;
        exactK = true;
        argTowers = bestSet.map((j) => [j, 1]);
        argK = bestKk;
      }
    }
    U += K;
    return { U: U * (1 + 1e-12) + 1e-9, towers: argTowers, k: argK, exactK };
  }

  solve(targetGap: number): BudgetResult {
    const { T, a, mu, s, cs, ci } = this;
    const small = this.cand.length <= 600 && T <= 5000;
    // Primal start: greedy from nothing, and local search.
    this.reset([]);
    this.record();
    this.greedy();
    this.record();
    this.localSearch(small);
    const gapNow = () => (this.ub <= this.best.value ? 0 : (this.ub - this.best.value) / this.ub);
    let pi = 1;
    let recent: number[] = [];
    const maxIter = small ? 400 : 600;
    for (let it = 0; it < maxIter; it++) {
      if (this.ctl.timeUp()) break;
      const exact = small && (it % 5 === 0 || gapNow() < 5 * targetGap);
      const r = this.bound(exact);
      if (r.U < this.ub) this.ub = Math.max(r.U, this.best.value);
      this.ctl.progress(Math.min(0.99, it / maxIter), `budget: gap ${(100 * gapNow()).toFixed(3)} %`);
      if (gapNow() <= targetGap) break;
      // Primal from the relaxation's towers.
      if (it % 10 === 5) {
        const towers = r.towers.filter(([, x]) => x >= 1).map(([j]) => j);
        this.reset(towers);
        if (this.costS <= this.B) { this.record(); this.greedy(); this.record(); if (small || it % 50 === 5) this.localSearch(small); }
      }
      // Subgradient of U at μ: s_i = (# chosen columns covering i) − z_i.
      for (let i = 0; i < T; i++) s[i] = a[i]! > mu[i]! ? -1 : 0;
      for (const [j, x] of r.towers) for (let k = cs[j]!; k < cs[j + 1]!; k++) s[ci[k]!]! += x;
      if (r.k > 0) {
        // The k targets of largest μ carry the VSATs (ties by rank).
        const idx = Array.from({ length: T }, (_, i) => i).filter((i) => mu[i]! > 0).sort((x, y) => mu[y]! - mu[x]! || this.rank[x]! - this.rank[y]!);
        for (let q = 0; q < r.k && q < idx.length; q++) s[idx[q]!]! += 1;
      }
      let norm = 0;
      for (let i = 0; i < T; i++) {
        const g = s[i]!;
        if ((g > 0 && mu[i]! <= 0) || (g < 0 && mu[i]! >= a[i]!)) { s[i] = 0; continue; }
        norm += g * g;
      }
      if (norm === 0) break;
      const step = pi * Math.max(r.U - this.best.value, 1e-6 * r.U) / norm;
      for (let i = 0; i < T; i++) { const x = mu[i]! - step * s[i]!; mu[i] = x < 0 ? 0 : x > a[i]! ? a[i]! : x; }
      recent.push(r.U);
      if (recent.length === 20) {
        const hi = Math.max(...recent), lo = Math.min(...recent);
        const spread = hi > 0 ? (hi - lo) / hi : 1;
        if (spread > 0.01) pi /= 2; else if (spread < 0.001) pi *= 1.5;
        pi = Math.min(Math.max(pi, 1e-4), 2);
        recent = [];
      }
    }
    // Final plan: the best tower set and its optimal VSATs.
    this.reset(this.best.towers);
    const m = this.vsatSlots(this.costS);
    const vsat: number[] = [];
    for (let r = 0; r < T && vsat.length < m; r++) {
      const i = this.byRank[r]!;
      if (this.cnt[i] === 0 && a[i]! > 0) vsat.push(i);
    }
    return { towers: this.best.towers, vsat, bound: Math.max(this.ub, this.best.value) };
  }
}
