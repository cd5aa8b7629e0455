import { and, desc, eq, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db.ts';
import { can, type Actor } from '../../../core/policy.ts';
import { forbidden } from '../../accounts/users.ts';
import { masterplans, programs, quickWins } from '../../masterplan/schema.ts';
import { progressReports, reportingPeriods } from '../../monitoring/schema.ts';
import { programStatus, type ProgramStatus } from '../../monitoring/status.ts';
import type { MonitoringFigures, ProgramStatusCounts } from '../scoring/suggest.ts';
import type { EvidenceLink } from './schema.ts';
import { readableCycle } from './service.ts';

/**
 * What a self-assessment can point at inside Pilar, and the monitoring figures behind the
 * suggestions (issue 7 item 4). Read-only over masterplan and monitoring (issue 5) tables.
 */

/** Latest approved report per program of the region, up to the end of the evaluation year. */
async function latestApprovedReports(db: DbOrTx, regionCode: string, year: number) {
  const rows = await db.select({
    id: progressReports.id, programId: progressReports.programId, physicalPct: progressReports.physicalPct, periodLabel: reportingPeriods.label,
    periodYear: reportingPeriods.year, endsOn: reportingPeriods.endsOn, illustrative: progressReports.illustrative,
  }).from(progressReports).innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
    .where(and(eq(progressReports.regionCode, regionCode), eq(progressReports.status, 'approved'), lte(reportingPeriods.year, year)))
    .orderBy(desc(reportingPeriods.endsOn));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.programId)) latest.set(r.programId, r);
  return { all: rows, latest };
}

async function regionPrograms(db: DbOrTx, regionCode: string) {
  return db.select({ id: programs.id, code: programs.code, title: programs.title, startYear: programs.startYear, endYear: programs.endYear, elementKey: programs.elementKey })
    .from(programs).where(and(eq(programs.regionCode, regionCode), eq(programs.published, true))).orderBy(programs.code);
}

async function quickWinsOfYear(db: DbOrTx, regionCode: string, year: number) {
  return db.select({ id: quickWins.id, programId: quickWins.programId, dimension: quickWins.dimensionKey, progress: quickWins.progress, title: programs.title, year: quickWins.year })
    .from(quickWins).innerJoin(masterplans, eq(masterplans.id, quickWins.masterplanId)).innerJoin(programs, eq(programs.id, quickWins.programId))
    .where(and(eq(masterplans.regionCode, regionCode), eq(quickWins.year, year)));
}

export type Figures = { figures: MonitoringFigures; programLinks: EvidenceLink[]; quickWinLinks: EvidenceLink[] };

/**
 * The region's monitoring figures for a year — of one dimension (pillar) when given, since
 * Outcome and Quick Win indicators are asked per dimension — and the Pilar records they come
 * from (linked as evidence).
 */
export async function monitoringFigures(db: DbOrTx, regionCode: string, year: number, dimension: string | null = null): Promise<Figures> {
  const asOf = `${year}-12-31`;
  const { latest } = await latestApprovedReports(db, regionCode, year);
  const inDimension = (key: string) => !dimension || key === dimension || key.startsWith(`${dimension}.`);
  const running = (await regionPrograms(db, regionCode)).filter((p) => p.startYear <= year && inDimension(p.elementKey));
  let counts: ProgramStatusCounts | null = null;
  const programLinks: EvidenceLink[] = [];
  if (latest.size) {
    counts = { done: 0, onTrack: 0, atRisk: 0, late: 0, notStarted: 0 };
    const key: Record<ProgramStatus, keyof ProgramStatusCounts> = { done: 'done', on_track: 'onTrack', at_risk: 'atRisk', late: 'late', not_started: 'notStarted' };
    for (const p of running) {
      const r = latest.get(p.id);
      counts[key[programStatus({ program: p, physicalPct: r?.physicalPct ?? null, kpiAttainment: null, asOf })]] += 1;
      if (r) programLinks.push({ kind: 'report', id: r.id });
    }
  }
  const qws = (await quickWinsOfYear(db, regionCode, year)).filter((q) => inDimension(q.dimension));
  const quickWinProgress: number[] = [];
  const quickWinLinks: EvidenceLink[] = [];
  for (const q of qws) {
    const r = latest.get(q.programId);
    const value = r?.physicalPct ?? null;
    if (value == null) continue;
    quickWinProgress.push(value);
    quickWinLinks.push({ kind: 'quickwin', id: q.id }, { kind: 'report', id: r!.id });
  }
  return { figures: { programs: counts, quickWinProgress: quickWinProgress.length ? quickWinProgress : null }, programLinks: programLinks.slice(0, 30), quickWinLinks: quickWinLinks.slice(0, 30) };
}

/** Programs, this year's quick wins and approved progress reports that an answer may link. */
export async function evidenceOptions(db: DbOrTx, actor: Actor | null, regionCode: string, year: number) {
  await readableCycle(db, actor, regionCode, year);
  if (!can(actor, 'region.readUnpublished', { regionCode })) throw forbidden('year');
  const { all } = await latestApprovedReports(db, regionCode, year);
  const progs = await regionPrograms(db, regionCode);
  const title = new Map(progs.map((p) => [p.id, `${p.code} ${p.title}`]));
  return {
    programs: progs.map((p) => ({ id: p.id, title: `${p.code} ${p.title}` })),
    quickWins: (await quickWinsOfYear(db, regionCode, year)).map((q) => ({ id: q.id, title: `Quick win ${q.year}: ${q.title}`, dimension: q.dimension, progress: q.progress })),
    reports: all.slice(0, 200).map((r) => ({ id: r.id, title: `${title.get(r.programId) ?? ''} — ${r.periodLabel}`, physicalPct: r.physicalPct })),
  };
}
