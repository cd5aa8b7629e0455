import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useConfig, useFrameworkNames } from '../../../core/api/hooks.ts';
import { useApi } from '../../../core/api/useApi.ts';
import { pick } from '../../../core/format.ts';
import { SelectField } from '../../../core/ui/form.tsx';
import { ErrorAlert, Loading, TableScroll } from '../../admin/core/ui.tsx';
import { useLive } from '../../admin/core/useLive.ts';
import { LazyMount } from '../../maps/LazyMount.tsx';
import { monPaths, type ProgramMonitoring, type RegionDashboard } from '../api.ts';
import { LATE_COLORS } from '../charts/colors.ts';
import { LateMap } from '../charts/lazy.ts';
import { useMonI18n } from '../i18n.ts';
import { KpiBlock } from '../public/ProgramMonitoring.tsx';
import { StatusCounts } from '../public/RegionMonitoring.tsx';
import { Bar, ProgramStatusBadge, ProgressPair, Staleness } from '../ui.tsx';

function KpiExplorer({ programs }: { programs: RegionDashboard['programs'] }) {
  const { t } = useMonI18n();
  const withData = programs.filter((p) => p.last);
  const [id, setId] = useState(withData[0]?.id ?? '');
  const { data } = useApi<ProgramMonitoring>(id ? monPaths.programMonitoring(id) : null);
  if (!withData.length) return <p className="empty">{t('public.none')}</p>;
  return (
    <div>
      <SelectField label={t('dash.pickProgram')} name="kpiProgram" value={id} onChange={setId}>
        {withData.map((p) => <option key={p.id} value={p.id}>{p.code} · {p.title}</option>)}
      </SelectField>
      {data && (data.kpis.length ? <div className="mon-kpis">{data.kpis.map((k) => <KpiBlock key={k.id} kpi={k} />)}</div> : <p className="empty">{t('dash.noKpis')}</p>)}
    </div>
  );
}

