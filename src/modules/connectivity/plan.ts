import type { BackhaulKind, Instance, InstanceInputs, Village } from './model.ts';

export type Objective = 'cover-all' | 'budget';

export interface PlanTower {
  /** Village code of the site (the tower stands at its centroid). */
  site: string;
  name: string;
  lat: number;
  lng: number;
  backhaul: BackhaulKind;
  /** The fibre node or the microwave hop's far end; null for satellite. */
  backhaulNode: string | null;
  /** Tower plus backhaul over the horizon, whole rupiah. */
  cost: number;
  /** Every target village within the radius (also those another option already serves). */
  covers: string[];
}

export interface PlanVsat { village: string; cost: number }

/**
 * A connectivity plan. `bound` is a proven bound on the optimum: a lower bound on the cost
 * for cover-all, an upper bound on the covered population × weight for a budget. `gap` bounds
 * how far the plan can be from the optimum, as a fraction of the optimum:
 *   cover-all: (totalCost − bound) / bound ≥ (totalCost − optimum) / optimum;
 *   budget:    (bound − coveredValue) / bound ≥ (optimum − coveredValue) / optimum.
 */
export interface Plan {
  objective: Objective;
  method: 'fast' | 'exact';
  /** Rupiah, for the budget objective; null for cover-all. */
  budget: number | null;
  totalCost: number;
  /** Population of the covered target villages. */
  coveredPopulation: number;
  /** Σ population × weight over covered targets (what the budget objective maximises). */
  coveredValue: number;
  coveredVillages: string[];
  /** Number of target villages (signal below the goal). */
  targetCount: number;
  towers: PlanTower[];
  vsat: PlanVsat[];
  bound: number;
  gap: number;
  elapsedMs: number;
}

/** The gap of a plan as defined on Plan. */
export function planGap(objective: Objective, incumbent: number, bound: number): number {
  if (objective === 'cover-all') {
    if (incumbent <= bound) return 0;
    return bound > 0 ? (incumbent - bound) / bound : 1;
  }
  if (bound <= incumbent) return 0;
  return bound > 0 ? (bound - incumbent) / bound : 0;
}

/** Builds the plan of a selection of towers and VSAT targets (indices into the instance). */
export function makePlan(instance: Instance, args: {
  objective: Objective; method: 'fast' | 'exact'; budget: number | null; towers: Iterable<number>; vsat: Iterable<number>; bound: number; elapsedMs: number;
}): Plan {
  const T = instance.targets.length;
  const covered = new Uint8Array(T);
  const code = (t: number) => instance.villages[instance.targets[t]!]!.code;
  const towerIdx = [...new Set(args.towers)].sort((a, b) => a - b);
  const vsatIdx = [...new Set(args.vsat)].sort((a, b) => a - b);
  let totalCost = 0;
  const towers: PlanTower[] = towerIdx.map((j) => {
    const tower = instance.towers[j]!;
    const v = instance.villages[instance.targets[tower.site]!]!;
    for (const i of tower.covers) covered[i] = 1;
    totalCost += tower.cost;
    return { site: v.code, name: v.name, lat: v.lat, lng: v.lng, backhaul: tower.backhaul.kind, backhaulNode: tower.backhaul.node, cost: tower.cost, covers: Array.from(tower.covers, code) };
  });
  const vsat: PlanVsat[] = vsatIdx.map((i) => {
    covered[i] = 1;
    totalCost += instance.vsatCost;
    return { village: code(i), cost: instance.vsatCost };
  });
  let coveredPopulation = 0;
  let coveredValue = 0;
  const coveredVillages: string[] = [];
  for (let i = 0; i < T; i++) {
    if (!covered[i]) continue;
    coveredPopulation += instance.population[i]!;
    coveredValue += instance.value[i]!;
    coveredVillages.push(code(i));
  }
  const incumbent = args.objective === 'cover-all' ? totalCost : coveredValue;
  return {
    objective: args.objective, method: args.method, budget: args.objective === 'budget' ? args.budget : null,
    totalCost, coveredPopulation, coveredValue, coveredVillages, targetCount: T, towers, vsat,
    bound: args.bound, gap: planGap(args.objective, incumbent, args.bound), elapsedMs: args.elapsedMs,
  };
}

// ---------------------------------------------------------------------------------------------
// Independent verification: recomputes every figure of a plan from the raw villages, nodes and
// catalogue with its own brute-force loops (no grid, no instance lists), for the tests.

const R = 6371;
function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLng = (b.lng - a.lng) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

