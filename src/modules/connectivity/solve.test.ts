import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { buildInstance, type InstanceInputs } from './model.ts';
import { verifyPlan, type Plan } from './plan.ts';
import { loadHighs, solveExact } from './solve-exact.ts';
import { solveFast, type SolveRequest } from './solve-fast.ts';
import { bruteForce, node, randomInputs, testCatalogue, village } from './testkit.ts';

/**
 * A hand-solved instance (test catalogue: tower 100, VSAT 70, satellite 60, microwave 30 within
 * 50 km, fibre Rp 1 per routed km, factor 1.5, at most 30 km; radius 10 km):
 *
 *   A0  A4  A8 ........ B30 [F 31.2] B34 .............. C100     (km along the equator)
 *
 * Cluster A: any of its three towers covers all three (microwave to F, 130) < 3 VSATs (210).
 * Cluster B: tower at B30 (fibre 1.8 km → Rp 2, 102) < tower at B34 (104) < 2 VSATs (140).
 * C100: its tower (satellite, 160) > VSAT (70); no other tower reaches it.
 * Cover-all optimum: 130 + 102 + 70 = 302.
 */
const handVillages = [
  village('A0', 0, 100), village('A4', 4, 100), village('A8', 8, 100),
  village('B30', 30, 500), village('B34', 34, 50), village('C100', 100, 1000),
  village('OK', 50, 9999, '4g'),
];
const handNodes = [node('F', 31.2, 'fibre')];
const handInputs: InstanceInputs = { villages: handVillages, nodes: handNodes, catalogue: testCatalogue() };
const hand = buildInstance(handVillages, handNodes, handInputs.catalogue);

function checked(inputs: InstanceInputs, plan: Plan): Plan {
  expect(verifyPlan(inputs, plan), `verifyPlan of the ${plan.method} ${plan.objective} plan`).toEqual([]);
  return plan;
}

