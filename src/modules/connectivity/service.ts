import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../core/db.ts';
import { AppError, invalid, notFound, parseInput } from '../../core/errors.ts';
import { can, type Actor } from '../../core/policy.ts';
import { audit } from '../accounts/audit.ts';
import { forbidden } from '../accounts/users.ts';
import { regions } from '../wilayah/schema.ts';
import { DEFAULT_CATALOGUE } from './catalogue.ts';
import { normaliseParams, paramsShape, solverInputs, type PlanParams } from './params.ts';
import { verifyPlan, type Plan } from './plan.ts';
import { parseNodeUpload, parseVillageUpload } from './region-import.ts';
import { runInWorker } from './run-in-worker.ts';
import { connectivityNodes, connectivityScenarios, connectivityVillages } from './schema.ts';

/**
 * The connectivity planner of a region: its village statuses and nodes, imports, and saved
 * scenarios. Every call checks `connectivity.plan` on the region (coordinator, Bappeda,
 * national admin); writes run in one transaction with their audit entry.
 */
export interface Ctx { actor: Actor | null; ip?: string | null }

const regionCode = z.string().regex(/^\d{2}\.\d{2}$/, 'Harus kode kabupaten/kota, mis. 64.02 | Must be a regency/city code, e.g. 64.02');

/** 401 without a session, 403 for anyone the policy refuses; 404 for an unknown region. */
export async function authorize(db: DbOrTx, ctx: Ctx, code: string): Promise<{ code: string; name: string }> {
  parseInput(regionCode, code, 'code');
  if (!ctx.actor) throw new AppError(401, 'unauthenticated', { id: 'Silakan masuk terlebih dahulu', en: 'Please log in first' });
  if (!can(ctx.actor, 'connectivity.plan', { regionCode: code })) throw forbidden('code');
  const [r] = await db.select({ code: regions.code, name: regions.name, level: regions.level }).from(regions).where(eq(regions.code, code));
  if (!r || r.level !== 'regency') throw notFound({ id: `Kabupaten/kota ${code}`, en: `Regency/city ${code}` }, 'code');
  return { code: r.code, name: r.name };
}

export async function regionRows(db: DbOrTx, code: string) {
  const [villages, nodes] = await Promise.all([
    db.select().from(connectivityVillages).where(eq(connectivityVillages.regionCode, code)).orderBy(asc(connectivityVillages.villageCode)),
    db.select().from(connectivityNodes).where(eq(connectivityNodes.regionCode, code)).orderBy(asc(connectivityNodes.nodeId)),
  ]);
  return { villages, nodes };
}

/** The region's planning instance: villages with status, nodes, default catalogue. */
export async function getRegionInstance(db: Db, ctx: Ctx, code: string) {
  const region = await authorize(db, ctx, code);
  const { villages, nodes } = await regionRows(db, code);
  const bySignal = { none: 0, '2g': 0, '3g': 0, '4g': 0 } as Record<string, number>;
  for (const v of villages) bySignal[v.signal]!++;
  const sources = [...new Set([...villages, ...nodes].map((x) => x.source).filter(Boolean))];
  return {
    region,
    villages: villages.map(({ regionCode: _r, updatedAt, ...v }) => ({ ...v, code: v.villageCode, updatedAt: updatedAt.toISOString() })),
    nodes: nodes.map(({ regionCode: _r, updatedAt, ...n }) => ({ ...n, id: n.nodeId, updatedAt: updatedAt.toISOString() })),
    summary: {
      villages: villages.length, bySignal, nodes: nodes.length,
      illustrative: villages.some((v) => v.illustrative) || nodes.some((n) => n.illustrative), sources,
    },
    defaults: { catalogue: DEFAULT_CATALOGUE, goal: '4g', radiusKm: DEFAULT_CATALOGUE.tower.radiusKm, priorityWeight: 0.5 },
  };
}

const importBody = z.object({ villages: z.unknown().optional(), nodes: z.unknown().optional() }).strict();

/**
 * Replaces the region's village statuses and/or nodes with an upload. Every row is checked
 * first (errors name line and field); nothing is written when any row is bad.
 */
