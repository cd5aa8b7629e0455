import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../core/db.ts';
import { AppError } from '../../core/errors.ts';
import type { Progress } from './load.ts';
import { levelOfCode } from './names.ts';

/** One validated row of a geo file: what it sets on the region with this code. */
interface GeoRow {
  code: string;
  lat?: number;
  lng?: number;
  boundary?: unknown;
  population?: number;
  areaKm2?: number;
}

export interface ImportProblem { line: number; field: string; message: string }

/** A file that cannot be imported; lists every problem found (line and field), nothing written. */
export class ImportFileError extends AppError {
  constructor(readonly file: string, readonly problems: ImportProblem[]) {
    const list = problems.slice(0, 10).map((p) => `line ${p.line}, ${p.field}: ${p.message}`).join('; ');
    const listId = problems.slice(0, 10).map((p) => `baris ${p.line}, ${p.field}: ${p.message}`).join('; ');
    super(400, 'import_invalid', {
      id: `Berkas ${path.basename(file)} tidak dapat diimpor (${problems.length} masalah): ${listId}`,
      en: `File ${path.basename(file)} cannot be imported (${problems.length} problems): ${list}`,
    }, problems[0] ? `line ${problems[0].line}: ${problems[0].field}` : undefined);
  }
}

export interface GeoImportResult { file: string; kind: string; updated: number; skippedUnknown: string[] }

const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));
const isLat = (n: number | undefined) => n !== undefined && Number.isFinite(n) && n >= -90 && n <= 90;
const isLng = (n: number | undefined) => n !== undefined && Number.isFinite(n) && n >= -180 && n <= 180;

/** Reads a centroid CSV (code,name,lat,lng) or a population CSV (code,…,total,area_km2). */
function parseCsv(text: string, problems: ImportProblem[]): { kind: string; rows: GeoRow[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, relax_quotes: true });
  } catch (e) {
    problems.push({ line: (e as { lines?: number }).lines ?? 1, field: 'csv', message: (e as Error).message });
    return { kind: 'csv', rows: [] };
  }
  const header = Object.keys(records[0] ?? {});
  const kind = header.includes('lat') && header.includes('lng') ? 'centroids' : header.includes('total') ? 'population' : '';
  if (!header.includes('code') || !kind) {
    problems.push({ line: 1, field: 'header', message: 'expected columns code,lat,lng (centroids) or code,total,area_km2 (population)' });
    return { kind: 'csv', rows: [] };
  }
  const rows: GeoRow[] = [];
  records.forEach((r, i) => {
    const line = i + 2;
    const code = r.code ?? '';
    if (kind === 'population' && code === '0') return; // the national total row
    if (!levelOfCode(code)) return void problems.push({ line, field: 'code', message: `"${code}" is not a Kemendagri code` });
    if (kind === 'centroids') {
      const lat = num(r.lat), lng = num(r.lng);
      if (!isLat(lat)) return void problems.push({ line, field: 'lat', message: `"${r.lat}" is not a latitude` });
      if (!isLng(lng)) return void problems.push({ line, field: 'lng', message: `"${r.lng}" is not a longitude` });
      rows.push({ code, lat, lng });
    } else {
      const population = num(r.total), areaKm2 = num(r.area_km2);
      if (population === undefined || !Number.isInteger(population) || population < 0) return void problems.push({ line, field: 'total', message: `"${r.total}" is not a population count` });
      if (areaKm2 !== undefined && !(areaKm2 > 0)) return void problems.push({ line, field: 'area_km2', message: `"${r.area_km2}" is not an area` });
      rows.push({ code, population, ...(areaKm2 !== undefined ? { areaKm2 } : {}) });
    }
  });
  return { kind, rows };
}

