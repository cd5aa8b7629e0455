import type { Control } from './control.ts';
import { MinHeap } from './heap.ts';
import type { Instance } from './model.ts';

/**
 * Cover-all: cover every target at least cost.
 *
 *   min Σ_j c_j x_j + Σ_i v_i y_i   s.t.  Σ_{j ∋ i} x_j + y_i ≥ 1 for every target i,  x, y ∈ {0,1}
 *
 * (tower j covers the targets I(j); y_i is target i's own VSAT).
 *
 * LOWER BOUND (Lagrangian relaxation of the cover constraints). For any multipliers u ≥ 0 and
 * any feasible (x, y), Σ_i u_i (Σ_{j∋i} x_j + y_i − 1) ≥ 0, so
 *   cost(x, y) ≥ cost(x, y) − Σ_i u_i (Σ_{j∋i} x_j + y_i − 1)
 *             = Σ_i u_i + Σ_j (c_j − Σ_{i∈I(j)} u_i) x_j + Σ_i (v_i − u_i) y_i
 *             ≥ L(u) := Σ_i u_i + Σ_j min(0, c_j − Σ_{i∈I(j)} u_i) + Σ_i min(0, v_i − u_i),
 * the last step minimising each binary variable on its own. Hence L(u) ≤ optimum for EVERY
 * u ≥ 0 — no convergence is needed for validity; the subgradient method only makes L(u) large.
 * We keep 0 ≤ u_i ≤ v_i (raising u_i above v_i never raises L), so the VSAT term is 0.
 * All costs are whole rupiah, so the optimum is an integer and ⌈L(u)⌉ is a bound too (after a
 * safety margin for floating-point rounding far above the summation error).
 *
 * DECOMPOSITION. Targets linked by a common tower form a block; blocks share no variable, so the
 * optimum is the sum of the blocks' optima and the sum of the blocks' bounds is a bound. A tower
 * that costs at least the VSATs of all its targets is dropped: replacing it by those VSATs never
 * costs more, so some optimal plan does not use it (the bound stays valid: it only needs u ≥ 0,
 * and an optimum of the reduced problem is an optimum of the full one).
 *
 * PRIMAL. The Lagrangian greedy of Caprara, Fischetti and Toth (1999) from the current
 * multipliers (score γ_j/μ_j, γ_j = c_j − Σ u over still-uncovered targets, μ_j = their number;
 * γ_j·μ_j when γ_j ≤ 0), redundant columns removed, then local search on the true costs: add a
 * tower and drop what it makes redundant; remove a tower and re-cover its targets greedily.
 */

export interface CoverResult {
  towers: number[];
  vsat: number[];
  cost: number;
  bound: number;
}

interface Block {
  targets: Int32Array;
  towers: Int32Array;
  nnz: number;
  lbRaw: number;
  lb: number;
  ub: number;
  pi: number;
  iter: number;
  done: boolean;
  bestSeen: number;
  stale: number;
}

const score = (gam: number, mu: number) => (mu === 0 ? Infinity : gam > 0 ? gam / mu : gam * mu);
/** A valid integer bound from a floating L(u): margin well above the rounding error of the sums. */
const integerBound = (L: number) => Math.max(0, Math.ceil(L - 1e-9 * Math.abs(L) - 1e-6));

export class CoverAllSolver {
  readonly T: number;
  private readonly cs: Int32Array;
  private readonly ci: Int32Array;
  private readonly bs: Int32Array;
  private readonly bi: Int32Array;
  private readonly c: Float64Array;
  private readonly v: number;
  readonly active: Uint8Array;
  /** Towers the heuristics may use: the active ones, or a branch-and-bound node's free ones. */
  private readonly allowed: Uint8Array;
  blocks: Block[] = [];

  private readonly u: Float64Array;
  private readonly bestU: Float64Array;
  private readonly g: Float64Array;
  private readonly dir: Float64Array;
  private readonly cnt: Int32Array;
  private readonly selT: Uint8Array;
  private readonly selV: Uint8Array;
  private readonly bestT: Uint8Array;
  private readonly bestV: Uint8Array;
  private readonly gam: Float64Array;
  private readonly mu: Int32Array;
  private readonly stamp: Int32Array;
  private stampNo = 0;
  private readonly heap = new MinHeap(1024);