export async function importRegion(db: Db, ctx: Ctx, code: string, body: unknown, source = 'import') {
  await authorize(db, ctx, code);
  const b = parseInput(importBody, body);
  if (b.villages === undefined && b.nodes === undefined) throw invalid('villages', { id: 'kirim villages dan/atau nodes', en: 'send villages and/or nodes' });
  let villages: ReturnType<typeof parseVillageUpload> | undefined;
  if (b.villages !== undefined) {
    const known = new Set((await db.select({ code: regions.code }).from(regions)
      .where(and(eq(regions.level, 'village'), like(regions.code, `${code}.%`)))).map((r) => r.code));
    villages = parseVillageUpload(b.villages, code, (c) => known.has(c));
  }
  const nodes = b.nodes === undefined ? undefined : parseNodeUpload(b.nodes);
  const villageSource = (b.villages as { source?: string } | undefined)?.source ?? source;
  const nodeSource = (b.nodes as { source?: string } | undefined)?.source ?? source;
  return db.transaction(async (tx) => {
    const now = new Date();
    if (villages) {
      await tx.delete(connectivityVillages).where(eq(connectivityVillages.regionCode, code));
      for (let i = 0; i < villages.length; i += 500) {
        await tx.insert(connectivityVillages).values(villages.slice(i, i + 500).map((v) => ({
          regionCode: code, villageCode: v.code, name: v.name, lat: v.lat, lng: v.lng, signal: v.signal, population: v.population,
          school: v.school, health: v.health, office: v.office, illustrative: v.illustrative, source: villageSource, updatedAt: now,
        })));
      }
    }
    if (nodes) {
      await tx.delete(connectivityNodes).where(eq(connectivityNodes.regionCode, code));
      if (nodes.length) {
        await tx.insert(connectivityNodes).values(nodes.map((n) => ({
          regionCode: code, nodeId: n.id, name: n.name, lat: n.lat, lng: n.lng, kind: n.kind, illustrative: n.illustrative, source: nodeSource, updatedAt: now,
        })));
      }
    }
    const result = { villages: villages?.length ?? null, nodes: nodes?.length ?? null };
    await audit(tx, { actor: ctx.actor, action: 'connectivity.import', entityType: 'region', entityId: code, regionCode: code, ip: ctx.ip, details: result });
    return result;
  });
}

// ---- solving ----

/** Inputs of a run over the region's stored data; 400 when the region has no village data yet. */
export async function runInputs(db: DbOrTx, code: string, p: PlanParams) {
  const { villages, nodes } = await regionRows(db, code);
  if (!villages.length) {
    throw invalid('villages', { id: 'wilayah ini belum punya data status sinyal desa; impor dulu', en: 'this region has no village signal data yet; import it first' });
  }
  const illustrative = villages.some((v) => v.illustrative) || nodes.some((n) => n.illustrative);
  return { ...solverInputs(villages, nodes, p), illustrative };
}

// ---- scenarios ----

const nameField = z.string({ error: 'Wajib diisi | Required' }).trim().min(1, 'Wajib diisi | Required').max(200, 'Paling banyak 200 karakter | At most 200 characters');
const planField = z.record(z.string(), z.unknown()).optional();
const scenarioInput = z.object({ name: nameField, ...paramsShape, plan: planField }).strict();
const scenarioPatch = z.object({
  version: z.number({ error: 'Versi awal wajib dikirim | The version you started from is required' }).int().min(1).max(1_000_000_000),
  // No defaults in a patch: a field not sent keeps its stored value.
  name: nameField.optional(), ...paramsShape, objective: paramsShape.objective.optional(),
  goal: paramsShape.goal.unwrap().optional(), priorityWeight: paramsShape.priorityWeight.unwrap().optional(), plan: planField,
}).strict();

type ScenarioRow = typeof connectivityScenarios.$inferSelect;

export function scenarioSummary(s: ScenarioRow) {
  return {
    id: s.id, name: s.name, objective: s.objective, budget: s.budget, goal: s.goal, radiusKm: s.radiusKm, priorityWeight: s.priorityWeight,
    totalCost: s.plan.totalCost, coveredVillages: s.plan.coveredVillages.length, coveredPopulation: s.plan.coveredPopulation,
    targetCount: s.plan.targetCount, towers: s.plan.towers.length, vsat: s.plan.vsat.length,
    elapsedMs: s.elapsedMs, bound: s.bound, gap: s.gap, illustrative: s.illustrative,
    programIds: s.programIds ?? null, version: s.version, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString(),
  };
}

export function scenarioView(s: ScenarioRow) {
  return { ...scenarioSummary(s), regionCode: s.regionCode, catalogue: s.catalogue, plan: s.plan, createdBy: s.createdBy };
}

/**
 * The plan to store: the client's (the one the user saw), checked against the region's data
 * with verifyPlan, or else one solved now in a worker thread.
 */
