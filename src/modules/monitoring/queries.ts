/**
 * Monitoring reads. Public answers carry approved figures only; drafts, submitted and returned
 * reports are shown to who may read the region's unpublished data (policy: region.readUnpublished).
 */
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { inSequence, type DbOrTx } from '../../core/db.ts';
import { AppError, notFound, parseInput } from '../../core/errors.ts';
import { can, type Actor } from '../../core/policy.ts';
import { users } from '../accounts/schema.ts';
import { filesByIds } from '../files/service.ts';
import { elements } from '../framework/schema.ts';
import { currentMasterplan, getProgramView } from '../masterplan/queries.ts';
import { kpis, kpiTargets, opds, programBudgets, programLocations, programs, quickWins } from '../masterplan/schema.ts';
import { getSettings, loadReport, mayReadReport, today } from './service.ts';
import { progressReports, reportEvents, reportFiles, reportingPeriods, reportKpiValues, type ReportStatus } from './schema.ts';
import {
  asItem, expectedKpiValue, expectedProgress, kpiAttainment, meanAttainment, periodState, programStatus, rollUp, staleness, thresholdsOf,
  type KpiForStatus, type ProgramStatus, type RollUp, type RollUpItem, type Thresholds,
} from './status.ts';
import { listReportsQuery } from './validation.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const userName = (id: string | null, names: Map<string, string>) => (id ? { id, name: names.get(id) ?? '' } : null);

async function userNames(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((u) => [u.id, u.name]));
}

// ── one report ───────────────────────────────────────────────────────────────────────────

/** A report with its program (KPIs, targets, locations, planned budget of the year), values, evidence and history. */
export async function getReportView(db: DbOrTx, actor: Actor | null, id: string) {
  const r = await loadReport(db, id);
  if (!mayReadReport(actor, r)) throw notFound({ id: 'Laporan', en: 'Report' }, 'id');
  const insider = can(actor, 'region.readUnpublished', { regionCode: r.regionCode });
  const program = await getProgramView(db, r.programId, { unpublished: insider });
  const [[period], values, fl, events] = await inSequence([
    db.select().from(reportingPeriods).where(eq(reportingPeriods.id, r.periodId)),
    db.select().from(reportKpiValues).where(eq(reportKpiValues.reportId, id)),
    db.select().from(reportFiles).where(eq(reportFiles.reportId, id)).orderBy(asc(reportFiles.position)),
    db.select().from(reportEvents).where(eq(reportEvents.reportId, id)).orderBy(asc(reportEvents.at), asc(reportEvents.version)),
  ] as const);
  const names = await userNames(db, [r.submittedBy, r.reviewedBy, ...events.map((e) => e.actorId)]);
  const files = await filesByIds(db, fl.map((f) => f.fileId));
  const p = period!;
  const writable = ['draft', 'returned'].includes(r.status) && can(actor, 'report.write', { regionCode: r.regionCode, opdId: program.leadOpd.id });
  const reviewable = r.status === 'submitted' && can(actor, 'report.review', { regionCode: r.regionCode });
  const budgetPlanned = program.budgets.filter((b) => b.year === p.year).reduce((s, b) => s + b.amount, 0);
  return {
    id: r.id, status: r.status, version: r.version, physicalPct: r.physicalPct, budgetRealised: r.budgetRealised, budgetPlanned,
    narrative: r.narrative, obstacles: r.obstacles, followUp: r.followUp, illustrative: r.illustrative,
    // Who wrote and reviewed it is for the region's insiders; the public sees the institution (the OPD).
    submittedAt: r.submittedAt?.toISOString() ?? null, submittedBy: insider ? userName(r.submittedBy, names) : null,
    reviewedAt: r.reviewedAt?.toISOString() ?? null, reviewedBy: insider ? userName(r.reviewedBy, names) : null, reviewComment: insider ? r.reviewComment : null,
    approvedAt: r.approvedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString(),
    program: {
      id: program.id, code: program.code, title: program.title, regionCode: program.region.code, regionName: program.region.name,
      leadOpd: program.leadOpd, startYear: program.startYear, endYear: program.endYear, dimensionKey: program.dimensionKey,
      locations: program.locations.map((l) => ({ code: l.code, name: l.name, level: l.level })),
      kpis: program.kpis.map((k) => ({ ...k, expected: expectedKpiValue(k, p.endsOn) })),
    },
    period: { id: p.id, label: p.label, year: p.year, kind: p.kind, seq: p.seq, startsOn: p.startsOn, endsOn: p.endsOn, dueOn: p.dueOn, opensOn: p.opensOn, closedAt: p.closedAt?.toISOString() ?? null, state: periodState(p, today()) },
    kpis: values.map((v) => ({ kpiId: v.kpiId, value: v.value, breakdown: v.breakdown ?? null })),
    files,
    history: insider ? events.map((e) => ({
      action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, version: e.version, comment: e.comment,
      actor: userName(e.actorId, names), at: e.at.toISOString(),
    })) : [],
    can: { write: writable, review: reviewable },
  };
}
export type ReportView = Awaited<ReturnType<typeof getReportView>>;

