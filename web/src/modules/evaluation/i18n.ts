import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../core/i18n.ts';
import type { Lang } from '../../core/api/types.ts';
import en from '../../i18n/evaluation/en.json' with { type: 'json' };
import id from '../../i18n/evaluation/id.json' with { type: 'json' };

// The evaluation pages' texts travel with their lazy chunks (namespace "evaluation").
i18n.addResourceBundle('id', 'evaluation', id, true, true);
i18n.addResourceBundle('en', 'evaluation', en, true, true);

export type EvalT = (key: string, options?: Record<string, unknown>) => string;

/** t() of the "evaluation" namespace (untyped keys: the namespace is registered at runtime) and the language. */
export function useEvalI18n(): { t: EvalT; lang: Lang } {
  const { i18n: inst } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'id';
  const t = useMemo(() => inst.getFixedT(lang, 'evaluation' as never) as unknown as EvalT, [inst, lang]);
  return { t, lang };
}

/** An index or score with two decimals in the reader's language ("3,45" / "3.45"). */
export function fmt2(x: number | null | undefined, lang: Lang): string {
  if (x == null) return '—';
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
}

export function signed2(x: number | null | undefined, lang: Lang): string {
  if (x == null) return '—';
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${fmt2(Math.abs(x), lang)}`;
}

/** A name that may come as {id, en} or as a plain string. */
export const nameOf = (n: { id: string; en: string } | string | null | undefined, lang: Lang) => (n == null ? '' : typeof n === 'string' ? n : n[lang] || n.id);