  constructor(private readonly inst: Instance, private readonly ctl: Control) {
    const T = (this.T = inst.targets.length);
    this.cs = inst.coverStart; this.ci = inst.coverIndex; this.bs = inst.coveredByStart; this.bi = inst.coveredByIndex;
    this.c = inst.towerCost; this.v = inst.vsatCost;
    this.active = new Uint8Array(T);
    for (let j = 0; j < T; j++) this.active[j] = this.c[j]! < (this.cs[j + 1]! - this.cs[j]!) * this.v ? 1 : 0;
    this.allowed = Uint8Array.from(this.active);
    this.u = new Float64Array(T); this.bestU = new Float64Array(T); this.g = new Float64Array(T); this.dir = new Float64Array(T);
    this.cnt = new Int32Array(T); this.selT = new Uint8Array(T); this.selV = new Uint8Array(T);
    this.bestT = new Uint8Array(T); this.bestV = new Uint8Array(T);
    this.gam = new Float64Array(T); this.mu = new Int32Array(T); this.stamp = new Int32Array(T + T);
    this.buildBlocks();
  }

  /** Blocks: connected components of targets linked by an active tower (union-find). */
  private buildBlocks() {
    const T = this.T;
    const parent = Int32Array.from({ length: T }, (_, i) => i);
    const find = (a: number) => { while (parent[a] !== a) { parent[a] = parent[parent[a]!]!; a = parent[a]!; } return a; };
    for (let j = 0; j < T; j++) {
      if (!this.active[j]) continue;
      const r0 = find(this.ci[this.cs[j]!]!);
      for (let k = this.cs[j]! + 1; k < this.cs[j + 1]!; k++) { const r = find(this.ci[k]!); if (r !== r0) parent[r] = r0; }
    }
    const blockOf = new Int32Array(T).fill(-1);
    const tCount: number[] = [], wCount: number[] = [];
    for (let i = 0; i < T; i++) { const r = find(i); if (blockOf[r] === -1) { blockOf[r] = tCount.length; tCount.push(0); wCount.push(0); } blockOf[i] = blockOf[r]!; tCount[blockOf[i]!]!++; }
    for (let j = 0; j < T; j++) if (this.active[j]) wCount[blockOf[j]!]!++;
    const blocks: Block[] = tCount.map((n, b) => ({ targets: new Int32Array(n), towers: new Int32Array(wCount[b]!), nnz: 0, lbRaw: 0, lb: 0, ub: Infinity, pi: 2, iter: 0, done: false, bestSeen: -Infinity, stale: 0 }));
    const tf = new Int32Array(blocks.length), wf = new Int32Array(blocks.length);
    for (let i = 0; i < T; i++) { const b = blockOf[i]!; blocks[b]!.targets[tf[b]!++] = i; }
    for (let j = 0; j < T; j++) if (this.active[j]) { const b = blockOf[j]!; blocks[b]!.towers[wf[b]!++] = j; blocks[b]!.nnz += this.cs[j + 1]! - this.cs[j]!; }
    this.blocks = blocks;
  }

  get lowerBound() { let s = 0; for (const b of this.blocks) s += b.lb; return s; }
  get upperBound() { let s = 0; for (const b of this.blocks) s += b.ub; return s; }

  /** Phase 1 then phase 2 (hardest blocks first) until the gap target or the deadline. */
  /**
   * Phase 1: every block, multipliers and heuristics. Then (exhaustive) branch and bound on the
   * small blocks still open, and more subgradient rounds on the large ones, until the gap target,
   * the deadline, or no progress.
   */
  solve(targetGap: number, exhaustive = true): CoverResult {
    this.phase1(targetGap);
    if (exhaustive) this.exhaust(targetGap);
    return this.result();
  }

