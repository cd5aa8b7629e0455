import { Link } from 'wouter';
import { useConfig, useMasterplan } from '../../../core/api/hooks.ts';
import { formatNumber, formatPeriod, formatRupiah } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { Breadcrumbs } from '../../../core/layout/Breadcrumbs.tsx';
import { ErrorState } from '../../../core/ui/ErrorState.tsx';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';
import { PageSkeleton } from '../../../core/ui/Skeleton.tsx';
import { StatusBadge } from '../../../core/ui/StatusBadge.tsx';
import { useDocumentTitle } from '../../../core/ui/useDocumentTitle.ts';
import { BudgetSection } from './BudgetSection.tsx';
import { MasterplanSummary } from './MasterplanSummary.tsx';
import { OpdList } from './OpdList.tsx';
import { PillarCards } from './PillarCards.tsx';
import { QuickWinsSection } from './QuickWinsSection.tsx';
import { ReadinessSection } from './ReadinessSection.tsx';
import { SourcesSection } from './SourcesSection.tsx';
import { SectionNav } from './SectionNav.tsx';
import { RegionMonitoringSection } from '../../monitoring/public/lazy.tsx';

/** "/wilayah/:code": one region's masterplan. */
export function RegionPage({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const mp = useMasterplan(code);
  const config = useConfig();
  useDocumentTitle(mp.data?.region.name);
  if (mp.error) return <ErrorState error={mp.error} />;
  if (!mp.data) return <PageSkeleton blocks={[128, 420, 300]} />;
  const m = mp.data;
  return (
    <>
      <Breadcrumbs items={[{ label: m.region.name }]} />
      <div className="page-head">
        <h1>{m.region.name}</h1>
        <p className="lead">{m.title} <IllustrativeBadge show={m.illustrativeFields.includes('title')} /></p>
        <ul className="stat-row" aria-label={t('region.statsLabel')}>
          <li><span className="stat-label">{t('region.summary.period')}</span> <strong>{formatPeriod(m.periodStart, m.periodEnd)}</strong></li>
          <li><span className="stat-label">{t('region.stats.programs')}</span> <strong>{formatNumber(m.totals.programCount, lang)}</strong></li>
          <li>
            <span className="stat-label">{t('region.stats.budget')}</span> <strong>{formatRupiah(m.totals.budgetTotal)}</strong>{' '}
            <IllustrativeBadge show={m.totals.budgetIllustrative} />
          </li>
          <li><StatusBadge status={m.status} /></li>
          <li><Link href={`/wilayah/${code}/evaluasi`}>{t('nav.evaluation')}</Link></li>
        </ul>
      </div>
      <SectionNav />
      <QuickWinsSection masterplan={m} currentYear={config.data?.currentYear} />
      <PillarCards masterplan={m} />
      <RegionMonitoringSection code={code} />
      <MasterplanSummary masterplan={m} />
      <BudgetSection masterplan={m} />
      <ReadinessSection masterplan={m} />
      <OpdList masterplan={m} />
      <SourcesSection sources={m.sources} />
    </>
  );
}