/** The region dashboard of the console: roll-ups by pillar and OPD, quick wins, physical vs financial, KPI charts, late map. */
export function DashboardView({ code }: { code: string }) {
  const { t, lang, pct, date } = useMonI18n();
  const names = useFrameworkNames();
  const config = useConfig();
  const live = useLive<RegionDashboard>(monPaths.dashboard(code));
  const d = live.data;
  const late = useMemo(() => {
    const m: Record<string, string[]> = {};
    for (const p of d?.programs ?? []) if (p.status === 'late') for (const c of p.districts) (m[c] ??= []).push(`${p.code} ${p.title}`);
    return m;
  }, [d]);
  const mapLabels = useMemo(() => ({ zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), none: t('map.none') }), [t]);
  if (live.error && !d) return <ErrorAlert error={live.error} />;
  if (!d) return <Loading height={320} />;
  return (
    <div className="mon-dashboard">
      <section className="mon-card" aria-labelledby="dash-region">
        <h2 id="dash-region">{t('dash.region')} <ProgramStatusBadge status={d.region.status} /></h2>
        <p className="muted small">{t('dash.asOf', { date: date(d.asOf) })} · {t(`dash.weighting.${d.region.weighting}`)}</p>
        <Bar label={t('dash.regionProgress')} value={d.region.progress} expected={d.region.expected} />
        <StatusCounts counts={d.region.counts} />
        <p>{t('dash.withReports', { n: d.withReports, total: d.programs.length })} {d.overdue > 0 && <span className="badge mon-overdue">{t('dash.overdueCount', { count: d.overdue })}</span>}</p>
      </section>

      <h2>{t('dash.byPillar')}</h2>
      <div className="mon-grid">
        {d.dimensions.map((dim) => (
          <article key={dim.key} className="mon-card" aria-labelledby={`dd-${dim.key}`}>
            <h3 id={`dd-${dim.key}`}>{pick(names.dimension(dim.key), lang)} <ProgramStatusBadge status={dim.rollup.status} /></h3>
            <Bar label={t('dash.physical')} value={dim.rollup.progress} expected={dim.rollup.expected} />
            <StatusCounts counts={dim.rollup.counts} />
            <details>
              <summary>{t('dash.elements')}</summary>
              <ul className="plain-list small">
                {dim.elements.map((e) => <li key={e.key}>{pick(names.element(e.key), lang)}: {pct(e.rollup.progress)} <ProgramStatusBadge status={e.rollup.status} /></li>)}
              </ul>
            </details>
          </article>
        ))}
      </div>

      <h2>{t('dash.byOpd')}</h2>
      <TableScroll label={t('dash.byOpd')}>
        <table className="data-table mon-table">
          <caption className="visually-hidden">{t('dash.byOpd')}</caption>
          <thead><tr><th scope="col">OPD</th><th scope="col">{t('dash.status')}</th><th scope="col" className="num">{t('dash.physical')}</th><th scope="col" className="num">{t('dash.expected')}</th><th scope="col" className="num">{t('dash.programs')}</th><th scope="col" className="num">{t('dash.overdue')}</th></tr></thead>
          <tbody>
            {d.opds.map((o) => (
              <tr key={o.opd.id}>
                <th scope="row" title={o.opd.name}>{o.opd.abbreviation}</th>
                <td><ProgramStatusBadge status={o.rollup.status} /></td>
                <td className="num">{pct(o.rollup.progress)}</td>
                <td className="num">{pct(o.rollup.expected)}</td>
                <td className="num">{o.rollup.count}</td>
                <td className="num">{o.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>{t('dash.quickWins', { year: d.asOf.slice(0, 4) })}</h2>
      {!d.quickWins.length ? <p className="empty">{t('dash.noQuickWins')}</p> : (
        <div className="mon-grid">
          {d.quickWins.map((q) => (
            <article key={q.program.id} className="mon-card">
              <h3>{pick(names.dimension(q.dimensionKey), lang)}</h3>
              <p><Link href={`~/program/${q.program.id}`}>{q.program.code} · {q.program.title}</Link></p>
              <ProgramStatusBadge status={q.program.status} /> <Staleness state={q.program} />
              <ProgressPair state={q.program} />
            </article>
          ))}
        </div>
      )}

      <h2>{t('dash.pairTitle')}</h2>
      <TableScroll label={t('dash.pairTitle')}>
        <table className="data-table mon-table">
          <caption className="visually-hidden">{t('dash.pairTitle')}</caption>
          <thead><tr><th scope="col">{t('dash.program')}</th><th scope="col">{t('dash.status')}</th><th scope="col">{t('dash.pair')}</th><th scope="col">{t('dash.updated')}</th></tr></thead>
          <tbody>
            {d.programs.map((p) => (
              <tr key={p.id}>
                <th scope="row"><Link href={`~/program/${p.id}`}>{p.code}</Link> <span className="small">{p.title}</span> <span className="muted small">({p.opd.abbreviation})</span></th>
                <td><ProgramStatusBadge status={p.status} /></td>
                <td><ProgressPair state={p} /></td>
                <td><Staleness state={p} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>{t('dash.kpiTitle')}</h2>
      <KpiExplorer programs={d.programs} />

      <h2>{t('dash.mapTitle')}</h2>
      <ul className="mon-legend" aria-label={t('dash.mapLegend')}>
        {LATE_COLORS.map((c, i) => <li key={c}><span className="mon-swatch" style={{ background: c }} />{t(`dash.mapLegend${i}`)}</li>)}
      </ul>
      <LazyMount height="22rem" label={t('dash.mapTitle')}>
        {config.data && <LateMap regionCode={code} late={late} tileUrl={config.data.tileUrl} label={t('dash.mapLabel', { count: Object.keys(late).length })} labels={mapLabels} />}
      </LazyMount>
    </div>
  );
}
