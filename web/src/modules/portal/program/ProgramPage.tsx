import { useFrameworkNames, useProgram } from '../../../core/api/hooks.ts';
import { pick } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { Breadcrumbs } from '../../../core/layout/Breadcrumbs.tsx';
import { pillarClass } from '../../../core/pillars.ts';
import { ErrorState } from '../../../core/ui/ErrorState.tsx';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';
import { PillarChip } from '../../../core/ui/PillarChip.tsx';
import { PageSkeleton } from '../../../core/ui/Skeleton.tsx';
import { useDocumentTitle } from '../../../core/ui/useDocumentTitle.ts';
import { BudgetTable } from './BudgetTable.tsx';
import { KpiSection } from './KpiSection.tsx';
import { LocationsSection } from './LocationsSection.tsx';
import { ProgramFacts } from './ProgramFacts.tsx';
import { ProgramMonitoringSection } from '../../monitoring/public/lazy.tsx';

/** "/program/:id": one program with its budgets, KPIs and villages. */
export function ProgramPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const program = useProgram(id);
  const names = useFrameworkNames();
  useDocumentTitle(program.data?.title);
  if (program.error) return <ErrorState error={program.error} />;
  if (!program.data || !names.ready) return <PageSkeleton blocks={[260, 200, 320]} />;
  const p = program.data;
  const dim = names.dimension(p.dimensionKey);
  return (
    <div className={pillarClass(p.dimensionKey)}>
      <Breadcrumbs
        items={[
          { label: p.region.name, href: `/wilayah/${p.region.code}` },
          { label: pick(dim, lang), href: `/wilayah/${p.region.code}/pilar/${p.dimensionKey}` },
          { label: p.code },
        ]}
      />
      <div className="page-head">
        <p className="program-top">
          <span className="code">{p.code}</span>
          <PillarChip dimensionKey={p.dimensionKey} name={dim} />
          <IllustrativeBadge show={p.illustrative} />
          {p.hasPendingChanges && <span className="badge badge-pending" title={t('program.pendingTitle')}>{t('program.pending')}</span>}
        </p>
        <h1>{p.title}</h1>
        {p.description && <p className="lead prose" lang="id">{p.description}</p>}
      </div>
      <ProgramFacts program={p} />
      <BudgetTable budgets={p.budgets} />
      <KpiSection kpis={p.kpis} />
      <ProgramMonitoringSection id={p.id} />
      <LocationsSection program={p} />
      <p className="muted small">{t('program.updated', { date: new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long' }).format(new Date(p.updatedAt)), version: p.version })}</p>
    </div>
  );
}
