/**
 * Monitoring writes: region settings, reporting periods, progress reports and their review.
 * Every write is authorized by the policy (period.manage, report.write, report.review), runs
 * in one transaction with its audit entry and a report event (history), and takes the version
 * the caller started from (409 naming the fields someone else changed).
 *
 * Reused by monitoring/reminders and monitoring/bulk: loadReportForWrite, ensureDraft,
 * saveKpiValues, getSettings, periodsDue, reportsMissing, reportSnapshot, recordEvent.
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inSequence, type Db, type DbOrTx } from '../../core/db.ts';
import { AppError, conflict, invalid, notFound, parseInput } from '../../core/errors.ts';
import { can, type Actor } from '../../core/policy.ts';
import { audit } from '../accounts/audit.ts';
import { forbidden } from '../accounts/users.ts';
import { diffSnapshots } from '../editing/diff.ts';
import { assertUsableFiles, publishFiles } from '../files/service.ts';
import { kpis, programLocations, programs, quickWins } from '../masterplan/schema.ts';
import { bumpVersion } from '../masterplan/rules.ts';
import { regions } from '../wilayah/schema.ts';
import { periodsOfYear } from './periods.ts';
import {
  monitoringSettings, progressReports, reportEvents, reportFiles, reportingPeriods, reportKpiValues,
  type PeriodKind, type ReportStatus, type StatusThresholds,
} from './schema.ts';
import { periodState } from './status.ts';
import { createReportInput, generateInput, periodPatch, reportPatch, settingsInput, transitionInput } from './validation.ts';

export interface Ctx { actor: Actor | null; ip?: string | null }

/** "Today" of the monitoring rules; one place so tests and benches read the same clock. */
export const today = () => new Date();

const isUuid = (s: string) => z.string().uuid().safeParse(s).success;
const REPORT = { id: 'Laporan', en: 'Report' };
const PERIOD = { id: 'Periode pelaporan', en: 'Reporting period' };
const PROGRAM = { id: 'Program', en: 'Program' };

type ReportRow = typeof progressReports.$inferSelect;
type ProgramRow = typeof programs.$inferSelect;
type PeriodRow = typeof reportingPeriods.$inferSelect;

// ── settings ─────────────────────────────────────────────────────────────────────────────

export interface Settings {
  regionCode: string; periodKind: PeriodKind; dueDays: number; reminderLeadDays: number; thresholds: StatusThresholds;
  /** 0 while the region still uses the defaults (no row yet). */
  version: number;
}

export async function getSettings(db: DbOrTx, regionCode: string): Promise<Settings> {
  const [s] = await db.select().from(monitoringSettings).where(eq(monitoringSettings.regionCode, regionCode));
  if (s) return { regionCode, periodKind: s.periodKind, dueDays: s.dueDays, reminderLeadDays: s.reminderLeadDays, thresholds: s.thresholds, version: s.version };
  return { regionCode, periodKind: 'quarterly', dueDays: 15, reminderLeadDays: 7, thresholds: {}, version: 0 };
}

async function assertRegency(db: DbOrTx, code: string) {
  const [r] = await db.select({ level: regions.level }).from(regions).where(eq(regions.code, code));
  if (!r || r.level !== 'regency') throw notFound({ id: `Wilayah ${code}`, en: `Region ${code}` }, 'code');
}

/** A refusal names the path parameter: the region's `code`, or the period's `id`. */
function requireManage(actor: Actor | null, regionCode: string, field = 'code') {
  if (!actor) throw new AppError(401, 'unauthenticated', { id: 'Silakan masuk terlebih dahulu', en: 'Please log in first' });
  if (!can(actor, 'period.manage', { regionCode })) throw forbidden(field);
}

const staleVersion = (current: number, expected: number, fields: string[] = []) => new AppError(409, 'version_conflict', {
  id: `Data sudah diubah orang lain (versi ${current}, Anda mulai dari versi ${expected}).${fields.length ? ` Yang berubah: ${fields.join(', ')}.` : ''} Muat ulang lalu ulangi perubahan Anda.`,
  en: `Someone else changed this meanwhile (version ${current}, you started from ${expected}).${fields.length ? ` Changed: ${fields.join(', ')}.` : ''} Reload and apply your change again.`,
}, 'version');

