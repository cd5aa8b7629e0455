import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { paths } from '../../../core/api/client.ts';
import type { Change, ChangeStatus } from '../../../core/api/types.ts';
import { Alert } from '../../../core/ui/form.tsx';
import type { Access } from '../core/access.ts';
import { useAdminI18n } from '../core/i18n.ts';
import { useLive } from '../core/useLive.ts';
import { ErrorAlert, Loading, PageHead } from '../core/ui.tsx';
import { ChangeCard } from './ChangeCard.tsx';

const STATUSES: ChangeStatus[] = ['pending', 'approved', 'rejected'];

/** "/admin/wilayah/:code/persetujuan": changes proposed by OPD officers, to approve or reject. */
export function ChangesPage({ code, access }: { code: string; access: Access }) {
  const { t } = useAdminI18n();
  const raw = new URLSearchParams(useSearch()).get('status');
  const status: ChangeStatus = STATUSES.includes(raw as ChangeStatus) ? (raw as ChangeStatus) : 'pending';
  const list = useLive<Change[]>(paths.changes(code, status));
  const [done, setDone] = useState<{ title: string; how: 'approved' | 'rejected' } | null>(null);
  const onDecided = (c: Change, how: 'approved' | 'rejected') => {
    setDone({ title: c.entityTitle, how });
    void list.reload();
  };
  return (
    <>
      <PageHead title={t('changes.title')} intro={t('changes.intro')} />
      <nav className="tabs" aria-label={t('changes.filterLabel')}>
        {STATUSES.map((s) => (
          <Link key={s} href={`/wilayah/${code}/persetujuan${s === 'pending' ? '' : `?status=${s}`}`} aria-current={s === status ? 'page' : undefined}>
            {t(`changes.tabs.${s}`)}
          </Link>
        ))}
      </nav>
      {done && <Alert kind="success"><p>{t(done.how === 'approved' ? 'changes.approvedDone' : 'changes.rejectedDone', { title: done.title })}</p></Alert>}
      {list.error && <ErrorAlert error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (list.data.length === 0
        ? <p className="empty">{t(`changes.empty.${status}`)}</p>
        : (
          <div className="stack">
            {list.data.map((c) => <ChangeCard key={c.id} change={c} canDecide={access.decide} onDecided={onDecided} headingLevel={2} />)}
          </div>
        ))}
    </>
  );
}
