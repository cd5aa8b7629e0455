import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../core/i18n.ts';
import type { Lang } from '../../core/api/types.ts';
import en from '../../i18n/files/en.json' with { type: 'json' };
import id from '../../i18n/files/id.json' with { type: 'json' };

// The upload field's texts travel with the chunks that use it (namespace "files").
i18n.addResourceBundle('id', 'files', id, true, true);
i18n.addResourceBundle('en', 'files', en, true, true);

export type FilesT = (key: keyof typeof id, options?: Record<string, unknown>) => string;

/** t() of the "files" namespace and the current language. */
export function useFilesI18n(): { t: FilesT; lang: Lang } {
  const { i18n: inst } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'id';
  const t = useMemo(() => inst.getFixedT(lang, 'files' as never) as unknown as FilesT, [inst, lang]);
  return { t, lang };
}

/** "850 kB", "1,2 MB" in the reader's language. */
export function formatSize(bytes: number, lang: Lang): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(1, Math.round(bytes / 1024)), 'kilobyte'];
  // Rounded up, so a file just over a limit never reads as exactly the limit ("1,1 MB", not "1 MB").
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { style: 'unit', unit, maximumFractionDigits: 1, roundingMode: 'ceil' }).format(value);
}
