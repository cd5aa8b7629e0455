import { and, eq } from 'drizzle-orm';
import { inSequence, type Db, type DbOrTx } from '../../core/db.ts';
import { parseInput, notFound, conflict, invalid } from '../../core/errors.ts';
import { CURRENT_FRAMEWORK_ID } from '../framework/data.ts';
import { frameworkVersions } from '../framework/schema.ts';
import { regions } from '../wilayah/schema.ts';
import {
  masterplans, opds, programs, programBudgets, programLocations, programSupportingOpds, kpis, kpiTargets, quickWins,
  readinessAnalyses, swotItems,
} from './schema.ts';
import {
  masterplanInput, masterplanPatch, opdInput, opdPatch, programInput, programPatch, kpiInput, kpiPatch, quickWinInput, readinessInput,
} from './validation.ts';
import {
  loadMasterplan, assertElement, assertOpdsInRegion, assertLocations, assertBudgets, assertProgramYears, assertKpi,
  versionConflict, bumpVersion,
} from './rules.ts';

/**
 * Write commands of the masterplan module. Each one validates its input (errors name the
 * field), checks cross-record rules, and writes in one transaction: nothing half-saved.
 * Updates take the version the caller started from (optional until accounts arrive).
 */

type Versioned = typeof masterplans | typeof opds | typeof programs | typeof kpis;

async function updateVersioned(tx: DbOrTx, table: Versioned, id: string, expectedVersion: number | undefined, set: Record<string, unknown>, what: { id: string; en: string }) {
  const where = expectedVersion === undefined ? eq(table.id, id) : and(eq(table.id, id), eq(table.version, expectedVersion));
  const rows = await tx.update(table).set({ ...set, ...bumpVersion(table) } as never).where(where).returning({ id: table.id, version: table.version });
  if (rows.length) return rows[0]!;
  const [current] = await tx.select({ version: table.version }).from(table).where(eq(table.id, id));
  if (!current) throw notFound(what, 'id');
  throw versionConflict(current.version, expectedVersion!);
}

const isUniqueViolation = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
};

// ---- masterplan ----

export async function createMasterplan(db: Db, input: unknown) {
  const m = parseInput(masterplanInput, input);
  return db.transaction(async (tx) => {
    const [region] = await tx.select().from(regions).where(eq(regions.code, m.regionCode));
    if (!region || region.level !== 'regency') throw invalid('regionCode', { id: 'bukan kabupaten/kota yang dikenal', en: 'not a known regency/city' });
    const fv = m.frameworkVersion ?? CURRENT_FRAMEWORK_ID;
    const [f] = await tx.select().from(frameworkVersions).where(eq(frameworkVersions.id, fv));
    if (!f) throw invalid('frameworkVersion', { id: `versi ${fv} tidak dikenal`, en: `version ${fv} is unknown` });
    try {
      const [row] = await tx.insert(masterplans).values({ ...m, frameworkVersion: fv }).returning();
      return row!;
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('periodStart', { id: 'Wilayah ini sudah punya masterplan untuk periode itu', en: 'This region already has a masterplan for that period' });
      throw e;
    }
  });
}

export async function updateMasterplan(db: Db, id: string, patch: unknown, expectedVersion?: number) {
  const p = parseInput(masterplanPatch, patch);
  return db.transaction(async (tx) => {
    const cur = await loadMasterplan(tx, id, 'id');
    const start = p.periodStart ?? cur.periodStart, end = p.periodEnd ?? cur.periodEnd;
    if (end < start) throw invalid('periodEnd', { id: 'tahun akhir sebelum tahun awal', en: 'end year is before start year' });
    if (end - start > 20) throw invalid('periodEnd', { id: 'periode paling lama 20 tahun', en: 'period can be at most 20 years' });
    return updateVersioned(tx, masterplans, id, expectedVersion, p, { id: 'Masterplan', en: 'Masterplan' });
  });
}