// ── lists ────────────────────────────────────────────────────────────────────────────────

export async function listReports(db: DbOrTx, actor: Actor | null, regionCode: string, query: unknown) {
  const f = parseInput(listReportsQuery, query, 'query');
  const insider = can(actor, 'region.readUnpublished', { regionCode });
  if (!insider && f.status !== 'approved' && f.status !== undefined) throw new AppError(403, 'forbidden', { id: 'Anda tidak berhak melakukan ini', en: 'You are not allowed to do this' }, 'query.status');
  const where: SQL | undefined = and(
    eq(progressReports.regionCode, regionCode),
    insider ? (f.status ? eq(progressReports.status, f.status) : undefined) : eq(progressReports.status, 'approved'),
    f.period ? eq(progressReports.periodId, f.period) : undefined,
    f.opd ? eq(progressReports.opdId, f.opd) : undefined,
    f.program ? eq(progressReports.programId, f.program) : undefined,
  );
  const [[{ total } = { total: 0 }], rows] = await inSequence([
    db.select({ total: sql<number>`count(*)::int` }).from(progressReports).where(where),
    db.select({ r: progressReports, p: { id: programs.id, code: programs.code, title: programs.title }, o: { id: opds.id, abbreviation: opds.abbreviation, name: opds.name }, per: { id: reportingPeriods.id, label: reportingPeriods.label, dueOn: reportingPeriods.dueOn, endsOn: reportingPeriods.endsOn } })
      .from(progressReports)
      .innerJoin(programs, eq(programs.id, progressReports.programId))
      .innerJoin(opds, eq(opds.id, progressReports.opdId))
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
      .where(where).orderBy(desc(reportingPeriods.endsOn), asc(programs.code)).limit(f.limit).offset(f.offset),
  ] as const);
  return {
    total, limit: f.limit, offset: f.offset,
    items: rows.map(({ r, p, o, per }) => ({
      id: r.id, status: r.status, version: r.version, physicalPct: r.physicalPct, budgetRealised: r.budgetRealised,
      submittedAt: r.submittedAt?.toISOString() ?? null, approvedAt: r.approvedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString(),
      reviewComment: insider ? r.reviewComment : null, illustrative: r.illustrative, program: p, opd: o, period: per,
    })),
  };
}

export type UpdateState = 'returned' | 'overdue' | 'draft' | 'due' | 'submitted';

/**
 * "My updates": what the caller should report on. For an OPD officer, the programs their OPD
 * leads; for coordinators and Bappeda, every program of their region plus the reports waiting
 * for their review. Periods of this and last year that have opened, not yet approved.
 */
