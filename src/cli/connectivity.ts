import fs from 'node:fs';
import type { Command } from 'commander';
import type { Database } from '../core/db.ts';
import { invalid } from '../core/errors.ts';
import type { Actor } from '../core/policy.ts';
import { importRegion } from '../modules/connectivity/service.ts';

type WithDatabase = <T>(fn: (d: Database) => Promise<T>) => Promise<T>;

const CLI_ACTOR: Actor = { userId: null, name: 'cli', role: 'national_admin', regionCode: null, opdId: null, assessorRegions: [], via: 'session' };

/** An upload as the API takes it: CSV text, or a parsed GeoJSON object for .geojson/.json. */
function upload(file: string, source: string | undefined, illustrative: boolean | undefined) {
  if (!fs.existsSync(file)) throw invalid(file, { id: 'berkas tidak ada', en: 'file not found' });
  const text = fs.readFileSync(file, 'utf8');
  const geo = /\.(geo)?json$/i.test(file);
  let data: unknown = text;
  if (geo) {
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw invalid(file, { id: `JSON tidak valid: ${(e as Error).message}`, en: `invalid JSON: ${(e as Error).message}` });
    }
  }
  return { format: geo ? 'geojson' : 'csv', data, ...(source ? { source } : {}), ...(illustrative !== undefined ? { illustrative } : {}) };
}

/** `pilar import connectivity <region> --villages F --nodes F`: the same import as the API, all or nothing. */
export function registerConnectivityCommands(program: Command, withDatabase: WithDatabase): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import reference data');
  imp.command('connectivity').argument('<region>', 'regency/city code, e.g. 64.02')
    .description('replace a region\'s village signal statuses and/or infrastructure nodes (CSV or GeoJSON)')
    .option('--villages <file>', 'CSV code,name,lat,lng,population,signal[,school,health,office,illustrative] or GeoJSON')
    .option('--nodes <file>', 'CSV id,name,lat,lng,kind[,illustrative] (kind: fibre|tower) or GeoJSON')
    .option('--source <text>', 'where the figures come from')
    .option('--illustrative', 'mark every row as invented (demo) data')
    .action((region: string, o: { villages?: string; nodes?: string; source?: string; illustrative?: boolean }) =>
      withDatabase(async (d) => {
        if (!o.villages && !o.nodes) throw invalid('villages', { id: 'beri --villages dan/atau --nodes', en: 'give --villages and/or --nodes' });
        const body = {
          ...(o.villages ? { villages: upload(o.villages, o.source, o.illustrative) } : {}),
          ...(o.nodes ? { nodes: upload(o.nodes, o.source, o.illustrative) } : {}),
        };
        const r = await importRegion(d.db, { actor: CLI_ACTOR }, region, body, o.source ?? 'cli import');
        console.log(`${region}: ${r.villages ?? 0} villages, ${r.nodes ?? 0} nodes imported`);
      }));
}
