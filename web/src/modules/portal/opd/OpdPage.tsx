import { Link } from 'wouter';
import { useOpd } from '../../../core/api/hooks.ts';
import { formatNumber } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { Breadcrumbs } from '../../../core/layout/Breadcrumbs.tsx';
import { ErrorState } from '../../../core/ui/ErrorState.tsx';
import { PageSkeleton } from '../../../core/ui/Skeleton.tsx';
import { useDocumentTitle } from '../../../core/ui/useDocumentTitle.ts';
import { ProgramList } from '../shared/ProgramList.tsx';

/** "/opd/:id": a regional agency and the programs it leads or supports. */
export function OpdPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const opd = useOpd(id);
  useDocumentTitle(opd.data?.name);
  if (opd.error) return <ErrorState error={opd.error} />;
  if (!opd.data) return <PageSkeleton blocks={[120, 400]} />;
  const o = opd.data;
  return (
    <>
      <Breadcrumbs items={[{ label: o.region.name, href: `/wilayah/${o.region.code}` }, { label: o.abbreviation || o.name }]} />
      <div className="page-head">
        <p className="eyebrow">{t('opd.eyebrow')}</p>
        <h1>{o.name}</h1>
        <ul className="stat-row" aria-label={t('opd.stats')}>
          {o.abbreviation && <li><span className="stat-label">{t('opd.abbreviation')}</span> <strong>{o.abbreviation}</strong></li>}
          {o.role && <li><span className="badge badge-role">{t(`opdRole.${o.role}`)}</span></li>}
          <li><span className="stat-label">{t('opd.leadCount')}</span> <strong>{formatNumber(o.lead.length, lang)}</strong></li>
          <li><span className="stat-label">{t('opd.supportingCount')}</span> <strong>{formatNumber(o.supporting.length, lang)}</strong></li>
        </ul>
        <p><Link href={`/wilayah/${o.region.code}/program?opd=${encodeURIComponent(o.id)}`}>{t('opd.filterLink')}</Link></p>
      </div>
      <section className="section" aria-labelledby="lead-title">
        <h2 id="lead-title">{t('opd.lead')}</h2>
        <ProgramList items={o.lead} emptyText={t('opd.none')} />
      </section>
      <section className="section" aria-labelledby="sup-title">
        <h2 id="sup-title">{t('opd.supporting')}</h2>
        <ProgramList items={o.supporting} emptyText={t('opd.none')} />
      </section>
    </>
  );
}
