import { Link } from 'wouter';
import type { Masterplan } from '../../../core/api/types.ts';
import { formatNumber, formatRupiah, pick } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { pillarClass, sortByPillar } from '../../../core/pillars.ts';

/** The six dimensions as cards linking to their pillar page. */
export function PillarCards({ masterplan: m }: { masterplan: Masterplan }) {
  const { t, lang } = useI18n();
  const code = m.region.code;
  return (
    <section id="pillars" className="section" aria-labelledby="pillars-title">
      <div className="section-head">
        <h2 id="pillars-title">{t('region.pillars.title')}</h2>
        <Link href={`/wilayah/${code}/program`} className="button button-small">{t('region.pillars.allPrograms')}</Link>
      </div>
      <ul className="pillar-grid">
        {sortByPillar(m.dimensions, (d) => d.key).map((d) => {
          const qwByYear = [...d.quickWins].sort((a, b) => b.year - a.year);
          return (
            <li key={d.key} className={`card pillar-card ${pillarClass(d.key)}`}>
              <h3 className="card-title"><Link href={`/wilayah/${code}/pilar/${d.key}`}>{pick(d.name, lang)}</Link></h3>
              <dl className="facts">
                <div><dt>{t('region.pillars.programs')}</dt><dd>{formatNumber(d.programCount, lang)}</dd></div>
                <div className="facts-wide"><dt>{t('region.pillars.budget')}</dt><dd>{formatRupiah(d.budgetTotal)}</dd></div>
              </dl>
              <div className="pillar-qw">
                <h4>{t('region.pillars.quickWins')}</h4>
                {qwByYear.length ? (
                  <ul>
                    {qwByYear.map((q) => (
                      <li key={`${q.year}-${q.program.id}`}>
                        <span className="year">{q.year}</span> <Link href={`/program/${q.program.id}`}>{q.program.title}</Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t('region.pillars.noQuickWins')}</p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
