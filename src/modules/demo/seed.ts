import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../core/db.ts';
import { ensureFrameworks } from '../framework/service.ts';
import { masterplans, opds } from '../masterplan/schema.ts';
import { createMasterplan, createOpd, createProgram, createKpi, setQuickWin, saveReadiness } from '../masterplan/commands.ts';
import { regions } from '../wilayah/schema.ts';
import { loadOfficialRegions, type Progress } from '../wilayah/load.ts';
import { importSharedWilayah } from '../wilayah/geo-import.ts';
import { DEMO_REGIONS } from './content/index.ts';
import type { DemoRegion } from './types.ts';
import { recordProgramVersion } from '../editing/history.ts';
import { seedDemoUsers, type DemoAccount } from './users.ts';
import { seedDemoEvaluations } from '../evaluation/cycle/demo.ts';
import { seedMonitoringDemo } from '../monitoring/demo.ts';
import { seedConnectivityDemo } from '../connectivity/demo.ts';

export interface SeedResult { regions: number; programs: number; geoFiles: number; ms: number }

/** Loads the official regions (and shared geo files) when the table is still empty. */
export async function ensureReferenceData(database: Database, wilayahDir: string, onProgress?: Progress): Promise<{ loaded: boolean; geoFiles: number }> {
  const [{ n } = { n: 0 }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(regions);
  await ensureFrameworks(database.db);
  if (n > 0) return { loaded: false, geoFiles: 0 };
  await loadOfficialRegions(database, onProgress);
  const geo = await importSharedWilayah(database, wilayahDir, onProgress);
  return { loaded: true, geoFiles: geo.length };
}

/**
 * (Re)loads the demo masterplans of the four IKN-partner regencies. Each region is
 * replaced in its own transaction through the same commands the API uses, so the demo
 * passes every validation rule.
 */
export async function seedDemo(database: Database, onProgress?: Progress, content: DemoRegion[] = DEMO_REGIONS): Promise<{ programs: number; accounts: DemoAccount[] }> {
  let programs = 0;
  const opdIdsByRegion = new Map<string, Map<string, string>>();
  for (const [i, region] of content.entries()) {
    const r = await seedRegion(database, region);
    programs += r.programs;
    opdIdsByRegion.set(region.regionCode, r.opdIds);
    onProgress?.(i + 1, content.length, 'demo');
  }
  const accounts = await seedDemoUsers(database.db, opdIdsByRegion);
  await seedConnectivityDemo(database.db);
  await seedMonitoringDemo(database, content.map((r) => r.regionCode));
  await seedDemoEvaluations(database.db, content.map((r) => r.regionCode));
  return { programs, accounts };
}

async function seedRegion(database: Database, demo: DemoRegion): Promise<{ programs: number; opdIds: Map<string, string> }> {
  return database.db.transaction(async (tx) => {
    const db = tx as unknown as Database['db'];
    // Nested transactions become savepoints, so the commands' own transactions compose here.
    const plans = await db.select({ id: masterplans.id }).from(masterplans).where(eq(masterplans.regionCode, demo.regionCode));
    if (plans.length) await db.delete(masterplans).where(inArray(masterplans.id, plans.map((p) => p.id)));
    await db.delete(opds).where(eq(opds.regionCode, demo.regionCode));

    const plan = await createMasterplan(db, { regionCode: demo.regionCode, ...demo.masterplan, sources: demo.sources });
    const opdIds = new Map<string, string>();
    for (const o of demo.opds) opdIds.set(o.abbreviation, (await createOpd(db, { regionCode: demo.regionCode, ...o, role: o.role ?? null })).id);
    const opdId = (abbr: string) => {
      const id = opdIds.get(abbr);
      if (!id) throw new Error(`demo ${demo.regionCode}: unknown OPD ${abbr}`);
      return id;
    };
    for (const r of demo.readiness) await saveReadiness(db, { masterplanId: plan.id, ...r });
    const programIds = new Map<string, string>();
    for (const p of demo.programs) {
      const { leadOpd, supportingOpds, kpis: kpiList, serviceName, serviceUrl, ...fields } = p;
      const created = await createProgram(db, {
        ...fields, masterplanId: plan.id, leadOpdId: opdId(leadOpd), supportingOpdIds: supportingOpds.map(opdId),
        serviceName: serviceName ?? null, serviceUrl: serviceUrl ?? null,
      });
      programIds.set(p.code, created.id);
      await recordProgramVersion(db, created.id, null, 'seed');
      for (const k of kpiList) await createKpi(db, { ...k, programId: created.id, targets: k.targets.map((t) => ({ ...t, valueMax: t.valueMax ?? null })) });
    }
    for (const q of demo.quickWins) {
      const programId = programIds.get(q.programCode);
      if (!programId) throw new Error(`demo ${demo.regionCode}: quick win names unknown program ${q.programCode}`);
      const { programCode: _code, ...rest } = q;
      await setQuickWin(db, { ...rest, masterplanId: plan.id, programId });
    }
    return { programs: demo.programs.length, opdIds };
  });
}

/** First start: reference data, and the demo when no region has a masterplan yet. */
export async function prepareDatabase(database: Database, wilayahDir: string, onProgress?: Progress): Promise<void> {
  await ensureReferenceData(database, wilayahDir, onProgress);
  const [{ n } = { n: 0 }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(masterplans);
  if (n === 0) await seedDemo(database, onProgress);
}