describe('fast method, hand-solved', () => {
  it('cover-all: one tower per cluster where it pays, VSAT where no tower does', () => {
    const plan = checked(handInputs, solveFast(hand, { objective: 'cover-all' }));
    expect(plan.totalCost).toBe(302);
    expect(plan.bound).toBe(302);
    expect(plan.gap).toBe(0);
    expect(plan.towers.map((t) => [t.site, t.backhaul, t.cost])).toEqual([['A0', 'microwave', 130], ['B30', 'fibre', 102]]);
    expect(plan.towers[0]!.covers).toEqual(['A0', 'A4', 'A8']);
    expect(plan.towers[0]!.backhaulNode).toBe('F');
    expect(plan.vsat).toEqual([{ village: 'C100', cost: 70 }]);
    expect(plan.coveredVillages.sort()).toEqual(['A0', 'A4', 'A8', 'B30', 'B34', 'C100']);
    expect(plan.coveredPopulation).toBe(1850);
    expect(plan.budget).toBeNull();
    expect(plan.targetCount).toBe(6);
  });

  it('ties: equal towers and equal villages give the same objective every run', () => {
    // A0, A4 and A8 are equally good tower sites; the lowest index wins, deterministically.
    for (let k = 0; k < 3; k++) expect(solveFast(hand, { objective: 'cover-all' }).towers[0]!.site).toBe('A0');
    // Budget 240: VSATs at C100, B30 and one of the three A villages (all worth 100): 1600.
    const plans = [0, 1, 2].map(() => checked(handInputs, solveFast(hand, { objective: 'budget', budget: 240 })));
    for (const p of plans) {
      expect(p.coveredValue).toBe(1600);
      expect(p.totalCost).toBe(210);
      expect(p.vsat.map((v) => v.village)).toEqual(plans[0]!.vsat.map((v) => v.village));
    }
  });

  it('budget: the most population within the budget', () => {
    const run = (budget: number) => checked(handInputs, solveFast(hand, { objective: 'budget', budget }, { targetGap: 0 }));
    expect(run(0)).toMatchObject({ coveredValue: 0, totalCost: 0, gap: 0 });
    expect(run(69)).toMatchObject({ coveredValue: 0, totalCost: 0 });
    expect(run(70)).toMatchObject({ coveredValue: 1000, totalCost: 70 });
    expect(run(240)).toMatchObject({ coveredValue: 1600, gap: 0 });
    // 301: VSATs at C100 and B30 with cluster A's tower (1800) beats every other plan.
    const p301 = run(301);
    expect(p301).toMatchObject({ coveredValue: 1800, totalCost: 270, gap: 0 });
    expect(p301.towers.map((t) => t.site)).toEqual(['A0']);
    // 302 pays for the cover-all plan.
    expect(run(302)).toMatchObject({ coveredValue: 1850, totalCost: 302, bound: 1850, gap: 0 });
    expect(run(1e6)).toMatchObject({ coveredValue: 1850, totalCost: 302 });
  });

  it('weights: a school or health centre village counts more', () => {
    const villages = handVillages.map((v) => (v.code === 'B34' ? { ...v, weight: 3 } : v));
    const inputs = { ...handInputs, villages };
    const plan = checked(inputs, solveFast(buildInstance(villages, handNodes, inputs.catalogue), { objective: 'budget', budget: 240 }));
    // Tower B30 now covers 500 + 3 × 50: with the VSAT at C100, 1650 > 1600 for Rp 172; VSATs at
    // C100, B30 and B34 reach 1650 too, but for Rp 210: at equal value the cheaper plan wins.
    expect(plan.coveredValue).toBe(1650);
    expect(plan.totalCost).toBe(172);
    expect(plan.coveredPopulation).toBe(1550);
    expect(plan.towers.map((t) => t.site)).toEqual(['B30']);
  });

  it('VSAT everywhere when no tower reaches a second village', () => {
    const villages = [village('a', 0), village('b', 30), village('c', 60)];
    const inputs = { villages, nodes: [], catalogue: testCatalogue() };
    const plan = checked(inputs, solveFast(buildInstance(villages, [], inputs.catalogue), { objective: 'cover-all' }));
    expect(plan.towers).toEqual([]);
    expect(plan.vsat.map((v) => v.village)).toEqual(['a', 'b', 'c']);
    expect(plan).toMatchObject({ totalCost: 210, bound: 210, gap: 0 });
  });

  it('a discount rate lowers the opex and can change the plan', () => {
    // Towers: capex heavy; VSAT: opex heavy. Undiscounted over 10 years VSATs cost 3 × 1,000 =
    // 3,000 > one tower (2,500); at 10 % they cost 3 × (100 + 90 × 6.1446) = 1,959 < 2,500.
    const catalogue = testCatalogue({ horizonYears: 10, tower: { capex: 2300, opexPerYear: 0, radiusKm: 10 }, satelliteBackhaul: { capex: 200, opexPerYear: 0 }, vsat: { capex: 100, opexPerYear: 90 } });
    const villages = [village('a', 0), village('b', 4), village('c', 8)];
    const inputs0 = { villages, nodes: [], catalogue };
    const p0 = checked(inputs0, solveFast(buildInstance(villages, [], catalogue), { objective: 'cover-all' }));
    expect(p0.towers.length).toBe(1);
    expect(p0.totalCost).toBe(2500);
    const discounted = { ...catalogue, discountRate: 0.1 };
    const inputs1 = { villages, nodes: [], catalogue: discounted };
    const p1 = checked(inputs1, solveFast(buildInstance(villages, [], discounted), { objective: 'cover-all' }));
    expect(p1.towers).toEqual([]);
    let pv = 0;
    for (let t = 1; t <= 10; t++) pv += 1 / 1.1 ** t;
    expect(p1.totalCost).toBe(3 * Math.round(100 + 90 * pv));
  });

  it('no targets: an empty plan', () => {
    const villages = [village('a', 0, 10, '4g')];
    const inst = buildInstance(villages, [], testCatalogue());
    expect(solveFast(inst, { objective: 'cover-all' })).toMatchObject({ totalCost: 0, bound: 0, gap: 0, coveredVillages: [] });
    expect(solveFast(inst, { objective: 'budget', budget: 100 })).toMatchObject({ totalCost: 0, coveredValue: 0, gap: 0 });
  });

  it('rejects a budget objective without a valid budget', () => {
    expect(() => solveFast(hand, { objective: 'budget' })).toThrow(AppError);
    expect(() => solveFast(hand, { objective: 'budget', budget: -1 })).toThrow(AppError);
    expect(() => solveFast(hand, { objective: 'most' as never })).toThrow(AppError);
  });

  it('reports progress and honours an AbortSignal', () => {
    const seen: number[] = [];
    solveFast(hand, { objective: 'cover-all' }, { onProgress: (f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    const ac = new AbortController();
    ac.abort();
    expect(() => solveFast(hand, { objective: 'budget', budget: 240 }, { signal: ac.signal })).toThrow(expect.objectContaining({ name: 'AbortError' }));
    // Cancelling from the progress callback (the worker's shared-memory flag works the same way).
    const flag = { aborted: false };
    expect(() => solveFast(hand, { objective: 'cover-all' }, { signal: flag, onProgress: () => { flag.aborted = true; } })).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });
});

describe('verifyPlan', () => {
  it('finds tampered costs, coverage, backhaul and budget', () => {
    const plan = solveFast(hand, { objective: 'cover-all' });
    expect(verifyPlan(handInputs, plan)).toEqual([]);
    const tamper = (f: (p: Plan) => void) => { const p = structuredClone(plan); f(p); return verifyPlan(handInputs, p); };
    expect(tamper((p) => { p.towers[0]!.cost -= 1; })).toContainEqual(expect.stringMatching(/cost 129, expected 130/));
    expect(tamper((p) => { p.towers[0]!.backhaul = 'satellite'; })).toContainEqual(expect.stringMatching(/cheapest feasible is microwave/));
    expect(tamper((p) => { p.towers[0]!.covers.push('C100'); })).toContainEqual(expect.stringMatching(/covers/));
    expect(tamper((p) => { p.vsat = []; p.totalCost -= 70; p.coveredVillages = p.coveredVillages.filter((c) => c !== 'C100'); p.coveredPopulation -= 1000; p.coveredValue -= 1000; }))
      .toContainEqual(expect.stringMatching(/1 targets not covered/));
    expect(tamper((p) => { p.bound = 400; })).toContainEqual(expect.stringMatching(/lower bound/));
    expect(tamper((p) => { p.towers.push({ ...p.towers[0]!, site: 'OK', lat: handVillages[6]!.lat, lng: handVillages[6]!.lng }); })).toContainEqual(expect.stringMatching(/not a target/));
    const b = solveFast(hand, { objective: 'budget', budget: 240 });
    const over = structuredClone(b);
    over.budget = 200;
    expect(verifyPlan(handInputs, over)).toContainEqual(expect.stringMatching(/above the budget/));
  });
});

// ---- the exact method (HiGHS) and the fast method against it ---------------------------------

describe('exact method (HiGHS) and fast vs exact', () => {
  beforeAll(async () => {
    // Fails every test below, loudly, when the npm package "highs" is missing: never skipped.
    await loadHighs();
  });

  it('solves the hand instance', async () => {
    const cover = checked(handInputs, await solveExact(hand, { objective: 'cover-all' }, { relGap: 0 }));
    expect(cover).toMatchObject({ method: 'exact', totalCost: 302 });
    expect(cover.bound).toBeLessThanOrEqual(302);
    expect(cover.bound).toBeGreaterThan(301);
    for (const [budget, value] of [[0, 0], [70, 1000], [240, 1600], [301, 1800], [302, 1850]] as const) {
      const p = checked(handInputs, await solveExact(hand, { objective: 'budget', budget }, { relGap: 0 }));
      expect(p.coveredValue, `budget ${budget}`).toBe(value);
    }
    const legacy = checked(handInputs, await solveExact(hand, { objective: 'budget', budget: 301 }, { relGap: 0, api: 'legacy' }));
    expect(legacy.coveredValue).toBe(1800);
  });

  it('agrees with brute force on tiny random instances', async () => {
    let compared = 0;
    for (let seed = 1; compared < 25; seed++) {
      const r = randomInputs(seed, 9);
      const inst = buildInstance(r.villages, r.nodes, r.catalogue, { radiusKm: r.radiusKm });
      if (inst.targets.length === 0 || 2 * inst.targets.length > 16) continue;
      const inputs: InstanceInputs = { villages: r.villages, nodes: r.nodes, catalogue: r.catalogue, options: { radiusKm: r.radiusKm } };
      const cover = bruteForce(inst, { objective: 'cover-all' });
      const budget = Math.round(cover.cost * (0.2 + 0.6 * ((seed * 0.618) % 1)));
      const best = bruteForce(inst, { objective: 'budget', budget });
      for (const [request, opt] of [[{ objective: 'cover-all' }, cover.cost], [{ objective: 'budget', budget }, best.value]] as [SolveRequest, number][]) {
        const exact = checked(inputs, await solveExact(inst, request, { relGap: 0 }));
        const fast = checked(inputs, solveFast(inst, request, { targetGap: 0 }));
        if (request.objective === 'cover-all') {
          expect(exact.totalCost, `seed ${seed}`).toBe(opt);
          expect(fast.bound).toBeLessThanOrEqual(opt);
          expect(fast.totalCost).toBeGreaterThanOrEqual(opt);
        } else {
          expect(exact.coveredValue, `seed ${seed}`).toBeCloseTo(opt, 6);
          expect(fast.bound).toBeGreaterThanOrEqual(opt - 1e-6);
          expect(fast.coveredValue).toBeLessThanOrEqual(opt + 1e-6);
        }
      }
      compared++;
    }
  });

  it('property: on random instances fast and exact agree within the fast method\'s proven gap', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 15, max: 60 }), fc.double({ min: 0.05, max: 1.1, noNaN: true }), async (seed, n, budgetShare) => {
      const r = randomInputs(seed, n);
      const inputs: InstanceInputs = { villages: r.villages, nodes: r.nodes, catalogue: r.catalogue, options: { radiusKm: r.radiusKm } };
      const inst = buildInstance(r.villages, r.nodes, r.catalogue, { radiusKm: r.radiusKm });
      // Cover-all: fast lower bound ≤ optimum ≤ fast cost.
      const exactCover = checked(inputs, await solveExact(inst, { objective: 'cover-all' }, { relGap: 0 }));
      const fastCover = checked(inputs, solveFast(inst, { objective: 'cover-all' }));
      const opt = exactCover.totalCost;
      expect(fastCover.bound).toBeLessThanOrEqual(opt);
      expect(fastCover.totalCost).toBeGreaterThanOrEqual(opt);
      expect(fastCover.totalCost).toBeLessThanOrEqual(Math.ceil(fastCover.bound * (1 + fastCover.gap) + 1e-6));
      expect(exactCover.bound).toBeLessThanOrEqual(fastCover.totalCost);
      // Budget: fast value ≤ optimum ≤ fast upper bound.
      const budget = Math.round(opt * budgetShare);
      const exactB = checked(inputs, await solveExact(inst, { objective: 'budget', budget }, { relGap: 0 }));
      const fastB = checked(inputs, solveFast(inst, { objective: 'budget', budget }));
      const best = exactB.coveredValue;
      expect(fastB.bound).toBeGreaterThanOrEqual(best * (1 - 1e-9));
      expect(fastB.coveredValue).toBeLessThanOrEqual(best * (1 + 1e-9));
      expect(fastB.coveredValue).toBeGreaterThanOrEqual(fastB.bound * (1 - fastB.gap) * (1 - 1e-9));
      expect(exactB.bound).toBeGreaterThanOrEqual(fastB.coveredValue * (1 - 1e-9));
    }), { numRuns: 40, seed: 2024 });
  });
});
