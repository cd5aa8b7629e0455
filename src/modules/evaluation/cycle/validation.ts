import { z } from 'zod';

/** Input shapes of the cycle's writes. Messages are "Indonesian | English" (core/errors.ts). */

const version = z.number({ error: 'Versi awal wajib dikirim | The version you started from is required' }).int().min(1).max(1_000_000_000);
const level = z.number().int().min(-10).max(100).nullable().optional();
const levels = z.array(z.number().int().min(-10).max(100)).max(20).nullable().optional();
const text = (max: number) => z.string().max(max, `Paling banyak ${max} karakter | At most ${max} characters`);

export const openInput = z.strictObject({
  year: z.number({ error: 'Tahun evaluasi wajib diisi | The evaluation year is required' }).int().min(2017, 'Tahun paling awal 2017 | The earliest year is 2017').max(2100),
  instrument: z.string({ error: 'Instrumen wajib dipilih | Choose an instrument' }).min(1, 'Instrumen wajib dipilih | Choose an instrument').max(80),
});

export const evidenceLink = z.strictObject({
  kind: z.enum(['program', 'report', 'quickwin']),
  id: z.string().uuid('Bukan id yang valid | Not a valid id'),
});

export const selfAnswerInput = z.strictObject({
  level,
  metLevels: levels,
  justification: text(4000).default(''),
  files: z.array(z.string().max(60)).max(30, 'Paling banyak 30 berkas | At most 30 files').default([]),
  links: z.array(evidenceLink).max(30, 'Paling banyak 30 tautan | At most 30 links').default([]),
  suggested: z.strictObject({ level: z.number().int(), confirmed: z.boolean() }).nullable().optional(),
});

export const selfAssessInput = z.strictObject({
  version,
  /** Only the indicators given are replaced; null removes an answer. */
  answers: z.record(z.string().max(80), selfAnswerInput.nullable()),
});

export const validatedAnswerInput = z.strictObject({
  level,
  metLevels: levels,
  reason: text(4000).default(''),
});

export const validateInput = z.strictObject({
  version,
  answers: z.record(z.string().max(80), validatedAnswerInput.nullable()).default({}),
  interviewNotes: text(20000).optional(),
});

const lines = z.array(text(1000).trim().min(1, 'Baris tidak boleh kosong | A line must not be empty')).max(30, 'Paling banyak 30 butir | At most 30 items');
export const narrativeInput = z.strictObject({
  version,
  strengths: lines,
  weaknesses: lines,
  recommendations: lines,
});

export const versionInput = z.strictObject({ version });

export const yearParam = z.coerce.number().int().min(2017).max(2100);
