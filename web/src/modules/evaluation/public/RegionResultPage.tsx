import { Suspense } from 'react';
import { Link, Redirect } from 'wouter';
import { useApi } from '../../../core/api/useApi.ts';
import { pick } from '../../../core/format.ts';
import { Breadcrumbs } from '../../../core/layout/Breadcrumbs.tsx';
import { ErrorState, NotFound } from '../../../core/ui/ErrorState.tsx';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';
import { PageSkeleton, Skeleton } from '../../../core/ui/Skeleton.tsx';
import { useDocumentTitle } from '../../../core/ui/useDocumentTitle.ts';
import { DIMENSION_KEYS, evalPaths, type CycleSummary, type CycleView } from '../api.ts';
import { CHART_COLORS, ComponentBars, RadarChart, YearLine } from '../charts/lazy.ts';
import { fmt2, signed2, useEvalI18n } from '../i18n.ts';
import { EvidenceList } from '../shared/EvidenceList.tsx';
import '../evaluation.css';

/** "/wilayah/:code/evaluasi": the latest year the visitor may see. */
export function RegionLatestResult({ code }: { code: string }) {
  const list = useApi<CycleSummary[]>(evalPaths.list(code));
  const { t } = useEvalI18n();
  if (list.error) return <ErrorState error={list.error} />;
  if (!list.data) return <PageSkeleton />;
  const latest = list.data.find((c) => c.published) ?? list.data[0];
  if (!latest) {
    return (
      <section className="notice">
        <h1>{t('result.noneTitle')}</h1>
        <p>{t('result.none')}</p>
        <p><Link href={`/wilayah/${code}`}>{t('result.backToRegion')}</Link></p>
      </section>
    );
  }
  return <Redirect to={`/wilayah/${code}/evaluasi/${latest.year}`} replace />;
}

