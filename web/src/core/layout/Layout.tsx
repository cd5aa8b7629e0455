import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useI18n } from '../i18n.ts';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';

/** Page frame: skip link, header, main landmark, footer. Moves focus to main on navigation. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [location] = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [location]);
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skipLink')}</a>
      <Header />
      <main id="main" className="site-main" ref={main} tabIndex={-1}>
        <div className="wrap">{children}</div>
      </main>
      <Footer />
    </>
  );
}