export async function updateSettingsAs(db: Db, ctx: Ctx, regionCode: string, body: unknown): Promise<Settings> {
  await assertRegency(db, regionCode);
  requireManage(ctx.actor, regionCode);
  const input = parseInput(settingsInput, body);
  return db.transaction(async (tx) => {
    const cur = await getSettings(tx, regionCode);
    if (input.version !== undefined && input.version !== cur.version) throw staleVersion(cur.version, input.version);
    const thresholds = { ...cur.thresholds, ...(input.thresholds ?? {}) };
    const lateLag = thresholds.lateLag ?? 25, atRiskLag = thresholds.atRiskLag ?? 10;
    if (lateLag < atRiskLag) throw invalid('thresholds.lateLag', { id: 'harus ≥ atRiskLag', en: 'must be ≥ atRiskLag' });
    if ((thresholds.kpiLate ?? 0.5) > (thresholds.kpiAtRisk ?? 0.8)) throw invalid('thresholds.kpiLate', { id: 'harus ≤ kpiAtRisk', en: 'must be ≤ kpiAtRisk' });
    const values = {
      periodKind: input.periodKind ?? cur.periodKind, dueDays: input.dueDays ?? cur.dueDays,
      reminderLeadDays: input.reminderLeadDays ?? cur.reminderLeadDays, thresholds,
    };
    await tx.insert(monitoringSettings).values({ regionCode, ...values })
      .onConflictDoUpdate({ target: monitoringSettings.regionCode, set: { ...values, ...bumpVersion(monitoringSettings) } });
    await audit(tx, { actor: ctx.actor, action: 'monitoring.settings', entityType: 'region', entityId: regionCode, regionCode, ip: ctx.ip, details: input });
    return getSettings(tx, regionCode);
  });
}

// ── periods ──────────────────────────────────────────────────────────────────────────────

const periodView = (p: PeriodRow, now = today()) => ({
  id: p.id, regionCode: p.regionCode, year: p.year, kind: p.kind, seq: p.seq, label: p.label,
  startsOn: p.startsOn, endsOn: p.endsOn, dueOn: p.dueOn, opensOn: p.opensOn,
  closedAt: p.closedAt?.toISOString() ?? null, state: periodState(p, now), version: p.version,
});
export type PeriodView = ReturnType<typeof periodView>;

export async function listPeriods(db: DbOrTx, regionCode: string, query: { year?: string | undefined }) {
  const y = query.year === undefined ? undefined : Number(query.year);
  if (y !== undefined && !Number.isInteger(y)) throw invalid('query.year', { id: 'harus tahun', en: 'must be a year' });
  const rows = await db.select().from(reportingPeriods)
    .where(and(eq(reportingPeriods.regionCode, regionCode), y === undefined ? undefined : eq(reportingPeriods.year, y)))
    .orderBy(asc(reportingPeriods.startsOn), asc(reportingPeriods.kind));
  const now = today();
  return rows.map((p) => periodView(p, now));
}

/** Creates the periods of a year (region's rhythm unless `kind` is given); existing ones stay. */
export async function generatePeriods(db: DbOrTx, regionCode: string, year: number, kind?: PeriodKind) {
  const s = await getSettings(db, regionCode);
  const specs = periodsOfYear(year, kind ?? s.periodKind, s.dueDays);
  const rows = await db.insert(reportingPeriods).values(specs.map((p) => ({ ...p, regionCode })))
    .onConflictDoNothing({ target: [reportingPeriods.regionCode, reportingPeriods.kind, reportingPeriods.year, reportingPeriods.seq] }).returning();
  return { created: rows.length, specs };
}

