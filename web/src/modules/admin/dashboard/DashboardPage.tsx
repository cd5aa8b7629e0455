import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { paths } from '../../../core/api/client.ts';
import type { Change, Dashboard, Me } from '../../../core/api/types.ts';
import { Alert } from '../../../core/ui/form.tsx';
import { ChangeCard } from '../changes/ChangeCard.tsx';
import { DiffTable } from '../changes/DiffTable.tsx';
import { accessTo } from '../core/access.ts';
import { formatDateTime, useAdminI18n } from '../core/i18n.ts';
import { useLive } from '../core/useLive.ts';
import { ChangeStatusBadge, ErrorAlert, Loading, PageHead, RoleBadge } from '../core/ui.tsx';

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  return (
    <section className="section dash-section" aria-labelledby={`${id}-title`} id={id}>
      <div className="section-head">
        <h2 id={`${id}-title`}>{title} <span className="count-badge">{count}</span></h2>
      </div>
      {children}
    </section>
  );
}

/** A change of mine: status, date and (folded) what it changes. */
function MyChange({ c }: { c: Change }) {
  const { t, lang } = useAdminI18n();
  return (
    <li className="card my-change">
      <div className="change-head">
        <h3 className="change-title">{c.entityType === 'program' ? <Link href={`/program/${c.entityId}`}>{c.entityTitle}</Link> : c.entityTitle}</h3>
        <ChangeStatusBadge status={c.status} />
      </div>
      <p className="muted small">{t('dashboard.submitted', { date: formatDateTime(c.createdAt, lang) })}{c.decidedAt ? ` · ${t('dashboard.decided', { name: c.decidedBy?.name ?? '—', date: formatDateTime(c.decidedAt, lang) })}` : ''}</p>
      {c.comment && <blockquote className="review-comment"><span className="visually-hidden">{t('changes.comment')}: </span>{c.comment}</blockquote>}
      <details className="fold">
        <summary>{t('dashboard.showDiff', { n: c.diff.length })}</summary>
        <DiffTable diff={c.diff} regionCode={c.regionCode} />
      </details>
    </li>
  );
}

/** "/admin": what needs this user's attention. */
export function DashboardPage({ me, region }: { me: Me; region: string | null }) {
  const { t } = useAdminI18n();
  const dash = useLive<Dashboard>(paths.dashboard());
  const [decided, setDecided] = useState<{ title: string; how: 'approved' | 'rejected' } | null>(null);
  const user = me.user!;
  const d = dash.data;
  const canDecide = (code: string) => Boolean(accessTo(me, code)?.decide);
  const nothing = d && !d.pendingChanges.length && !d.myChanges.length && !d.returned.length && !d.unpublishedPrograms.length;
  return (
    <>
      <PageHead title={t('dashboard.title')} eyebrow={<>{user.name} · <RoleBadge role={user.role} /></>} intro={t('dashboard.intro')} />
      {decided && <Alert kind="success"><p>{t(decided.how === 'approved' ? 'changes.approvedDone' : 'changes.rejectedDone', { title: decided.title })}</p></Alert>}
      {dash.error && <ErrorAlert error={dash.error} />}
      {!d && !dash.error && <Loading height={240} />}
      {nothing && <p className="empty">{t('dashboard.nothing')}</p>}
      {d && d.pendingChanges.length > 0 && (
        <Section id="pending" title={t('dashboard.pending')} count={d.pendingChanges.length}>
          <div className="stack">
            {d.pendingChanges.map((c) => (
              <ChangeCard key={c.id} change={c} canDecide={canDecide(c.regionCode)}
                onDecided={(ch, how) => { setDecided({ title: ch.entityTitle, how }); void dash.reload(); }} />
            ))}
          </div>
        </Section>
      )}
      {d && d.returned.length > 0 && (
        <Section id="returned" title={t('dashboard.returned')} count={d.returned.length}>
          <p className="muted">{t('dashboard.returnedIntro')}</p>
          <ul className="stack plain">{d.returned.map((c) => <MyChange key={c.id} c={c} />)}</ul>
        </Section>
      )}
      {d && d.myChanges.length > 0 && (
        <Section id="mine" title={t('dashboard.mine')} count={d.myChanges.length}>
          <ul className="stack plain">{d.myChanges.map((c) => <MyChange key={c.id} c={c} />)}</ul>
        </Section>
      )}
      {d && d.unpublishedPrograms.length > 0 && (
        <Section id="unpublished" title={t('dashboard.unpublished')} count={d.unpublishedPrograms.length}>
          <ul className="link-list">
            {d.unpublishedPrograms.map((p) => (
              <li key={p.id}>
                <Link href={`/program/${p.id}`}><span className="code">{p.code}</span> {p.title}</Link>
                {p.leadOpd && <span className="muted small"> · {p.leadOpd.abbreviation}</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {region && (
        <p className="muted small">
          <Link href={`/wilayah/${region}/program`}>{t('dashboard.toPrograms')}</Link>
        </p>
      )}
    </>
  );
}
