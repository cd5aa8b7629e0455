/**
 * The server's own input rules (src/modules/masterplan/validation.ts), run in the browser as
 * the user types. Custom messages there read "Indonesian | English"; zod's built-in ones
 * come from its Indonesian and English locales, as on the server (src/core/errors.ts).
 */
import { z } from 'zod';
import type { ApiError } from '../../../core/api/client.ts';
import { pick } from '../../../core/format.ts';
import type { Lang } from '../../../core/api/types.ts';

export {
  kpiInput, kpiPatch, masterplanInput, masterplanPatch, opdInput, opdPatch, programInput, programPatch, quickWinInput, readinessInput,
} from '../../../../../src/modules/masterplan/validation.ts';

export type FieldErrors = Record<string, string>;

const locales = { id: z.locales.id(), en: z.locales.en() };

/** "Wajib diisi | Required" → the part for the language (other texts unchanged). */
export function localMessage(message: string, lang: Lang): string {
  const parts = message.split(' | ');
  if (parts.length !== 2) return message;
  return (lang === 'en' ? parts[1] : parts[0]) ?? message;
}

const NUMBER_NEEDED = 'Isi dengan angka | Enter a number';

type Issue = Parameters<NonNullable<typeof locales.en.localeError>>[0];

/** Validate with a zod schema; the first message per field path (e.g. `budgets.1.year`). */
export function validate(schema: z.ZodType, value: unknown, lang: Lang): FieldErrors {
  const r = schema.safeParse(value, {
    error: (iss) => {
      try {
        const m = locales[lang].localeError?.(iss as unknown as Issue);
        return typeof m === 'string' ? m : m?.message;
      } catch {
        return undefined;
      }
    },
  });
  if (r.success) return {};
  const out: FieldErrors = {};
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (key in out) continue;
    // An empty or non-numeric number box: say so plainly instead of "expected number, received NaN".
    const notANumber = issue.code === 'invalid_type' && issue.expected === 'number';
    out[key] = notANumber ? localMessage(NUMBER_NEEDED, lang) : localMessage(issue.message, lang);
  }
  return out;
}

/** The field a server error names, without the `body.` prefix (`body.budgets.1.year` → `budgets.1.year`). */
export function serverField(err: ApiError): string | null {
  if (!err.field) return null;
  return err.field.replace(/^(body|query|params)\./, '');
}

export function serverMessage(err: ApiError, lang: Lang, fallback: string): string {
  return err.apiMessage ? localMessage(pick(err.apiMessage, lang), lang) : fallback;
}