export async function generatePeriodsAs(db: Db, ctx: Ctx, regionCode: string, body: unknown) {
  await assertRegency(db, regionCode);
  requireManage(ctx.actor, regionCode);
  const input = parseInput(generateInput, body);
  return db.transaction(async (tx) => {
    const { created } = await generatePeriods(tx, regionCode, input.year, input.kind);
    await audit(tx, { actor: ctx.actor, action: 'period.generate', entityType: 'region', entityId: regionCode, regionCode, ip: ctx.ip, details: { ...input, created } });
    return { created, periods: await listPeriods(tx, regionCode, { year: String(input.year) }) };
  });
}

async function loadPeriod(db: DbOrTx, id: string, field = 'id'): Promise<PeriodRow> {
  if (!isUuid(id)) throw notFound(PERIOD, field);
  const [p] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.id, id));
  if (!p) throw notFound(PERIOD, field);
  return p;
}

export async function updatePeriodAs(db: Db, ctx: Ctx, id: string, body: unknown) {
  const p = await loadPeriod(db, id);
  requireManage(ctx.actor, p.regionCode, 'id');
  const input = parseInput(periodPatch, body);
  const dueOn = input.dueOn ?? p.dueOn, opensOn = input.opensOn ?? p.opensOn;
  if (dueOn < p.endsOn) throw invalid('dueOn', { id: `tidak boleh sebelum akhir periode (${p.endsOn})`, en: `cannot be before the end of the period (${p.endsOn})` });
  if (opensOn > p.endsOn) throw invalid('opensOn', { id: `tidak boleh setelah akhir periode (${p.endsOn})`, en: `cannot be after the end of the period (${p.endsOn})` });
  return db.transaction(async (tx) => {
    const closedAt = input.closed === undefined ? p.closedAt : input.closed ? (p.closedAt ?? new Date()) : null;
    const rows = await tx.update(reportingPeriods).set({ dueOn, opensOn, closedAt, ...bumpVersion(reportingPeriods) })
      .where(and(eq(reportingPeriods.id, id), eq(reportingPeriods.version, input.version))).returning();
    if (!rows.length) throw staleVersion(p.version, input.version);
    await audit(tx, { actor: ctx.actor, action: 'period.update', entityType: 'period', entityId: id, regionCode: p.regionCode, ip: ctx.ip, details: input });
    return periodView(rows[0]!);
  });
}

// ── reports: loading and access ──────────────────────────────────────────────────────────

export async function loadReport(db: DbOrTx, id: string): Promise<ReportRow> {
  if (!isUuid(id)) throw notFound(REPORT, 'id');
  const [r] = await db.select().from(progressReports).where(eq(progressReports.id, id));
  if (!r) throw notFound(REPORT, 'id');
  return r;
}

async function loadProgram(db: DbOrTx, id: string, field = 'id'): Promise<ProgramRow> {
  if (!isUuid(id)) throw notFound(PROGRAM, field);
  const [p] = await db.select().from(programs).where(eq(programs.id, id));
  if (!p) throw notFound(PROGRAM, field);
  return p;
}

/** May this actor read the report? Approved reports are public; others need region insight. */
export const mayReadReport = (actor: Actor | null, r: Pick<ReportRow, 'status' | 'regionCode'>) =>
  r.status === 'approved' || can(actor, 'region.readUnpublished', { regionCode: r.regionCode });

/** 401 without login; 404 when the caller may not even see it; 403 when seen but not writable. */
function requireWrite(actor: Actor | null, program: ProgramRow, field = 'id'): Actor {
  if (!actor) throw new AppError(401, 'unauthenticated', { id: 'Silakan masuk terlebih dahulu', en: 'Please log in first' });
  if (!can(actor, 'region.readUnpublished', { regionCode: program.regionCode })) throw notFound(field === 'id' ? REPORT : PROGRAM, field);
  if (!can(actor, 'report.write', { regionCode: program.regionCode, opdId: program.leadOpdId })) throw forbidden(field);
  return actor;
}

const EDITABLE: ReportStatus[] = ['draft', 'returned'];
const readOnly = (status: ReportStatus) => new AppError(409, 'report_locked', status === 'approved'
  ? { id: 'Laporan sudah disetujui dan tidak dapat diubah', en: 'The report is approved and can no longer be changed' }
  : { id: 'Laporan sudah dikirim dan menunggu pemeriksaan; tidak dapat diubah', en: 'The report was submitted and waits for review; it cannot be changed' }, 'status');

