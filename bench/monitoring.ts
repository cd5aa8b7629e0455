/**
 * Monitoring benchmark (issue 5), on PGlite and PostgreSQL:
 *  1. the region dashboard query (regionDashboard: every program's status, roll-ups by pillar
 *     and OPD) with 5 years of quarterly approved reports for every program and KPI of the
 *     four demo regions;
 *  2. submitting and approving 10,000 reports through the service layer (the same calls the
 *     API makes: policy, version check, completeness, history, audit), per-report latency.
 * Called from bench/run.ts; `npx tsx bench/monitoring.ts [count]` runs it on its own.
 */
import path from 'node:path';
import { and, eq, inArray, lte } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/core/db.ts';
import type { Actor } from '../src/core/policy.ts';
import { users } from '../src/modules/accounts/schema.ts';
import { prepareDatabase } from '../src/modules/demo/seed.ts';
import { kpis, programs } from '../src/modules/masterplan/schema.ts';
import { seedRegionReports } from '../src/modules/monitoring/demo.ts';
import { regionDashboard } from '../src/modules/monitoring/queries.ts';
import { progressReports, reportingPeriods, reportKpiValues } from '../src/modules/monitoring/schema.ts';
import { approveReportAs, generatePeriods, submitReportAs } from '../src/modules/monitoring/service.ts';
import { startPostgres } from '../scripts/postgres.ts';

const wilayahDir = path.resolve(import.meta.dirname, '../../shared/data/wilayah');
const REGIONS = ['64.02', '64.01', '64.09', '64.07'];
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function coordinator(database: Database, regionCode: string): Promise<Actor> {
  const [u] = await database.db.select().from(users).where(and(eq(users.regionCode, regionCode), eq(users.role, 'coordinator'))).limit(1);
  return { userId: u!.id, name: u!.name, role: 'coordinator', regionCode, opdId: null, assessorRegions: [], via: 'session' };
}

/** Five years of quarterly approved reports for every program (also outside its years) and KPI. */
async function fiveYearsOfReports(database: Database, asOf: Date): Promise<number> {
  const y = asOf.getUTCFullYear();
  let n = 0;
  for (const code of REGIONS) {
    await database.db.delete(progressReports).where(eq(progressReports.regionCode, code));
    n += await database.db.transaction((tx) => seedRegionReports(tx, code, { years: [y - 4, y - 3, y - 2, y - 1, y], gaps: false, asOf, everyPeriod: true }));
  }
  return n;
}

