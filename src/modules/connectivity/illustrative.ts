import { GridIndex, type InfraNode, type Signal, type Village } from './model.ts';

/**
 * ILLUSTRATIVE inputs for benchmarks and demos: real village centroids and regency population
 * totals, with invented (but deterministic) signal statuses, village populations and nodes.
 * Nothing here is data about real coverage.
 *
 *  - population: each regency's total divided over its villages with log-normal noise;
 *  - fibre nodes: one per regency at the village nearest the mean of its villages' centroids
 *    ("capital-ish"), plus the Palapa Ring Tengah node at Sendawar (Kutai Barat);
 *  - existing towers: a node at 1 in 8 of the villages that have 4G;
 *  - signal: villages are ranked by remoteness (distance to the nearest fibre node times
 *    log-normal noise) and the most remote `belowGoalShare` (default 27 %, as East Kalimantan's
 *    271 of 997) get none / 2G / 3G (40 / 30 / 30 %), the others 4G;
 *  - weight: 1.5 for one village in seven (a school or health centre), else 1.
 */

export interface Place { code: string; name: string; lat: number; lng: number }

/** Palapa Ring Tengah backbone node at Sendawar, Kutai Barat's capital (domain notes). */
export const SENDAWAR_NODE: InfraNode = { id: 'palapa-sendawar', name: 'Palapa Ring Tengah, Sendawar', lat: -0.23, lng: 115.7, kind: 'fibre' };

/** A small seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand: () => number): number {
  const u = Math.max(1e-12, rand()), v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function illustrativeInputs(
  places: readonly Place[],
  regencyPopulation: ReadonlyMap<string, number>,
  options: { seed?: number; belowGoalShare?: number } = {},
): { villages: Village[]; nodes: InfraNode[] } {
  const rand = prng(options.seed ?? 2024);
  const share = options.belowGoalShare ?? 0.27;
  const regencyOf = (code: string) => code.slice(0, 5);

  // Populations.
  const byRegency = new Map<string, number[]>();
  places.forEach((p, k) => { const r = regencyOf(p.code); (byRegency.get(r) ?? byRegency.set(r, []).get(r)!).push(k); });
  const population = new Float64Array(places.length);
  const nodes: InfraNode[] = [];
  for (const [regency, members] of byRegency) {
    const noise = members.map(() => Math.exp(0.6 * normal(rand)));
    const sum = noise.reduce((a, b) => a + b, 0);
    const total = regencyPopulation.get(regency) ?? 2_000 * members.length;
    members.forEach((k, m) => { population[k] = Math.max(50, Math.round((total * noise[m]!) / sum)); });
    // Capital-ish: the village nearest the mean of the regency's centroids.
    const lat = members.reduce((s, k) => s + places[k]!.lat, 0) / members.length;
    const lng = members.reduce((s, k) => s + places[k]!.lng, 0) / members.length;
    let best = members[0]!, bestD = Infinity;
    for (const k of members) { const d = (places[k]!.lat - lat) ** 2 + (places[k]!.lng - lng) ** 2; if (d < bestD) { bestD = d; best = k; } }
    nodes.push({ id: `fibre-${regency}`, name: `Fibre PoP ${places[best]!.name}`, lat: places[best]!.lat, lng: places[best]!.lng, kind: 'fibre' });
  }
  nodes.push(SENDAWAR_NODE);

  // Remoteness: distance to the nearest fibre node (grid search in widening rings) × noise.
  const grid = new GridIndex(nodes.map((n) => n.lat), nodes.map((n) => n.lng), 50);
  const remote = places.map((p) => {
    let d = Infinity;
    for (let r = 50; d === Infinity && r <= 3200; r *= 2) grid.forEachWithin(p.lat, p.lng, r, (_, km) => { if (km < d) d = km; });
    return (Number.isFinite(d) ? d : 3200) * Math.exp(0.5 * normal(rand));
  });
  const order = places.map((_, k) => k).sort((a, b) => remote[b]! - remote[a]! || a - b);
  const below = new Uint8Array(places.length);
  for (let m = 0; m < Math.round(share * places.length); m++) below[order[m]!] = 1;

  const villages: Village[] = places.map((p, k) => {
    let signal: Signal = '4g';
    if (below[k]) { const x = rand(); signal = x < 0.4 ? 'none' : x < 0.7 ? '2g' : '3g'; }
    const weight = rand() < 1 / 7 ? 1.5 : 1;
    return { code: p.code, name: p.name, lat: p.lat, lng: p.lng, population: population[k]!, signal, weight };
  });
  villages.forEach((v, k) => { if (v.signal === '4g' && rand() < 1 / 8) nodes.push({ id: `tower-${v.code}`, name: `Tower ${v.name}`, lat: v.lat, lng: v.lng, kind: 'tower' }); void k; });
  return { villages, nodes };
}
