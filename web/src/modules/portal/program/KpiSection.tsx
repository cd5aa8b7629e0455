import type { Kpi } from '../../../core/api/types.ts';
import { formatNumber } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';
import { KpiChart } from '../../charts/lazy.ts';
import { LazyMount } from '../../maps/LazyMount.tsx';

function KpiTable({ kpi }: { kpi: Kpi }) {
  const { t, lang } = useI18n();
  const range = kpi.polarity === 'range';
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, lang, 2));
  return (
    <table className="data-table kpi-table">
      <caption>{t('program.kpis.tableCaption', { name: kpi.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('region.budget.year')}</th>
          <th scope="col" className="num">{range ? t('program.kpis.min') : t('program.kpis.value')} ({kpi.unit})</th>
          {range && <th scope="col" className="num">{t('program.kpis.max')} ({kpi.unit})</th>}
        </tr>
      </thead>
      <tbody>
        {kpi.baselineValue !== null && (
          <tr className="baseline-row">
            <th scope="row">{t('program.kpis.baselineRow', { year: kpi.baselineYear ?? '—' })}</th>
            <td className="num">{n(kpi.baselineValue)}</td>
            {range && <td className="num">—</td>}
          </tr>
        )}
        {[...kpi.targets].sort((a, b) => a.year - b.year).map((tg) => (
          <tr key={tg.year}>
            <th scope="row">{tg.year}</th>
            <td className="num">{n(tg.value)}</td>
            {range && <td className="num">{n(tg.valueMax)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** KPIs with baseline and yearly targets: a lazily loaded line chart plus the same data as a table. */
export function KpiSection({ kpis }: { kpis: Kpi[] }) {
  const { t, lang } = useI18n();
  return (
    <section className="section" id="kpi" aria-labelledby="kpi-title">
      <h2 id="kpi-title">{t('program.kpis.title')}</h2>
      {kpis.length === 0 && <p className="empty">{t('program.kpis.empty')}</p>}
      <div className="kpi-list">
        {kpis.map((k) => (
          <article key={k.id} className="card kpi-card" aria-labelledby={`kpi-${k.id}`}>
            <h3 id={`kpi-${k.id}`}>{k.name} <IllustrativeBadge show={k.illustrative} /></h3>
            <p className="kpi-meta">
              <span>{t('program.kpis.unit')}: {k.unit || '—'}</span>
              <span>{t(`program.kpis.polarity.${k.polarity}`)}</span>
              <span>
                {t('program.kpis.baseline')}:{' '}
                {k.baselineValue === null ? '—' : `${formatNumber(k.baselineValue, lang, 2)} ${k.unit}${k.baselineYear ? ` (${k.baselineYear})` : ''}`}
              </span>
            </p>
            {k.targets.length > 0 && (
              <LazyMount height="var(--chart-h)" label={t('program.kpis.chartLabel', { name: k.name })}>
                <KpiChart kpi={k} />
              </LazyMount>
            )}
            <KpiTable kpi={k} />
          </article>
        ))}
      </div>
    </section>
  );
}