export async function deleteMasterplan(db: Db, id: string) {
  const rows = await db.delete(masterplans).where(eq(masterplans.id, id)).returning({ id: masterplans.id });
  if (!rows.length) throw notFound({ id: 'Masterplan', en: 'Masterplan' }, 'id');
}

// ---- OPD ----

export async function createOpd(db: Db, input: unknown) {
  const o = parseInput(opdInput, input);
  return db.transaction(async (tx) => {
    const [region] = await tx.select().from(regions).where(eq(regions.code, o.regionCode));
    if (!region || region.level !== 'regency') throw invalid('regionCode', { id: 'bukan kabupaten/kota yang dikenal', en: 'not a known regency/city' });
    try {
      const [row] = await tx.insert(opds).values(o).returning();
      return row!;
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('abbreviation', { id: 'Singkatan OPD sudah dipakai di wilayah ini', en: 'OPD abbreviation already used in this region' });
      throw e;
    }
  });
}

export async function updateOpd(db: Db, id: string, patch: unknown, expectedVersion?: number) {
  const p = parseInput(opdPatch, patch);
  try {
    return await db.transaction((tx) => updateVersioned(tx, opds, id, expectedVersion, p, { id: 'OPD', en: 'OPD' }));
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('abbreviation', { id: 'Singkatan OPD sudah dipakai di wilayah ini', en: 'OPD abbreviation already used in this region' });
    throw e;
  }
}

export async function deleteOpd(db: Db, id: string) {
  return db.transaction(async (tx) => {
    const [used] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.leadOpdId, id)).limit(1);
    const [supports] = await tx.select({ id: programSupportingOpds.programId }).from(programSupportingOpds).where(eq(programSupportingOpds.opdId, id)).limit(1);
    if (used || supports) throw conflict('id', { id: 'OPD masih memiliki/mendukung program; pindahkan programnya dulu', en: 'OPD still leads or supports programs; move them first' });
    const rows = await tx.delete(opds).where(eq(opds.id, id)).returning({ id: opds.id });
    if (!rows.length) throw notFound({ id: 'OPD', en: 'OPD' }, 'id');
  });
}

// ---- programs ----

async function writeProgramChildren(tx: DbOrTx, programId: string, p: { supportingOpdIds?: string[]; budgets?: { year: number; source: (typeof programBudgets.$inferInsert)['source']; amount: number; illustrative: boolean }[]; locations?: string[] }) {
  if (p.supportingOpdIds) {
    await tx.delete(programSupportingOpds).where(eq(programSupportingOpds.programId, programId));
    if (p.supportingOpdIds.length) await tx.insert(programSupportingOpds).values(p.supportingOpdIds.map((opdId) => ({ programId, opdId })));
  }
  if (p.budgets) {
    await tx.delete(programBudgets).where(eq(programBudgets.programId, programId));
    if (p.budgets.length) await tx.insert(programBudgets).values(p.budgets.map((b) => ({ ...b, programId })));
  }
  if (p.locations) {
    await tx.delete(programLocations).where(eq(programLocations.programId, programId));
    if (p.locations.length) await tx.insert(programLocations).values(p.locations.map((regionCode) => ({ programId, regionCode })));
  }
}

async function checkProgram(tx: DbOrTx, plan: typeof masterplans.$inferSelect, p: { elementKey: string; leadOpdId: string; supportingOpdIds: string[]; startYear: number; endYear: number; budgets: { year: number; source: string }[]; locations: string[] }) {
  await assertElement(tx, plan.frameworkVersion, p.elementKey);
  await assertOpdsInRegion(tx, plan.regionCode, [p.leadOpdId], 'leadOpdId');
  await assertOpdsInRegion(tx, plan.regionCode, p.supportingOpdIds, 'supportingOpdIds');
  const i = p.supportingOpdIds.indexOf(p.leadOpdId);
  if (i >= 0) throw invalid(`supportingOpdIds.${i}`, { id: 'OPD pengampu tidak juga pendukung', en: 'the lead OPD cannot also be supporting' });
  assertProgramYears(p, plan);
  assertBudgets(p.budgets, p.startYear, p.endYear);
  await assertLocations(tx, plan.regionCode, p.locations);
}

