/**
 * Evaluation cycle benchmark (issue 7), on PGlite: scores are computed from the answers on
 * every read, so these are the figures that matter —
 *  1. seeding the demo results (8 final cycles + 1 open) — it runs in every test template;
 *  2. one region's result (GET /api/regions/64.02/evaluations/2023: self and validated
 *     scores, gap, history, rank, candidates), p50/p95;
 *  3. the national ranking of a year with 191 evaluated regions (as many as in 2024), p50/p95.
 * Called from bench/run.ts; `npx tsx bench/evaluation-cycle.ts` runs it on its own.
 */
import path from 'node:path';
import { and, eq, ne } from 'drizzle-orm';
import { openDatabase } from '../src/core/db.ts';
import { prepareDatabase } from '../src/modules/demo/seed.ts';
import { seedDemoEvaluations } from '../src/modules/evaluation/cycle/demo.ts';
import { cycleView, nationalResults } from '../src/modules/evaluation/cycle/queries.ts';
import { evaluationCycles } from '../src/modules/evaluation/cycle/schema.ts';
import { regions } from '../src/modules/wilayah/schema.ts';

const wilayahDir = path.resolve(import.meta.dirname, '../../shared/data/wilayah');
const DEMO = ['64.02', '64.01', '64.09', '64.07'];
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

async function timed(n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return `p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`;
}

export async function benchEvaluationCycle(log: (line: string) => void) {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await prepareDatabase(database, wilayahDir);
    const db = database.db;
    const t = performance.now();
    const seeded = await seedDemoEvaluations(db, DEMO);
    log(`evaluation: seed demo results (${seeded.cycles} cycles): ${(performance.now() - t).toFixed(0)} ms`);
    log(`evaluation: one region's result (scores, gap, history, rank, candidates): ${await timed(50, () => cycleView(db, null, '64.02', 2023))}`);

    // 187 more regencies with Kukar's 2023 answers: a national year of 191 evaluated regions.
    const [kukar] = await db.select().from(evaluationCycles).where(and(eq(evaluationCycles.regionCode, '64.02'), eq(evaluationCycles.year, 2023)));
    const others = await db.select({ code: regions.code }).from(regions).where(and(eq(regions.level, 'regency'), ne(regions.code, '64.02'))).limit(400);
    const extra = others.map((r) => r.code).filter((c) => !DEMO.includes(c)).slice(0, 187);
    const { id: _id, ...row } = kukar!;
    await db.insert(evaluationCycles).values(extra.map((regionCode) => ({ ...row, regionCode })));
    log(`evaluation: national ranking of ${extra.length + DEMO.length} regions (scored on read): ${await timed(20, () => nationalResults(db, { year: '2023' }))}`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchEvaluationCycle((line) => console.log(line));