async function dashboardLatency(database: Database, runs: number) {
  for (let i = 0; i < 8; i++) await regionDashboard(database.db, REGIONS[i % 4]!);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await regionDashboard(database.db, REGIONS[i % 4]!);
    times.push(performance.now() - t);
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

/**
 * Drafts ready to submit, inserted in bulk: monthly periods of 2016 up to this month (a bench
 * rhythm beside the quarterly one) × every program, complete with KPI values.
 */
async function draftsToReview(database: Database, count: number, asOf: Date) {
  const db = database.db;
  const day = asOf.toISOString().slice(0, 10);
  const drafts: { id: string; regionCode: string }[] = [];
  for (const code of REGIONS) {
    for (let y = 2016; y <= asOf.getUTCFullYear(); y++) await generatePeriods(db, code, y, 'monthly');
  }
  const progs = await db.select({ id: programs.id, regionCode: programs.regionCode, leadOpdId: programs.leadOpdId }).from(programs).where(inArray(programs.regionCode, REGIONS));
  const kpiRows = await db.select({ id: kpis.id, programId: kpis.programId }).from(kpis).where(inArray(kpis.programId, progs.map((p) => p.id)));
  const periods = await db.select().from(reportingPeriods).where(and(inArray(reportingPeriods.regionCode, REGIONS), eq(reportingPeriods.kind, 'monthly'), lte(reportingPeriods.opensOn, day)));
  const rows: (typeof progressReports.$inferInsert)[] = [];
  outer: for (const per of periods) {
    for (const p of progs) {
      if (p.regionCode !== per.regionCode) continue;
      rows.push({ programId: p.id, periodId: per.id, regionCode: p.regionCode, opdId: p.leadOpdId, physicalPct: 50, budgetRealised: 1_000_000, narrative: 'Bench', illustrative: true });
      if (rows.length >= count) break outer;
    }
  }
  for (let i = 0; i < rows.length; i += 500) {
    const part = await db.insert(progressReports).values(rows.slice(i, i + 500)).returning({ id: progressReports.id, programId: progressReports.programId, regionCode: progressReports.regionCode });
    const values = part.flatMap((r) => kpiRows.filter((k) => k.programId === r.programId).map((k) => ({ reportId: r.id, kpiId: k.id, value: 42 })));
    for (let j = 0; j < values.length; j += 1000) await db.insert(reportKpiValues).values(values.slice(j, j + 1000));
    drafts.push(...part);
  }
  return drafts;
}

async function submitAndApprove(database: Database, count: number, asOf: Date) {
  const drafts = await draftsToReview(database, count, asOf);
  const actors = new Map<string, Actor>();
  for (const code of REGIONS) actors.set(code, await coordinator(database, code));
  const submit: number[] = [], approve: number[] = [], total: number[] = [];
  const started = performance.now();
  for (const d of drafts) {
    const ctx = { actor: actors.get(d.regionCode)!, ip: '127.0.0.1' };
    const t0 = performance.now();
    const s = await submitReportAs(database.db, ctx, d.id, { version: 1 });
    const t1 = performance.now();
    await approveReportAs(database.db, ctx, d.id, { version: s.version });
    const t2 = performance.now();
    submit.push(t1 - t0);
    approve.push(t2 - t1);
    total.push(t2 - t0);
  }
  return { n: drafts.length, seconds: (performance.now() - started) / 1000, submit, approve, total };
}

export async function benchMonitoring(log: (line: string) => void, opts: { count?: number; dashboardRuns?: number; engines?: ('pglite' | 'postgres')[] } = {}) {
  const count = opts.count ?? 10_000;
  const asOf = new Date();
  const run = async (label: string, open: () => Promise<Database>) => {
    const database = await open();
    try {
      await prepareDatabase(database, wilayahDir);
      const reports = await fiveYearsOfReports(database, asOf);
      const d = await dashboardLatency(database, opts.dashboardRuns ?? 100);
      log(`${label}: monitoring region dashboard p50 ${ms(d.p50)}, p95 ${ms(d.p95)} (${opts.dashboardRuns ?? 100} queries over 4 regions; ${reports.toLocaleString('en')} approved quarterly reports, 5 years × every program and KPI)`);
      const r = await submitAndApprove(database, count, asOf);
      log(`${label}: submit + approve ${r.n.toLocaleString('en')} reports in ${r.seconds.toFixed(1)} s — per report p50 ${ms(quantile(r.total, 0.5))}, p95 ${ms(quantile(r.total, 0.95))} (submit p50 ${ms(quantile(r.submit, 0.5))}/p95 ${ms(quantile(r.submit, 0.95))}, approve p50 ${ms(quantile(r.approve, 0.5))}/p95 ${ms(quantile(r.approve, 0.95))})`);
    } finally {
      await database.close();
    }
  };
  const engines = opts.engines ?? ['pglite', 'postgres'];
  if (engines.includes('pglite')) await run('PGlite    ', () => openDatabase({ dataDir: 'memory://' }));
  if (engines.includes('postgres')) {
    const pg = await startPostgres();
    try {
      await run('PostgreSQL', () => openDatabase({ databaseUrl: pg.url }));
    } finally {
      pg.stop();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = process.argv[2] ? Number(process.argv[2]) : undefined;
  const engines = process.argv[3] ? [process.argv[3] as 'pglite' | 'postgres'] : undefined;
  await benchMonitoring((line) => console.log(line), { ...(count ? { count } : {}), ...(engines ? { engines } : {}) });
}
