/**
 * `npm run bench`: prints the figures the issues ask for. Nothing here asserts; it measures.
 *   1. time to load all official regions (PGlite, PostgreSQL)
 *   2. p50/p95 of the program-list query of a region (PGlite, PostgreSQL)
 *   3. initial JavaScript of the region page (gzip) and Lighthouse mobile performance
 *   4. connectivity planner: time, objective and proven gap of the fast method and of HiGHS
 */
import path from 'node:path';
import { openDatabase, type Database } from '../src/core/db.ts';
import { loadOfficialRegions } from '../src/modules/wilayah/load.ts';
import { prepareDatabase } from '../src/modules/demo/seed.ts';
import { listPrograms } from '../src/modules/masterplan/queries.ts';
import { startPostgres } from '../scripts/postgres.ts';
import { initialJsOfPage, lighthouseMobile } from './web.ts';
import { benchConnectivity, benchWorkerRoundTrip } from './connectivity.ts';
import { benchEvaluationReport } from './evaluation-report.ts';
import { benchMonitoring } from './monitoring.ts';
import { benchEvaluationScoring } from './evaluation-scoring.ts';
import { benchEvaluationCycle } from './evaluation-cycle.ts';

const wilayahDir = path.resolve(import.meta.dirname, '../../shared/data/wilayah');
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

async function programListLatency(database: Database, n = 300) {
  const filters = [{}, { dimension: 'governance' }, { sort: 'budget', order: 'desc' }, { q: 'desa' }, { horizon: 'medium', limit: 10 }, { location: '64.02.01' }];
  for (let i = 0; i < 20; i++) await listPrograms(database.db, '64.02', filters[i % filters.length]); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await listPrograms(database.db, ['64.02', '64.01', '64.09', '64.07'][i % 4]!, filters[i % filters.length]);
    times.push(performance.now() - t);
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

async function benchEngine(label: string, open: () => Promise<Database>) {
  const database = await open();
  try {
    const load = await loadOfficialRegions(database);
    console.log(`${label}: load all regions (${load.count.toLocaleString('en')} rows): ${(load.ms / 1000).toFixed(2)} s`);
    await prepareDatabase(database, wilayahDir);
    const l = await programListLatency(database);
    console.log(`${label}: program list query p50 ${l.p50.toFixed(2)} ms, p95 ${l.p95.toFixed(2)} ms (300 queries, 6 filter shapes, 4 regions)`);
  } finally {
    await database.close();
  }
}

await benchEngine('PGlite    ', () => openDatabase({ dataDir: 'memory://' }));
const pg = await startPostgres();
try {
  await benchEngine('PostgreSQL', () => openDatabase({ databaseUrl: pg.url }));
} finally {
  pg.stop();
}

const js = initialJsOfPage();
console.log(`web: region page initial JavaScript ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped (${js.files.length} files; budget 150 KB)`);
const lh = await lighthouseMobile('/wilayah/64.02');
console.log(`web: Lighthouse mobile performance of the region page: ${lh.score} (FCP ${lh.fcp}, LCP ${lh.lcp}, TBT ${lh.tbt}, CLS ${lh.cls})`);

// 4. The blank-spot connectivity planner (issue 6): fast method vs exact HiGHS, East Kalimantan and all Indonesia.
// HiGHS: up to 120 s a run, on East Kalimantan and the national cover-all; the national budget runs (5–10 min each) are skipped.
await benchConnectivity((line) => console.log(line), { exactTimeLimitS: 120, exactBudgetMaxTargets: 5_000 });
await benchWorkerRoundTrip((line) => console.log(line));

// 5. Evaluation report (issue 7): time to render the PDF and DOCX of the Kukar 2023 fixture.
await benchEvaluationReport((line) => console.log(line));

// 6. Monitoring (issue 5): region dashboard with 5 years of quarterly reports; submit + approve 10,000 reports (PGlite, PostgreSQL).
await benchMonitoring((line) => console.log(line));

// 7. Evaluation scoring (issue 7): instrument parsing, scoring, self vs validated, national ranking.
await benchEvaluationScoring((line) => console.log(line));

// 8. Evaluation cycle (issue 7): demo seeding, one region's result, a national ranking of 191 regions (scores on read).
await benchEvaluationCycle((line) => console.log(line));
