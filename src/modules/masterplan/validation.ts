import { z } from 'zod';
import {
  BUDGET_SOURCES, HORIZONS, KPI_POLARITIES, MASTERPLAN_STATUSES, OPD_ROLES, READINESS_ASPECTS, SWOT_KINDS,
} from './schema.ts';

// Custom messages are "Indonesian | English" (see core/errors.ts).
const year = z.number().int('Tahun harus bilangan bulat | Year must be a whole number')
  .min(2000, 'Tahun paling awal 2000 | Year must be 2000 or later')
  .max(2100, 'Tahun paling akhir 2100 | Year must be 2100 or earlier');
const text = (max: number) => z.string().trim().max(max, `Paling banyak ${max} karakter | At most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, 'Wajib diisi | Required');
const uuid = z.string().uuid('Harus berupa ID (UUID) | Must be an ID (UUID)');
const regionCode = z.string().regex(/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/, 'Harus kode wilayah Kemendagri | Must be a Kemendagri region code');
const url = z.string().trim().url('Harus URL lengkap (https://…) | Must be a full URL (https://…)')
  .refine((u) => /^https?:\/\//.test(u), 'Harus diawali http:// atau https:// | Must start with http:// or https://');

type Unwrapped<T> = T extends z.ZodDefault<infer I> ? I : T;
/**
 * A PATCH schema from a create shape: every field optional and no defaults, because a
 * default in a patch would overwrite stored values the caller did not send.
 */
function patchOf<T extends z.ZodRawShape>(shape: T) {
  const out: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(shape)) out[k] = (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional();
  return z.object(out as { [K in keyof T]: z.ZodOptional<Unwrapped<T[K]>> }).strict();
}

export const masterplanInput = z.object({
  regionCode: z.string().regex(/^\d{2}\.\d{2}$/, 'Harus kode kabupaten/kota, mis. 64.02 | Must be a regency/city code, e.g. 64.02'),
  frameworkVersion: requiredText(40).optional(),
  title: requiredText(300),
  periodStart: year,
  periodEnd: year,
  vision: text(2000).default(''),
  mission: z.array(requiredText(1000)).max(30).default([]),
  legalBasis: text(300).default(''),
  status: z.enum(MASTERPLAN_STATUSES).default('draft'),
  illustrativeFields: z.array(z.string().max(40)).max(20).default([]),
  sources: z.array(requiredText(500)).max(30).default([]),
}).strict().refine((m) => m.periodEnd >= m.periodStart, { message: 'Tahun akhir tidak boleh sebelum tahun awal | End year cannot be before start year', path: ['periodEnd'] })
  .refine((m) => m.periodEnd - m.periodStart <= 20, { message: 'Periode paling lama 20 tahun | Period can be at most 20 years', path: ['periodEnd'] });
export type MasterplanInput = z.input<typeof masterplanInput>;

export const masterplanPatch = z.object({
  title: requiredText(300), periodStart: year, periodEnd: year, vision: text(2000), mission: z.array(requiredText(1000)).max(30),
  legalBasis: text(300), status: z.enum(MASTERPLAN_STATUSES), illustrativeFields: z.array(z.string().max(40)).max(20),
  sources: z.array(requiredText(500)).max(30),
}).partial().strict();

export const opdInput = z.object({
  regionCode: z.string().regex(/^\d{2}\.\d{2}$/, 'Harus kode kabupaten/kota | Must be a regency/city code'),
  name: requiredText(200),
  abbreviation: requiredText(40),
  role: z.enum(OPD_ROLES).nullable().default(null),
}).strict();
export const opdPatch = z.object({ name: requiredText(200), abbreviation: requiredText(40), role: z.enum(OPD_ROLES).nullable() }).partial().strict();

export const budgetInput = z.object({
  year,
  source: z.enum(BUDGET_SOURCES),
  amount: z.number().int('Rupiah tanpa desimal | Whole rupiah').min(0, 'Tidak boleh negatif | Cannot be negative').max(1e15),
  illustrative: z.boolean().default(false),
}).strict();

const programFields = {
  code: requiredText(40).regex(/^[A-Za-z0-9._-]+$/, 'Hanya huruf, angka, titik, garis | Letters, digits, dots, dashes only'),
  title: requiredText(300),
  description: text(5000).default(''),
  elementKey: requiredText(80),
  leadOpdId: uuid,
  supportingOpdIds: z.array(uuid).max(30).default([]),
  horizon: z.enum(HORIZONS),
  startYear: year,
  endYear: year,
  serviceName: text(200).nullable().default(null),
  serviceUrl: url.nullable().default(null),
  illustrative: z.boolean().default(false),
  budgets: z.array(budgetInput).max(60).default([]),
  locations: z.array(regionCode).max(500).default([]),
};
export const programInput = z.object({ masterplanId: uuid, ...programFields }).strict()
  .refine((p) => p.endYear >= p.startYear, { message: 'Tahun selesai tidak boleh sebelum tahun mulai | End year cannot be before start year', path: ['endYear'] });
export type ProgramInput = z.input<typeof programInput>;
export const programPatch = patchOf(programFields);

const kpiFields = {
  name: requiredText(300),
  unit: requiredText(60),
  polarity: z.enum(KPI_POLARITIES),
  baselineValue: z.number().finite().nullable().default(null),
  baselineYear: year.nullable().default(null),
  illustrative: z.boolean().default(false),
  targets: z.array(z.object({ year, value: z.number().finite(), valueMax: z.number().finite().nullable().default(null) }).strict()).max(30).default([]),
};
export const kpiInput = z.object({ programId: uuid, ...kpiFields }).strict();
export type KpiInput = z.input<typeof kpiInput>;
export const kpiPatch = patchOf(kpiFields);

export const quickWinInput = z.object({
  masterplanId: uuid,
  year,
  dimensionKey: requiredText(40),
  programId: uuid,
  progress: z.number().min(0, 'Antara 0 dan 100 | Between 0 and 100').max(100, 'Antara 0 dan 100 | Between 0 and 100').nullable().default(null),
  progressIllustrative: z.boolean().default(false),
}).strict();
export type QuickWinInput = z.input<typeof quickWinInput>;

export const readinessInput = z.object({
  masterplanId: uuid,
  dimensionKey: requiredText(40),
  aspect: z.enum(READINESS_ASPECTS),
  summary: text(3000).default(''),
  illustrative: z.boolean().default(false),
  swot: z.array(z.object({ kind: z.enum(SWOT_KINDS), text: requiredText(1000) }).strict()).max(40).default([]),
}).strict();
export type ReadinessInput = z.input<typeof readinessInput>;
