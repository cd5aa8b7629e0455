import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../../core/api/client.ts';
import { Alert } from '../../../core/ui/form.tsx';
import { formatDateTime } from '../../admin/core/i18n.ts';
import { ErrorAlert, Loading, PageHead } from '../../admin/core/ui.tsx';
import { listNotifications, markAllRead, markRead, type Notification, type NotificationList } from './api.ts';
import { useExtrasI18n } from './i18n.ts';
import './notifications.css';

const EMAIL_TEXT = { sent: 'emailSent', pending: 'emailPending', sending: 'emailPending', failed: 'emailFailed', disabled: 'emailOff' } as const;

/** Where a reminder asks the reader to act: a console path chosen by the server. */
const actionHref = (n: Notification) => (n.link?.startsWith('/') ? n.link : '/');

/** The caller's reminders (console page /admin/notifikasi). */
export default function NotificationsPage() {
  const { t, lang } = useExtrasI18n();
  const [list, setList] = useState<NotificationList | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    listNotifications().then(setList, (e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'network', null)));
  }, []);
  useEffect(load, [load]);
  const act = (fn: () => Promise<void>) => fn().then(load, (e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'network', null)));

  return (
    <>
      <PageHead title={t('notifications.title')} intro={t('notifications.intro')}
        actions={list && list.unread > 0 ? <button type="button" className="button button-small" onClick={() => act(markAllRead)}>{t('notifications.markAllRead')}</button> : undefined} />
      {error && <ErrorAlert error={error} />}
      {!list && !error && <Loading />}
      {list && !list.items.length && <Alert kind="info"><p>{t('notifications.empty')}</p></Alert>}
      {list && list.items.length > 0 && (
        <ul className="plain-list notification-list">
          {list.items.map((n) => (
            <li key={n.id} className={`card notification ${n.readAt ? 'is-read' : 'is-unread'}`}>
              <p className="small">
                <span className={`badge ${n.kind === 'report_due' ? 'badge-pending' : 'badge-qw'}`}>{t(`notifications.kind.${n.kind}`)}</span>
                {' '}<time dateTime={n.createdAt}>{formatDateTime(n.createdAt, lang)}</time>
                {!n.readAt && <> · <strong>{t('notifications.unread')}</strong></>}
              </p>
              <h2 className="notification-title">{n.title[lang]}</h2>
              <p>{n.body[lang]}</p>
              <p className="row-actions">
                <Link href={actionHref(n)} className="button button-small">{t('notifications.open')}</Link>
                {!n.readAt && <button type="button" className="button button-small" onClick={() => act(() => markRead(n.id))}>{t('notifications.markRead')}</button>}
                {n.emailStatus in EMAIL_TEXT && <span className="small muted"> {t(`notifications.${EMAIL_TEXT[n.emailStatus as keyof typeof EMAIL_TEXT]}`)}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