  phase1(targetGap: number) {
    const total = this.blocks.reduce((s, b) => s + b.nnz + b.targets.length, 0) || 1;
    let done = 0;
    for (const b of this.blocks) {
      this.initBlock(b);
      if (!b.done) this.improveBlock(b, 300, targetGap / 2);
      done += b.nnz + b.targets.length;
      this.ctl.progress(0.8 * done / total, `cover-all: ${this.blocks.length} blocks, ${Math.round(100 * done / total)} %`);
    }
  }

  exhaust(targetGap: number) {
    {
      const open = () => this.blocks.filter((b) => b.ub - b.lb >= 1 && b.ub - b.lb > (targetGap / 2) * b.lb);
      for (const b of open().filter((x) => x.towers.length <= 400).sort((x, y) => (y.ub - y.lb) - (x.ub - x.lb))) {
        if (this.ctl.timeUp() || this.gap() <= targetGap) break;
        this.branchAndBound(b, targetGap);
        this.ctl.progress(0.85, `cover-all: branch and bound, gap ${this.gapText()}`);
      }
      // Large blocks: more subgradient rounds while they pay off.
      let round = 0, stalled = 0;
      while (!this.ctl.timeUp() && this.gap() > targetGap && stalled < 3) {
        const large = open().filter((b) => b.towers.length > 400).sort((x, y) => (y.ub - y.lb) - (x.ub - x.lb));
        if (!large.length) break;
        const before = this.upperBound - this.lowerBound;
        for (const b of large.slice(0, Math.max(1, Math.ceil(large.length / 4)))) {
          if (this.ctl.timeUp()) break;
          b.pi = Math.max(b.pi, 0.05);
          this.improveBlock(b, 200 + 100 * round, 0);
          if (b.ub - b.lb >= 1) this.heuristic(b, this.bestU, true);
        }
        round++;
        stalled = before - (this.upperBound - this.lowerBound) < 1e-5 * this.upperBound ? stalled + 1 : 0;
        this.ctl.progress(0.85 + 0.15 * Math.min(1, round / 10), `cover-all: gap ${this.gapText()}`);
      }
    }
  }

  result(): CoverResult {
    const towers: number[] = [], vsat: number[] = [];
    for (const b of this.blocks) {
      for (const j of b.towers) if (this.bestT[j]) towers.push(j);
      for (const i of b.targets) if (this.bestV[i]) vsat.push(i);
    }
    return { towers, vsat, cost: this.upperBound, bound: this.lowerBound };
  }

