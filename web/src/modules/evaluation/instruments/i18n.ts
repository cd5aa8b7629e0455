import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../../core/i18n.ts';
import type { Lang } from '../../../core/api/types.ts';
import en from '../../../i18n/evaluation-instruments/en.json' with { type: 'json' };
import id from '../../../i18n/evaluation-instruments/id.json' with { type: 'json' };

// The instruments page's texts travel with its lazy chunk (namespace "evaluation-instruments").
export const NS = 'evaluation-instruments';
i18n.addResourceBundle('id', NS, id, true, true);
i18n.addResourceBundle('en', NS, en, true, true);

export type InstrumentsT = (key: string, options?: Record<string, unknown>) => string;

export function useInstrumentsI18n(): { t: InstrumentsT; lang: Lang } {
  const { i18n: inst } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'id';
  const t = useMemo(() => inst.getFixedT(lang, NS as never) as unknown as InstrumentsT, [inst, lang]);
  return { t, lang };
}