/**
 * A report with its program and period, for a write by `actor`: 404/403 per the policy, 409
 * when the report is submitted or approved (read-only until returned). Used by the bulk grid.
 */
export async function loadReportForWrite(db: DbOrTx, actor: Actor | null, reportId: string) {
  const report = await loadReport(db, reportId);
  const program = await loadProgram(db, report.programId);
  const who = requireWrite(actor, program);
  if (!EDITABLE.includes(report.status)) throw readOnly(report.status);
  const period = await loadPeriod(db, report.periodId, 'periodId');
  return { report, program, period, actor: who };
}

/** The report of (program, period), created as a draft when there is none. Checks access and the window. */
export async function ensureDraft(db: DbOrTx, actor: Actor | null, programId: string, periodId: string, ip: string | null = null) {
  const program = await loadProgram(db, programId);
  requireWrite(actor, program);
  const period = await loadPeriod(db, periodId, 'periodId');
  if (period.regionCode !== program.regionCode) throw invalid('periodId', { id: 'periode milik wilayah lain', en: 'the period belongs to another region' });
  if (period.year < program.startYear || period.year > program.endYear) {
    throw invalid('periodId', { id: `periode ${period.label} di luar masa program ${program.startYear}–${program.endYear}`, en: `period ${period.label} is outside the program years ${program.startYear}–${program.endYear}` });
  }
  const [existing] = await db.select().from(progressReports).where(and(eq(progressReports.programId, programId), eq(progressReports.periodId, periodId)));
  if (existing) return { report: existing, created: false };
  const state = periodState(period, today());
  if (state !== 'open') throw windowClosed(period, state);
  const [report] = await db.insert(progressReports).values({ programId, periodId, regionCode: program.regionCode, opdId: program.leadOpdId })
    .onConflictDoNothing({ target: [progressReports.programId, progressReports.periodId] }).returning();
  if (!report) {
    // Someone created it concurrently: theirs wins.
    const [again] = await db.select().from(progressReports).where(and(eq(progressReports.programId, programId), eq(progressReports.periodId, periodId)));
    return { report: again!, created: false };
  }
  await recordEvent(db, report, 'create', null, actor?.userId ?? null, null);
  await audit(db, { actor, action: 'report.create', entityType: 'report', entityId: report.id, regionCode: program.regionCode, ip, details: { program: programId, period: period.label } });
  return { report, created: true };
}

const windowClosed = (p: PeriodRow, state: string) => new AppError(409, 'period_closed', state === 'upcoming'
  ? { id: `Periode ${p.label} belum dibuka (mulai ${p.opensOn})`, en: `Period ${p.label} is not open yet (opens ${p.opensOn})` }
  : { id: `Periode ${p.label} sudah ditutup`, en: `Period ${p.label} is closed` }, 'periodId');

// ── history ──────────────────────────────────────────────────────────────────────────────

/** The editable content of a report (fields, KPI values, file ids): what history stores and diffs. */
export async function reportSnapshot(db: DbOrTx, reportId: string): Promise<Record<string, unknown>> {
  const [[r], values, fl] = await inSequence([
    db.select().from(progressReports).where(eq(progressReports.id, reportId)),
    db.select().from(reportKpiValues).where(eq(reportKpiValues.reportId, reportId)).orderBy(asc(reportKpiValues.kpiId)),
    db.select().from(reportFiles).where(eq(reportFiles.reportId, reportId)).orderBy(asc(reportFiles.position)),
  ] as const);
  if (!r) return {};
  const kpiMap: Record<string, unknown> = {};
  for (const v of values) kpiMap[v.kpiId] = { value: v.value, breakdown: v.breakdown ?? null };
  return {
    status: r.status, physicalPct: r.physicalPct, budgetRealised: r.budgetRealised, narrative: r.narrative,
    obstacles: r.obstacles, followUp: r.followUp, kpis: kpiMap, files: fl.map((f) => f.fileId),
  };
}