/** Reads a GeoJSON FeatureCollection: id or properties.code, Polygon/MultiPolygon/Point, optional centroid. */
function parseGeoJson(text: string, problems: ImportProblem[]): { kind: string; rows: GeoRow[] } {
  let doc: { type?: string; features?: unknown[] };
  try {
    doc = JSON.parse(text);
  } catch (e) {
    problems.push({ line: 1, field: 'json', message: (e as Error).message });
    return { kind: 'geojson', rows: [] };
  }
  if (doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    problems.push({ line: 1, field: 'type', message: 'expected a GeoJSON FeatureCollection' });
    return { kind: 'geojson', rows: [] };
  }
  const rows: GeoRow[] = [];
  doc.features.forEach((f, i) => {
    // GeoJSON has no useful line numbers; "line" is the feature's position (1-based).
    const line = i + 1;
    const feature = f as { id?: unknown; properties?: Record<string, unknown>; geometry?: { type?: string; coordinates?: unknown } };
    const code = String(feature.properties?.code ?? feature.id ?? '');
    if (!levelOfCode(code)) return void problems.push({ line, field: 'properties.code', message: `"${code}" is not a Kemendagri code` });
    const g = feature.geometry;
    const row: GeoRow = { code };
    if (g?.type === 'Polygon' || g?.type === 'MultiPolygon') {
      if (!Array.isArray(g.coordinates)) return void problems.push({ line, field: 'geometry.coordinates', message: 'missing coordinates' });
      row.boundary = { type: g.type, coordinates: g.coordinates };
    } else if (g?.type === 'Point' && Array.isArray(g.coordinates)) {
      [row.lng, row.lat] = g.coordinates as number[];
    } else if (g != null) {
      return void problems.push({ line, field: 'geometry.type', message: `"${g?.type}" is not Polygon, MultiPolygon or Point` });
    }
    const c = feature.properties?.centroid;
    if (Array.isArray(c)) [row.lng, row.lat] = c as number[];
    if (row.lat !== undefined && (!isLat(row.lat) || !isLng(row.lng))) return void problems.push({ line, field: 'properties.centroid', message: 'not a [lng, lat] pair' });
    rows.push(row);
  });
  return { kind: 'geojson', rows };
}

const BATCH = 500;

/**
 * Imports coordinates, boundaries or population/area of regions from a GeoJSON or CSV file.
 * The whole file is validated first; the update then runs in one transaction, so a bad
 * file changes nothing. Codes that are not official regions are skipped and reported.
 */
export async function importGeoFile(database: Database, file: string, onProgress?: Progress): Promise<GeoImportResult> {
  if (!fs.existsSync(file)) {
    throw new AppError(400, 'file_missing', { id: `Berkas ${file} tidak ada`, en: `File ${file} does not exist` }, 'file');
  }
  const text = fs.readFileSync(file, 'utf8');
  const problems: ImportProblem[] = [];
  const isJson = /\.(geo)?json$/i.test(file);
  const { kind, rows } = isJson ? parseGeoJson(text, problems) : parseCsv(text, problems);
  if (problems.length) throw new ImportFileError(file, problems);

  const known = new Set(
    (await database.exec('SELECT code FROM regions WHERE code = ANY($1::text[])', [rows.map((r) => r.code)])).rows.map((r) => String(r.code)),
  );
  const skippedUnknown = rows.filter((r) => !known.has(r.code)).map((r) => r.code);
  const valid = rows.filter((r) => known.has(r.code));

  await database.rawTransaction(async (exec) => {
    for (let i = 0; i < valid.length; i += BATCH) {
      const b = valid.slice(i, i + BATCH);
      // COALESCE keeps what an earlier file set when this file has no value for a column.
      await exec(
        `UPDATE regions r SET
           lat = COALESCE(u.lat, r.lat), lng = COALESCE(u.lng, r.lng),
           boundary = COALESCE(u.boundary::jsonb, r.boundary),
           population = COALESCE(u.population, r.population), area_km2 = COALESCE(u.area_km2, r.area_km2)
         FROM unnest($1::text[], $2::float8[], $3::float8[], $4::text[], $5::bigint[], $6::float8[])
           AS u(code, lat, lng, boundary, population, area_km2)
         WHERE r.code = u.code`,
        [
          b.map((r) => r.code), b.map((r) => r.lat ?? null), b.map((r) => r.lng ?? null),
          b.map((r) => (r.boundary ? JSON.stringify(r.boundary) : null)),
          b.map((r) => r.population ?? null), b.map((r) => r.areaKm2 ?? null),
        ],
      );
      onProgress?.(Math.min(i + BATCH, valid.length), valid.length, path.basename(file));
    }
  });
  return { file, kind, updated: valid.length, skippedUnknown };
}

/** The files of ../shared/data/wilayah used for the demo, in the order they are applied. */
export const SHARED_WILAYAH_FILES = [
  'indonesia-kabupaten.geojson',
  'kaltim-kabupaten.geojson',
  'kaltim-kecamatan.geojson',
  'kaltim-desa.geojson',
  'indonesia-kecamatan-centroids.csv',
  'indonesia-desa-centroids.csv',
  'indonesia-population-area.csv',
];

/** Imports every shared wilayah file that exists in dir; returns nothing when dir is absent. */
export async function importSharedWilayah(database: Database, dir: string, onProgress?: Progress): Promise<GeoImportResult[]> {
  if (!fs.existsSync(dir)) return [];
  const results: GeoImportResult[] = [];
  for (const name of SHARED_WILAYAH_FILES) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) results.push(await importGeoFile(database, file, onProgress));
  }
  return results;
}
