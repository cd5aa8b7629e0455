import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../core/db.ts';
import { displayName } from './names.ts';
import type { RegionLevel } from './schema.ts';

export type Progress = (done: number, total: number, label: string) => void;

interface RegionRow { code: string; name: string; level: RegionLevel; parentCode: string | null }

/** Folder of the official Kemendagri code lists shipped by the npm package idn-area-data. */
function idnAreaDataDir(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('idn-area-data/package.json');
  return path.join(path.dirname(pkg), 'data');
}

function readCsv(file: string): Record<string, string>[] {
  // Names such as Soka"an contain a bare quote inside a field: relax_quotes keeps it.
  return parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true, trim: true, relax_quotes: true });
}

/** Reads every province, regency, district and village from idn-area-data. */
export function readOfficialRegions(): RegionRow[] {
  const dir = idnAreaDataDir();
  const rows: RegionRow[] = [];
  for (const r of readCsv(path.join(dir, 'provinces.csv'))) rows.push({ code: r.code!, name: displayName(r.name!), level: 'province', parentCode: null });
  for (const r of readCsv(path.join(dir, 'regencies.csv'))) rows.push({ code: r.code!, name: displayName(r.name!), level: 'regency', parentCode: r.province_code! });
  for (const r of readCsv(path.join(dir, 'districts.csv'))) rows.push({ code: r.code!, name: displayName(r.name!), level: 'district', parentCode: r.regency_code! });
  for (const r of readCsv(path.join(dir, 'villages.csv'))) rows.push({ code: r.code!, name: displayName(r.name!), level: 'village', parentCode: r.district_code! });
  return rows;
}

const BATCH = 10_000;

/**
 * Loads (or refreshes) all official regions in bulk: one INSERT … SELECT FROM unnest() per
 * batch of 10,000 rows inside one transaction, so a failure leaves the table as it was.
 */
export async function loadOfficialRegions(database: Database, onProgress?: Progress): Promise<{ count: number; ms: number }> {
  const started = performance.now();
  const rows = readOfficialRegions();
  await database.rawTransaction(async (exec) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      await exec(
        `INSERT INTO regions (code, name, level, parent_code)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code`,
        [batch.map((r) => r.code), batch.map((r) => r.name), batch.map((r) => r.level), batch.map((r) => r.parentCode)],
      );
      onProgress?.(Math.min(i + BATCH, rows.length), rows.length, 'regions');
    }
  });
  return { count: rows.length, ms: performance.now() - started };
}
