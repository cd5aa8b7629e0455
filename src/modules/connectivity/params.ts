import { z } from 'zod';
import { invalid, parseInput } from '../../core/errors.ts';
import { catalogueSchema, DEFAULT_CATALOGUE, type Catalogue } from './catalogue.ts';
import type { InfraNode, Village } from './model.ts';
import type { WorkerInputs } from './run-in-worker.ts';
import type { SolveRequest } from './solve-fast.ts';
import { GOALS, OBJECTIVES } from './schema.ts';

/**
 * The parameters of a planning run (and of a saved scenario): objective, budget, goal, radius,
 * priority weight and cost catalogue. Pure: turns stored rows and parameters into solver inputs.
 */

export const paramsShape = {
  objective: z.enum(OBJECTIVES, 'Harus cover-all atau budget | Must be cover-all or budget'),
  budget: z.number({ error: 'Harus angka rupiah | Must be an amount in rupiah' }).int('Rupiah tanpa desimal | Whole rupiah')
    .min(0, 'Tidak boleh negatif | Cannot be negative').max(1e15, 'Paling banyak Rp 1.000 triliun | At most Rp 1,000 trillion').nullable().optional(),
  goal: z.enum(GOALS, 'Harus 2g, 3g atau 4g | Must be 2g, 3g or 4g').default('4g'),
  radiusKm: z.number({ error: 'Harus angka kilometer | Must be a number of kilometres' }).positive('Harus lebih dari 0 | Must be more than 0')
    .max(100, 'Paling banyak 100 km | At most 100 km').nullable().optional(),
  priorityWeight: z.number({ error: 'Harus angka | Must be a number' }).min(0, 'Tidak boleh negatif | Cannot be negative').max(10, 'Paling besar 10 | At most 10').default(0),
  catalogue: z.unknown().optional(),
};
export const paramsSchema = z.object({ ...paramsShape, method: z.enum(['fast', 'exact'], 'Harus fast atau exact | Must be fast or exact').default('fast') }).strict();

export interface PlanParams {
  objective: 'cover-all' | 'budget';
  budget: number | null;
  goal: '2g' | '3g' | '4g';
  radiusKm: number;
  priorityWeight: number;
  catalogue: Catalogue;
}

/** Validated parameters with defaults filled in (radius from the catalogue, default catalogue). */
export function normaliseParams(p: { objective: 'cover-all' | 'budget'; budget?: number | null; goal: PlanParams['goal']; radiusKm?: number | null; priorityWeight: number; catalogue?: unknown }): PlanParams {
  const catalogue = p.catalogue === undefined || p.catalogue === null ? DEFAULT_CATALOGUE : parseInput(catalogueSchema, p.catalogue, 'catalogue');
  if (p.objective === 'budget' && (p.budget === undefined || p.budget === null)) {
    throw invalid('budget', { id: 'anggaran wajib diisi untuk tujuan budget', en: 'a budget is required for the budget objective' });
  }
  return {
    objective: p.objective, budget: p.objective === 'budget' ? p.budget! : null, goal: p.goal,
    radiusKm: p.radiusKm ?? catalogue.tower.radiusKm, priorityWeight: p.priorityWeight, catalogue,
  };
}

export function parseParams(input: unknown): PlanParams & { method: 'fast' | 'exact' } {
  const p = parseInput(paramsSchema, input);
  return { ...normaliseParams(p), method: p.method };
}

export interface StoredVillage { villageCode: string; name: string; lat: number; lng: number; signal: Village['signal']; population: number; school: boolean; health: boolean; office: boolean }
export interface StoredNode { nodeId: string; name: string; lat: number; lng: number; kind: InfraNode['kind'] }

/** A village with a school, health centre or village office weighs 1 + priorityWeight. */
export function toVillage(v: StoredVillage, priorityWeight: number): Village {
  const priority = v.school || v.health || v.office;
  return { code: v.villageCode, name: v.name, lat: v.lat, lng: v.lng, population: v.population, signal: v.signal, weight: priority ? 1 + priorityWeight : 1 };
}

export function toNode(n: StoredNode): InfraNode {
  return { id: n.nodeId, name: n.name, lat: n.lat, lng: n.lng, kind: n.kind };
}

/** Solver inputs and request of a run. */
export function solverInputs(villages: readonly StoredVillage[], nodes: readonly StoredNode[], p: PlanParams): { inputs: WorkerInputs; request: SolveRequest } {
  return {
    inputs: { villages: villages.map((v) => toVillage(v, p.priorityWeight)), nodes: nodes.map(toNode), catalogue: p.catalogue, options: { goal: p.goal, radiusKm: p.radiusKm } },
    request: p.objective === 'budget' ? { objective: 'budget', budget: p.budget! } : { objective: 'cover-all' },
  };
}
