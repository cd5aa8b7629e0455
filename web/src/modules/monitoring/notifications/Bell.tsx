import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useExtrasI18n } from './i18n.ts';
import './notifications.css';
import { CHANGED, unreadCount } from './api.ts';

const EVERY_MS = 5 * 60_000;

/** "Notifikasi (3)" in the console's side bar: the unread count, refreshed on navigation. */
export default function NotificationBell() {
  const { t } = useExtrasI18n();
  const [location] = useLocation();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => unreadCount().then((n) => { if (live) setCount(n); }, () => undefined);
    load();
    const timer = window.setInterval(load, EVERY_MS);
    window.addEventListener(CHANGED, load);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, load);
    };
  }, [location]);
  const unread = count ?? 0;
  return (
    <p className="admin-bell">
      <Link href="/notifikasi" aria-current={location === '/notifikasi' ? 'page' : undefined}>
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {t('bell.label')}
        {unread > 0 && <> <span className="badge badge-pending">{unread}</span><span className="visually-hidden">, {t('bell.unread', { count: unread })}</span></>}
      </Link>
    </p>
  );
}