export async function myUpdates(db: DbOrTx, actor: Actor | null, regionCodeArg?: string) {
  if (!actor) throw new AppError(401, 'unauthenticated', { id: 'Silakan masuk terlebih dahulu', en: 'Please log in first' });
  const regionCode = regionCodeArg ?? actor.regionCode;
  if (!regionCode || !can(actor, 'region.readUnpublished', { regionCode })) throw new AppError(403, 'forbidden', { id: 'Anda tidak berhak melakukan ini', en: 'You are not allowed to do this' }, 'region');
  const now = today();
  const day = isoDay(now);
  const year = now.getUTCFullYear();
  const officer = actor.role === 'opd_officer';
  const reviewer = can(actor, 'report.review', { regionCode });
  const mayWrite = (opdId: string) => can(actor, 'report.write', { regionCode, opdId });
  const [progs, periods, reports] = await inSequence([
    db.select({ id: programs.id, code: programs.code, title: programs.title, leadOpdId: programs.leadOpdId, startYear: programs.startYear, endYear: programs.endYear })
      .from(programs).where(and(eq(programs.regionCode, regionCode), officer ? eq(programs.leadOpdId, actor.opdId ?? '00000000-0000-0000-0000-000000000000') : undefined))
      .orderBy(asc(programs.code)),
    db.select().from(reportingPeriods).where(and(eq(reportingPeriods.regionCode, regionCode), gte(reportingPeriods.year, year - 1), lte(reportingPeriods.opensOn, day)))
      .orderBy(desc(reportingPeriods.endsOn)),
    db.select().from(progressReports).where(and(eq(progressReports.regionCode, regionCode), sql`${progressReports.status} <> 'approved'`)),
  ] as const);
  const approved = new Set((await db.select({ p: progressReports.programId, q: progressReports.periodId }).from(progressReports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
    .where(and(eq(progressReports.regionCode, regionCode), eq(progressReports.status, 'approved'), gte(reportingPeriods.year, year - 1)))).map((x) => `${x.p}/${x.q}`));
  const open = new Map(reports.map((r) => [`${r.programId}/${r.periodId}`, r]));
  const items: { program: { id: string; code: string; title: string }; period: { id: string; label: string; dueOn: string; endsOn: string; state: string }; report: { id: string; status: ReportStatus; version: number; reviewComment: string | null } | null; state: UpdateState; canWrite: boolean }[] = [];
  for (const p of progs) {
    if (!mayWrite(p.leadOpdId)) continue;
    for (const per of periods) {
      if (per.year < p.startYear || per.year > p.endYear) continue;
      const key = `${p.id}/${per.id}`;
      if (approved.has(key)) continue;
      const r = open.get(key);
      const pstate = periodState(per, now);
      let state: UpdateState;
      if (r?.status === 'submitted') state = 'submitted';
      else if (r?.status === 'returned') state = 'returned';
      else if (per.dueOn < day) state = 'overdue';
      else if (r?.status === 'draft') state = 'draft';
      else state = 'due';
      // A closed window without a report is history, not a task.
      if (pstate === 'closed' && !r) continue;
      items.push({
        program: { id: p.id, code: p.code, title: p.title },
        period: { id: per.id, label: per.label, dueOn: per.dueOn, endsOn: per.endsOn, state: pstate },
        report: r ? { id: r.id, status: r.status, version: r.version, reviewComment: r.reviewComment } : null,
        state, canWrite: state !== 'submitted',
      });
    }
  }
  const order: Record<UpdateState, number> = { returned: 0, overdue: 1, draft: 2, due: 3, submitted: 4 };
  items.sort((a, b) => order[a.state] - order[b.state] || a.period.dueOn.localeCompare(b.period.dueOn) || a.program.code.localeCompare(b.program.code));
  const counts = { returned: 0, overdue: 0, draft: 0, due: 0, submitted: 0 } as Record<UpdateState, number>;
  for (const i of items) counts[i.state]++;
  const toReview = reviewer ? (await listReports(db, actor, regionCode, { status: 'submitted', limit: 200 })).items : [];
  return { today: day, regionCode, items, counts, toReview };
}

// ── status of programs and roll-ups ──────────────────────────────────────────────────────

export interface ProgramState {
  id: string; code: string; title: string; dimensionKey: string; elementKey: string; illustrative: boolean;
  opd: { id: string; abbreviation: string; name: string };
  startYear: number; endYear: number;
  status: ProgramStatus;
  /** Approved physical progress (0 without reports) and where it should be, 0–100. */
  progress: number; expected: number;
  kpiAttainment: number | null;
  /** The latest approved report. */
  last: { periodId: string; label: string; endsOn: string; approvedAt: string; year: number; budgetRealised: number | null; budgetPlanned: number; illustrative: boolean } | null;
  /** Financial progress of the latest report's year: realised ÷ planned, 0–100; null without budget or report. */
  financialPct: number | null;
  budgetTotal: number;
  daysSinceUpdate: number | null; overdue: boolean; overdueDays: number | null;
  /** Kecamatan codes where the program happens (for the map). */
  districts: string[];
}

async function loadRegionFacts(db: DbOrTx, regionCode: string, programIds: string[] | null, includeUnpublished: boolean) {
  const settings = await getSettings(db, regionCode);
  const th = thresholdsOf(settings.thresholds);
  const progWhere = and(eq(programs.regionCode, regionCode), includeUnpublished ? undefined : eq(programs.published, true), programIds ? inArray(programs.id, programIds) : undefined);
  const [progs, budgets, kpiRows, targets, latest, approvedPairs, periods, locs] = await inSequence([
    db.select({ p: programs, dimensionKey: elements.dimensionKey, o: { id: opds.id, abbreviation: opds.abbreviation, name: opds.name } }).from(programs)
      .innerJoin(elements, and(eq(elements.frameworkVersion, programs.frameworkVersion), eq(elements.key, programs.elementKey)))
      .innerJoin(opds, eq(opds.id, programs.leadOpdId)).where(progWhere).orderBy(asc(programs.code)),
    db.select({ programId: programBudgets.programId, year: programBudgets.year, amount: sql<number>`sum(${programBudgets.amount})::float8` }).from(programBudgets)
      .innerJoin(programs, eq(programs.id, programBudgets.programId)).where(progWhere).groupBy(programBudgets.programId, programBudgets.year),
    db.select({ id: kpis.id, programId: kpis.programId, polarity: kpis.polarity, baselineValue: kpis.baselineValue, baselineYear: kpis.baselineYear })
      .from(kpis).innerJoin(programs, eq(programs.id, kpis.programId)).where(progWhere),
    db.select({ kpiId: kpiTargets.kpiId, year: kpiTargets.year, value: kpiTargets.value, valueMax: kpiTargets.valueMax }).from(kpiTargets)
      .innerJoin(kpis, eq(kpis.id, kpiTargets.kpiId)).innerJoin(programs, eq(programs.id, kpis.programId)).where(progWhere),
    db.selectDistinctOn([progressReports.programId], {
      id: progressReports.id, programId: progressReports.programId, physicalPct: progressReports.physicalPct, budgetRealised: progressReports.budgetRealised,
      approvedAt: progressReports.approvedAt, illustrative: progressReports.illustrative,
      periodId: reportingPeriods.id, label: reportingPeriods.label, endsOn: reportingPeriods.endsOn, year: reportingPeriods.year,
    }).from(progressReports).innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
      .where(and(eq(progressReports.regionCode, regionCode), eq(progressReports.status, 'approved'), programIds ? inArray(progressReports.programId, programIds) : undefined))
      .orderBy(progressReports.programId, desc(reportingPeriods.endsOn)),
    db.select({ programId: progressReports.programId, periodId: progressReports.periodId }).from(progressReports)
      .where(and(eq(progressReports.regionCode, regionCode), eq(progressReports.status, 'approved'), programIds ? inArray(progressReports.programId, programIds) : undefined)),
    db.select({ id: reportingPeriods.id, year: reportingPeriods.year, dueOn: reportingPeriods.dueOn, kind: reportingPeriods.kind }).from(reportingPeriods)
      .where(and(eq(reportingPeriods.regionCode, regionCode), eq(reportingPeriods.kind, settings.periodKind))),
    db.select({ programId: programLocations.programId, code: programLocations.regionCode }).from(programLocations)
      .innerJoin(programs, eq(programs.id, programLocations.programId)).where(progWhere),
  ] as const);
  const values = latest.length
    ? await db.select().from(reportKpiValues).where(inArray(reportKpiValues.reportId, latest.map((l) => l.id)))
    : [];
  return { settings, th, progs, budgets, kpiRows, targets, latest, approvedPairs, periods, locs, values };
}

/** The status, progress and staleness of every (published) program of a region, today. */
export async function programStates(db: DbOrTx, regionCode: string, opts: { programIds?: string[]; includeUnpublished?: boolean; asOf?: Date } = {}) {
  const asOf = opts.asOf ?? today();
  const f = await loadRegionFacts(db, regionCode, opts.programIds ?? null, opts.includeUnpublished ?? false);
  const group = <T, K>(rows: T[], key: (r: T) => K) => {
    const m = new Map<K, T[]>();
    for (const r of rows) {
      const k = key(r);
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    return m;
  };
  const budgetsBy = group(f.budgets, (b) => b.programId);
  const kpisBy = group(f.kpiRows, (k) => k.programId);
  const targetsBy = group(f.targets, (t) => t.kpiId);
  const latestBy = new Map(f.latest.map((l) => [l.programId, l]));
  const valueOf = new Map(f.values.map((v) => [`${v.reportId}/${v.kpiId}`, v.value]));
  const approved = new Set(f.approvedPairs.map((a) => `${a.programId}/${a.periodId}`));
  const locsBy = group(f.locs, (l) => l.programId);
  const states: ProgramState[] = f.progs.map(({ p, dimensionKey, o }) => {
    const last = latestBy.get(p.id) ?? null;
    const when = last ? last.endsOn : asOf;
    const attain = meanAttainment((kpisBy.get(p.id) ?? []).map((k) => {
      const kpi: KpiForStatus = { polarity: k.polarity, baselineValue: k.baselineValue, baselineYear: k.baselineYear, targets: targetsBy.get(k.id) ?? [] };
      return last ? kpiAttainment(kpi, valueOf.get(`${last.id}/${k.id}`) ?? null, when) : null;
    }));
    const progress = last?.physicalPct ?? 0;
    const status = programStatus({ program: p, physicalPct: last?.physicalPct ?? null, kpiAttainment: attain, asOf: when, thresholds: f.th });
    const pb = budgetsBy.get(p.id) ?? [];
    const budgetPlanned = last ? pb.filter((b) => b.year === last.year).reduce((s, b) => s + b.amount, 0) : 0;
    const duePeriods = f.periods.filter((q) => q.year >= p.startYear && q.year <= p.endYear).map((q) => ({ dueOn: q.dueOn, approved: approved.has(`${p.id}/${q.id}`) }));
    const st = staleness(last?.approvedAt ?? null, duePeriods, asOf, f.th);
    return {
      id: p.id, code: p.code, title: p.title, dimensionKey, elementKey: p.elementKey, illustrative: p.illustrative, opd: o,
      startYear: p.startYear, endYear: p.endYear, status, progress, expected: expectedProgress(p, when), kpiAttainment: attain,
      last: last ? { periodId: last.periodId, label: last.label, endsOn: last.endsOn, approvedAt: last.approvedAt!.toISOString(), year: last.year, budgetRealised: last.budgetRealised, budgetPlanned, illustrative: last.illustrative } : null,
      financialPct: last && budgetPlanned > 0 && last.budgetRealised !== null ? (last.budgetRealised / budgetPlanned) * 100 : null,
      budgetTotal: pb.reduce((s, b) => s + b.amount, 0),
      ...st,
      districts: [...new Set((locsBy.get(p.id) ?? []).map((l) => l.code.split('.').slice(0, 3).join('.')))],
    };
  });
  return { asOf: isoDay(asOf), thresholds: f.th, settings: f.settings, programs: states };
}

const itemOf = (s: ProgramState): RollUpItem => ({ status: s.status, progress: s.progress, expected: s.expected, budget: s.budgetTotal });

function rollUpBy<K>(items: ProgramState[], key: (s: ProgramState) => K, th: Thresholds): Map<K, { rollup: RollUp; budget: number; programs: ProgramState[] }> {
  const m = new Map<K, ProgramState[]>();
  for (const s of items) {
    const list = m.get(key(s));
    if (list) list.push(s);
    else m.set(key(s), [s]);
  }
  return new Map([...m].map(([k, list]) => [k, { rollup: rollUp(list.map(itemOf), th), budget: list.reduce((x, s) => x + s.budgetTotal, 0), programs: list }]));
}

/**
 * The region dashboard (public: approved figures only): the region's roll-up, by pillar
 * (dimension → element), by OPD, this year's quick wins and every program's state.
 */
export async function regionDashboard(db: DbOrTx, regionCode: string, opts: { asOf?: Date } = {}) {
  const m = await currentMasterplan(db, regionCode);
  if (!m) throw notFound({ id: `Masterplan wilayah ${regionCode}`, en: `Masterplan of region ${regionCode}` }, 'code');
  const st = await programStates(db, regionCode, opts);
  const th = st.thresholds;
  const year = Number(st.asOf.slice(0, 4));
  const byElement = rollUpBy(st.programs, (s) => `${s.dimensionKey}/${s.elementKey}`, th);
  const dims = new Map<string, { key: string; items: RollUpItem[]; budget: number; elements: { key: string; rollup: RollUp }[] }>();
  for (const [k, e] of byElement) {
    const [dim, el] = k.split('/') as [string, string];
    const d = dims.get(dim) ?? { key: dim, items: [], budget: 0, elements: [] };
    const it = asItem(e.rollup, e.budget);
    if (it) d.items.push(it);
    d.budget += e.budget;
    d.elements.push({ key: el, rollup: e.rollup });
    dims.set(dim, d);
  }
  const dimensions = [...dims.values()].map((d) => ({ key: d.key, budget: d.budget, rollup: rollUp(d.items, th), elements: d.elements.sort((a, b) => a.key.localeCompare(b.key)) }));
  const region = rollUp(dimensions.map((d) => asItem(d.rollup, d.budget)).filter((x): x is RollUpItem => x !== null), th);
  const byOpd = [...rollUpBy(st.programs, (s) => s.opd.id, th).values()].map((g) => ({
    opd: g.programs[0]!.opd, rollup: g.rollup, overdue: g.programs.filter((p) => p.overdue).length,
  })).sort((a, b) => a.opd.abbreviation.localeCompare(b.opd.abbreviation));
  const qw = await db.select({ programId: quickWins.programId, dimensionKey: quickWins.dimensionKey, year: quickWins.year }).from(quickWins)
    .where(and(eq(quickWins.masterplanId, m.id), eq(quickWins.year, year)));
  const byId = new Map(st.programs.map((p) => [p.id, p]));
  return {
    asOf: st.asOf, regionCode, thresholds: th, periodKind: st.settings.periodKind,
    region: { ...region, counts: Object.fromEntries(Object.keys(region.counts).map((k) => [k, st.programs.filter((p) => p.status === k).length])) },
    overdue: st.programs.filter((p) => p.overdue).length,
    withReports: st.programs.filter((p) => p.last).length,
    dimensions, opds: byOpd,
    quickWins: qw.flatMap((q) => (byId.has(q.programId) ? [{ dimensionKey: q.dimensionKey, year: q.year, program: byId.get(q.programId)! }] : [])),
    programs: st.programs,
  };
}
export type RegionDashboard = Awaited<ReturnType<typeof regionDashboard>>;

/**
 * A program's approved monitoring for the public page: its state, the series of approved
 * reports (physical and financial progress), KPI actual vs expected target per period, and
 * the evidence and narrative of the latest approved report.
 */
export async function programMonitoring(db: DbOrTx, actor: Actor | null, id: string) {
  const [p] = await db.select({ regionCode: programs.regionCode, published: programs.published }).from(programs).where(sql`${programs.id}::text = ${id}`);
  const insider = p ? can(actor, 'region.readUnpublished', { regionCode: p.regionCode }) : false;
  if (!p || (!p.published && !insider)) throw notFound({ id: 'Program', en: 'Program' }, 'id');
  const st = await programStates(db, p.regionCode, { programIds: [id], includeUnpublished: insider });
  const state = st.programs[0]!;
  const [series, kpiRows, targets, budgets] = await inSequence([
    db.select({ r: progressReports, per: { id: reportingPeriods.id, label: reportingPeriods.label, endsOn: reportingPeriods.endsOn, year: reportingPeriods.year } })
      .from(progressReports).innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
      .where(and(eq(progressReports.programId, id), eq(progressReports.status, 'approved'))).orderBy(asc(reportingPeriods.endsOn)),
    db.select().from(kpis).where(eq(kpis.programId, id)).orderBy(asc(kpis.position), asc(kpis.name)),
    db.select().from(kpiTargets).innerJoin(kpis, eq(kpis.id, kpiTargets.kpiId)).where(eq(kpis.programId, id)),
    db.select({ year: programBudgets.year, amount: sql<number>`sum(${programBudgets.amount})::float8` }).from(programBudgets).where(eq(programBudgets.programId, id)).groupBy(programBudgets.year),
  ] as const);
  const values = series.length ? await db.select().from(reportKpiValues).where(inArray(reportKpiValues.reportId, series.map((s) => s.r.id))) : [];
  const valueOf = new Map(values.map((v) => [`${v.reportId}/${v.kpiId}`, v.value]));
  const planned = new Map(budgets.map((b) => [b.year, b.amount]));
  const latest = series.at(-1);
  const evidence = latest ? (await filesByIds(db, (await db.select().from(reportFiles).where(eq(reportFiles.reportId, latest.r.id)).orderBy(asc(reportFiles.position))).map((f) => f.fileId))).filter((f) => f.public) : [];
  return {
    ...state,
    series: series.map(({ r, per }) => ({
      periodId: per.id, label: per.label, endsOn: per.endsOn, physicalPct: r.physicalPct, budgetRealised: r.budgetRealised,
      budgetPlanned: planned.get(per.year) ?? 0, approvedAt: r.approvedAt?.toISOString() ?? null, illustrative: r.illustrative,
    })),
    kpis: kpiRows.map((k) => {
      const kpi: KpiForStatus = { polarity: k.polarity, baselineValue: k.baselineValue, baselineYear: k.baselineYear, targets: targets.filter((t) => t.kpi_targets.kpiId === k.id).map((t) => t.kpi_targets) };
      return {
        id: k.id, name: k.name, unit: k.unit, polarity: k.polarity,
        points: series.map(({ r, per }) => ({ label: per.label, endsOn: per.endsOn, actual: valueOf.get(`${r.id}/${k.id}`) ?? null, target: expectedKpiValue(kpi, per.endsOn)?.value ?? null })),
      };
    }),
    latestReport: latest ? { label: latest.per.label, narrative: latest.r.narrative, obstacles: latest.r.obstacles, followUp: latest.r.followUp, illustrative: latest.r.illustrative, evidence } : null,
  };
}
export type ProgramMonitoring = Awaited<ReturnType<typeof programMonitoring>>;