  /**
   * Depth-first branch and bound on one block: towers fixed in or out; a node's bound is the
   * cost of its fixed-in towers plus L(u) of the residual problem (its targets not yet covered,
   * its free towers), after a few subgradient steps from the parent's multipliers; the heuristics
   * run on the residual too. A node is pruned when its bound cannot beat the incumbent by a whole
   * rupiah, or is within targetGap/2 of it (then its bound is kept: the block's final bound is
   * the least of those, of the nodes left open at the deadline and of the incumbent).
   */
  private branchAndBound(b: Block, targetGap: number) {
    interface Node { fin: number[]; fout: number[]; u: Float64Array; bound: number }
    const { u, c, v, cs, ci, cnt, selT, selV, allowed, bestT, bestV } = this;
    const tol = targetGap / 2;
    const BIG = 1 << 28;
    const pos = new Map<number, number>();
    b.targets.forEach((i, k) => pos.set(i, k));
    const snapshot = () => Float64Array.from(b.targets, (i) => this.bestU[i]!);
    const stack: Node[] = [{ fin: [], fout: [], u: snapshot(), bound: b.lb }];
    let prunedMin = Infinity;
    const prune = (bound: number) => {
      if (bound > b.ub - 1) return true;
      if (bound * (1 + tol) >= b.ub) { prunedMin = Math.min(prunedMin, bound); return true; }
      return false;
    };
    while (stack.length) {
      if (this.ctl.timeUp()) break;
      const node = stack.pop()!;
      if (prune(node.bound)) continue;
      // The residual problem.
      const fixed = new Set([...node.fin, ...node.fout]);
      let constant = 0;
      for (const i of b.targets) { cnt[i] = 0; selV[i] = 0; }
      for (const j of b.towers) { selT[j] = 0; allowed[j] = 0; }
      for (const j of node.fin) { constant += c[j]!; for (let k = cs[j]!; k < cs[j + 1]!; k++) cnt[ci[k]!] = BIG; }
      const targets = b.targets.filter((i) => cnt[i] === 0);
      for (const i of b.targets) u[i] = cnt[i] === 0 ? node.u[pos.get(i)!]! : 0;
      if (targets.length === 0) {
        if (constant < b.ub) this.adopt(b, node.fin, constant);
        continue;
      }
      const towers = b.towers.filter((j) => {
        if (fixed.has(j)) return false;
        for (let k = cs[j]!; k < cs[j + 1]!; k++) if (cnt[ci[k]!] === 0) return true;
        return false;
      });
      if (towers.length === 0) {
        // Only VSATs left: the residual optimum is known.
        const cost = constant + targets.length * v;
        if (cost < b.ub) { this.adopt(b, node.fin, cost); for (const i of targets) bestV[i] = 1; }
        continue;
      }
      for (const j of towers) allowed[j] = 1;
      const r: Block = { targets: Int32Array.from(targets), towers: Int32Array.from(towers), nnz: 0, lbRaw: 0, lb: 0, ub: b.ub - constant, pi: 0.5, iter: 0, done: false, bestSeen: -Infinity, stale: 0 };
      const ub0 = r.ub;
      this.heuristic(r, u, true);
      this.improveBlock(r, 25, 0);
      if (r.ub < ub0) this.adopt(b, node.fin, r.ub + constant, r);
      for (const j of towers) allowed[j] = 0;
      const bound = Math.max(node.bound, constant + r.lb);
      if (prune(bound)) continue;
      // Branch: the tower of negative reduced cost (best multipliers) that shares the most
      // targets with other such towers; else the tower closest to a negative reduced cost.
      const rc = new Map<number, number>();
      for (const j of towers) { let x = c[j]!; for (let k = cs[j]!; k < cs[j + 1]!; k++) { const i = ci[k]!; if (cnt[i] === 0) x -= this.bestU[i]!; } rc.set(j, x); }
      const load = new Map<number, number>();
      for (const [j, x] of rc) if (x < 0) for (let k = cs[j]!; k < cs[j + 1]!; k++) { const i = ci[k]!; if (cnt[i] === 0) load.set(i, (load.get(i) ?? 0) + 1); }
      let pick = -1, pickScore = -Infinity;
      for (const [j, x] of rc) {
        let score: number;
        if (x < 0) { score = 1e6; for (let k = cs[j]!; k < cs[j + 1]!; k++) { const i = ci[k]!; if (cnt[i] === 0 && (load.get(i) ?? 0) > 1) score += 1; } }
        else score = -x;
        if (score > pickScore) { pickScore = score; pick = j; }
      }
      const uu = Float64Array.from(b.targets, (i) => (cnt[i] === 0 ? this.bestU[i]! : node.u[pos.get(i)!]!));
      stack.push({ fin: node.fin, fout: [...node.fout, pick], u: uu, bound });
      stack.push({ fin: [...node.fin, pick], fout: node.fout, u: uu, bound });
    }
    for (const j of b.towers) allowed[j] = 1;
    let lb = Math.min(b.ub, prunedMin);
    for (const n of stack) lb = Math.min(lb, n.bound);
    b.lb = Math.max(b.lb, lb === Infinity ? b.ub : lb);
    if (b.ub - b.lb < 1) b.done = true;
  }

  /** A new incumbent of block b: the fixed-in towers plus the residual's best (already in bestT/bestV). */
  private adopt(b: Block, fin: number[], cost: number, r?: Block) {
    const inR = new Set(r ? r.towers : []);
    const tR = new Set(r ? r.targets : []);
    const f = new Set(fin);
    for (const j of b.towers) if (!inR.has(j)) this.bestT[j] = f.has(j) ? 1 : 0;
    for (const i of b.targets) if (!tR.has(i)) this.bestV[i] = 0;
    b.ub = cost;
  }