const RANK: Record<string, number> = { none: 0, '2g': 1, '3g': 2, '4g': 3 };
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Returns the problems found in a plan (empty when the plan is consistent with the inputs). */
export function verifyPlan(inputs: InstanceInputs, plan: Plan): string[] {
  const problems: string[] = [];
  const { villages, nodes, catalogue: c } = inputs;
  const goal = inputs.options?.goal ?? '4g';
  const radius = inputs.options?.radiusKm ?? c.tower.radiusKm;
  let pv = 0;
  for (let t = 1; t <= c.horizonYears; t++) pv += 1 / Math.pow(1 + c.discountRate, t);
  const cost = (capex: number, opex: number) => Math.round(capex + opex * pv);

  const byCode = new Map<string, Village>(villages.map((v) => [v.code, v]));
  const targets = villages.filter((v) => RANK[v.signal]! < RANK[goal]!);
  const isTarget = new Set(targets.map((v) => v.code));
  if (plan.targetCount !== targets.length) problems.push(`targetCount ${plan.targetCount}, expected ${targets.length}`);

  const covered = new Set<string>();
  let total = 0;
  const sites = new Set<string>();
  for (const tw of plan.towers) {
    const v = byCode.get(tw.site);
    if (!v) { problems.push(`tower at unknown village ${tw.site}`); continue; }
    if (!isTarget.has(tw.site)) problems.push(`tower at ${tw.site}, which is not a target`);
    if (sites.has(tw.site)) problems.push(`two towers at ${tw.site}`);
    sites.add(tw.site);
    if (tw.lat !== v.lat || tw.lng !== v.lng) problems.push(`tower ${tw.site} is not at the village centroid`);
    // Backhaul: cheapest feasible, ties fibre < microwave < satellite.
    let nearestFibre = Infinity, nearestFibreId: string | null = null, nearestAny = Infinity, nearestAnyId: string | null = null;
    for (const n of nodes) {
      const d = distanceKm(v, n);
      if (n.kind === 'fibre' && d < nearestFibre) { nearestFibre = d; nearestFibreId = n.id; }
      if (d < nearestAny) { nearestAny = d; nearestAnyId = n.id; }
    }
    const options: { kind: string; node: string | null; cost: number }[] = [];
    const routed = nearestFibre * c.fibre.routingFactor;
    if (routed <= c.fibre.maxKm) options.push({ kind: 'fibre', node: nearestFibreId, cost: cost(c.fibre.capexPerKm * routed, c.fibre.opexPerKmPerYear * routed) });
    if (nearestAny <= c.microwave.maxKm) options.push({ kind: 'microwave', node: nearestAnyId, cost: cost(c.microwave.capexPerHop, c.microwave.opexPerYear) });
    options.push({ kind: 'satellite', node: null, cost: cost(c.satelliteBackhaul.capex, c.satelliteBackhaul.opexPerYear) });
    const best = options.reduce((a, b) => (b.cost < a.cost ? b : a));
    if (tw.backhaul !== best.kind) problems.push(`tower ${tw.site}: backhaul ${tw.backhaul}, cheapest feasible is ${best.kind}`);
    else if (tw.backhaulNode !== best.node) problems.push(`tower ${tw.site}: backhaul node ${tw.backhaulNode}, nearest is ${best.node}`);
    const expected = cost(c.tower.capex, c.tower.opexPerYear) + best.cost;
    if (tw.cost !== expected) problems.push(`tower ${tw.site}: cost ${tw.cost}, expected ${expected}`);
    total += tw.cost;
    const within = targets.filter((t) => distanceKm(v, t) <= radius).map((t) => t.code).sort();
    const listed = [...tw.covers].sort();
    if (within.join(',') !== listed.join(',')) problems.push(`tower ${tw.site}: covers [${listed.join(' ')}], expected [${within.join(' ')}]`);
    for (const code of within) covered.add(code);
  }
  const vsatCost = cost(c.vsat.capex, c.vsat.opexPerYear);
  const vsats = new Set<string>();
  for (const s of plan.vsat) {
    if (!isTarget.has(s.village)) problems.push(`VSAT at ${s.village}, which is not a target`);
    if (vsats.has(s.village)) problems.push(`two VSATs at ${s.village}`);
    vsats.add(s.village);
    if (s.cost !== vsatCost) problems.push(`VSAT ${s.village}: cost ${s.cost}, expected ${vsatCost}`);
    total += s.cost;
    covered.add(s.village);
  }
  if (plan.totalCost !== total) problems.push(`totalCost ${plan.totalCost}, expected ${total}`);
  const listed = [...plan.coveredVillages].sort();
  const expected = [...covered].sort();
  if (listed.join(',') !== expected.join(',')) problems.push(`coveredVillages lists ${listed.length}, expected ${expected.length}`);
  let pop = 0, value = 0;
  for (const code of covered) {
    // A VSAT at a village the region does not have is reported above (not a target); it adds nothing here.
    const v = byCode.get(code);
    if (v) { pop += v.population; value += v.population * (v.weight ?? 1); }
  }
  if (!close(plan.coveredPopulation, pop)) problems.push(`coveredPopulation ${plan.coveredPopulation}, expected ${pop}`);
  if (!close(plan.coveredValue, value)) problems.push(`coveredValue ${plan.coveredValue}, expected ${value}`);

  if (plan.objective === 'cover-all') {
    const missing = targets.filter((t) => !covered.has(t.code));
    if (missing.length) problems.push(`${missing.length} targets not covered, e.g. ${missing[0]!.code}`);
    if (plan.bound > plan.totalCost) problems.push(`lower bound ${plan.bound} above the plan's cost ${plan.totalCost}`);
    const gap = plan.totalCost <= plan.bound ? 0 : plan.bound > 0 ? (plan.totalCost - plan.bound) / plan.bound : 1;
    if (!close(plan.gap, gap)) problems.push(`gap ${plan.gap}, expected ${gap}`);
  } else {
    if (plan.budget === null) problems.push('budget objective without a budget');
    else if (total > plan.budget) problems.push(`cost ${total} above the budget ${plan.budget}`);
    if (plan.bound < value * (1 - 1e-9)) problems.push(`upper bound ${plan.bound} below the plan's value ${value}`);
    const gap = plan.bound <= value ? 0 : plan.bound > 0 ? (plan.bound - value) / plan.bound : 0;
    if (!close(plan.gap, gap) && Math.abs(plan.gap - gap) > 1e-9) problems.push(`gap ${plan.gap}, expected ${gap}`);
  }
  return problems;
}