/** "/wilayah/:code/evaluasi/:year": a region's evaluation result (public once published). */
export default function RegionResultPage({ code, year }: { code: string; year: string }) {
  const { t, lang } = useEvalI18n();
  const y = Number(year);
  const v = useApi<CycleView>(Number.isInteger(y) ? evalPaths.cycle(code, y) : null);
  const list = useApi<CycleSummary[]>(evalPaths.list(code));
  useDocumentTitle(v.data ? `${t('result.title', { year: v.data.year })} — ${v.data.region.name}` : undefined);
  if (!Number.isInteger(y)) return <NotFound />;
  if (v.error) return <ErrorState error={v.error} />;
  if (!v.data) return <PageSkeleton blocks={[140, 320, 320]} />;
  const c = v.data;
  const max = c.instrument.scale.max;
  const validated = c.scores.validated;
  const main = validated ?? c.scores.self;
  const dimName = (k: string) => t(`dimensions.${k}`);
  const otherYears = (list.data ?? []).filter((x) => x.year !== c.year);
  const narrative = c.narrative.strengths.length + c.narrative.weaknesses.length + c.narrative.recommendations.length > 0;
  const prevDims = c.previous?.scores?.dimensions ?? [];
  const radarSeries = [
    { label: t('result.self'), values: DIMENSION_KEYS.map((k) => c.scores.self.dimensions.find((d) => d.key === k)?.score ?? null), color: CHART_COLORS.self },
    ...(validated ? [{ label: t('result.validated'), values: DIMENSION_KEYS.map((k) => validated.dimensions.find((d) => d.key === k)?.score ?? null), color: CHART_COLORS.validated }] : []),
    ...(c.previous?.scores ? [{ label: t('result.previousYear', { year: c.previous.year }), values: DIMENSION_KEYS.map((k) => prevDims.find((d) => d.key === k)?.score ?? null), color: CHART_COLORS.previous, dashed: true }] : []),
  ];
  const compSeries = [
    { label: t('result.self'), values: c.scores.self.components.map((x) => x.score), color: CHART_COLORS.self },
    ...(validated ? [{ label: t('result.validated'), values: validated.components.map((x) => x.score), color: CHART_COLORS.validated }] : []),
  ];
  const instrumentsDiffer = new Set(c.history.map((h) => h.instrumentId)).size > 1;
  return (
    <>
      <Breadcrumbs items={[{ label: c.region.name, href: `/wilayah/${code}` }, { label: t('result.crumb', { year: c.year }) }]} />
      <div className="page-head">
        <p className="eyebrow">{c.region.name} · {c.region.province}</p>
        <h1>{t('result.title', { year: c.year })} <IllustrativeBadge show={c.illustrative} /></h1>
        <p className="lead">{t('result.instrument')}: {pick(c.instrument.name, lang)}{c.instrument.ownWording ? ` — ${t('result.ownWording')}` : ''}</p>
        {!c.published && <p className="badge badge-pending" role="status">{t(`status.${c.status}`)} · {t('result.unpublished')}</p>}
        {otherYears.length > 0 && (
          <nav aria-label={t('result.otherYears')} className="eval-years">
            <span className="muted">{t('result.otherYears')}:</span>{' '}
            {otherYears.map((x) => <Link key={x.year} href={`/wilayah/${code}/evaluasi/${x.year}`}>{x.year}</Link>)}
          </nav>
        )}
      </div>

      <section className="section eval-figures" aria-labelledby="eval-index">
        <h2 id="eval-index" className="visually-hidden">{t('result.indexHeading')}</h2>
        <dl className="eval-stats">
          <div className="eval-stat eval-stat-main">
            <dt>{validated ? t('result.index') : t('result.selfIndex')}</dt>
            <dd data-testid="eval-index">{fmt2(main.index, lang)}</dd>
            {main.predicate && <dd className="eval-predicate">{t('result.predicate')}: <strong>{pick(main.predicate.name, lang)}</strong></dd>}
          </div>
          {c.rank && (
            <div className="eval-stat"><dt>{t('result.rank')}</dt><dd data-testid="eval-rank">{t('result.rankOf', { rank: c.rank.rank, of: c.rank.of })}{c.rank.tied ? ` (${t('result.tied')})` : ''}</dd></div>
          )}
          {validated && (
            <div className="eval-stat"><dt>{t('result.selfIndex')}</dt><dd>{fmt2(c.scores.self.index, lang)}</dd>
              <dd className="muted small">{t('result.gap')}: {signed2(c.scores.gap?.index.gap, lang)}</dd></div>
          )}
          {c.improvement && (
            <div className="eval-stat"><dt>{t('result.change', { year: c.previous?.year })}</dt><dd>{signed2(c.improvement.delta, lang)}</dd>
              {c.improvement.note && <dd className="small eval-note">{pick(c.improvement.note, lang)}</dd>}</div>
          )}
        </dl>
        <p className="eval-downloads">
          <a className="button button-small" href={evalPaths.report(code, c.year, 'pdf')} download>{t('result.downloadPdf')}</a>{' '}
          <a className="button button-small button-secondary" href={evalPaths.report(code, c.year, 'docx')} download>{t('result.downloadDocx')}</a>
        </p>
      </section>

      <section className="section" aria-labelledby="eval-dims">
        <h2 id="eval-dims">{t('result.dimensions')}</h2>
        <div className="two-col eval-two">
          <Suspense fallback={<Skeleton height={320} />}>
            <RadarChart labels={DIMENSION_KEYS.map(dimName)} series={radarSeries} max={max} summary={t('result.radarLabel')} />
          </Suspense>
          <table className="data-table">
            <caption className="visually-hidden">{t('result.dimensions')}</caption>
            <thead><tr><th scope="col">{t('result.dimension')}</th><th scope="col">{t('result.self')}</th><th scope="col">{t('result.validated')}</th><th scope="col">{t('result.gap')}</th></tr></thead>
            <tbody>
              {DIMENSION_KEYS.map((k) => {
                const g = c.scores.gap?.dimensions.find((d) => d.key === k);
                return (
                  <tr key={k}><th scope="row">{dimName(k)}</th><td>{fmt2(c.scores.self.dimensions.find((d) => d.key === k)?.score, lang)}</td>
                    <td>{fmt2(validated?.dimensions.find((d) => d.key === k)?.score, lang)}</td><td>{signed2(g?.gap, lang)}</td></tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="section" aria-labelledby="eval-comps">
        <h2 id="eval-comps">{t('result.components')}</h2>
        <div className="two-col eval-two">
          <Suspense fallback={<Skeleton height={300} />}>
            <ComponentBars labels={c.scores.self.components.map((x) => pick(x.name, lang))} series={compSeries} max={max} summary={t('result.barsLabel')} />
          </Suspense>
          <table className="data-table">
            <caption className="visually-hidden">{t('result.components')}</caption>
            <thead><tr><th scope="col">{t('result.component')}</th><th scope="col">{t('result.weight')}</th><th scope="col">{t('result.self')}</th><th scope="col">{t('result.validated')}</th></tr></thead>
            <tbody>
              {c.scores.self.components.map((x, i) => (
                <tr key={x.key}><th scope="row">{pick(x.name, lang)}</th><td>{Math.round(x.weight * 1000) / 10} %</td><td>{fmt2(x.score, lang)}</td><td>{fmt2(validated?.components[i]?.score, lang)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {c.history.length > 0 && (
        <section className="section" aria-labelledby="eval-years">
          <h2 id="eval-years">{t('result.yearOverYear')}</h2>
          {instrumentsDiffer && <p className="note" role="note">{t('result.instrumentsDiffer')}</p>}
          <div className="two-col eval-two">
            <Suspense fallback={<Skeleton height={240} />}>
              <YearLine labels={c.history.map((h) => String(h.year))} values={c.history.map((h) => h.index)} max={max} label={t('result.index')} summary={t('result.lineLabel')} />
            </Suspense>
            <table className="data-table">
              <caption className="visually-hidden">{t('result.yearOverYear')}</caption>
              <thead><tr><th scope="col">{t('result.year')}</th><th scope="col">{t('result.index')}</th><th scope="col">{t('result.instrument')}</th></tr></thead>
              <tbody>
                {c.history.map((h) => (
                  <tr key={h.year}><th scope="row"><Link href={`/wilayah/${code}/evaluasi/${h.year}`}>{h.year}</Link></th><td>{fmt2(h.index, lang)} <IllustrativeBadge show={h.illustrative} /></td><td>{pick(h.instrumentName, lang)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section className="section" aria-labelledby="eval-narrative">
        <h2 id="eval-narrative">{t('result.narrative')}</h2>
        {!narrative && c.candidates && <p className="note">{t('result.candidatesNote')}</p>}
        <div className="eval-narrative">
          {(['strengths', 'weaknesses', 'recommendations'] as const).map((kind) => {
            const items = narrative ? c.narrative[kind] : (c.candidates?.[kind] ?? []).map((x) => pick(x.text, lang));
            return (
              <div key={kind} className={`card eval-${kind}`}>
                <h3 className="card-title">{t(`narrative.${kind}`)}</h3>
                {items.length ? <ul>{items.map((s, i) => <li key={i}>{s}</li>)}</ul> : <p className="muted">{t('narrative.empty')}</p>}
              </div>
            );
          })}
        </div>
      </section>

      <section className="section" aria-labelledby="eval-indicators">
        <h2 id="eval-indicators">{t('result.indicators')}</h2>
        <div className="table-scroll">
          <table className="data-table eval-indicator-table">
            <caption className="visually-hidden">{t('result.indicators')}</caption>
            <thead><tr><th scope="col">{t('result.indicator')}</th><th scope="col">{t('result.self')}</th><th scope="col">{t('result.validated')}</th><th scope="col">{t('result.reason')}</th><th scope="col">{t('result.evidence')}</th></tr></thead>
            <tbody>
              {c.scores.self.indicators.map((ind, i) => {
                const v2 = validated?.indicators[i]?.level;
                const differs = v2 != null && ind.level != null && v2 !== ind.level;
                return (
                  <tr key={ind.key} className={differs ? 'eval-differs' : undefined}>
                    <th scope="row">{pick(ind.name, lang)} {ind.dimension && <span className="muted small">({dimName(ind.dimension)})</span>}</th>
                    <td>{ind.level ?? '—'}</td><td>{v2 ?? '—'}</td><td>{c.validation[ind.key]?.reason || ''}</td>
                    <td><EvidenceList answer={c.selfAnswers[ind.key]} evidence={c.evidence} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
