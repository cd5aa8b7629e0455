import type { AdminProgram, Lang } from '../../../core/api/types.ts';
import { programInput, validate, type FieldErrors } from '../core/validation.ts';

export type BudgetRow = { key: string; year: string; source: string; amount: string; illustrative: boolean };
export type ProgramForm = {
  code: string; title: string; description: string; elementKey: string; leadOpdId: string; supportingOpdIds: string[];
  horizon: string; startYear: string; endYear: string; serviceName: string; serviceUrl: string; illustrative: boolean;
  budgets: BudgetRow[]; locations: string[];
};

/** Fields of a program the editor sends (the keys of programPatch). */
export const PROGRAM_FIELDS = [
  'code', 'title', 'description', 'elementKey', 'leadOpdId', 'supportingOpdIds', 'horizon', 'startYear', 'endYear',
  'serviceName', 'serviceUrl', 'illustrative', 'budgets', 'locations',
] as const;
export type ProgramField = (typeof PROGRAM_FIELDS)[number];

let rowSeq = 0;
export const rowKey = () => `r${++rowSeq}`;

export function emptyProgramForm(leadOpdId = '', year = new Date().getFullYear()): ProgramForm {
  return {
    code: '', title: '', description: '', elementKey: '', leadOpdId, supportingOpdIds: [], horizon: 'short',
    startYear: String(year), endYear: String(year), serviceName: '', serviceUrl: '', illustrative: false, budgets: [], locations: [],
  };
}

export function programToForm(p: AdminProgram): ProgramForm {
  return {
    code: p.code, title: p.title, description: p.description, elementKey: p.elementKey, leadOpdId: p.leadOpd.id,
    supportingOpdIds: p.supportingOpds.map((o) => o.id), horizon: p.horizon,
    startYear: String(p.startYear), endYear: String(p.endYear),
    serviceName: p.service?.name ?? '', serviceUrl: p.service?.url ?? '', illustrative: p.illustrative,
    budgets: p.budgets.map((b) => ({ key: rowKey(), year: String(b.year), source: b.source, amount: String(b.amount), illustrative: b.illustrative })),
    locations: p.locations.map((l) => l.code),
  };
}

/** A number typed in a text box: "" → NaN (zod then says what is missing); "2,5" = 2.5. */
export function num(s: string): number {
  const clean = s.trim().replace(',', '.');
  return clean === '' ? Number.NaN : Number(clean);
}

/** Rupiah typed with Indonesian thousands separators: "1.250.000" and "1 250 000" = 1250000. */
export function rupiah(s: string): number {
  const clean = s.trim().replace(/[\s.]/g, '');
  return clean === '' ? Number.NaN : Number(clean.replace(',', '.'));
}

/** The body fields as the API takes them. */
export function formToInput(f: ProgramForm): Record<ProgramField, unknown> {
  return {
    code: f.code, title: f.title, description: f.description, elementKey: f.elementKey, leadOpdId: f.leadOpdId,
    supportingOpdIds: f.supportingOpdIds, horizon: f.horizon, startYear: num(f.startYear), endYear: num(f.endYear),
    serviceName: f.serviceName.trim() === '' ? null : f.serviceName, serviceUrl: f.serviceUrl.trim() === '' ? null : f.serviceUrl.trim(),
    illustrative: f.illustrative,
    budgets: f.budgets.map((b) => ({ year: num(b.year), source: b.source, amount: rupiah(b.amount), illustrative: b.illustrative })),
    locations: f.locations,
  };
}

/** The same rules as the server: programInput (with the masterplan id the form does not show). */
export function checkProgram(masterplanId: string) {
  return (f: ProgramForm, lang: Lang): FieldErrors => validate(programInput, { masterplanId, ...formToInput(f) }, lang);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only the fields that differ from where the editor started. */
export function patchOf(start: ProgramForm, now: ProgramForm): Partial<Record<ProgramField, unknown>> {
  const a = formToInput(start);
  const b = formToInput(now);
  const out: Partial<Record<ProgramField, unknown>> = {};
  for (const k of PROGRAM_FIELDS) if (!same(a[k], b[k])) out[k] = b[k];
  return out;
}

/** Whether a server `field` belongs to this form (e.g. `budgets.1.year`, `locations.0`). */
export const isProgramField = (field: string) => (PROGRAM_FIELDS as readonly string[]).includes(field.split('.')[0] ?? '');
