import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../core/i18n.ts';
import type { Lang } from '../../core/api/types.ts';
import en from '../../i18n/connectivity/en.json' with { type: 'json' };
import id from '../../i18n/connectivity/id.json' with { type: 'json' };

// The planner's texts travel with the planner's chunk (namespace "connectivity").
i18n.addResourceBundle('id', 'connectivity', id, true, true);
i18n.addResourceBundle('en', 'connectivity', en, true, true);

export type ConnT = (key: string, options?: Record<string, unknown>) => string;

/** t() of the "connectivity" namespace (keys untyped: the namespace is registered at runtime) and the language. */
export function useConnI18n(): { t: ConnT; lang: 'id' | 'en' } {
  const { i18n: inst } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'id';
  const t = useMemo(() => inst.getFixedT(lang, 'connectivity' as never) as unknown as ConnT, [inst, lang]);
  return { t, lang };
}
