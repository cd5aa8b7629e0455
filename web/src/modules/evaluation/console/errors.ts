import { ApiError } from '../../../core/api/client.ts';
import { pick } from '../../../core/format.ts';
import type { Lang } from '../../../core/api/types.ts';
import type { EvalT } from '../i18n.ts';

export const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'network', null));

/** The server's bilingual message, or a generic one. */
export function errorText(e: ApiError, t: EvalT, lang: Lang): string {
  if (e.apiMessage) return pick(e.apiMessage, lang);
  return e.status === 0 ? t('errors.network') : t('errors.save');
}

/** Does the server's field (e.g. "answers.out.q1.reason") belong to this indicator? */
export const fieldOf = (e: ApiError | null, key: string) => !!e?.field && (e.field === `answers.${key}` || e.field.startsWith(`answers.${key}.`));