async function planFor(db: DbOrTx, code: string, p: PlanParams, given: Record<string, unknown> | undefined): Promise<{ plan: Plan; illustrative: boolean }> {
  const run = await runInputs(db, code, p);
  if (given) {
    const plan = given as unknown as Plan;
    const shapeOk = Array.isArray(plan.towers) && Array.isArray(plan.vsat) && Array.isArray(plan.coveredVillages) && typeof plan.totalCost === 'number';
    const problems = shapeOk ? verifyPlan({ ...run.inputs, catalogue: p.catalogue }, plan) : ['not a plan'];
    if (!problems.length && plan.objective !== p.objective) problems.push(`objective ${plan.objective}, expected ${p.objective}`);
    if (!problems.length && p.objective === 'budget' && plan.budget !== p.budget) problems.push(`budget ${plan.budget}, expected ${p.budget}`);
    if (problems.length) {
      throw invalid('plan', { id: `rencana tidak cocok dengan data wilayah dan parameter: ${problems[0]}`, en: `the plan does not match the region's data and parameters: ${problems[0]}` });
    }
    return { plan, illustrative: run.illustrative };
  }
  return { plan: await runInWorker(run.inputs, run.request), illustrative: run.illustrative };
}

async function loadScenario(db: DbOrTx, ctx: Ctx, id: string): Promise<ScenarioRow> {
  if (!z.string().uuid().safeParse(id).success) throw notFound({ id: 'Skenario', en: 'Scenario' }, 'id');
  const [s] = await db.select().from(connectivityScenarios).where(eq(connectivityScenarios.id, id));
  if (!s) throw notFound({ id: 'Skenario', en: 'Scenario' }, 'id');
  if (!ctx.actor) throw new AppError(401, 'unauthenticated', { id: 'Silakan masuk terlebih dahulu', en: 'Please log in first' });
  // Scenarios of other regions are not disclosed.
  if (!can(ctx.actor, 'connectivity.plan', { regionCode: s.regionCode })) throw notFound({ id: 'Skenario', en: 'Scenario' }, 'id');
  return s;
}

export async function listScenarios(db: Db, ctx: Ctx, code: string) {
  await authorize(db, ctx, code);
  const rows = await db.select().from(connectivityScenarios).where(eq(connectivityScenarios.regionCode, code)).orderBy(desc(connectivityScenarios.updatedAt));
  return rows.map(scenarioSummary);
}

export async function getScenario(db: Db, ctx: Ctx, id: string) {
  return scenarioView(await loadScenario(db, ctx, id));
}

export async function createScenario(db: Db, ctx: Ctx, code: string, body: unknown) {
  await authorize(db, ctx, code);
  const { name, plan: given, ...rest } = parseInput(scenarioInput, body);
  const p = normaliseParams(rest);
  const { plan, illustrative } = await planFor(db, code, p, given);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(connectivityScenarios).values({
      regionCode: code, name, objective: p.objective, budget: p.budget, goal: p.goal, radiusKm: p.radiusKm, priorityWeight: p.priorityWeight,
      catalogue: p.catalogue, plan, elapsedMs: plan.elapsedMs, bound: plan.bound, gap: plan.gap, illustrative, createdBy: ctx.actor?.userId ?? null,
    }).returning();
    await audit(tx, { actor: ctx.actor, action: 'connectivity.scenario.create', entityType: 'connectivity_scenario', entityId: row!.id, regionCode: code, ip: ctx.ip, details: { name } });
    return scenarioView(row!);
  });
}

const PARAM_FIELDS = ['name', 'objective', 'budget', 'goal', 'radiusKm', 'priorityWeight', 'catalogue', 'plan'] as const;

function stale(cur: ScenarioRow, version: number): AppError {
  return new AppError(409, 'version_conflict', {
    id: `Skenario ini sudah diubah orang lain (versi ${cur.version}, Anda mulai dari versi ${version}). Muat ulang lalu ulangi perubahan Anda.`,
    en: `Someone else changed this scenario meanwhile (version ${cur.version}, you started from ${version}). Reload and apply your change again.`,
  }, 'version');
}

