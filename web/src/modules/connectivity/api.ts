/** The planner's API documents (docs/api.md, "Connectivity") and paths. */
export type Signal = 'none' | '2g' | '3g' | '4g';
export type Goal = '2g' | '3g' | '4g';
export type Objective = 'cover-all' | 'budget';

export interface Catalogue {
  currency: 'IDR'; horizonYears: number; discountRate: number;
  tower: { capex: number; opexPerYear: number; radiusKm: number };
  fibre: { capexPerKm: number; opexPerKmPerYear: number; routingFactor: number; maxKm: number };
  microwave: { capexPerHop: number; opexPerYear: number; maxKm: number };
  satelliteBackhaul: { capex: number; opexPerYear: number };
  vsat: { capex: number; opexPerYear: number };
}

export interface VillageRow {
  code: string; name: string; lat: number; lng: number; signal: Signal; population: number;
  school: boolean; health: boolean; office: boolean; illustrative: boolean; source: string;
}
export interface NodeRow { id: string; name: string; lat: number; lng: number; kind: 'fibre' | 'tower'; illustrative: boolean; source: string }

export interface RegionInstance {
  region: { code: string; name: string };
  villages: VillageRow[];
  nodes: NodeRow[];
  summary: { villages: number; bySignal: Record<Signal, number>; nodes: number; illustrative: boolean; sources: string[] };
  defaults: { catalogue: Catalogue; goal: Goal; radiusKm: number; priorityWeight: number };
}

export interface PlanTower { site: string; name: string; lat: number; lng: number; backhaul: 'fibre' | 'microwave' | 'satellite'; backhaulNode: string | null; cost: number; covers: string[] }
export interface Plan {
  objective: Objective; method: 'fast' | 'exact'; budget: number | null; totalCost: number; coveredPopulation: number; coveredValue: number;
  coveredVillages: string[]; targetCount: number; towers: PlanTower[]; vsat: { village: string; cost: number }[]; bound: number; gap: number; elapsedMs: number;
}

export interface Params { objective: Objective; budget: number | null; goal: Goal; radiusKm: number; priorityWeight: number; catalogue: Catalogue; method: 'fast' | 'exact' }

export interface JobView {
  id: string; status: 'running' | 'done' | 'failed' | 'cancelled'; progress: number; message: string; plan: Plan | null;
  error: { code: string; message: { id: string; en: string }; field?: string } | null;
}

export interface ScenarioSummary {
  id: string; name: string; objective: Objective; budget: number | null; goal: Goal; radiusKm: number; priorityWeight: number;
  totalCost: number; coveredVillages: number; coveredPopulation: number; targetCount: number; towers: number; vsat: number;
  elapsedMs: number; bound: number; gap: number; illustrative: boolean; programIds: string[] | null; version: number; createdAt: string; updatedAt: string;
}
export interface Scenario extends ScenarioSummary { regionCode: string; catalogue: Catalogue; plan: Plan }

export interface Comparison {
  scenarios: (ScenarioSummary & { backhaul: { fibre: number; microwave: number; satellite: number } })[];
  catalogueDifferences: { field: string; values: unknown[] }[];
  towersInAll: string[];
}

const enc = encodeURIComponent;
export const connPaths = {
  instance: (code: string) => `/api/regions/${enc(code)}/connectivity`,
  importData: (code: string) => `/api/regions/${enc(code)}/connectivity/import`,
  jobs: (code: string, wait: number) => `/api/regions/${enc(code)}/connectivity/jobs?wait=${wait}`,
  job: (id: string, wait = 0) => `/api/connectivity/jobs/${enc(id)}${wait ? `?wait=${wait}` : ''}`,
  scenarios: (code: string) => `/api/regions/${enc(code)}/connectivity/scenarios`,
  scenario: (id: string) => `/api/connectivity/scenarios/${enc(id)}`,
  compare: (code: string, ids: string[]) => `/api/regions/${enc(code)}/connectivity/compare?ids=${ids.map(enc).join(',')}`,
  programs: (id: string) => `/api/connectivity/scenarios/${enc(id)}/programs`,
  export: (id: string, ext: 'csv' | 'geojson' | 'pdf') => `/api/connectivity/scenarios/${enc(id)}/plan.${ext}`,
};

/** Cost of an option over the horizon (as the server computes it), for the slider's range. */
export function lifeCost(capex: number, opexPerYear: number, c: Catalogue): number {
  let f = 0;
  for (let t = 1; t <= c.horizonYears; t++) f += c.discountRate === 0 ? 1 : 1 / (1 + c.discountRate) ** t;
  return Math.round(capex + opexPerYear * f);
}

const RANK: Record<Signal, number> = { none: 0, '2g': 1, '3g': 2, '4g': 3 };
export const isTarget = (s: Signal, goal: Goal) => RANK[s] < RANK[goal];
