import { z } from 'zod';

export interface Bilingual { id: string; en: string }

/** The one error shape of Pilar: {error: {code, message: {id, en}, field?}} with a status. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly bilingual: Bilingual,
    readonly field?: string,
  ) {
    super(bilingual.en);
  }
  toJSON() {
    return { error: { code: this.code, message: this.bilingual, ...(this.field ? { field: this.field } : {}) } };
  }
}

export const notFound = (what: Bilingual, field?: string) =>
  new AppError(404, 'not_found', { id: `${what.id} tidak ditemukan`, en: `${what.en} not found` }, field);

export const invalid = (field: string, why: Bilingual) =>
  new AppError(400, 'invalid', { id: `Isian "${field}" tidak valid: ${why.id}`, en: `Field "${field}" is invalid: ${why.en}` }, field);

export const conflict = (field: string, why: Bilingual) =>
  new AppError(409, 'conflict', why, field);

const localeId = z.locales.id();
const localeEn = z.locales.en();

/** Turns the first zod issue into an AppError naming the field, in Indonesian and English. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): AppError {
  const issue = issues[0]!;
  // An unknown key is named itself, so the caller sees which key to remove.
  const extra = issue.code === 'unrecognized_keys' ? [(issue as { keys?: string[] }).keys?.[0] ?? ''] : [];
  const field = [prefix, ...issue.path.map(String), ...extra].filter(Boolean).join('.') || prefix || 'input';
  if (issue.path.length === 0 && issue.code === 'invalid_type' && (issue as { expected?: string }).expected !== undefined && !extra.length) {
    const expected = (issue as { expected?: string }).expected;
    if (expected === 'object' || expected === 'record') return invalid(field, { id: 'harus berupa objek JSON', en: 'must be a JSON object' });
  }
  const custom = issue.message ? bilingualCustom(issue.message) : undefined;
  if (custom) return invalid(field, custom);
  const raw = issue as unknown as Parameters<NonNullable<typeof localeEn.localeError>>[0];
  const say = (locale: typeof localeEn) => {
    try {
      const m = locale.localeError?.(raw);
      return typeof m === 'string' ? m : m?.message;
    } catch {
      return undefined;
    }
  };
  return invalid(field, { id: say(localeId) ?? issue.message, en: say(localeEn) ?? issue.message });
}

/** Custom zod messages are written "Indonesian | English"; this splits them. */
function bilingualCustom(message: string): Bilingual | undefined {
  const parts = message.split(' | ');
  return parts.length === 2 ? { id: parts[0]!, en: parts[1]! } : undefined;
}

/** Parses input with a zod schema, throwing an AppError that names the field on failure. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, prefix = ''): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw fromZodIssues(r.error.issues, prefix);
  return r.data;
}
