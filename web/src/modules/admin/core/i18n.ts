import { useTranslation } from 'react-i18next';
import i18n from '../../../core/i18n.ts';
import en from '../../../i18n/admin/en.json' with { type: 'json' };
import id from '../../../i18n/admin/id.json' with { type: 'json' };
import type { Lang } from '../../../core/api/types.ts';

// The console's texts travel with the console's chunk (namespace "admin"), not with the portal.
i18n.addResourceBundle('id', 'admin', id, true, true);
i18n.addResourceBundle('en', 'admin', en, true, true);

/** t() of the console ("admin" namespace), tc() of the portal's common texts, and the language. */
export function useAdminI18n() {
  const { t, i18n: inst } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'id';
  return { t, tc, lang };
}

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'id-ID');

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
