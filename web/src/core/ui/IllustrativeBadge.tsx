import { useI18n } from '../i18n.ts';

/** Marks a value that was invented for the demo (API flag `illustrative`). */
export function IllustrativeBadge({ show = true }: { show?: boolean }) {
  const { t } = useI18n();
  if (!show) return null;
  const title = t('badge.illustrativeTitle');
  return (
    <span className="badge badge-illustrative" title={title}>
      {t('badge.illustrative')}
      <span className="visually-hidden">: {title}</span>
    </span>
  );
}
