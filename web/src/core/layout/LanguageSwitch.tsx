import type { Lang } from '../api/types.ts';
import { LANGS, useI18n } from '../i18n.ts';

/** Two toggle buttons (ID / EN); the pressed one is the current language. */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  const label: Record<Lang, string> = { id: t('lang.id'), en: t('lang.en') };
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={lang === l}
          aria-label={label[l]}
          title={label[l]}
          onClick={() => setLang(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
