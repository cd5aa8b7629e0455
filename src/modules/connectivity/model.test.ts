import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { annuityFactor, DEFAULT_CATALOGUE, parseCatalogue, RUPIAH_PER_USD } from './catalogue.ts';
import { prng } from './illustrative.ts';
import { buildInstance, GridIndex, haversineKm, type Village } from './model.ts';
import { at, KM_PER_DEG, node, testCatalogue, village } from './testkit.ts';

function appError(fn: () => unknown): AppError {
  try { fn(); } catch (e) { expect(e).toBeInstanceOf(AppError); return e as AppError; }
  throw new Error('expected an AppError');
}

describe('catalogue', () => {
  it('ships valid defaults converted at Rp 16,000 per USD', () => {
    expect(parseCatalogue(JSON.parse(JSON.stringify(DEFAULT_CATALOGUE)))).toEqual(DEFAULT_CATALOGUE);
    expect(RUPIAH_PER_USD).toBe(16_000);
    expect(DEFAULT_CATALOGUE.tower.capex).toBe(42_500 * 16_000);
    expect(DEFAULT_CATALOGUE.tower.opexPerYear).toBe(6_000 * 16_000);
    expect(DEFAULT_CATALOGUE.horizonYears).toBe(5);
    expect(DEFAULT_CATALOGUE.discountRate).toBe(0);
  });

  it('names the bad field in Indonesian and English', () => {
    const bad = JSON.parse(JSON.stringify(DEFAULT_CATALOGUE));
    bad.tower.radiusKm = -3;
    const e = appError(() => parseCatalogue(bad));
    expect(e.field).toBe('tower.radiusKm');
    expect(e.bilingual.id).toMatch(/tower\.radiusKm.*negatif/);
    expect(e.bilingual.en).toMatch(/tower\.radiusKm.*negative/);
    expect(appError(() => parseCatalogue({ ...DEFAULT_CATALOGUE, currency: 'USD' })).field).toBe('currency');
    expect(appError(() => parseCatalogue({ ...DEFAULT_CATALOGUE, fibre: { ...DEFAULT_CATALOGUE.fibre, routingFactor: 0.5 } })).field).toBe('fibre.routingFactor');
    expect(appError(() => parseCatalogue({ ...DEFAULT_CATALOGUE, vsat: { capex: 1 } })).field).toBe('vsat.opexPerYear');
    expect(appError(() => parseCatalogue({ ...DEFAULT_CATALOGUE, horizonYears: 2.5 })).field).toBe('horizonYears');
    const { discountRate: _omit, ...withoutRate } = DEFAULT_CATALOGUE;
    expect(parseCatalogue(withoutRate).discountRate).toBe(0);
  });

  it('discounts opex: sum over t = 1..H of opex / (1+r)^t', () => {
    expect(annuityFactor(5, 0)).toBe(5);
    expect(annuityFactor(3, 0.1)).toBeCloseTo(1 / 1.1 + 1 / 1.21 + 1 / 1.331, 12);
  });
});

describe('geometry', () => {
  it('haversine on the 6,371 km sphere', () => {
    expect(haversineKm(0, 110, 0, 111)).toBeCloseTo(KM_PER_DEG, 9);
    expect(haversineKm(-1, 116, 1, 116)).toBeCloseTo(2 * KM_PER_DEG, 9);
    // Sendawar to Samarinda, about 186 km.
    expect(haversineKm(-0.23, 115.7, -0.5, 117.15)).toBeGreaterThan(160);
    expect(haversineKm(-0.23, 115.7, -0.5, 117.15)).toBeLessThan(170);
  });

  it('the grid finds exactly the points a brute-force scan finds, across ±180°', () => {
    const rand = prng(7);
    const lat: number[] = [], lng: number[] = [];
    for (let k = 0; k < 3000; k++) {
      lat.push(-12 + 20 * rand());
      // A third of the points straddle the antimeridian (179.5°E … 179.5°W).
      const x = k % 3 === 0 ? 179.5 + rand() : 95 + 45 * rand();
      lng.push(x > 180 ? x - 360 : x);
    }
    const grid = new GridIndex(lat, lng, 12);
    for (let q = 0; q < 200; q++) {
      const qlat = -12 + 20 * rand();
      const qlng = q % 4 === 0 ? (rand() < 0.5 ? 179.9 : -179.9) : 95 + 45 * rand();
      const r = 5 + 60 * rand();
      const found: number[] = [];
      grid.forEachWithin(qlat, qlng, r, (i) => { found.push(i); });
      const expected = lat.map((_, i) => i).filter((i) => haversineKm(qlat, qlng, lat[i]!, lng[i]!) <= r);
      expect(found.sort((a, b) => a - b)).toEqual(expected);
    }
  });
});

