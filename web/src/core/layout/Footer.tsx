import { useI18n } from '../i18n.ts';
import { IllustrativeBadge } from '../ui/IllustrativeBadge.tsx';

export function Footer() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p className="footer-note">
          <IllustrativeBadge /> {t('footer.illustrative')}
        </p>
        <p>{t('footer.about')}</p>
        <p className="muted-light">{t('footer.dataSources')}</p>
      </div>
    </footer>
  );
}
