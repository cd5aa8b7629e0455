import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { invalid, parseInput } from '../../core/errors.ts';
import { parseCatalogue, type Catalogue } from './catalogue.ts';
import { NODE_KINDS, SIGNALS, type InfraNode, type Village } from './model.ts';

/**
 * Reading the planner's inputs: villages and nodes as CSV or GeoJSON, the catalogue as JSON.
 * Every row is validated; an error names the source, the line (CSV) or feature (GeoJSON) and
 * the field, e.g. `villages.csv:12.lat`, in Indonesian and English.
 *
 *   villages.csv: code,name,lat,lng,population,signal[,weight]   (signal: none, 2g, 3g, 4g)
 *   nodes.csv:    id,name,lat,lng,kind                           (kind: fibre, tower)
 *   GeoJSON:      a FeatureCollection; the location is a Point geometry or properties.centroid
 *                 [lng, lat]; the other fields are properties (village code may be the feature id).
 */

// Custom messages are "Indonesian | English" (see core/errors.ts).
const numberText = () => z.union([z.number(), z.string().trim()], { error: 'Wajib diisi, berupa angka | Required, a number' })
  .refine((x) => x !== '', 'Wajib diisi | Required')
  .transform((x) => (typeof x === 'number' ? x : Number(x)))
  .refine((x) => Number.isFinite(x), 'Harus angka, dengan titik sebagai pemisah desimal | Must be a number, with a dot as decimal separator');
const lat = numberText().refine((x) => x >= -90 && x <= 90, 'Lintang harus antara -90 dan 90 | Latitude must be between -90 and 90');
const lng = numberText().refine((x) => x >= -180 && x <= 180, 'Bujur harus antara -180 dan 180 | Longitude must be between -180 and 180');
const id = z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1, 'Wajib diisi | Required').max(100, 'Paling banyak 100 karakter | At most 100 characters'));
const name = z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().max(200, 'Paling banyak 200 karakter | At most 200 characters')).optional().default('');
const signal = z.string({ error: 'Wajib diisi: none, 2g, 3g atau 4g | Required: none, 2g, 3g or 4g' }).trim().toLowerCase()
  .pipe(z.enum(SIGNALS, 'Harus none, 2g, 3g atau 4g | Must be none, 2g, 3g or 4g'));
const kind = z.string({ error: 'Wajib diisi: fibre atau tower | Required: fibre or tower' }).trim().toLowerCase()
  .pipe(z.enum(NODE_KINDS, 'Harus fibre atau tower | Must be fibre or tower'));

const villageRow = z.object({
  code: id,
  name,
  lat,
  lng,
  population: numberText()
    .refine((x) => Number.isInteger(x) && x >= 0, 'Harus bilangan bulat tidak negatif | Must be a whole number, not negative')
    .refine((x) => x <= 1e8, 'Paling banyak 100 juta | At most 100 million'),
  signal,
  weight: z.union([z.number(), z.string().trim()]).optional()
    .transform((x) => (x === undefined || x === '' ? 1 : typeof x === 'number' ? x : Number(x)))
    .refine((x) => Number.isFinite(x) && x >= 0 && x <= 100, 'Bobot harus angka 0–100 | Weight must be a number from 0 to 100'),
});

const nodeRow = z.object({ id, name, lat, lng, kind });

type Row = Record<string, unknown>;

function readCsvRows(text: string, source: string, required: readonly string[]): { line: number; row: Row }[] {
  let records: { record: Row; info: { lines: number } }[];
  let header: string[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), skip_empty_lines: true, trim: true, relax_quotes: true, relax_column_count: true, info: true });
    // A header without rows: read the header line alone (inside the try: it may be unreadable too).
    header = records[0] ? Object.keys(records[0].record) : parse(text.replace(/^\uFEFF/, ''), { to_line: 1 })[0]?.map((h: string) => h.trim().toLowerCase()) ?? [];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw invalid(`${source}${line ? `:${line}` : ''}`, { id: `CSV tidak dapat dibaca: ${(e as Error).message}`, en: `CSV cannot be read: ${(e as Error).message}` });
  }
  for (const col of required) {
    if (!header.includes(col)) throw invalid(`${source}:1.${col}`, { id: `kolom wajib "${col}" tidak ada (wajib: ${required.join(',')})`, en: `required column "${col}" is missing (required: ${required.join(',')})` });
  }
  return records.map((r) => ({ line: r.info.lines, row: r.record }));
}

