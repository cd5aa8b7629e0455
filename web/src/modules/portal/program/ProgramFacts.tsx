import { Link } from 'wouter';
import { useFrameworkNames } from '../../../core/api/hooks.ts';
import type { Program } from '../../../core/api/types.ts';
import { formatPeriod, formatRupiah, pick } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { ProgressBar } from '../../../core/ui/ProgressBar.tsx';

/** Element, pillar, OPDs, horizon, years, service and quick wins of a program. */
export function ProgramFacts({ program: p }: { program: Program }) {
  const { t, lang } = useI18n();
  const names = useFrameworkNames();
  return (
    <section className="section" aria-labelledby="facts-title">
      <h2 id="facts-title" className="visually-hidden">{t('program.facts.title')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('program.facts.pillar')}</dt>
          <dd><Link href={`/wilayah/${p.region.code}/pilar/${p.dimensionKey}`}>{pick(names.dimension(p.dimensionKey), lang)}</Link></dd>
        </div>
        <div><dt>{t('program.facts.element')}</dt><dd>{pick(names.element(p.elementKey), lang)}</dd></div>
        <div>
          <dt>{t('program.facts.lead')}</dt>
          <dd><Link href={`/opd/${p.leadOpd.id}`}>{p.leadOpd.name}</Link>{p.leadOpd.abbreviation && ` (${p.leadOpd.abbreviation})`}</dd>
        </div>
        <div>
          <dt>{t('program.facts.supporting')}</dt>
          <dd>
            {p.supportingOpds.length ? (
              <ul className="inline-list">
                {p.supportingOpds.map((o) => <li key={o.id}><Link href={`/opd/${o.id}`} title={o.name}>{o.abbreviation || o.name}</Link></li>)}
              </ul>
            ) : '—'}
          </dd>
        </div>
        <div><dt>{t('program.facts.horizon')}</dt><dd>{t(`horizon.${p.horizon}`)}</dd></div>
        <div><dt>{t('program.facts.years')}</dt><dd>{formatPeriod(p.startYear, p.endYear)}</dd></div>
        <div><dt>{t('program.facts.budget')}</dt><dd>{formatRupiah(p.budgetTotal)}</dd></div>
        <div>
          <dt>{t('program.facts.service')}</dt>
          <dd>
            {p.service ? (
              p.service.url ? <a href={p.service.url} rel="noopener noreferrer" target="_blank">{p.service.name}<span className="visually-hidden"> ({t('common.newWindow')})</span></a> : p.service.name
            ) : '—'}
          </dd>
        </div>
        {p.quickWins.length > 0 && (
          <div>
            <dt>{t('program.facts.quickWins')}</dt>
            <dd>
              <ul className="plain-list">
                {[...p.quickWins].sort((a, b) => b.year - a.year).map((q) => (
                  <li key={q.year}>
                    <Link href={`/wilayah/${p.region.code}?tahun=${q.year}`}>{t('program.facts.quickWinOf', { year: q.year })}</Link>
                    <ProgressBar value={q.progress} illustrative={q.progressIllustrative} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
