/**
 * Illustrative monitoring for the demo regions: quarterly periods of last and this year, and
 * approved progress reports for the quarters that have ended, so dashboards and public pages
 * have something to show. Every report is flagged `illustrative` (badged in the UI). A few
 * programs miss their latest report (overdue badges) and a few have none at all.
 * Bulk inserts keep this well under a second.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../core/db.ts';
import { kpis, kpiTargets, masterplans, programBudgets, programs } from '../masterplan/schema.ts';
import { generatePeriods, today } from './service.ts';
import { progressReports, reportEvents, reportingPeriods, reportKpiValues } from './schema.ts';
import { expectedKpiValue, expectedProgress } from './status.ts';

/** A stable pseudo-random number in [0, 1) from a string (FNV-1a), so the demo is the same every time. */
export function unitHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

async function chunked<T>(rows: T[], size: number, fn: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

export interface DemoReportOptions {
  /** Years whose periods are generated (default: last year and this year). */
  years?: number[];
  /** Leave the latest due report out for some programs (overdue badges). Default true. */
  gaps?: boolean;
  asOf?: Date;
  /** Report every ended period, also outside the program's years (bench volume). */
  everyPeriod?: boolean;
}

/** Approved illustrative reports for every ended period of every program of a region; returns how many. */
export async function seedRegionReports(db: DbOrTx, regionCode: string, opts: DemoReportOptions = {}): Promise<number> {
  const asOf = opts.asOf ?? today();
  const day = asOf.toISOString().slice(0, 10);
  const year = asOf.getUTCFullYear();
  const years = opts.years ?? [year - 1, year];
  for (const y of years) await generatePeriods(db, regionCode, y);
  const periods = (await db.select().from(reportingPeriods).where(and(eq(reportingPeriods.regionCode, regionCode), inArray(reportingPeriods.year, years))))
    .filter((p) => p.endsOn < day).sort((a, b) => a.endsOn.localeCompare(b.endsOn));
  const progs = await db.select({ id: programs.id, code: programs.code, leadOpdId: programs.leadOpdId, startYear: programs.startYear, endYear: programs.endYear })
    .from(programs).innerJoin(masterplans, eq(masterplans.id, programs.masterplanId)).where(eq(programs.regionCode, regionCode));
  if (!progs.length || !periods.length) return 0;
  const ids = progs.map((p) => p.id);
  const [budgets, kpiRows, targets] = [
    await db.select().from(programBudgets).where(inArray(programBudgets.programId, ids)),
    await db.select().from(kpis).where(inArray(kpis.programId, ids)),
    await db.select({ t: kpiTargets }).from(kpiTargets).innerJoin(kpis, eq(kpis.id, kpiTargets.kpiId)).where(inArray(kpis.programId, ids)),
  ];
  const due = periods.filter((p) => p.dueOn < day);
  const latestDue = due.at(-1)?.id;
  type Row = typeof progressReports.$inferInsert;
  const reports: Row[] = [];
  const kpiValues: { key: string; kpiId: string; value: number }[] = [];
  progs.forEach((p, i) => {
    if (!opts.everyPeriod && i % 9 === 8) return; // a program without any report yet
    const pace = 0.55 + 0.5 * unitHash(p.code); // 0.55–1.05 of the expected pace
    for (const per of periods) {
      if (!opts.everyPeriod && (per.year < p.startYear || per.year > p.endYear)) continue;
      if ((opts.gaps ?? true) && per.id === latestDue && i % 4 === 3) continue; // overdue
      if (per.dueOn >= day) continue; // still due: left for the officer
      const planned = budgets.filter((b) => b.programId === p.id && b.year === per.year).reduce((s, b) => s + b.amount, 0);
      const yearShare = per.seq / (12 / (per.kind === 'monthly' ? 1 : per.kind === 'semester' ? 6 : 3));
      const approvedAt = new Date(Date.parse(`${per.dueOn}T09:00:00Z`) - 2 * 86_400_000);
      reports.push({
        programId: p.id, periodId: per.id, regionCode, opdId: p.leadOpdId, status: 'approved',
        physicalPct: Math.min(100, Math.round(expectedProgress(p, per.endsOn) * pace * 10) / 10),
        budgetRealised: Math.round(planned * yearShare * Math.min(1, pace) / 1000) * 1000,
        narrative: `Laporan ilustratif ${per.label}: kegiatan berjalan sesuai rencana kerja OPD.`,
        obstacles: pace < 0.75 ? 'Ilustratif: pengadaan terlambat dan koordinasi lintas OPD belum lancar.' : '',
        followUp: pace < 0.75 ? 'Ilustratif: rapat koordinasi dengan Bappeda dan percepatan pengadaan.' : '',
        submittedAt: approvedAt, reviewedAt: approvedAt, approvedAt, illustrative: true,
      });
      for (const k of kpiRows.filter((x) => x.programId === p.id)) {
        const kpi = { polarity: k.polarity, baselineValue: k.baselineValue, baselineYear: k.baselineYear, targets: targets.filter((t) => t.t.kpiId === k.id).map((t) => t.t) };
        const exp = expectedKpiValue(kpi, per.endsOn);
        if (!exp) continue;
        const from = k.baselineValue ?? (k.polarity === 'lower' ? exp.value * 1.5 : 0);
        const aim = k.polarity === 'range' ? (exp.value + (exp.valueMax ?? exp.value)) / 2 : exp.value;
        // Counts (whole targets in the hundreds and up, e.g. visitors) stay whole; rates keep two decimals.
        const scale = Number.isInteger(aim) && Number.isInteger(from) && Math.abs(aim) >= 100 ? 1 : 100;
        kpiValues.push({ key: `${p.id}/${per.id}`, kpiId: k.id, value: Math.round((from + (aim - from) * pace) * scale) / scale });
      }
    }
  });
  const idOf = new Map<string, string>();
  await chunked(reports, 400, async (part) => {
    const rows = await db.insert(progressReports).values(part).returning({ id: progressReports.id, programId: progressReports.programId, periodId: progressReports.periodId });
    for (const r of rows) idOf.set(`${r.programId}/${r.periodId}`, r.id);
  });
  await chunked(kpiValues, 1000, (part) => db.insert(reportKpiValues).values(part.map((v) => ({ reportId: idOf.get(v.key)!, kpiId: v.kpiId, value: v.value }))));
  await chunked(reports, 1000, (part) => db.insert(reportEvents).values(part.map((r) => ({
    reportId: idOf.get(`${r.programId}/${r.periodId}`)!, action: 'approve' as const, fromStatus: 'submitted' as const, toStatus: 'approved' as const,
    version: 1, comment: 'Data ilustratif (demo)', snapshot: { status: 'approved', physicalPct: r.physicalPct, budgetRealised: r.budgetRealised }, at: r.approvedAt as Date,
  }))));
  return reports.length;
}

/** Called at the end of seedDemo: illustrative reports for each demo region. */
export async function seedMonitoringDemo(database: Database, regionCodes: string[]): Promise<number> {
  return database.db.transaction(async (tx) => {
    let n = 0;
    for (const code of regionCodes) n += await seedRegionReports(tx, code);
    return n;
  });
}
