import { formatPercent } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { IllustrativeBadge } from './IllustrativeBadge.tsx';

/** Quick-win progress in percent (null = not reported). */
export function ProgressBar({ value, illustrative }: { value: number | null; illustrative: boolean }) {
  const { t, lang } = useI18n();
  if (value === null) return <span className="muted">{t('quickWins.noProgress')}</span>;
  const v = Math.max(0, Math.min(100, value));
  return (
    <span className="progress">
      <span className="progress-label">
        {t('quickWins.progress')}: <strong>{formatPercent(value, lang)}</strong> <IllustrativeBadge show={illustrative} />
      </span>
      <span className="progress-track" aria-hidden="true"><span className="progress-fill" style={{ width: `${v}%` }} /></span>
    </span>
  );
}
