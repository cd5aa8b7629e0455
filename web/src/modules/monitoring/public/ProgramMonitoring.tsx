import { useMemo } from 'react';
import { useApi } from '../../../core/api/useApi.ts';
import { formatRupiah } from '../../../core/format.ts';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';
import { FileChips } from '../../files/FileUpload.tsx';
import { LazyMount } from '../../maps/LazyMount.tsx';
import { monPaths, type ProgramMonitoring as Data } from '../api.ts';
import { SeriesChart } from '../charts/lazy.ts';
import { useMonI18n } from '../i18n.ts';
import { ProgramStatusBadge, ProgressPair, Staleness } from '../ui.tsx';

export function KpiBlock({ kpi }: { kpi: Data['kpis'][number] }) {
  const { t, lang, num } = useMonI18n();
  const labels = useMemo(() => kpi.points.map((p) => p.label), [kpi]);
  const series = useMemo(() => [
    { label: t('kpi.target'), data: kpi.points.map((p) => p.target), color: '#6b7280', dashed: true },
    { label: t('kpi.actual'), data: kpi.points.map((p) => p.actual), color: '#0b4f6c' },
  ], [kpi, t]);
  const caption = t('kpi.chartLabel', { name: kpi.name });
  return (
    <article className="mon-card" aria-labelledby={`mkpi-${kpi.id}`}>
      <h4 id={`mkpi-${kpi.id}`}>{kpi.name} <span className="muted small">({kpi.unit}; {t(`kpi.polarity.${kpi.polarity}`)})</span></h4>
      <LazyMount height="14rem" label={caption}>
        <SeriesChart labels={labels} series={series} unit={kpi.unit} label={caption} lang={lang} />
      </LazyMount>
      <table className="data-table mon-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead><tr><th scope="col">{t('period.label')}</th><th scope="col" className="num">{t('kpi.actual')}</th><th scope="col" className="num">{t('kpi.target')}</th></tr></thead>
        <tbody>
          {kpi.points.map((p) => (
            <tr key={p.label}><th scope="row">{p.label}</th><td className="num">{num(p.actual)}</td><td className="num">{num(p.target)}</td></tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** The approved progress of a program on its public page: status, staleness, series, KPI charts, evidence. */
export default function ProgramMonitoring({ id }: { id: string }) {
  const { t, lang, pct, date } = useMonI18n();
  const { data, error } = useApi<Data>(monPaths.programMonitoring(id));
  const labels = useMemo(() => data?.series.map((s) => s.label) ?? [], [data]);
  const series = useMemo(() => (data ? [
    { label: t('dash.physical'), data: data.series.map((s) => s.physicalPct), color: '#0b4f6c' },
    { label: t('dash.financial'), data: data.series.map((s) => (s.budgetPlanned > 0 && s.budgetRealised !== null ? Math.round((s.budgetRealised / s.budgetPlanned) * 1000) / 10 : null)), color: '#a16207', dashed: true },
  ] : []), [data, t]);
  if (error || !data) return null;
  return (
    <section className="section" id="pemantauan" aria-labelledby="mon-title">
      <h2 id="mon-title">{t('public.title')}</h2>
      <p className="mon-actions">
        <ProgramStatusBadge status={data.status} />
        <Staleness state={data} />
        {data.last && <span className="muted small">{t('public.lastPeriod', { label: data.last.label, date: date(data.last.approvedAt) })}</span>}
      </p>
      {!data.series.length ? <p className="empty">{t('public.none')}</p> : (
        <>
          <ProgressPair state={data} />
          <h3>{t('public.seriesTitle')}</h3>
          <LazyMount height="14rem" label={t('public.seriesLabel')}>
            <SeriesChart labels={labels} series={series} unit="%" label={t('public.seriesLabel')} lang={lang} />
          </LazyMount>
          <table className="data-table mon-table" data-testid="mon-series">
            <caption className="visually-hidden">{t('public.seriesLabel')}</caption>
            <thead><tr><th scope="col">{t('period.label')}</th><th scope="col" className="num">{t('dash.physical')}</th><th scope="col" className="num">{t('report.budgetRealised')}</th><th scope="col" className="num">{t('report.budgetPlanned')}</th></tr></thead>
            <tbody>
              {data.series.map((s) => (
                <tr key={s.periodId}>
                  <th scope="row">{s.label} <IllustrativeBadge show={s.illustrative} /></th>
                  <td className="num">{pct(s.physicalPct)}</td>
                  <td className="num">{s.budgetRealised === null ? '—' : formatRupiah(s.budgetRealised)}</td>
                  <td className="num">{formatRupiah(s.budgetPlanned)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.kpis.length > 0 && (
            <>
              <h3>{t('public.kpiTitle')}</h3>
              <div className="mon-kpis">{data.kpis.map((k) => <KpiBlock key={k.id} kpi={k} />)}</div>
            </>
          )}
        </>
      )}
      {data.latestReport && (
        <div className="mon-latest">
          <h3>{t('public.latestTitle', { label: data.latestReport.label })} <IllustrativeBadge show={data.latestReport.illustrative} /></h3>
          {data.latestReport.narrative && <p className="prose" lang="id">{data.latestReport.narrative}</p>}
          {data.latestReport.obstacles && <p><strong>{t('report.obstacles')}:</strong> <span lang="id">{data.latestReport.obstacles}</span></p>}
          {data.latestReport.followUp && <p><strong>{t('report.followUp')}:</strong> <span lang="id">{data.latestReport.followUp}</span></p>}
          {data.latestReport.evidence.length > 0 && <FileChips files={data.latestReport.evidence} />}
        </div>
      )}
    </section>
  );
}