describe('buildInstance', () => {
  const cat = testCatalogue();

  it('targets are the villages below the goal', () => {
    const villages: Village[] = [village('a', 0, 1, 'none'), village('b', 50, 1, '2g'), village('c', 100, 1, '3g'), village('d', 150, 1, '4g')];
    const codes = (goal?: '2g' | '3g' | '4g') => Array.from(buildInstance(villages, [], cat, goal ? { goal } : {}).targets, (k) => villages[k]!.code);
    expect(codes()).toEqual(['a', 'b', 'c']);
    expect(codes('3g')).toEqual(['a', 'b']);
    expect(codes('2g')).toEqual(['a']);
  });

  it('backhaul: fibre within its maximum length, else microwave, else satellite', () => {
    // Fibre node at 0 km; fibre max 30 km routed (20 km straight at factor 1.5); microwave 50 km.
    const villages = [village('near', 10), village('mid', 25, 1, 'none', { yKm: 100 }), village('far', 60, 1, 'none', { yKm: 300 })];
    const nodes = [node('F', 0, 'fibre'), node('F2', 0, 'fibre', 100), node('F3', 0, 'fibre', 300)];
    const inst = buildInstance(villages, nodes, cat);
    const [near, mid, far] = inst.towers;
    expect(near!.backhaul).toMatchObject({ kind: 'fibre', node: 'F', cost: 15 }); // 10 km × 1.5 × Rp 1
    expect(near!.backhaul.distanceKm).toBeCloseTo(10, 9);
    expect(near!.cost).toBe(115);
    expect(mid!.backhaul).toMatchObject({ kind: 'microwave', node: 'F2', cost: 30 }); // 37.5 km routed > 30
    expect(mid!.cost).toBe(130);
    expect(far!.backhaul).toMatchObject({ kind: 'satellite', node: null, cost: 60 }); // 60 km > 50 km microwave
    expect(far!.cost).toBe(160);
    expect(inst.vsatCost).toBe(70);
  });

  it('microwave reaches the nearest node of either kind; cheaper microwave beats feasible fibre', () => {
    const villages = [village('v', 0)];
    const inst = buildInstance(villages, [node('F', 18, 'fibre'), node('T', 12, 'tower'), node('T2', -13, 'tower')], cat);
    // Fibre 18 × 1.5 = 27 km ≤ 30, costs 27 < 30: fibre.
    expect(inst.towers[0]!.backhaul).toMatchObject({ kind: 'fibre', node: 'F', cost: 27 });
    const dear = buildInstance(villages, [node('F', 18, 'fibre'), node('T', 12, 'tower'), node('T2', -13, 'tower')], testCatalogue({ fibre: { capexPerKm: 2 } }));
    expect(dear.towers[0]!.backhaul).toMatchObject({ kind: 'microwave', node: 'T', cost: 30 });
    expect(dear.towers[0]!.backhaul.distanceKm).toBeCloseTo(12, 9);
  });

  it('ties between backhauls go to fibre, then microwave', () => {
    // Fibre 10 km × 1.5 = Rp 15 = microwave Rp 15.
    const inst = buildInstance([village('v', 0)], [node('F', 10, 'fibre')], testCatalogue({ microwave: { capexPerHop: 15 } }));
    expect(inst.towers[0]!.backhaul.kind).toBe('fibre');
    const inst2 = buildInstance([village('v', 0)], [node('T', 10, 'tower')], testCatalogue({ microwave: { capexPerHop: 60 } }));
    expect(inst2.towers[0]!.backhaul.kind).toBe('microwave');
  });

  it('covers every target within the radius, itself included', () => {
    const villages = [village('a', 0), village('b', 6), village('c', 9.9), village('d', 10.1), village('e', 5, 1, '4g')];
    const inst = buildInstance(villages, [], cat);
    const codes = (j: number) => Array.from(inst.towers[j]!.covers, (t) => villages[inst.targets[t]!]!.code);
    expect(codes(0)).toEqual(['a', 'b', 'c']);
    expect(codes(1)).toEqual(['a', 'b', 'c', 'd']);
    expect(codes(3)).toEqual(['b', 'c', 'd']);
    expect(buildInstance(villages, [], cat, { radiusKm: 3 }).towers[0]!.covers.length).toBe(1);
    // The transpose lists, for each target, the towers covering it.
    for (let i = 0; i < inst.targets.length; i++) {
      const by = Array.from(inst.coveredByIndex.subarray(inst.coveredByStart[i]!, inst.coveredByStart[i + 1]!));
      expect(by).toEqual(inst.towers.filter((t) => t.covers.includes(i)).map((t) => t.site));
    }
  });

  it('discounts opex with the catalogue rate and rounds to whole rupiah', () => {
    const c = testCatalogue({ horizonYears: 3, discountRate: 0.1, vsat: { capex: 1000, opexPerYear: 100 }, tower: { capex: 5000, opexPerYear: 200 }, satelliteBackhaul: { capex: 0, opexPerYear: 50 } });
    const inst = buildInstance([village('v', 0)], [], c);
    const pv = 1 / 1.1 + 1 / 1.21 + 1 / 1.331;
    expect(inst.vsatCost).toBe(Math.round(1000 + 100 * pv)); // 1249
    expect(inst.towers[0]!.cost).toBe(Math.round(5000 + 200 * pv) + Math.round(50 * pv));
    const flat = buildInstance([village('v', 0)], [], { ...c, discountRate: 0 });
    expect(flat.vsatCost).toBe(1000 + 3 * 100);
  });

  it('rejects bad inputs naming the field', () => {
    expect(appError(() => buildInstance([village('a', 0), village('a', 5)], [], cat)).field).toBe('villages[1].code');
    expect(appError(() => buildInstance([{ ...village('a', 0), lat: 95 }], [], cat)).field).toBe('villages[0].lat');
    expect(appError(() => buildInstance([{ ...village('a', 0), population: -1 }], [], cat)).field).toBe('villages[0].population');
    expect(appError(() => buildInstance([{ ...village('a', 0), signal: '5g' as never }], [], cat)).field).toBe('villages[0].signal');
    expect(appError(() => buildInstance([], [{ ...node('n', 0, 'fibre'), kind: 'cable' as never }], cat)).field).toBe('nodes[0].kind');
    expect(appError(() => buildInstance([], [], cat, { radiusKm: 0 })).field).toBe('radiusKm');
  });

  it('builds the whole country fast (grid index)', () => {
    const rand = prng(3);
    const villages: Village[] = [];
    for (let k = 0; k < 80_000; k++) villages.push({ code: String(k), name: '', ...at(0, 0), lat: -10 + 16 * rand(), lng: 95 + 46 * rand(), population: 1000, signal: rand() < 0.3 ? 'none' : '4g' });
    const t = performance.now();
    const inst = buildInstance(villages, [], DEFAULT_CATALOGUE);
    expect(inst.targets.length).toBeGreaterThan(20_000);
    expect(performance.now() - t).toBeLessThan(10_000);
  });
});
