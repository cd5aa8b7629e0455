import { lazy, useState } from 'react';
import { LazyMount } from '../../maps/LazyMount.tsx';
import { Link } from 'wouter';
import { useConfig } from '../../../core/api/hooks.ts';
import { useApi } from '../../../core/api/useApi.ts';
import { pick } from '../../../core/format.ts';
import { Breadcrumbs } from '../../../core/layout/Breadcrumbs.tsx';
import { ErrorState } from '../../../core/ui/ErrorState.tsx';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';
import { PageSkeleton, Skeleton } from '../../../core/ui/Skeleton.tsx';
import { useDocumentTitle } from '../../../core/ui/useDocumentTitle.ts';
import { evalPaths, type NationalResults } from '../api.ts';
import { fmt2, signed2, useEvalI18n } from '../i18n.ts';
import { BINS } from './bins.ts';
import '../evaluation.css';

const EvaluationMap = lazy(() => import('./EvaluationMap.tsx'));

/** "/evaluasi": the national ranking of a year, a map coloured by index, filters by province and year. */
export default function NationalResultsPage() {
  const { t, lang } = useEvalI18n();
  const [year, setYear] = useState<number | null>(null);
  const [province, setProvince] = useState('');
  const r = useApi<NationalResults>(evalPaths.results(year, province || null), { keepPrevious: true });
  const config = useConfig();
  useDocumentTitle(t('national.title'));
  if (r.error) return <ErrorState error={r.error} />;
  if (!r.data) return <PageSkeleton blocks={[120, 360, 300]} />;
  const d = r.data;
  const max = 5;
  const illustrative = d.items.some((i) => i.illustrative);
  const instruments = new Set(d.items.map((i) => i.instrumentId));
  return (
    <>
      <Breadcrumbs items={[{ label: t('national.crumb') }]} />
      <div className="page-head">
        <h1>{t('national.title')} {d.year ?? ''} <IllustrativeBadge show={illustrative} /></h1>
        <p className="lead">{t('national.lead')}</p>
        <p><Link href="/evaluasi/kalkulator">{t('national.toCalculator')}</Link></p>
      </div>
      <form className="filters eval-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('national.filters')}>
        <div className="field">
          <label htmlFor="eval-year">{t('national.year')}</label>
          <select id="eval-year" value={d.year ?? ''} onChange={(e) => setYear(Number(e.target.value))}>
            {d.years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="eval-province">{t('national.province')}</label>
          <select id="eval-province" value={province} onChange={(e) => setProvince(e.target.value)}>
            <option value="">{t('national.allProvinces')}</option>
            {d.provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
          </select>
        </div>
      </form>
      {d.items.length === 0 ? <p className="empty">{t('national.empty')}</p> : (
        <>
          <section className="section" aria-labelledby="eval-rank-h">
            <h2 id="eval-rank-h">{t('national.ranking')}</h2>
            {instruments.size > 1 && <p className="note" role="note">{t('national.mixedInstruments')}</p>}
            <div className="table-scroll">
              <table className="data-table eval-ranking" data-testid="eval-ranking">
                <caption className="visually-hidden">{t('national.ranking')} {d.year}</caption>
                <thead>
                  <tr><th scope="col">{t('national.rank')}</th><th scope="col">{t('national.region')}</th><th scope="col">{t('national.province')}</th>
                    <th scope="col">{t('national.index')}</th><th scope="col">{t('national.change')}</th><th scope="col">{t('national.instrument')}</th></tr>
                </thead>
                <tbody>
                  {d.items.map((i) => (
                    <tr key={i.regionCode}>
                      <td>{i.rank}{i.tied ? '=' : ''}</td>
                      <th scope="row"><Link href={`/wilayah/${i.regionCode}/evaluasi/${d.year}`}>{i.regionName}</Link></th>
                      <td>{i.province.name}</td>
                      <td><strong>{fmt2(i.index, lang)}</strong>{i.predicate ? ` · ${pick(i.predicate, lang)}` : ''} <IllustrativeBadge show={i.illustrative} /></td>
                      <td>{signed2(i.delta, lang)}{i.delta != null && !i.sameInstrument ? <span className="muted small"> ({t('national.otherInstrument')})</span> : null}</td>
                      <td className="small">{pick(i.instrumentName, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="small muted">{t('national.tiesNote')}</p>
          </section>
          <section className="section" aria-labelledby="eval-map-h">
            <h2 id="eval-map-h">{t('national.map')}</h2>
            {config.data ? (
              <LazyMount height="var(--map-h)" label={t('national.mapLabel')}>
                <EvaluationMap items={d.items} max={max} tileUrl={config.data.tileUrl ?? ''} year={d.year!} />
              </LazyMount>
            ) : <Skeleton height="var(--map-h)" />}
            <ul className="map-legend eval-legend" aria-label={t('national.legend')}>
              {BINS.map((b, i) => (
                <li key={b.min}><span className="legend-swatch" style={{ background: b.color }} aria-hidden="true" /> {fmt2(b.min, lang)}{i < BINS.length - 1 ? `–${fmt2(BINS[i + 1]!.min, lang)}` : '+'}</li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