  gap() { const lb = this.lowerBound, ub = this.upperBound; return ub <= lb ? 0 : lb > 0 ? (ub - lb) / lb : 1; }
  private gapText() { return `${(100 * this.gap()).toFixed(3)} %`; }

  private initBlock(b: Block) {
    const { u, v } = this;
    if (b.towers.length === 0) {
      // Nothing but VSATs: optimal, with u_i = v_i proving it.
      for (const i of b.targets) { this.bestV[i] = 1; u[i] = v; this.bestU[i] = v; }
      b.ub = b.lb = b.lbRaw = b.targets.length * v;
      b.done = true;
      return;
    }
    // Dual-feasible start: u_i = min(v, min_{j∋i} c_j/|I(j)|), so every reduced cost is ≥ 0.
    for (const i of b.targets) {
      let m = v;
      for (let k = this.bs[i]!; k < this.bs[i + 1]!; k++) {
        const j = this.bi[k]!;
        if (this.active[j]) m = Math.min(m, this.c[j]! / (this.cs[j + 1]! - this.cs[j]!));
      }
      u[i] = m;
    }
    this.heuristic(b, u, true);
  }

  /** Subgradient optimisation of the block's multipliers, with the primal heuristic every few steps. */
  private improveBlock(b: Block, maxIter: number, relTol: number) {
    const { u, g, c, v, cs, ci } = this;
    const heurEvery = b.nnz > 200_000 ? 25 : 10;
    for (let it = 0; it < maxIter; it++) {
      if (it % 8 === 0 && this.ctl.timeUp()) return;
      let L = 0;
      for (const i of b.targets) { L += u[i]!; g[i] = 1; }
      for (const j of b.towers) {
        let r = c[j]!;
        const e = cs[j + 1]!;
        for (let k = cs[j]!; k < e; k++) r -= u[ci[k]!]!;
        if (r < 0) { L += r; for (let k = cs[j]!; k < e; k++) g[ci[k]!]! -= 1; }
      }
      b.iter++;
      if (L > b.lbRaw) {
        b.lbRaw = L;
        b.lb = Math.min(b.ub, integerBound(L));
        for (const i of b.targets) this.bestU[i] = u[i]!;
      }
      if (b.ub - b.lb < 1 || (relTol > 0 && b.ub - b.lb <= relTol * b.lb)) { if (b.ub - b.lb < 1) b.done = true; return; }
      let norm = 0;
      for (const i of b.targets) {
        const gi = g[i]!;
        if ((gi > 0 && u[i]! >= v) || (gi < 0 && u[i]! <= 0)) { g[i] = 0; continue; }
        norm += gi * gi;
      }
      if (norm === 0) {
        // The relaxed solution covers every target exactly once: it is feasible and, by
        // complementary slackness, optimal; the heuristic will find it from these multipliers.
        this.heuristic(b, u, false);
        b.lb = Math.min(b.ub, Math.max(b.lb, integerBound(L)));
        return;
      }
      // Deflected subgradient (Camerini–Fratta–Maffioli, γ = 1): d = g + β d_prev when the new
      // subgradient points against the previous direction; damps the zig-zag of plain steps.
      const d = this.dir;
      if (b.iter === 1 || it === 0) for (const i of b.targets) d[i] = 0;
      let gd = 0, dd = 0;
      for (const i of b.targets) { gd += g[i]! * d[i]!; dd += d[i]! * d[i]!; }
      const beta = gd < 0 && dd > 0 ? -gd / dd : 0;
      norm = 0;
      for (const i of b.targets) { let x = g[i]! + beta * d[i]!; if ((x > 0 && u[i]! >= v) || (x < 0 && u[i]! <= 0)) x = 0; d[i] = x; norm += x * x; }
      if (norm > 0) {
        const step = b.pi * Math.max(b.ub - L, 1e-6 * b.ub) / norm;
        for (const i of b.targets) { const x = u[i]! + step * d[i]!; u[i] = x < 0 ? 0 : x > v ? v : x; }
      }
      // Step size (Held–Karp / Beasley): halve π when the best L has not improved for 20 steps.
      if (L > b.bestSeen + 1e-9 * Math.abs(L)) { b.bestSeen = L; b.stale = 0; } else if (++b.stale >= 20) { b.pi = Math.max(b.pi / 2, 1e-4); b.stale = 0; }
      if (it % heurEvery === heurEvery - 1) this.heuristic(b, u, false);
    }
  }

