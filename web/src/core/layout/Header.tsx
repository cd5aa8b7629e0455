import { Link, useLocation } from 'wouter';
import { logout, useMe } from '../auth/me.ts';
import { useI18n } from '../i18n.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Who is logged in: "Masuk" for visitors; the user's name (to the console) and "Keluar" otherwise. */
function UserArea() {
  const { t } = useI18n();
  const { me, loading } = useMe();
  const [location, navigate] = useLocation();
  if (loading) return <span className="header-user" aria-hidden="true" />;
  const user = me?.user;
  if (!user) {
    return (
      <span className="header-user">
        <Link href="/masuk" className="header-link">{t('auth.login')}</Link>
      </span>
    );
  }
  const onLogout = async () => {
    try {
      await logout();
    } finally {
      if (location.startsWith('/admin')) navigate('/masuk');
    }
  };
  return (
    <span className="header-user">
      <Link href="/admin" className="header-link header-name" title={t('auth.console')}>
        <span className="visually-hidden">{t('auth.console')}: </span>{user.name}
      </Link>
      <button type="button" className="header-link header-button" onClick={() => void onLogout()}>{t('auth.logout')}</button>
    </span>
  );
}

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
          <Link href="/evaluasi">{t('nav.evaluation')}</Link>
        </nav>
        <UserArea />
        <LanguageSwitch />
      </div>
    </header>
  );
}
