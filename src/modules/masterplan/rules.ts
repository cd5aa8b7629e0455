import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../core/db.ts';
import { invalid, notFound, AppError } from '../../core/errors.ts';
import { regions } from '../wilayah/schema.ts';
import { elements } from '../framework/schema.ts';
import { masterplans, opds } from './schema.ts';

/** Cross-record checks shared by the write commands. Each error names the offending field. */

export async function loadMasterplan(db: DbOrTx, id: string, field = 'masterplanId') {
  const [m] = await db.select().from(masterplans).where(eq(masterplans.id, id));
  if (!m) throw notFound({ id: 'Masterplan', en: 'Masterplan' }, field);
  return m;
}

export async function assertElement(db: DbOrTx, frameworkVersion: string, elementKey: string): Promise<string> {
  const [e] = await db.select().from(elements).where(and(eq(elements.frameworkVersion, frameworkVersion), eq(elements.key, elementKey)));
  if (!e) throw invalid('elementKey', { id: `elemen "${elementKey}" tidak ada di kerangka ${frameworkVersion}`, en: `element "${elementKey}" is not in framework ${frameworkVersion}` });
  return e.dimensionKey;
}

export async function assertOpdsInRegion(db: DbOrTx, regionCode: string, ids: string[], field: string): Promise<void> {
  if (!ids.length) return;
  const found = await db.select({ id: opds.id }).from(opds).where(and(eq(opds.regionCode, regionCode), inArray(opds.id, ids)));
  const ok = new Set(found.map((o) => o.id));
  const i = ids.findIndex((id) => !ok.has(id));
  if (i >= 0) {
    const f = field.endsWith('Ids') ? `${field}.${i}` : field;
    throw invalid(f, { id: 'OPD tidak ada di wilayah ini', en: 'OPD is not in this region' });
  }
}

/** Locations must be kecamatan or desa codes inside the region. */
export async function assertLocations(db: DbOrTx, regionCode: string, codes: string[]): Promise<void> {
  const outside = codes.findIndex((c) => !c.startsWith(`${regionCode}.`));
  if (outside >= 0) throw invalid(`locations.${outside}`, { id: `${codes[outside]} bukan kecamatan/desa di ${regionCode}`, en: `${codes[outside]} is not a district/village of ${regionCode}` });
  const dup = codes.findIndex((c, i) => codes.indexOf(c) !== i);
  if (dup >= 0) throw invalid(`locations.${dup}`, { id: 'lokasi ganda', en: 'duplicate location' });
  if (!codes.length) return;
  const found = await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes));
  const ok = new Set(found.map((r) => r.code));
  const missing = codes.findIndex((c) => !ok.has(c));
  if (missing >= 0) throw invalid(`locations.${missing}`, { id: `kode ${codes[missing]} tidak dikenal`, en: `code ${codes[missing]} is unknown` });
}

export function assertBudgets(budgets: { year: number; source: string }[], startYear: number, endYear: number): void {
  budgets.forEach((b, i) => {
    if (b.year < startYear || b.year > endYear) {
      throw invalid(`budgets.${i}.year`, { id: `tahun ${b.year} di luar masa program ${startYear}–${endYear}`, en: `year ${b.year} is outside the program years ${startYear}–${endYear}` });
    }
    if (budgets.findIndex((o) => o.year === b.year && o.source === b.source) !== i) {
      throw invalid(`budgets.${i}.source`, { id: 'tahun dan sumber dana ganda', en: 'duplicate year and source' });
    }
  });
}

export function assertProgramYears(p: { startYear: number; endYear: number }, plan: { periodStart: number; periodEnd: number }): void {
  if (p.endYear < p.startYear) throw invalid('endYear', { id: 'tahun selesai sebelum tahun mulai', en: 'end year is before start year' });
  // A program may have begun before the plan was adopted (e.g. 2021 items of a 2022 plan), but must end within it.
  if (p.endYear > plan.periodEnd) throw invalid('endYear', { id: `melewati periode masterplan (${plan.periodEnd})`, en: `goes beyond the masterplan period (${plan.periodEnd})` });
  if (p.endYear < plan.periodStart - 1) throw invalid('endYear', { id: `sebelum periode masterplan (${plan.periodStart})`, en: `before the masterplan period (${plan.periodStart})` });
}

export function assertKpi(k: { polarity: string; baselineYear: number | null; targets: { year: number; value: number; valueMax: number | null }[] }): void {
  k.targets.forEach((t, i) => {
    if (k.polarity === 'range' && (t.valueMax === null || t.valueMax < t.value)) {
      throw invalid(`targets.${i}.valueMax`, { id: 'KPI rentang butuh batas atas ≥ nilai', en: 'a range KPI needs an upper bound ≥ value' });
    }
    if (k.polarity !== 'range' && t.valueMax !== null) {
      throw invalid(`targets.${i}.valueMax`, { id: 'batas atas hanya untuk KPI rentang', en: 'an upper bound is only for range KPIs' });
    }
    if (k.targets.findIndex((o) => o.year === t.year) !== i) throw invalid(`targets.${i}.year`, { id: 'tahun target ganda', en: 'duplicate target year' });
    if (k.baselineYear !== null && t.year < k.baselineYear) {
      throw invalid(`targets.${i}.year`, { id: 'target sebelum tahun baseline', en: 'target before the baseline year' });
    }
  });
}

/**
 * Optimistic concurrency: an update names the version it started from. When the row has
 * moved on, the caller gets 409 instead of silently overwriting someone else's edit.
 */
export function versionConflict(current: number, expected: number): AppError {
  return new AppError(409, 'version_conflict', {
    id: `Data sudah diubah orang lain (versi ${current}, Anda mulai dari versi ${expected}). Muat ulang lalu ulangi perubahan Anda.`,
    en: `Someone else changed this meanwhile (version ${current}, you started from ${expected}). Reload and apply your change again.`,
  }, 'version');
}

/** Next version and timestamp; table-qualified so it also works inside ON CONFLICT DO UPDATE. */
export const bumpVersion = (table: { version: AnyPgColumn }) => ({ version: sql`${table.version} + 1`, updatedAt: sql`now()` });
