import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../core/i18n.ts';
import type { Lang } from '../../core/api/types.ts';
import en from '../../i18n/monitoring/en.json' with { type: 'json' };
import id from '../../i18n/monitoring/id.json' with { type: 'json' };

// Monitoring texts travel with the (lazy) chunks that use them: namespace "monitoring".
i18n.addResourceBundle('id', 'monitoring', id, true, true);
i18n.addResourceBundle('en', 'monitoring', en, true, true);

export type MonT = (key: string, options?: Record<string, unknown>) => string;

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'id-ID');

/** t() of the "monitoring" namespace, the language, and date/number helpers. */
export function useMonI18n() {
  const { i18n: inst } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'id';
  return useMemo(() => {
    const t = inst.getFixedT(lang, 'monitoring' as never) as unknown as MonT;
    const date = (iso: string | null | undefined) => {
      if (!iso) return '—';
      const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
      return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: iso.length === 10 ? 'UTC' : undefined }).format(d);
    };
    const pct = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(n)}%`);
    const num = (n: number | null | undefined, digits = 2) => (n === null || n === undefined ? '—' : new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(n));
    return { t, lang, date, pct, num };
  }, [inst, lang]);
}
