import fs from 'node:fs';
import { Command } from 'commander';
import { loadConfig } from '../core/config.ts';
import { openDatabase } from '../core/db.ts';
import { AppError } from '../core/errors.ts';
import { startServer } from '../server.ts';
import { ensureReferenceData, seedDemo } from '../modules/demo/seed.ts';
import { importGeoFile } from '../modules/wilayah/geo-import.ts';
import { loadOfficialRegions } from '../modules/wilayah/load.ts';
import { exportMasterplan } from '../modules/masterplan/export.ts';
import { progressBars } from './progress.ts';
import { DEMO_PASSWORD } from '../modules/demo/users.ts';
import { registerUserCommands } from './users.ts';
import { registerPlanCommands } from './plan.ts';
import { registerConnectivityCommands } from './connectivity.ts';
import { registerReminderCommands } from './reminders.ts';
import { registerEvaluationCommands } from './evaluation.ts';
import { registerFileCommands } from './files.ts';

/** The `pilar` command: thin wrappers over the module services. */
const program = new Command('pilar').description('Pilar — smart city masterplans of Indonesian regions');

async function withDatabase<T>(fn: (d: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

program.command('serve').description('serve the API and portal (loads reference data and the demo on an empty database)').action(async () => {
  const { stop, app } = await startServer();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'signal received');
      stop().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
    });
  }
});

program.command('migrate').description('apply database migrations').action(() =>
  withDatabase(async (d) => console.log(`migrations applied (${d.engine})`)));

const seed = program.command('seed').description('load demo content');
seed.command('demo').description('(re)load the four demo regencies').action(() =>
  withDatabase(async (d) => {
    const bars = progressBars();
    await ensureReferenceData(d, loadConfig().wilayahDir, bars.onProgress);
    const { programs, accounts } = await seedDemo(d, bars.onProgress);
    bars.stop();
    console.log(`demo loaded: 4 regencies, ${programs} programs (${d.engine})`);
    console.log(`demo accounts (DEMO ONLY), password for all: ${DEMO_PASSWORD}`);
    for (const a of accounts) console.log(`  ${a.email.padEnd(34)} ${a.role.padEnd(15)} ${a.regionCode ?? 'all regions'}`);
  }));

const imp = program.command('import').description('import reference data');
imp.command('regions').description('load all official regions from idn-area-data').action(() =>
  withDatabase(async (d) => {
    const bars = progressBars();
    const r = await loadOfficialRegions(d, bars.onProgress);
    bars.stop();
    console.log(`${r.count} regions loaded in ${(r.ms / 1000).toFixed(1)} s`);
  }));
imp.command('wilayah-geo').argument('<files...>', 'GeoJSON (boundaries, centroids) or CSV (code,lat,lng or code,total,area_km2)')
  .description('import coordinates, boundaries or population/area of regions')
  .action((files: string[]) =>
    withDatabase(async (d) => {
      await ensureReferenceData(d, '/nonexistent');
      const bars = progressBars();
      try {
        for (const f of files) {
          const r = await importGeoFile(d, f, bars.onProgress);
          bars.stop();
          console.log(`${f}: ${r.updated} regions updated (${r.kind})${r.skippedUnknown.length ? `, ${r.skippedUnknown.length} unknown codes skipped (${r.skippedUnknown.slice(0, 5).join(', ')}…)` : ''}`);
        }
      } finally {
        bars.stop();
      }
    }));

const exp = program.command('export').description('export data');
exp.command('masterplan').argument('<region>', 'regency/city code, e.g. 64.02').option('-o, --out <file>', 'write to a file instead of stdout')
  .description('export a region\'s masterplan with all programs as JSON')
  .action((region: string, opts: { out?: string }) =>
    withDatabase(async (d) => {
      const doc = JSON.stringify(await exportMasterplan(d.db, region), null, 2);
      if (opts.out) {
        fs.writeFileSync(opts.out, doc);
        console.log(`written ${opts.out}`);
      } else process.stdout.write(`${doc}\n`);
    }));

registerUserCommands(program, withDatabase);
registerPlanCommands(program);
registerConnectivityCommands(program, withDatabase);
registerReminderCommands(program, withDatabase);
registerEvaluationCommands(program, withDatabase);
registerFileCommands(program, withDatabase);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof AppError) {
    console.error(`pilar: ${e.bilingual.id}\n       ${e.bilingual.en}`);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
