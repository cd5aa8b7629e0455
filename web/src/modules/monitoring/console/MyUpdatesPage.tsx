import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError, apiWrite, asApiError } from '../../../core/api/client.ts';
import { ErrorAlert, Loading } from '../../admin/core/ui.tsx';
import { useLive } from '../../admin/core/useLive.ts';
import { monPaths, type MyUpdates, type UpdateState } from '../api.ts';
import { useMonI18n } from '../i18n.ts';
import { ReportStatusBadge } from '../ui.tsx';

const STATES: UpdateState[] = ['returned', 'overdue', 'draft', 'due', 'submitted'];

/** "Pembaruan saya": what is due, returned, overdue or in draft, and (for reviewers) what waits for review. */
export function MyUpdatesPage({ code }: { code: string }) {
  const { t, date, pct } = useMonI18n();
  const live = useLive<MyUpdates>(monPaths.mine(code));
  const [, navigate] = useLocation();
  const [error, setError] = useState<ApiError | null>(null);
  const [starting, setStarting] = useState<string | null>(null);
  if (live.error && !live.data) return <ErrorAlert error={live.error} />;
  if (!live.data) return <Loading height={240} />;
  const d = live.data;
  async function start(programId: string, periodId: string) {
    setStarting(`${programId}/${periodId}`);
    setError(null);
    try {
      const r = await apiWrite<{ id: string }>('POST', monPaths.startReport(programId), { periodId });
      navigate(`/laporan/${r.id}`);
    } catch (e) {
      setError(asApiError(e));
      setStarting(null);
    }
  }
  return (
    <div>
      <ul className="mon-counts" aria-label={t('mine.summary')}>
        {STATES.map((s) => <li key={s}><span className={`badge mon-update mon-update-${s}`}>{t(`mine.state.${s}`)}: {d.counts[s]}</span></li>)}
      </ul>
      {error && <ErrorAlert error={error} />}
      {d.toReview.length > 0 && (
        <section aria-labelledby="to-review">
          <h2 id="to-review">{t('mine.toReview', { count: d.toReview.length })}</h2>
          <ul className="plain-list">
            {d.toReview.map((r) => (
              <li key={r.id}>
                <Link href={`/laporan/${r.id}`}>{r.program.code} · {r.program.title} · {r.period.label}</Link> <span className="muted small">({r.opd.abbreviation}, {pct(r.physicalPct)}, {date(r.submittedAt)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="my-items">
        <h2 id="my-items">{t('mine.title')}</h2>
        {!d.items.length && <p className="empty">{t('mine.empty')}</p>}
        <ul className="plain-list mon-items">
          {d.items.map((i) => (
            <li key={`${i.program.id}/${i.period.id}`} className={`mon-card mon-item mon-item-${i.state}`}>
              <p><strong>{i.program.code}</strong> · {i.program.title}</p>
              <p className="small">
                <span className={`badge mon-update mon-update-${i.state}`}>{t(`mine.state.${i.state}`)}</span>{' '}
                {i.period.label} · {t('period.due')}: {date(i.period.dueOn)} {i.report && <ReportStatusBadge status={i.report.status} />}
              </p>
              {i.report?.reviewComment && i.state === 'returned' && <p className="mon-comment small">{i.report.reviewComment}</p>}
              <p>
                {i.report
                  ? <Link className="button button-small" href={`/laporan/${i.report.id}`}>{i.canWrite ? t('mine.open') : t('mine.view')}</Link>
                  : <button type="button" className="button button-small" disabled={starting !== null} onClick={() => void start(i.program.id, i.period.id)}
                      aria-label={t('mine.startLabel', { code: i.program.code, label: i.period.label })}>{t('mine.start')}</button>}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
