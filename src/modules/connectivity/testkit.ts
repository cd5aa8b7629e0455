/** Test helpers: small hand-made and random instances, and a brute-force oracle. */
import type { Catalogue } from './catalogue.ts';
import { DEFAULT_CATALOGUE } from './catalogue.ts';
import { illustrativeInputs, prng, type Place } from './illustrative.ts';
import { EARTH_RADIUS_KM, type InfraNode, type Instance, type InstanceInputs, type Signal, type Village } from './model.ts';
import type { WorkerInputs } from './run-in-worker.ts';
import type { SolveRequest } from './solve-fast.ts';

/** Kilometres east/north of (0°, 110°E) to degrees: exact along the equator and meridian. */
export const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;
export const at = (xKm: number, yKm = 0) => ({ lat: yKm / KM_PER_DEG, lng: 110 + xKm / KM_PER_DEG });

export function village(code: string, xKm: number, population = 100, signal: Signal = 'none', opts: { yKm?: number; weight?: number } = {}): Village {
  return { code, name: `Desa ${code}`, ...at(xKm, opts.yKm ?? 0), population, signal, ...(opts.weight !== undefined ? { weight: opts.weight } : {}) };
}

export function node(id: string, xKm: number, kind: 'fibre' | 'tower', yKm = 0): InfraNode {
  return { id, name: `Node ${id}`, ...at(xKm, yKm), kind };
}

/** Round-number catalogue: horizon 1 year, no opex, so costs are the capex figures. */
export function testCatalogue(over: Partial<{ [K in keyof Catalogue]: Catalogue[K] extends object ? Partial<Catalogue[K]> : Catalogue[K] }> = {}): Catalogue {
  const base: Catalogue = {
    currency: 'IDR', horizonYears: 1, discountRate: 0,
    tower: { capex: 100, opexPerYear: 0, radiusKm: 10 },
    fibre: { capexPerKm: 1, opexPerKmPerYear: 0, routingFactor: 1.5, maxKm: 30 },
    microwave: { capexPerHop: 30, opexPerYear: 0, maxKm: 50 },
    satelliteBackhaul: { capex: 60, opexPerYear: 0 },
    vsat: { capex: 70, opexPerYear: 0 },
  };
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(over)) out[k] = v && typeof v === 'object' ? { ...(base as unknown as Record<string, object>)[k], ...v } : v;
  return out as unknown as Catalogue;
}

/** A random instance in a box of `sizeKm`, costs in the same proportions as the defaults. */
export function randomInputs(seed: number, n = 14): { villages: Village[]; nodes: InfraNode[]; catalogue: Catalogue; radiusKm: number } {
  const rand = prng(seed);
  const size = 15 + 40 * rand();
  const villages: Village[] = [];
  for (let k = 0; k < n; k++) {
    const r = rand();
    const signal: Signal = r < 0.35 ? 'none' : r < 0.5 ? '2g' : r < 0.65 ? '3g' : '4g';
    villages.push({ code: `V${k}`, name: `Desa ${k}`, ...at(size * rand(), size * rand()), population: 50 + Math.floor(2000 * rand() ** 2), signal, weight: rand() < 0.2 ? 2 : 1 });
  }
  const nodes: InfraNode[] = [];
  const nn = Math.floor(3 * rand());
  for (let k = 0; k < nn; k++) nodes.push({ id: `N${k}`, name: `Node ${k}`, ...at(size * 2 * rand() - size / 2, size * 2 * rand() - size / 2), kind: rand() < 0.5 ? 'fibre' : 'tower' });
  const catalogue = testCatalogue({
    horizonYears: 1 + Math.floor(5 * rand()),
    discountRate: rand() < 0.5 ? 0 : 0.08,
    tower: { capex: 150 + Math.floor(200 * rand()), opexPerYear: Math.floor(30 * rand()), radiusKm: 10 },
    fibre: { capexPerKm: 5 + Math.floor(10 * rand()), opexPerKmPerYear: 1, routingFactor: 1.3, maxKm: 20 + 30 * rand() },
    microwave: { capexPerHop: 40 + Math.floor(40 * rand()), opexPerYear: 5, maxKm: 15 + 30 * rand() },
    satelliteBackhaul: { capex: 20, opexPerYear: 20 + Math.floor(30 * rand()) },
    vsat: { capex: 20, opexPerYear: 10 + Math.floor(40 * rand()) },
  });
  return { villages, nodes, catalogue, radiusKm: 5 + 15 * rand() };
}

/**
 * The optimum by enumerating every subset of towers and VSATs (towers + targets ≤ 16).
 * Ties: the cheaper plan. Independent of both solvers.
 */
export function bruteForce(instance: Instance, request: SolveRequest): { cost: number; value: number } {
  const T = instance.targets.length;
  const cols: { cost: number; covers: number[] }[] = [];
  for (const t of instance.towers) cols.push({ cost: t.cost, covers: Array.from(t.covers) });
  for (let i = 0; i < T; i++) cols.push({ cost: instance.vsatCost, covers: [i] });
  if (cols.length > 16) throw new Error('too big for brute force');
  let best = { cost: Infinity, value: -Infinity };
  for (let mask = 0; mask < 1 << cols.length; mask++) {
    let cost = 0;
    const covered = new Uint8Array(T);
    for (let k = 0; k < cols.length; k++) if (mask & (1 << k)) { cost += cols[k]!.cost; for (const i of cols[k]!.covers) covered[i] = 1; }
    let value = 0, all = true;
    for (let i = 0; i < T; i++) { if (covered[i]) value += instance.value[i]!; else all = false; }
    if (request.objective === 'cover-all') {
      if (all && cost < best.cost) best = { cost, value };
    } else if (cost <= request.budget! && (value > best.value + 1e-9 || (Math.abs(value - best.value) <= 1e-9 && cost < best.cost))) {
      best = { cost, value };
    }
  }
  return best;
}

/** Six villages on a line and one fibre node: a solve of a few milliseconds (worker and pool tests). */
export const smallInputs: InstanceInputs = {
  villages: [village('A0', 0, 100), village('A4', 4, 100), village('A8', 8, 100), village('B30', 30, 500), village('B34', 34, 50), village('C100', 100, 1000)],
  nodes: [node('F', 31.2, 'fibre')],
  catalogue: testCatalogue(),
};

/** About 6,000 villages over Kalimantan with a 25 km radius: a solve that takes a while (to cancel it). */
export function bigInputs(): WorkerInputs {
  const rand = prng(11);
  const places: Place[] = Array.from({ length: 6000 }, (_, k) => ({ code: `64.${String(k).padStart(6, '0')}`, name: `Desa ${k}`, lat: -2 + 4 * rand(), lng: 114 + 4 * rand() }));
  const { villages, nodes } = illustrativeInputs(places, new Map(), { seed: 5, belowGoalShare: 0.5 });
  return { villages, nodes, catalogue: DEFAULT_CATALOGUE, options: { radiusKm: 25 } };
}