export async function createProgram(db: Db, input: unknown) {
  const p = parseInput(programInput, input);
  return db.transaction(async (tx) => {
    const plan = await loadMasterplan(tx, p.masterplanId);
    await checkProgram(tx, plan, p);
    const { supportingOpdIds, budgets, locations, ...fields } = p;
    try {
      const [row] = await tx.insert(programs).values({ ...fields, regionCode: plan.regionCode, frameworkVersion: plan.frameworkVersion }).returning();
      await writeProgramChildren(tx, row!.id, { supportingOpdIds, budgets, locations });
      return row!;
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('code', { id: `Kode program ${p.code} sudah dipakai`, en: `Program code ${p.code} is already used` });
      throw e;
    }
  });
}

export async function updateProgram(db: Db, id: string, patch: unknown, expectedVersion?: number) {
  const p = parseInput(programPatch, patch);
  return db.transaction(async (tx) => {
    const [cur] = await tx.select().from(programs).where(eq(programs.id, id));
    if (!cur) throw notFound({ id: 'Program', en: 'Program' }, 'id');
    const plan = await loadMasterplan(tx, cur.masterplanId);
    const [sup, bud, loc] = await inSequence([
      tx.select().from(programSupportingOpds).where(eq(programSupportingOpds.programId, id)),
      tx.select().from(programBudgets).where(eq(programBudgets.programId, id)),
      tx.select().from(programLocations).where(eq(programLocations.programId, id)),
    ]);
    const merged = {
      elementKey: p.elementKey ?? cur.elementKey, leadOpdId: p.leadOpdId ?? cur.leadOpdId,
      supportingOpdIds: p.supportingOpdIds ?? sup.map((s) => s.opdId), startYear: p.startYear ?? cur.startYear, endYear: p.endYear ?? cur.endYear,
      budgets: p.budgets ?? bud, locations: p.locations ?? loc.map((l) => l.regionCode),
    };
    await checkProgram(tx, plan, merged);
    const { supportingOpdIds, budgets, locations, ...fields } = p;
    try {
      const result = await updateVersioned(tx, programs, id, expectedVersion, fields, { id: 'Program', en: 'Program' });
      await writeProgramChildren(tx, id, { supportingOpdIds, budgets, locations });
      return result;
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('code', { id: `Kode program ${p.code} sudah dipakai`, en: `Program code ${p.code} is already used` });
      throw e;
    }
  });
}

export async function deleteProgram(db: Db, id: string) {
  const rows = await db.delete(programs).where(eq(programs.id, id)).returning({ id: programs.id });
  if (!rows.length) throw notFound({ id: 'Program', en: 'Program' }, 'id');
}

// ---- KPIs ----

export async function createKpi(db: Db, input: unknown) {
  const k = parseInput(kpiInput, input);
  assertKpi(k);
  return db.transaction(async (tx) => {
    const [prog] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.id, k.programId));
    if (!prog) throw notFound({ id: 'Program', en: 'Program' }, 'programId');
    const { targets, ...fields } = k;
    const [row] = await tx.insert(kpis).values(fields).returning();
    if (targets.length) await tx.insert(kpiTargets).values(targets.map((t) => ({ ...t, kpiId: row!.id })));
    return row!;
  });
}

export async function updateKpi(db: Db, id: string, patch: unknown, expectedVersion?: number) {
  const p = parseInput(kpiPatch, patch);
  return db.transaction(async (tx) => {
    const [cur] = await tx.select().from(kpis).where(eq(kpis.id, id));
    if (!cur) throw notFound({ id: 'KPI', en: 'KPI' }, 'id');
    const targets = p.targets ?? (await tx.select().from(kpiTargets).where(eq(kpiTargets.kpiId, id)));
    assertKpi({ polarity: p.polarity ?? cur.polarity, baselineYear: p.baselineYear === undefined ? cur.baselineYear : p.baselineYear, targets });
    const { targets: newTargets, ...fields } = p;
    const result = await updateVersioned(tx, kpis, id, expectedVersion, fields, { id: 'KPI', en: 'KPI' });
    if (newTargets) {
      await tx.delete(kpiTargets).where(eq(kpiTargets.kpiId, id));
      if (newTargets.length) await tx.insert(kpiTargets).values(newTargets.map((t) => ({ ...t, kpiId: id })));
    }
    return result;
  });
}

