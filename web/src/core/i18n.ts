import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import id from '../i18n/id.json' with { type: 'json' };
import en from '../i18n/en.json' with { type: 'json' };
import type { Lang } from './api/types.ts';
// Only the type: the console's texts (namespace "admin") load with the console's own chunk.
type AdminTexts = typeof import('../i18n/admin/id.json', { with: { type: 'json' } });

export const LANGS: Lang[] = ['id', 'en'];
const STORAGE_KEY = 'pilar.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof id; admin: AdminTexts };
  }
}

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: 'id',
  supportedLngs: LANGS,
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

function reflect(lang: string) {
  document.documentElement.lang = lang;
}
reflect(i18n.language);
i18n.on('languageChanged', (lang) => {
  reflect(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
});

/** useTranslation plus the current language narrowed to 'id' | 'en'. */
export function useI18n() {
  const { t, i18n: inst } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'id';
  return { t, lang, setLang: (l: Lang) => void inst.changeLanguage(l) };
}

export default i18n;