export async function recordEvent(db: DbOrTx, report: Pick<ReportRow, 'id' | 'version' | 'status'>, action: (typeof reportEvents.$inferInsert)['action'],
  fromStatus: ReportStatus | null, actorId: string | null, comment: string | null) {
  await db.insert(reportEvents).values({ reportId: report.id, action, fromStatus, toStatus: report.status, version: report.version, actorId, comment, snapshot: await reportSnapshot(db, report.id) });
}

/** 409 naming the fields that changed since `base` (from the history's snapshot of that version). */
async function conflictSince(db: DbOrTx, report: ReportRow, base: number): Promise<AppError> {
  const [then] = await db.select({ snapshot: reportEvents.snapshot }).from(reportEvents)
    .where(and(eq(reportEvents.reportId, report.id), eq(reportEvents.version, base))).orderBy(sql`${reportEvents.at} desc`).limit(1);
  const fields = then ? diffSnapshots(then.snapshot, await reportSnapshot(db, report.id)).map((c) => c.field) : [];
  return staleVersion(report.version, base, fields);
}

/** Bumps the version if it is still `expected`, with `set`; else the 409 that names what changed. */
async function bump(tx: DbOrTx, report: ReportRow, expected: number, set: Partial<typeof progressReports.$inferInsert>): Promise<ReportRow> {
  const [row] = await tx.update(progressReports).set({ ...set, ...bumpVersion(progressReports) } as never)
    .where(and(eq(progressReports.id, report.id), eq(progressReports.version, expected))).returning();
  if (!row) throw await conflictSince(tx, report, expected);
  return row;
}

// ── reports: content ─────────────────────────────────────────────────────────────────────

/** Codes a KPI breakdown may use: the program's locations and the kecamatan they lie in. */
async function breakdownCodes(db: DbOrTx, programId: string): Promise<Set<string>> {
  const locs = await db.select({ code: programLocations.regionCode }).from(programLocations).where(eq(programLocations.programId, programId));
  const out = new Set<string>();
  for (const l of locs) {
    out.add(l.code);
    out.add(l.code.split('.').slice(0, 3).join('.'));
  }
  return out;
}

export interface KpiValueInput { kpiId: string; value: number | null; breakdown?: Record<string, number> | null | undefined }

/**
 * Saves realised KPI values into a report (replacing those named): each KPI must be one of the
 * program's, breakdown codes among its locations. No access or status check: callers use
 * loadReportForWrite first. Errors name `${field}.${i}.…`.
 */
export async function saveKpiValues(db: DbOrTx, programId: string, reportId: string, values: KpiValueInput[], field = 'kpis') {
  if (!values.length) return;
  const own = new Set((await db.select({ id: kpis.id }).from(kpis).where(eq(kpis.programId, programId))).map((k) => k.id));
  const codes = await breakdownCodes(db, programId);
  values.forEach((v, i) => {
    if (!own.has(v.kpiId)) throw invalid(`${field}.${i}.kpiId`, { id: 'bukan KPI program ini', en: 'not a KPI of this program' });
    if (values.findIndex((o) => o.kpiId === v.kpiId) !== i) throw invalid(`${field}.${i}.kpiId`, { id: 'KPI ganda', en: 'duplicate KPI' });
    for (const code of Object.keys(v.breakdown ?? {})) {
      if (!codes.has(code)) throw invalid(`${field}.${i}.breakdown.${code}`, { id: `${code} bukan lokasi program ini`, en: `${code} is not a location of this program` });
    }
  });
  await db.delete(reportKpiValues).where(and(eq(reportKpiValues.reportId, reportId), inArray(reportKpiValues.kpiId, values.map((v) => v.kpiId))));
  await db.insert(reportKpiValues).values(values.map((v) => ({ reportId, kpiId: v.kpiId, value: v.value, breakdown: v.breakdown && Object.keys(v.breakdown).length ? v.breakdown : null })));
}

