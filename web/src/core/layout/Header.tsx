import { Link } from 'wouter';
import { useI18n } from '../i18n.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function Header() {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="wrap header-row">
        <Link href="/" className="brand" aria-label={t('app.homeLabel')}>
          <span className="brand-mark" aria-hidden="true">P</span>
          {t('app.name')}
        </Link>
        <nav className="header-nav" aria-label={t('nav.label')}>
          <Link href="/">{t('nav.regions')}</Link>
        </nav>
        <LanguageSwitch />
      </div>
    </header>
  );
}
