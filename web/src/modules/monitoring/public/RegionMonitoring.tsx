import { Link } from 'wouter';
import { useFrameworkNames } from '../../../core/api/hooks.ts';
import { useApi } from '../../../core/api/useApi.ts';
import { pick } from '../../../core/format.ts';
import { monPaths, type ProgramStatus, type RegionDashboard } from '../api.ts';
import { useMonI18n } from '../i18n.ts';
import { Bar, ProgramStatusBadge, Staleness } from '../ui.tsx';

const ORDER: ProgramStatus[] = ['late', 'at_risk', 'on_track', 'not_started', 'done'];

/** Status counts of a roll-up as a list of badges with numbers. */
export function StatusCounts({ counts }: { counts: Record<ProgramStatus, number> }) {
  const { t } = useMonI18n();
  return (
    <ul className="mon-counts" aria-label={t('dash.countsLabel')}>
      {ORDER.filter((s) => counts[s] > 0).map((s) => (
        <li key={s}><span className={`badge mon-status mon-status-${s}`}>{t(`status.${s}`)}: {counts[s]}</span></li>
      ))}
    </ul>
  );
}

/** Approved progress of a region on its public page: the region, each pillar, and late or overdue programs. */
export default function RegionMonitoring({ code }: { code: string }) {
  const { t, lang, date } = useMonI18n();
  const names = useFrameworkNames();
  const { data, error } = useApi<RegionDashboard>(monPaths.dashboard(code));
  if (error || !data || !data.programs.length) return null;
  const attention = data.programs.filter((p) => p.status === 'late' || p.overdue).slice(0, 8);
  return (
    <section className="section" id="pemantauan" aria-labelledby="region-mon-title">
      <h2 id="region-mon-title">{t('public.regionTitle')}</h2>
      <p className="muted small">{t('public.regionIntro', { date: date(data.asOf), n: data.withReports, total: data.programs.length })}</p>
      <div className="mon-card">
        <p className="mon-actions"><ProgramStatusBadge status={data.region.status} /> {data.overdue > 0 && <span className="badge mon-overdue">{t('dash.overdueCount', { count: data.overdue })}</span>}</p>
        <Bar label={t('dash.regionProgress')} value={data.region.progress} expected={data.region.expected} />
        <StatusCounts counts={data.region.counts} />
      </div>
      <div className="mon-grid">
        {data.dimensions.map((d) => (
          <article key={d.key} className="mon-card" aria-labelledby={`mon-dim-${d.key}`}>
            <h3 id={`mon-dim-${d.key}`}>{pick(names.dimension(d.key), lang)}</h3>
            <ProgramStatusBadge status={d.rollup.status} />
            <Bar label={t('dash.physical')} value={d.rollup.progress} expected={d.rollup.expected} />
            <StatusCounts counts={d.rollup.counts} />
          </article>
        ))}
      </div>
      {attention.length > 0 && (
        <>
          <h3>{t('public.attention')}</h3>
          <ul className="plain-list">
            {attention.map((p) => (
              <li key={p.id}>
                <Link href={`/program/${p.id}`}>{p.code} · {p.title}</Link> <ProgramStatusBadge status={p.status} /> <Staleness state={p} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
