import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { invalid, parseInput } from '../../core/errors.ts';
import { parseNodesCsv, parseNodesGeoJson, parseVillagesCsv, parseVillagesGeoJson } from './io.ts';
import type { InfraNode, Village } from './model.ts';

/**
 * Reading an upload of a region's village statuses or nodes (CSV text or a GeoJSON object).
 * The rows are validated by io.ts (errors name line and field); this adds what only a region
 * import has: the optional facility flags (school, health, office), the illustrative flag, and
 * the rule that every village belongs to the region.
 *
 *   villages.csv: code,name,lat,lng,population,signal[,school,health,office,illustrative]
 *   nodes.csv:    id,name,lat,lng,kind[,illustrative]
 */

export const FORMATS = ['csv', 'geojson'] as const;
export const uploadSchema = z.object({
  format: z.enum(FORMATS, 'Harus csv atau geojson | Must be csv or geojson'),
  /** CSV text, or a GeoJSON FeatureCollection (object or its JSON text). */
  data: z.union([z.string().max(20_000_000), z.record(z.string(), z.unknown())], { error: 'Wajib: teks CSV atau objek GeoJSON | Required: CSV text or a GeoJSON object' }),
  /** Where the figures come from (shown with the data). */
  source: z.string().trim().max(300).optional(),
  /** Default of the per-row `illustrative` column. */
  illustrative: z.boolean().optional(),
}).strict();
export type Upload = z.output<typeof uploadSchema>;

export interface VillageFlags { school: boolean; health: boolean; office: boolean; illustrative: boolean }
export interface ImportedVillage extends Village, VillageFlags {}
export interface ImportedNode extends InfraNode { illustrative: boolean }

const TRUE = new Set(['1', 'true', 'ya', 'yes', 'y']);
const FALSE = new Set(['0', 'false', 'tidak', 'no', 'n', '']);

function flag(value: unknown, where: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  const s = String(value).trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return s === '' ? fallback : false;
  throw invalid(where, { id: `"${String(value)}" bukan ya/tidak (1/0, true/false)`, en: `"${String(value)}" is not yes/no (1/0, true/false)` });
}

/** The raw rows with their place (`villages.csv:12`, `villages.geojson:features[3].properties`). */
function rawRows(upload: Upload, source: string): { where: string; row: Record<string, unknown> }[] {
  if (upload.format === 'csv') {
    if (typeof upload.data !== 'string') throw invalid('data', { id: 'CSV harus berupa teks', en: 'CSV must be text' });
    const records = parse(upload.data.replace(/^\uFEFF/, ''), {
      columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), skip_empty_lines: true, trim: true, relax_quotes: true, relax_column_count: true, info: true,
    }) as { record: Record<string, unknown>; info: { lines: number } }[];
    return records.map((r) => ({ where: `${source}:${r.info.lines}`, row: r.record }));
  }
  const fc = geoJsonOf(upload, source) as { features: { properties?: Record<string, unknown> | null }[] };
  return fc.features.map((f, k) => ({ where: `${source}:features[${k}].properties`, row: f?.properties ?? {} }));
}

/** CSV must be text: String() of an object is "[object Object]" at best and throws at worst. */
function csvText(upload: Upload, field: string): string {
  if (typeof upload.data !== 'string') throw invalid(`${field}.data`, { id: 'CSV harus berupa teks', en: 'CSV must be text' });
  return upload.data;
}

function geoJsonOf(upload: Upload, source: string): unknown {
  if (typeof upload.data !== 'string') return upload.data;
  try {
    return JSON.parse(upload.data);
  } catch (e) {
    throw invalid(source, { id: `JSON tidak valid: ${(e as Error).message}`, en: `invalid JSON: ${(e as Error).message}` });
  }
}

/**
 * Villages of an upload for region `regionCode`; `known` tells whether a code is a village of
 * that region in the official list. Throws on the first bad row, naming line and field.
 */
export function parseVillageUpload(input: unknown, regionCode: string, known: (code: string) => boolean): ImportedVillage[] {
  const upload = parseInput(uploadSchema, input, 'villages');
  const source = upload.format === 'csv' ? 'villages.csv' : 'villages.geojson';
  const villages = upload.format === 'csv' ? parseVillagesCsv(csvText(upload, 'villages'), source) : parseVillagesGeoJson(geoJsonOf(upload, source), source);
  const rows = rawRows(upload, source);
  const fallback = upload.illustrative ?? false;
  return villages.map((v, k) => {
    const { where, row } = rows[k]!;
    if (!v.code.startsWith(`${regionCode}.`) || !known(v.code)) {
      throw invalid(`${where}.code`, { id: `${v.code} bukan desa/kelurahan di ${regionCode}`, en: `${v.code} is not a village of ${regionCode}` });
    }
    const { weight: _w, ...rest } = v;
    return {
      ...rest,
      school: flag(row.school, `${where}.school`, false), health: flag(row.health, `${where}.health`, false),
      office: flag(row.office, `${where}.office`, false), illustrative: flag(row.illustrative, `${where}.illustrative`, fallback),
    };
  });
}

export function parseNodeUpload(input: unknown): ImportedNode[] {
  const upload = parseInput(uploadSchema, input, 'nodes');
  const source = upload.format === 'csv' ? 'nodes.csv' : 'nodes.geojson';
  const nodes = upload.format === 'csv' ? parseNodesCsv(csvText(upload, 'nodes'), source) : parseNodesGeoJson(geoJsonOf(upload, source), source);
  const rows = rawRows(upload, source);
  return nodes.map((n, k) => ({ ...n, illustrative: flag(rows[k]!.row.illustrative, `${rows[k]!.where}.illustrative`, upload.illustrative ?? false) }));
}
