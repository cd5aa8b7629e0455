import { z } from 'zod';
import { PERIOD_KINDS } from './schema.ts';

/** Inputs of the monitoring endpoints (zod); custom messages are "Indonesian | English". */

const version = z.number({ error: 'Versi awal wajib dikirim | The version you started from is required' }).int().min(1).max(1_000_000_000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Harus tanggal YYYY-MM-DD | Must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Tanggal tidak ada | No such date');
const text = (max: number) => z.string().max(max, `Paling banyak ${max} karakter | At most ${max} characters`);
const uuid = z.string().uuid('Harus id (UUID) | Must be an id (UUID)');

export const year = z.number().int().min(2000, 'Tahun paling awal 2000 | Year must be 2000 or later').max(2100, 'Tahun paling akhir 2100 | Year must be 2100 or earlier');

export const settingsInput = z.strictObject({
  /** 0 while the region still uses the defaults. */
  version: z.number().int().min(0).max(1_000_000_000).optional(),
  periodKind: z.enum(PERIOD_KINDS).optional(),
  dueDays: z.number().int().min(0).max(120).optional(),
  reminderLeadDays: z.number().int().min(0).max(60).optional(),
  thresholds: z.strictObject({
    atRiskLag: z.number().min(0).max(100).optional(),
    lateLag: z.number().min(0).max(100).optional(),
    kpiAtRisk: z.number().min(0).max(1).optional(),
    kpiLate: z.number().min(0).max(1).optional(),
    overdueGraceDays: z.number().int().min(0).max(120).optional(),
  }).optional(),
});

export const generateInput = z.strictObject({ year, kind: z.enum(PERIOD_KINDS).optional() });

export const periodPatch = z.strictObject({
  version,
  dueOn: isoDate.optional(),
  opensOn: isoDate.optional(),
  /** true closes the window now; false opens it again. */
  closed: z.boolean().optional(),
});

export const createReportInput = z.strictObject({ periodId: uuid });

const kpiValue = z.strictObject({
  kpiId: uuid,
  value: z.number().finite().min(-1e15).max(1e15).nullable(),
  breakdown: z.record(z.string().regex(/^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/, 'Harus kode kecamatan/desa | Must be a district/village code'), z.number().finite().min(-1e15).max(1e15)).nullable().optional(),
});

export const reportPatch = z.strictObject({
  version,
  physicalPct: z.number().min(0, 'Paling kecil 0 | At least 0').max(100, 'Paling besar 100 | At most 100').nullable().optional(),
  budgetRealised: z.number().int('Harus rupiah utuh | Must be whole rupiah').min(0, 'Tidak boleh negatif | Cannot be negative').max(1e15).nullable().optional(),
  narrative: text(10_000).optional(),
  obstacles: text(10_000).optional(),
  followUp: text(10_000).optional(),
  kpis: z.array(kpiValue).max(200).optional(),
  files: z.array(z.string().max(60)).max(30, 'Paling banyak 30 berkas | At most 30 files').optional(),
});

export const transitionInput = z.strictObject({ version, comment: text(4_000).optional() });

export const listReportsQuery = z.object({
  period: uuid.optional(),
  status: z.enum(['draft', 'submitted', 'returned', 'approved']).optional(),
  opd: uuid.optional(),
  program: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