  // ---- primal side ----------------------------------------------------------------------------

  private cover(i: number, w: Float64Array) {
    const { bs, bi, allowed, mu, gam } = this;
    for (let k = bs[i]!; k < bs[i + 1]!; k++) { const j = bi[k]!; if (allowed[j]) { mu[j]!--; gam[j]! += w[i]!; } }
  }

  /** Lagrangian greedy + redundancy removal (+ local search); keeps the block's best solution. */
  heuristic(b: Block, w: Float64Array, withLocalSearch: boolean) {
    const { cs, ci, c, v, cnt, selT, selV, gam, mu, heap, T } = this;
    heap.clear();
    for (const i of b.targets) { cnt[i] = 0; selV[i] = 0; heap.push(v - w[i]!, T + i); }
    for (const j of b.towers) {
      selT[j] = 0;
      // Over the targets still to cover (in a branch-and-bound node, those of the fixed-in
      // towers carry a large count and are skipped).
      let gm = c[j]!, m = 0;
      for (let k = cs[j]!; k < cs[j + 1]!; k++) { const i = ci[k]!; if (cnt[i] === 0) { gm -= w[i]!; m++; } }
      gam[j] = gm; mu[j] = m;
      heap.push(score(gm, m), j);
    }
    let remaining = b.targets.length;
    while (remaining > 0 && heap.size > 0) {
      const s = heap.topKey(), id = heap.topId();
      heap.pop();
      if (id < T) {
        if (mu[id] === 0) continue;
        const cur = score(gam[id]!, mu[id]!);
        if (cur > s) { heap.push(cur, id); continue; }
        selT[id] = 1;
        for (let k = cs[id]!; k < cs[id + 1]!; k++) { const i = ci[k]!; if (cnt[i] === 0) { remaining--; this.cover(i, w); } cnt[i]!++; }
      } else {
        const i = id - T;
        if (cnt[i]! > 0) continue;
        selV[i] = 1; remaining--; this.cover(i, w); cnt[i] = 1;
      }
    }
    this.removeRedundant(b);
    if (withLocalSearch || this.currentCost(b) < b.ub * 1.02) this.localSearch(b);
    const cost = this.currentCost(b);
    if (cost < b.ub) {
      b.ub = cost;
      for (const j of b.towers) this.bestT[j] = selT[j]!;
      for (const i of b.targets) this.bestV[i] = selV[i]!;
      if (b.lb > b.ub) b.lb = b.ub; // cannot happen with a valid bound; guards rounding
    }
  }

  private currentCost(b: Block) {
    let s = 0;
    for (const j of b.towers) if (this.selT[j]) s += this.c[j]!;
    for (const i of b.targets) if (this.selV[i]) s += this.v;
    return s;
  }

  private redundant(j: number) {
    const { cs, ci, cnt } = this;
    for (let k = cs[j]!; k < cs[j + 1]!; k++) if (cnt[ci[k]!]! < 2) return false;
    return true;
  }

  private drop(j: number) {
    const { cs, ci, cnt } = this;
    this.selT[j] = 0;
    for (let k = cs[j]!; k < cs[j + 1]!; k++) cnt[ci[k]!]!--;
  }

  private take(j: number) {
    const { cs, ci, cnt } = this;
    this.selT[j] = 1;
    for (let k = cs[j]!; k < cs[j + 1]!; k++) cnt[ci[k]!]!++;
  }