export async function createReportAs(db: Db, ctx: Ctx, programId: string, body: unknown) {
  const program = await loadProgram(db, programId);
  requireWrite(ctx.actor, program);
  const input = parseInput(createReportInput, body);
  return db.transaction(async (tx) => {
    const { report, created } = await ensureDraft(tx, ctx.actor, programId, input.periodId, ctx.ip ?? null);
    return { id: report.id, status: report.status, version: report.version, created };
  });
}

export async function saveReportAs(db: Db, ctx: Ctx, id: string, body: unknown) {
  const { report, program, actor } = await loadReportForWrite(db, ctx.actor, id);
  const input = parseInput(reportPatch, body);
  return db.transaction(async (tx) => {
    const { version, kpis: values, files: fileIds, ...fields } = input;
    const row = await bump(tx, report, version, fields);
    if (values) await saveKpiValues(tx, program.id, id, values);
    if (fileIds) {
      const usable = await assertUsableFiles(tx, actor, program.regionCode, fileIds, 'files');
      await tx.delete(reportFiles).where(eq(reportFiles.reportId, id));
      if (usable.length) await tx.insert(reportFiles).values(usable.map((f, position) => ({ reportId: id, fileId: f.id, position })));
    }
    await recordEvent(tx, row, 'save', report.status, actor.userId, null);
    await audit(tx, { actor, action: 'report.save', entityType: 'report', entityId: id, regionCode: program.regionCode, ip: ctx.ip, details: { fields: Object.keys(input).filter((k) => k !== 'version') } });
    return { id, status: row.status, version: row.version };
  });
}

/** What a report needs before it can be submitted; the first gap is named. */
async function assertComplete(db: DbOrTx, r: ReportRow) {
  if (r.physicalPct === null) throw invalid('physicalPct', { id: 'isi progres fisik (%) sebelum mengirim', en: 'enter the physical progress (%) before submitting' });
  if (r.budgetRealised === null) throw invalid('budgetRealised', { id: 'isi realisasi anggaran (Rp) sebelum mengirim; isi 0 bila belum ada', en: 'enter the budget realised (Rp) before submitting; 0 if none yet' });
  if (!r.narrative.trim()) throw invalid('narrative', { id: 'tulis uraian capaian sebelum mengirim', en: 'write the narrative before submitting' });
  const [list, values] = await inSequence([
    db.select({ id: kpis.id, name: kpis.name }).from(kpis).where(eq(kpis.programId, r.programId)).orderBy(asc(kpis.position)),
    db.select().from(reportKpiValues).where(eq(reportKpiValues.reportId, r.id)),
  ] as const);
  const filled = new Set(values.filter((v) => v.value !== null).map((v) => v.kpiId));
  const missing = list.findIndex((k) => !filled.has(k.id));
  if (missing >= 0) {
    throw invalid(`kpis.${list[missing]!.id}`, { id: `isi nilai realisasi KPI "${list[missing]!.name}"`, en: `enter the realised value of KPI "${list[missing]!.name}"` });
  }
}

export async function submitReportAs(db: Db, ctx: Ctx, id: string, body: unknown) {
  const { report, program, period, actor } = await loadReportForWrite(db, ctx.actor, id);
  const input = parseInput(transitionInput, body);
  // A first submission needs the window open; a returned report may be fixed after it closed.
  const state = periodState(period, today());
  if (report.status === 'draft' && state !== 'open') throw windowClosed(period, state);
  return db.transaction(async (tx) => {
    if (report.version !== input.version) throw await conflictSince(tx, report, input.version);
    await assertComplete(tx, report);
    const row = await bump(tx, report, input.version, { status: 'submitted', submittedAt: new Date(), submittedBy: actor.userId });
    await recordEvent(tx, row, 'submit', report.status, actor.userId, input.comment?.trim() || null);
    await audit(tx, { actor, action: 'report.submit', entityType: 'report', entityId: id, regionCode: program.regionCode, ip: ctx.ip, details: { period: period.label } });
    return { id, status: row.status, version: row.version };
  });
}

