import { invalid } from '../../core/errors.ts';
import { annuityFactor, lifeCost, type Catalogue } from './catalogue.ts';

/**
 * The blank-spot connectivity model.
 *
 * A village is a target when its signal is below the goal (default 4G). Options:
 *  - a new 4G tower at a target's centroid, covering every target within the radius, with the
 *    cheapest feasible backhaul: fibre to the nearest fibre node (routed length = distance ×
 *    routing factor, at most fibre.maxKm), one microwave hop to the nearest node of either kind
 *    within microwave.maxKm, or satellite (always feasible); on equal cost fibre is preferred,
 *    then microwave;
 *  - VSAT community access at a target, serving that village only (always feasible).
 * Every option costs capex + discounted opex over the horizon, rounded to whole rupiah.
 */

export const SIGNALS = ['none', '2g', '3g', '4g'] as const;
export type Signal = (typeof SIGNALS)[number];
export type Goal = Exclude<Signal, 'none'>;
export const NODE_KINDS = ['fibre', 'tower'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export type BackhaulKind = 'fibre' | 'microwave' | 'satellite';

export interface Village {
  code: string;
  name: string;
  lat: number;
  lng: number;
  population: number;
  signal: Signal;
  /** Priority multiplier (schools, health centres, village offices); default 1. */
  weight?: number;
}

export interface InfraNode {
  id: string;
  name: string;
  lat: number;
  lng: number;
  kind: NodeKind;
}

export interface InstanceOptions {
  /** A village is a target when its signal is below this; default '4g'. */
  goal?: Goal;
  /** Tower coverage radius; default catalogue.tower.radiusKm. */
  radiusKm?: number;
}

/** The raw inputs of a plan: what verifyPlan recomputes everything from. */
export interface InstanceInputs {
  villages: readonly Village[];
  nodes: readonly InfraNode[];
  catalogue: Catalogue;
  options?: InstanceOptions;
}

export interface Backhaul {
  kind: BackhaulKind;
  /** The node the fibre or microwave link reaches (null for satellite). */
  node: string | null;
  /** Straight-line distance to that node (null for satellite). */
  distanceKm: number | null;
  /** Backhaul part of the tower's cost, whole rupiah. */
  cost: number;
}

export interface TowerCandidate {
  /** Target index of the site (the tower stands at that village's centroid). */
  site: number;
  backhaul: Backhaul;
  /** Tower plus backhaul, whole rupiah. */
  cost: number;
  /** Target indices within the radius, ascending (a view into Instance.coverIndex). */
  covers: Int32Array;
}

export interface Instance {
  villages: readonly Village[];
  nodes: readonly InfraNode[];
  catalogue: Catalogue;
  goal: Goal;
  radiusKm: number;
  /** sum_{t=1..H} 1/(1+r)^t. */
  annuity: number;
  /** Village index of each target. */
  targets: Int32Array;
  /** population × weight of each target (the budget objective maximises the covered sum). */
  value: Float64Array;
  population: Float64Array;
  /** Candidate tower j stands at target j. */
  towers: TowerCandidate[];
  towerCost: Float64Array;
  /** Tower → covered targets (CSR): coverIndex[coverStart[j] .. coverStart[j+1]). */
  coverStart: Int32Array;
  coverIndex: Int32Array;
  /** Target → towers covering it (CSR, ascending). */
  coveredByStart: Int32Array;
  coveredByIndex: Int32Array;
  /** VSAT cost of one target, whole rupiah. */
  vsatCost: number;
}

export const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

/** Great-circle distance in km (haversine, Earth radius 6,371 km). */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

export const signalRank = (s: Signal) => SIGNALS.indexOf(s);

/**
 * A uniform lat/lng grid over points, for "every point within r km" queries. Cells are square
 * in degrees; a query scans the cells of the bounding box of the circle (longitude widened by
 * 1/cos of the highest latitude in the box, wrapping at ±180°) and checks the exact distance.
 */
export class GridIndex {
  private readonly cellDeg: number;
  private readonly cols: number;
  private readonly start = new Map<number, number>();
  private readonly end = new Map<number, number>();
  private readonly order: Int32Array;

  constructor(private readonly lat: ArrayLike<number>, private readonly lng: ArrayLike<number>, cellKm: number) {
    // A whole number of columns around the globe, so that wrapping at ±180° is exact.
    this.cols = Math.max(4, Math.ceil(360 / Math.min(90, Math.max(1e-3, cellKm / (EARTH_RADIUS_KM * RAD)))));
    this.cellDeg = 360 / this.cols;
    const n = lat.length;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = this.key(this.row(lat[i]!), this.col(lng[i]!));
    const order = Int32Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => keys[a]! - keys[b]! || a - b);
    this.order = order;
    for (let k = 0; k < n; k++) {
      const key = keys[order[k]!]!;
      if (!this.start.has(key)) this.start.set(key, k);
      this.end.set(key, k + 1);
    }
  }

  private row(lat: number) { return Math.floor((lat + 90) / this.cellDeg); }
  private col(lng: number) {
    const c = Math.floor((((lng + 180) % 360) + 360) % 360 / this.cellDeg);
    return Math.min(c, this.cols - 1);
  }
  private key(row: number, col: number) { return row * this.cols + col; }

  /** Calls fn(index, km) for every point within radiusKm (inclusive) of (lat, lng), in index order per cell. */
  forEachWithin(lat: number, lng: number, radiusKm: number, fn: (index: number, km: number) => void): void {
    const dLat = radiusKm / (EARTH_RADIUS_KM * RAD) + 1e-9;
    const r0 = this.row(Math.max(-90, lat - dLat));
    const r1 = this.row(Math.min(90, lat + dLat));
    const maxAbsLat = Math.min(90, Math.abs(lat) + dLat);
    const cos = Math.cos(maxAbsLat * RAD);
    const dLng = cos < 1e-6 ? 180 : dLat / cos;
    const allCols = dLng >= 180;
    const c0 = allCols ? 0 : Math.floor((lng - dLng + 180) / this.cellDeg);
    const c1 = allCols ? this.cols - 1 : Math.floor((lng + dLng + 180) / this.cellDeg);
    const seenCols = new Set<number>();
    for (let c = c0; c <= c1; c++) {
      const col = ((c % this.cols) + this.cols) % this.cols;
      if (seenCols.has(col)) continue;
      seenCols.add(col);
      for (let r = r0; r <= r1; r++) {
        const key = this.key(r, col);
        const s = this.start.get(key);
        if (s === undefined) continue;
        const e = this.end.get(key)!;
        for (let k = s; k < e; k++) {
          const i = this.order[k]!;
          const d = haversineKm(lat, lng, this.lat[i]!, this.lng[i]!);
          if (d <= radiusKm) fn(i, d);
        }
      }
    }
  }

  /** The nearest point within radiusKm (ties: the lower index), or null. */
  nearestWithin(lat: number, lng: number, radiusKm: number, accept?: (index: number) => boolean): { index: number; km: number } | null {
    let best: { index: number; km: number } | null = null;
    this.forEachWithin(lat, lng, radiusKm, (i, d) => {
      if (accept && !accept(i)) return;
      if (!best || d < best.km || (d === best.km && i < best.index)) best = { index: i, km: d };
    });
    return best;
  }
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Checks programmatic inputs (io.ts checks files row by row with line numbers). */
export function validateInputs(villages: readonly Village[], nodes: readonly InfraNode[]): void {
  const codes = new Set<string>();
  villages.forEach((v, k) => {
    const f = (name: string) => `villages[${k}].${name}`;
    if (typeof v.code !== 'string' || v.code.trim() === '') throw invalid(f('code'), { id: 'wajib diisi', en: 'required' });
    if (codes.has(v.code)) throw invalid(f('code'), { id: `kode ${v.code} muncul dua kali`, en: `code ${v.code} appears twice` });
    codes.add(v.code);
    if (!finite(v.lat) || v.lat < -90 || v.lat > 90) throw invalid(f('lat'), { id: 'lintang harus antara -90 dan 90', en: 'latitude must be between -90 and 90' });
    if (!finite(v.lng) || v.lng < -180 || v.lng > 180) throw invalid(f('lng'), { id: 'bujur harus antara -180 dan 180', en: 'longitude must be between -180 and 180' });
    if (!finite(v.population) || v.population < 0) throw invalid(f('population'), { id: 'penduduk harus angka tidak negatif', en: 'population must be a non-negative number' });
    if (!SIGNALS.includes(v.signal)) throw invalid(f('signal'), { id: 'sinyal harus none, 2g, 3g atau 4g', en: 'signal must be none, 2g, 3g or 4g' });
    if (v.weight !== undefined && (!finite(v.weight) || v.weight < 0)) throw invalid(f('weight'), { id: 'bobot harus angka tidak negatif', en: 'weight must be a non-negative number' });
  });
  const ids = new Set<string>();
  nodes.forEach((n, k) => {
    const f = (name: string) => `nodes[${k}].${name}`;
    if (typeof n.id !== 'string' || n.id.trim() === '') throw invalid(f('id'), { id: 'wajib diisi', en: 'required' });
    if (ids.has(n.id)) throw invalid(f('id'), { id: `id ${n.id} muncul dua kali`, en: `id ${n.id} appears twice` });
    ids.add(n.id);
    if (!finite(n.lat) || n.lat < -90 || n.lat > 90) throw invalid(f('lat'), { id: 'lintang harus antara -90 dan 90', en: 'latitude must be between -90 and 90' });
    if (!finite(n.lng) || n.lng < -180 || n.lng > 180) throw invalid(f('lng'), { id: 'bujur harus antara -180 dan 180', en: 'longitude must be between -180 and 180' });
    if (!NODE_KINDS.includes(n.kind)) throw invalid(f('kind'), { id: 'jenis harus fibre atau tower', en: 'kind must be fibre or tower' });
  });
}

/**
 * The cheapest feasible backhaul of a tower at (lat, lng): fibre, then microwave, then
 * satellite on equal cost.
 */
function chooseBackhaul(lat: number, lng: number, c: Catalogue, annuity: number, nodes: readonly InfraNode[], fibreGrid: GridIndex, allGrid: GridIndex, fibreIdx: Int32Array): Backhaul {
  const options: Backhaul[] = [];
  const f = fibreGrid.nearestWithin(lat, lng, c.fibre.maxKm / c.fibre.routingFactor + 1e-9);
  if (f && f.km * c.fibre.routingFactor <= c.fibre.maxKm) {
    const routed = f.km * c.fibre.routingFactor;
    options.push({ kind: 'fibre', node: nodes[fibreIdx[f.index]!]!.id, distanceKm: f.km, cost: lifeCost(c.fibre.capexPerKm * routed, c.fibre.opexPerKmPerYear * routed, annuity) });
  }
  const m = allGrid.nearestWithin(lat, lng, c.microwave.maxKm);
  if (m) options.push({ kind: 'microwave', node: nodes[m.index]!.id, distanceKm: m.km, cost: lifeCost(c.microwave.capexPerHop, c.microwave.opexPerYear, annuity) });
  options.push({ kind: 'satellite', node: null, distanceKm: null, cost: lifeCost(c.satelliteBackhaul.capex, c.satelliteBackhaul.opexPerYear, annuity) });
  let best = options[0]!;
  for (const o of options) if (o.cost < best.cost) best = o;
  return best;
}

/**
 * Builds the optimisation instance: targets, one candidate tower per target with its backhaul,
 * cost and covered targets (grid index: about a second for the whole country), and the VSAT cost.
 */
export function buildInstance(villages: readonly Village[], nodes: readonly InfraNode[], catalogue: Catalogue, options: InstanceOptions = {}): Instance {
  validateInputs(villages, nodes);
  const goal = options.goal ?? '4g';
  if (!(['2g', '3g', '4g'] as const).includes(goal)) throw invalid('goal', { id: 'sasaran harus 2g, 3g atau 4g', en: 'goal must be 2g, 3g or 4g' });
  const radiusKm = options.radiusKm ?? catalogue.tower.radiusKm;
  if (!finite(radiusKm) || radiusKm <= 0 || radiusKm > 100) throw invalid('radiusKm', { id: 'radius harus lebih dari 0 dan paling banyak 100 km', en: 'radius must be more than 0 and at most 100 km' });
  const annuity = annuityFactor(catalogue.horizonYears, catalogue.discountRate);
  const goalRank = signalRank(goal);

  const targetList: number[] = [];
  villages.forEach((v, k) => { if (signalRank(v.signal) < goalRank) targetList.push(k); });
  const targets = Int32Array.from(targetList);
  const T = targets.length;
  const tLat = new Float64Array(T), tLng = new Float64Array(T), value = new Float64Array(T), population = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    const v = villages[targets[t]!]!;
    tLat[t] = v.lat; tLng[t] = v.lng; population[t] = v.population; value[t] = v.population * (v.weight ?? 1);
  }

  const fibreIdx = Int32Array.from(nodes.flatMap((n, k) => (n.kind === 'fibre' ? [k] : [])));
  const fibreGrid = new GridIndex(Array.from(fibreIdx, (k) => nodes[k]!.lat), Array.from(fibreIdx, (k) => nodes[k]!.lng), Math.max(1, catalogue.fibre.maxKm / catalogue.fibre.routingFactor));
  const allGrid = new GridIndex(nodes.map((n) => n.lat), nodes.map((n) => n.lng), Math.max(1, catalogue.microwave.maxKm));
  const targetGrid = new GridIndex(tLat, tLng, radiusKm);
  const towerBase = lifeCost(catalogue.tower.capex, catalogue.tower.opexPerYear, annuity);

  const coverStart = new Int32Array(T + 1);
  let coverIndex = new Int32Array(Math.max(16, T * 8));
  const towerCost = new Float64Array(T);
  const backhauls: Backhaul[] = new Array(T);
  let nnz = 0;
  const buf: number[] = [];
  for (let j = 0; j < T; j++) {
    buf.length = 0;
    targetGrid.forEachWithin(tLat[j]!, tLng[j]!, radiusKm, (i) => { buf.push(i); });
    buf.sort((a, b) => a - b);
    if (nnz + buf.length > coverIndex.length) {
      const grown = new Int32Array(Math.max(coverIndex.length * 2, nnz + buf.length));
      grown.set(coverIndex);
      coverIndex = grown;
    }
    for (const i of buf) coverIndex[nnz++] = i;
    coverStart[j + 1] = nnz;
    const b = chooseBackhaul(tLat[j]!, tLng[j]!, catalogue, annuity, nodes, fibreGrid, allGrid, fibreIdx);
    backhauls[j] = b;
    towerCost[j] = towerBase + b.cost;
  }
  coverIndex = coverIndex.slice(0, nnz);

  // Transpose: target → towers covering it.
  const coveredByStart = new Int32Array(T + 1);
  for (let k = 0; k < nnz; k++) coveredByStart[coverIndex[k]! + 1]!++;
  for (let t = 0; t < T; t++) coveredByStart[t + 1]! += coveredByStart[t]!;
  const fill = coveredByStart.slice(0, T);
  const coveredByIndex = new Int32Array(nnz);
  for (let j = 0; j < T; j++) for (let k = coverStart[j]!; k < coverStart[j + 1]!; k++) coveredByIndex[fill[coverIndex[k]!]!++] = j;

  const towers: TowerCandidate[] = new Array(T);
  for (let j = 0; j < T; j++) towers[j] = { site: j, backhaul: backhauls[j]!, cost: towerCost[j]!, covers: coverIndex.subarray(coverStart[j]!, coverStart[j + 1]!) };

  return {
    villages, nodes, catalogue, goal, radiusKm, annuity, targets, value, population, towers, towerCost,
    coverStart, coverIndex, coveredByStart, coveredByIndex,
    vsatCost: lifeCost(catalogue.vsat.capex, catalogue.vsat.opexPerYear, annuity),
  };
}