  /** Drops redundant columns, the most expensive first. */
  private removeRedundant(b: Block) {
    const { selT, selV, cnt, c } = this;
    const chosen: number[] = [];
    for (const j of b.towers) if (selT[j]) chosen.push(j);
    chosen.sort((a, b2) => c[b2]! - c[a]! || a - b2);
    for (const j of chosen) if (this.redundant(j)) this.drop(j);
    for (const i of b.targets) if (selV[i] && cnt[i]! >= 2) { selV[i] = 0; cnt[i]!--; }
  }

  /** Local search on the true costs until no move improves (or time runs out). */
  private localSearch(b: Block) {
    const { cs, ci, bs, bi, c, v, cnt, selT, selV, allowed, stamp, T } = this;
    for (let pass = 0; pass < 50; pass++) {
      let improved = false;
      // Move A: add tower k, drop every column it makes redundant (most expensive first).
      for (const k of b.towers) {
        if (selT[k]) continue;
        if (this.ctl.tick(64) && this.ctl.timeUp()) return;
        const sn = ++this.stampNo;
        const cand: number[] = [];
        let potential = 0;
        for (let a = cs[k]!; a < cs[k + 1]!; a++) {
          const i = ci[a]!;
          if (selV[i] && stamp[T + i] !== sn) { stamp[T + i] = sn; cand.push(T + i); potential += v; }
          for (let q = bs[i]!; q < bs[i + 1]!; q++) { const j = bi[q]!; if (selT[j] && stamp[j] !== sn) { stamp[j] = sn; cand.push(j); potential += c[j]!; } }
        }
        if (potential <= c[k]!) continue;
        this.take(k);
        cand.sort((x, y) => (y < T ? c[y]! : v) - (x < T ? c[x]! : v) || x - y);
        let saving = 0;
        const removed: number[] = [];
        for (const col of cand) {
          if (col < T) { if (this.redundant(col)) { this.drop(col); removed.push(col); saving += c[col]!; } }
          else { const i = col - T; if (cnt[i]! >= 2) { selV[i] = 0; cnt[i]!--; removed.push(col); saving += v; } }
        }
        if (saving > c[k]!) { improved = true; continue; }
        for (const col of removed) { if (col < T) this.take(col); else { selV[col - T] = 1; cnt[col - T]!++; } }
        this.drop(k);
      }
      // Move B: remove tower j and re-cover what it alone covered, greedily.
      for (const j of b.towers) {
        if (!selT[j]) continue;
        if (this.ctl.tick(64) && this.ctl.timeUp()) return;
        this.drop(j);
        const open: number[] = [];
        for (let a = cs[j]!; a < cs[j + 1]!; a++) if (cnt[ci[a]!] === 0) open.push(ci[a]!);
        if (open.length === 0) { improved = true; continue; }
        const sn = ++this.stampNo;
        const cand: number[] = [];
        for (const i of open) for (let q = bs[i]!; q < bs[i + 1]!; q++) { const k = bi[q]!; if (k !== j && allowed[k] && !selT[k] && stamp[k] !== sn) { stamp[k] = sn; cand.push(k); } }
        let spent = 0, left = open.length;
        const added: number[] = [];
        const vsatAdded: number[] = [];
        while (left > 0 && spent < c[j]!) {
          let best = -1, bestRatio = v;
          for (const k of cand) {
            if (selT[k]) continue;
            let n = 0;
            for (let a = cs[k]!; a < cs[k + 1]!; a++) if (cnt[ci[a]!] === 0) n++;
            if (n > 0 && c[k]! / n < bestRatio) { bestRatio = c[k]! / n; best = k; }
          }
          if (best < 0) {
            for (const i of open) if (cnt[i] === 0) { selV[i] = 1; cnt[i] = 1; vsatAdded.push(i); spent += v; left--; }
            break;
          }
          for (let a = cs[best]!; a < cs[best + 1]!; a++) if (cnt[ci[a]!] === 0) left--;
          this.take(best); added.push(best); spent += c[best]!;
        }
        if (left === 0 && spent < c[j]!) { improved = true; continue; }
        for (const k of added) this.drop(k);
        for (const i of vsatAdded) { selV[i] = 0; cnt[i]!--; }
        this.take(j);
      }
      if (improved) this.removeRedundant(b);
      if (!improved) return;
    }
  }
}
