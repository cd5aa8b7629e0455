import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../../core/i18n.ts';
import en from '../../../i18n/monitoring-extras/en.json' with { type: 'json' };
import id from '../../../i18n/monitoring-extras/id.json' with { type: 'json' };
import type { Lang } from '../../../core/api/types.ts';

// Texts of the reminders and the bulk grid travel with their (lazy) chunks.
export const NS = 'monitoringExtras';
i18n.addResourceBundle('id', NS, id, true, true);
i18n.addResourceBundle('en', NS, en, true, true);

export type ExtrasT = (key: string, options?: Record<string, unknown>) => string;

/** t() of the "monitoringExtras" namespace (registered at runtime, so keys are untyped) and the language. */
export function useExtrasI18n(): { t: ExtrasT; lang: Lang } {
  const { i18n: inst } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'id';
  const t = useMemo(() => inst.getFixedT(lang, NS as never) as unknown as ExtrasT, [inst, lang]);
  return { t, lang };
}