async function loadForReview(db: DbOrTx, actor: Actor | null, id: string) {
  const report = await loadReport(db, id);
  if (!actor) throw new AppError(401, 'unauthenticated', { id: 'Silakan masuk terlebih dahulu', en: 'Please log in first' });
  if (!can(actor, 'region.readUnpublished', { regionCode: report.regionCode })) throw notFound(REPORT, 'id');
  if (!can(actor, 'report.review', { regionCode: report.regionCode })) throw forbidden('id');
  if (report.status !== 'submitted') {
    throw conflict('status', { id: `Hanya laporan yang dikirim yang dapat diperiksa (status sekarang: ${report.status})`, en: `Only submitted reports can be reviewed (status now: ${report.status})` });
  }
  return { report, actor };
}

export async function returnReportAs(db: Db, ctx: Ctx, id: string, body: unknown) {
  const { report, actor } = await loadForReview(db, ctx.actor, id);
  const input = parseInput(transitionInput, body);
  const comment = input.comment?.trim();
  if (!comment) throw invalid('comment', { id: 'tulis apa yang perlu diperbaiki', en: 'write what needs fixing' });
  return db.transaction(async (tx) => {
    const row = await bump(tx, report, input.version, { status: 'returned', reviewedAt: new Date(), reviewedBy: actor.userId, reviewComment: comment });
    await recordEvent(tx, row, 'return', 'submitted', actor.userId, comment);
    await audit(tx, { actor, action: 'report.return', entityType: 'report', entityId: id, regionCode: report.regionCode, ip: ctx.ip, details: { comment } });
    return { id, status: row.status, version: row.version };
  });
}

export async function approveReportAs(db: Db, ctx: Ctx, id: string, body: unknown) {
  const { report, actor } = await loadForReview(db, ctx.actor, id);
  const input = parseInput(transitionInput, body);
  const comment = input.comment?.trim() || null;
  return db.transaction(async (tx) => {
    const now = new Date();
    const row = await bump(tx, report, input.version, { status: 'approved', reviewedAt: now, reviewedBy: actor.userId, reviewComment: comment, approvedAt: now });
    // Approved figures are official and public: so is their evidence.
    const fl = await tx.select({ id: reportFiles.fileId }).from(reportFiles).where(eq(reportFiles.reportId, id));
    await publishFiles(tx, fl.map((f) => f.id));
    // The quick win of that year (if the program is one) shows the approved progress.
    const period = await loadPeriod(tx, report.periodId, 'periodId');
    await tx.update(quickWins).set({ progress: row.physicalPct, progressIllustrative: row.illustrative, ...bumpVersion(quickWins) })
      .where(and(eq(quickWins.programId, report.programId), eq(quickWins.year, period.year)));
    await recordEvent(tx, row, 'approve', 'submitted', actor.userId, comment);
    await audit(tx, { actor, action: 'report.approve', entityType: 'report', entityId: id, regionCode: report.regionCode, ip: ctx.ip, details: { period: period.label, physicalPct: row.physicalPct } });
    return { id, status: row.status, version: row.version };
  });
}

// ── helpers for reminders ────────────────────────────────────────────────────────────────

/** Periods of a region whose due date is on or before `until` (ISO date), newest first. */
export async function periodsDue(db: DbOrTx, regionCode: string, until: string) {
  return db.select().from(reportingPeriods).where(and(eq(reportingPeriods.regionCode, regionCode), lte(reportingPeriods.dueOn, until)))
    .orderBy(sql`${reportingPeriods.dueOn} desc`);
}

/** Published programs running in the period's year without a submitted or approved report for it. */
export async function reportsMissing(db: DbOrTx, regionCode: string, periodId: string) {
  const period = await loadPeriod(db, periodId, 'periodId');
  return db.select({ id: programs.id, code: programs.code, title: programs.title, leadOpdId: programs.leadOpdId }).from(programs)
    .where(and(
      eq(programs.regionCode, regionCode), eq(programs.published, true),
      lte(programs.startYear, period.year), sql`${programs.endYear} >= ${period.year}`,
      sql`not exists (select 1 from progress_reports r where r.program_id = "programs"."id" and r.period_id = ${periodId} and r.status in ('submitted','approved'))`,
    ))
    .orderBy(asc(programs.code));
}
