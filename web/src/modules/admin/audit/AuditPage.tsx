import { useState } from 'react';
import { paths } from '../../../core/api/client.ts';
import type { AuditEntry, Page } from '../../../core/api/types.ts';
import { formatDateTime, useAdminI18n } from '../core/i18n.ts';
import { useLive } from '../core/useLive.ts';
import { ErrorAlert, Loading, PageHead, TableScroll } from '../core/ui.tsx';

const LIMIT = 50;

function details(d: unknown): string {
  if (d === null || d === undefined) return '';
  if (typeof d !== 'object') return String(d);
  return Object.entries(d as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`).join(' · ');
}

/** "/admin/wilayah/:code/audit": who did what and when, newest first; CSV download. */
export function AuditPage({ code }: { code: string }) {
  const { t, tc, lang } = useAdminI18n();
  const [offset, setOffset] = useState(0);
  const page = useLive<Page<AuditEntry & { actorLabel?: string | null }>>(paths.audit(code, LIMIT, offset));
  const p = page.data;
  const pages = p ? Math.max(1, Math.ceil(p.total / LIMIT)) : 1;
  return (
    <>
      <PageHead title={t('audit.title')} intro={t('audit.intro')}
        actions={<a className="button" href={paths.auditCsv(code)} download>{t('audit.csv')}</a>} />
      {page.error && <ErrorAlert error={page.error} />}
      {!p && !page.error && <Loading height={400} />}
      {p && (
        <>
          <p className="muted" role="status">{t('audit.count', { count: p.total })}</p>
          <TableScroll label={t('audit.title')} className={page.loading ? 'is-stale' : ''}>
            <table className="data-table audit-table">
              <caption className="visually-hidden">{t('audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">{formatDateTime(e.at, lang)}</td>
                    <td className="audit-actor">{e.actor ? <>{e.actor.name}<span className="muted small user-email">{e.actor.email}</span></> : <span className="muted">{e.actorLabel ?? t('audit.system')}</span>}</td>
                    <td><code>{e.action}</code></td>
                    <td>{e.entityType ? <><span>{e.entityType}</span>{e.entityId && <span className="muted small user-email code" title={e.entityId}>{e.entityId.length > 12 ? `${e.entityId.slice(0, 8)}…` : e.entityId}</span>}</> : '—'}</td>
                    <td className="small">{details(e.details)}{e.ip && <span className="muted small user-email">IP {e.ip}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {pages > 1 && (
            <nav className="pager" aria-label={t('audit.pager')}>
              <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - LIMIT))}>{tc('programs.pager.prev')}</button>
              <span className="pager-pos">{tc('programs.pager.position', { page: offset / LIMIT + 1, pages })}</span>
              <button type="button" className="button" disabled={offset + LIMIT >= p.total} onClick={() => setOffset(offset + LIMIT)}>{tc('programs.pager.next')}</button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