function uniqueBy<T>(items: { item: T; where: string }[], key: (t: T) => string, field: string) {
  const seen = new Map<string, string>();
  for (const { item, where } of items) {
    const k = key(item);
    const first = seen.get(k);
    if (first) throw invalid(`${where}.${field}`, { id: `${k} sudah ada di ${first}`, en: `${k} already appears at ${first}` });
    seen.set(k, where);
  }
}

export function parseVillagesCsv(text: string, source = 'villages.csv'): Village[] {
  const rows = readCsvRows(text, source, ['code', 'lat', 'lng', 'population', 'signal']);
  const items = rows.map(({ line, row }) => ({ item: parseInput(villageRow, row, `${source}:${line}`) as Village, where: `${source}:${line}` }));
  uniqueBy(items, (v) => v.code, 'code');
  return items.map((x) => x.item);
}

export function parseNodesCsv(text: string, source = 'nodes.csv'): InfraNode[] {
  const rows = readCsvRows(text, source, ['id', 'lat', 'lng', 'kind']);
  const items = rows.map(({ line, row }) => ({ item: parseInput(nodeRow, row, `${source}:${line}`) as InfraNode, where: `${source}:${line}` }));
  uniqueBy(items, (n) => n.id, 'id');
  return items.map((x) => x.item);
}

interface Feature { id?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null; properties?: Record<string, unknown> | null }

function featureRows(json: unknown, source: string): { where: string; row: Row }[] {
  const fc = json as { type?: unknown; features?: unknown };
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw invalid(source, { id: 'harus GeoJSON FeatureCollection', en: 'must be a GeoJSON FeatureCollection' });
  }
  return (fc.features as Feature[]).map((f, k) => {
    const where = `${source}:features[${k}]`;
    const props = (f && typeof f === 'object' && f.properties && typeof f.properties === 'object' ? f.properties : {}) as Row;
    let point: unknown;
    if (f?.geometry?.type === 'Point') point = f.geometry.coordinates;
    else if (props.centroid !== undefined) point = props.centroid;
    if (!Array.isArray(point) || point.length < 2 || typeof point[0] !== 'number' || typeof point[1] !== 'number') {
      throw invalid(`${where}.geometry`, { id: 'perlu geometri Point atau properties.centroid [bujur, lintang]', en: 'needs a Point geometry or properties.centroid [lng, lat]' });
    }
    const row: Row = { ...props, lng: point[0], lat: point[1] };
    return { where, row };
  });
}

export function parseVillagesGeoJson(json: unknown, source = 'villages.geojson'): Village[] {
  const items = featureRows(json, source).map(({ where, row }, k) => {
    const f = (json as { features: Feature[] }).features[k]!;
    const withCode = { ...row, code: row.code ?? f.id };
    return { item: parseInput(villageRow, withCode, `${where}.properties`) as Village, where: `${where}.properties` };
  });
  uniqueBy(items, (v) => v.code, 'code');
  return items.map((x) => x.item);
}

export function parseNodesGeoJson(json: unknown, source = 'nodes.geojson'): InfraNode[] {
  const items = featureRows(json, source).map(({ where, row }, k) => {
    const f = (json as { features: Feature[] }).features[k]!;
    return { item: parseInput(nodeRow, { ...row, id: row.id ?? f.id }, `${where}.properties`) as InfraNode, where: `${where}.properties` };
  });
  uniqueBy(items, (n) => n.id, 'id');
  return items.map((x) => x.item);
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw invalid(source, { id: `JSON tidak valid: ${(e as Error).message}`, en: `invalid JSON: ${(e as Error).message}` });
  }
}

const isGeoJson = (file: string) => /\.(geo)?json$/i.test(file);

/** Villages from a .csv or .geojson/.json file. */
export function readVillages(file: string): Village[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = path.basename(file);
  return isGeoJson(file) ? parseVillagesGeoJson(parseJson(text, source), source) : parseVillagesCsv(text, source);
}

/** Infrastructure nodes from a .csv or .geojson/.json file. */
export function readNodes(file: string): InfraNode[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = path.basename(file);
  return isGeoJson(file) ? parseNodesGeoJson(parseJson(text, source), source) : parseNodesCsv(text, source);
}

/** A cost catalogue JSON file, validated. */
export function readCatalogue(file: string): Catalogue {
  return parseCatalogue(parseJson(fs.readFileSync(file, 'utf8'), path.basename(file)));
}
