import { useI18n } from '../../../core/i18n.ts';

type Props = { page: number; pages: number; onPage: (p: number) => void };

export function Pager({ page, pages, onPage }: Props) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('programs.pager.label')}>
      <button type="button" className="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <span aria-hidden="true">← </span>{t('programs.pager.prev')}
      </button>
      <span className="pager-pos">{t('programs.pager.position', { page, pages })}</span>
      <button type="button" className="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('programs.pager.next')}<span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}