/** Renames and/or re-plans a scenario; a stale version answers 409. Changing a parameter re-plans. */
export async function updateScenario(db: Db, ctx: Ctx, id: string, body: unknown) {
  const cur = await loadScenario(db, ctx, id);
  const { version, name, plan: given, ...rest } = parseInput(scenarioPatch, body);
  if (version !== cur.version) throw stale(cur, version);
  const replan = given !== undefined || PARAM_FIELDS.some((f) => f !== 'name' && f !== 'plan' && (rest as Record<string, unknown>)[f] !== undefined);
  const set: Partial<typeof connectivityScenarios.$inferInsert> = {};
  if (name !== undefined) set.name = name;
  if (replan) {
    const p = normaliseParams({
      objective: rest.objective ?? cur.objective, budget: rest.budget !== undefined ? rest.budget : cur.budget, goal: rest.goal ?? cur.goal,
      radiusKm: rest.radiusKm !== undefined ? rest.radiusKm : cur.radiusKm, priorityWeight: rest.priorityWeight ?? cur.priorityWeight,
      catalogue: rest.catalogue ?? cur.catalogue,
    });
    if (cur.programIds) {
      throw new AppError(409, 'programs_created', { id: 'Program sudah dibuat dari skenario ini; parameternya tidak dapat diubah lagi (simpan sebagai skenario baru)', en: 'Programs were already made from this scenario; its parameters can no longer change (save a new scenario)' }, 'programs');
    }
    const { plan, illustrative } = await planFor(db, cur.regionCode, p, given);
    Object.assign(set, {
      objective: p.objective, budget: p.budget, goal: p.goal, radiusKm: p.radiusKm, priorityWeight: p.priorityWeight, catalogue: p.catalogue,
      plan, elapsedMs: plan.elapsedMs, bound: plan.bound, gap: plan.gap, illustrative,
    });
  }
  return db.transaction(async (tx) => {
    const rows = await tx.update(connectivityScenarios).set({ ...set, version: sql`${connectivityScenarios.version} + 1`, updatedAt: new Date() })
      .where(and(eq(connectivityScenarios.id, id), eq(connectivityScenarios.version, version))).returning();
    if (!rows.length) {
      const [now] = await tx.select().from(connectivityScenarios).where(eq(connectivityScenarios.id, id));
      if (!now) throw notFound({ id: 'Skenario', en: 'Scenario' }, 'id');
      throw stale(now, version);
    }
    await audit(tx, { actor: ctx.actor, action: 'connectivity.scenario.update', entityType: 'connectivity_scenario', entityId: id, regionCode: cur.regionCode, ip: ctx.ip, details: { fields: Object.keys(set), replanned: replan } });
    return scenarioView(rows[0]!);
  });
}

export async function deleteScenario(db: Db, ctx: Ctx, id: string) {
  const cur = await loadScenario(db, ctx, id);
  await db.transaction(async (tx) => {
    await tx.delete(connectivityScenarios).where(eq(connectivityScenarios.id, id));
    await audit(tx, { actor: ctx.actor, action: 'connectivity.scenario.delete', entityType: 'connectivity_scenario', entityId: id, regionCode: cur.regionCode, ip: ctx.ip, details: { name: cur.name } });
  });
}

/** Scenarios side by side: parameters, catalogue figures that differ, results, and the sites chosen. */
export async function compareScenarios(db: Db, ctx: Ctx, code: string, ids: string[]) {
  await authorize(db, ctx, code);
  const wanted = [...new Set(ids)].filter((x) => z.string().uuid().safeParse(x).success);
  if (wanted.length < 2) throw invalid('ids', { id: 'pilih paling sedikit dua skenario', en: 'choose at least two scenarios' });
  if (wanted.length > 6) throw invalid('ids', { id: 'paling banyak enam skenario', en: 'at most six scenarios' });
  const rows = await db.select().from(connectivityScenarios).where(and(eq(connectivityScenarios.regionCode, code), inArray(connectivityScenarios.id, wanted)));
  const missing = wanted.find((x) => !rows.some((r) => r.id === x));
  if (missing) throw notFound({ id: `Skenario ${missing}`, en: `Scenario ${missing}` }, 'ids');
  const ordered = wanted.map((x) => rows.find((r) => r.id === x)!);
  const flat = ordered.map((r) => flatten(r.catalogue as Record<string, unknown>));
  const keys = [...new Set(flat.flatMap((f) => Object.keys(f)))].sort();
  const catalogueDifferences = keys.filter((k) => new Set(flat.map((f) => JSON.stringify(f[k]))).size > 1)
    .map((k) => ({ field: k, values: flat.map((f) => f[k] ?? null) }));
  const siteSets = ordered.map((r) => new Set(r.plan.towers.map((t) => t.site)));
  const common = [...siteSets[0]!].filter((s) => siteSets.every((set) => set.has(s)));
  return {
    scenarios: ordered.map((r) => ({ ...scenarioSummary(r), backhaul: backhaulCounts(r.plan) })),
    catalogueDifferences,
    towersInAll: common,
  };
}

function backhaulCounts(plan: Plan) {
  const out = { fibre: 0, microwave: 0, satellite: 0 };
  for (const t of plan.towers) out[t.backhaul]++;
  return out;
}

function flatten(o: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o ?? {})) {
    if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

export { loadScenario };
