import fs from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { invalid } from '../core/errors.ts';
import { DEFAULT_CATALOGUE } from '../modules/connectivity/catalogue.ts';
import { readCatalogue, readNodes, readVillages } from '../modules/connectivity/io.ts';
import { runInWorker } from '../modules/connectivity/run-in-worker.ts';

interface PlanOptions {
  villages: string; nodes: string; catalogue?: string; budget?: string; coverAll?: boolean;
  radiusKm?: string; goal?: string; exact?: boolean; out: string;
}

/** `pilar plan connectivity`: the blank-spot planner on files, solved in a worker thread with a progress bar. */
export function registerPlanCommands(program: Command): void {
  const plan = program.command('plan').description('optimisation planners');
  plan.command('connectivity')
    .description('which villages to connect, with which technology: cover all targets at least cost, or most population within a budget')
    .requiredOption('--villages <file>', 'CSV code,name,lat,lng,population,signal[,weight] or GeoJSON')
    .requiredOption('--nodes <file>', 'CSV id,name,lat,lng,kind (fibre|tower) or GeoJSON')
    .option('--catalogue <file>', 'cost catalogue JSON (default: Pilar\'s, see docs/connectivity.md)')
    .option('--budget <rupiah>', 'maximise covered population within this budget')
    .option('--cover-all', 'cover every target at least cost')
    .option('--radius-km <km>', 'tower coverage radius (default: catalogue)')
    .option('--goal <signal>', 'a village is a target below this signal: 2g, 3g or 4g', '4g')
    .option('--exact', 'solve exactly with HiGHS instead of the fast method')
    .requiredOption('--out <file>', 'where to write plan.json')
    .action(async (o: PlanOptions) => {
      if (Boolean(o.budget) === Boolean(o.coverAll)) throw invalid('budget', { id: 'pilih salah satu: --budget RP atau --cover-all', en: 'choose one: --budget RP or --cover-all' });
      const budget = o.budget === undefined ? undefined : Number(o.budget.replace(/[._\s]/g, ''));
      if (budget !== undefined && !(Number.isFinite(budget) && budget >= 0)) throw invalid('budget', { id: `"${o.budget}" bukan jumlah rupiah`, en: `"${o.budget}" is not an amount in rupiah` });
      const radiusKm = o.radiusKm === undefined ? undefined : Number(o.radiusKm);
      if (radiusKm !== undefined && !(radiusKm > 0 && radiusKm <= 100)) throw invalid('radius-km', { id: 'radius harus 0–100 km', en: 'radius must be 0–100 km' });
      if (!['2g', '3g', '4g'].includes(o.goal ?? '4g')) throw invalid('goal', { id: 'tujuan sinyal 2g, 3g atau 4g', en: 'goal must be 2g, 3g or 4g' });
      const inputs = {
        villages: readVillages(o.villages), nodes: readNodes(o.nodes),
        catalogue: o.catalogue ? readCatalogue(o.catalogue) : DEFAULT_CATALOGUE,
        options: { goal: (o.goal ?? '4g') as '2g' | '3g' | '4g', ...(radiusKm ? { radiusKm } : {}) },
      };
      const bar = new cliProgress.SingleBar({ format: 'solving |{bar}| {percentage}% {message}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
      bar.start(100, 0, { message: '' });
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      try {
        const result = await runInWorker(inputs, { objective: o.coverAll ? 'cover-all' : 'budget', ...(budget !== undefined ? { budget } : {}) }, {
          method: o.exact ? 'exact' : 'fast', signal: controller.signal,
          onProgress: (fraction, message) => bar.update(Math.round(fraction * 100), { message }),
        });
        bar.update(100, { message: 'done' });
        bar.stop();
        fs.writeFileSync(o.out, `${JSON.stringify(result, null, 2)}\n`);
        const rp = (n: number) => `Rp ${Math.round(n).toLocaleString('id-ID')}`;
        console.log(`${result.objective}: ${result.towers.length} towers, ${result.vsat.length} VSAT, cost ${rp(result.totalCost)}, covers ${result.coveredVillages.length}/${result.targetCount} target villages (${result.coveredPopulation.toLocaleString('id-ID')} people); proven gap ${(result.gap * 100).toFixed(2)} %; ${result.elapsedMs.toFixed(0)} ms → ${o.out}`);
      } finally {
        bar.stop();
      }
    });
}