export async function deleteKpi(db: Db, id: string) {
  const rows = await db.delete(kpis).where(eq(kpis.id, id)).returning({ id: kpis.id });
  if (!rows.length) throw notFound({ id: 'KPI', en: 'KPI' }, 'id');
}

// ---- quick wins ----

/** Chooses a program as the quick win of a dimension for a year (replacing an earlier choice). */
export async function setQuickWin(db: Db, input: unknown) {
  const q = parseInput(quickWinInput, input);
  return db.transaction(async (tx) => {
    const plan = await loadMasterplan(tx, q.masterplanId);
    const [prog] = await tx.select().from(programs).where(eq(programs.id, q.programId));
    if (!prog || prog.masterplanId !== plan.id) throw invalid('programId', { id: 'program bukan bagian masterplan ini', en: 'program is not part of this masterplan' });
    const dim = await assertElement(tx, plan.frameworkVersion, prog.elementKey);
    if (dim !== q.dimensionKey) throw invalid('dimensionKey', { id: `program ini termasuk dimensi ${dim}`, en: `this program belongs to dimension ${dim}` });
    if (q.year < prog.startYear || q.year > prog.endYear) throw invalid('year', { id: `di luar masa program ${prog.startYear}–${prog.endYear}`, en: `outside the program years ${prog.startYear}–${prog.endYear}` });
    const [row] = await tx.insert(quickWins).values({ ...q, frameworkVersion: plan.frameworkVersion })
      .onConflictDoUpdate({
        target: [quickWins.masterplanId, quickWins.year, quickWins.dimensionKey],
        set: { programId: q.programId, progress: q.progress, progressIllustrative: q.progressIllustrative, ...bumpVersion(quickWins) },
      }).returning();
    return row!;
  });
}

export async function deleteQuickWin(db: Db, id: string) {
  const rows = await db.delete(quickWins).where(eq(quickWins.id, id)).returning({ id: quickWins.id });
  if (!rows.length) throw notFound({ id: 'Quick win', en: 'Quick win' }, 'id');
}

// ---- readiness ----

/** Writes the readiness analysis of one dimension and aspect with its SWOT items (replacing them). */
export async function saveReadiness(db: Db, input: unknown) {
  const r = parseInput(readinessInput, input);
  return db.transaction(async (tx) => {
    const plan = await loadMasterplan(tx, r.masterplanId);
    const { swot, ...fields } = r;
    let row;
    try {
      [row] = await tx.insert(readinessAnalyses).values({ ...fields, frameworkVersion: plan.frameworkVersion })
        .onConflictDoUpdate({
          target: [readinessAnalyses.masterplanId, readinessAnalyses.dimensionKey, readinessAnalyses.aspect],
          set: { summary: r.summary, illustrative: r.illustrative, ...bumpVersion(readinessAnalyses) },
        }).returning();
    } catch (e) {
      if ((e as { code?: string; cause?: { code?: string } }).code === '23503' || (e as { cause?: { code?: string } }).cause?.code === '23503') {
        throw invalid('dimensionKey', { id: `dimensi "${r.dimensionKey}" tidak dikenal`, en: `dimension "${r.dimensionKey}" is unknown` });
      }
      throw e;
    }
    await tx.delete(swotItems).where(eq(swotItems.readinessId, row!.id));
    if (swot.length) await tx.insert(swotItems).values(swot.map((s, position) => ({ ...s, position, readinessId: row!.id })));
    return row!;
  });
}
