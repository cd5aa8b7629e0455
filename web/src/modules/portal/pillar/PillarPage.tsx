import { Link } from 'wouter';
import { paths } from '../../../core/api/client.ts';
import { useMasterplan } from '../../../core/api/hooks.ts';
import type { Page, ProgramSummary } from '../../../core/api/types.ts';
import { useApi } from '../../../core/api/useApi.ts';
import { formatNumber, formatRupiah, pick } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { Breadcrumbs } from '../../../core/layout/Breadcrumbs.tsx';
import { pillarClass } from '../../../core/pillars.ts';
import { ErrorState, InlineError, NotFound } from '../../../core/ui/ErrorState.tsx';
import { PageSkeleton, Skeleton } from '../../../core/ui/Skeleton.tsx';
import { useDocumentTitle } from '../../../core/ui/useDocumentTitle.ts';
import { ProgramList } from '../shared/ProgramList.tsx';
import { QuickWinDetail } from './QuickWinDetail.tsx';
import { usePillarQuickWins } from './usePillarQuickWins.ts';

/** "/wilayah/:code/pilar/:dimension": one dimension of a region's masterplan. */
export function PillarPage({ code, dimension }: { code: string; dimension: string }) {
  const { t, lang } = useI18n();
  const mp = useMasterplan(code);
  const programs = useApi<Page<ProgramSummary>>(paths.programs(code, { dimension, limit: 200, sort: 'code' }));
  const d = mp.data?.dimensions.find((x) => x.key === dimension);
  const years = [...new Set(d?.quickWins.map((q) => q.year) ?? [])].sort((a, b) => b - a);
  const detailed = usePillarQuickWins(code, dimension, years);
  useDocumentTitle(d && mp.data ? `${pick(d.name, lang)} · ${mp.data.region.name}` : null);
  if (mp.error) return <ErrorState error={mp.error} />;
  if (!mp.data) return <PageSkeleton blocks={[120, 200, 400]} />;
  if (!d) return <NotFound />;
  const m = mp.data;
  const listHref = (el?: string) => `/wilayah/${code}/program?pilar=${dimension}${el ? `&elemen=${encodeURIComponent(el)}` : ''}`;
  return (
    <div className={pillarClass(dimension)}>
      <Breadcrumbs items={[{ label: m.region.name, href: `/wilayah/${code}` }, { label: pick(d.name, lang) }]} />
      <div className="page-head pillar-head">
        <p className="eyebrow">{t('pillar.eyebrow')}</p>
        <h1>{pick(d.name, lang)}</h1>
        <ul className="stat-row" aria-label={t('pillar.stats')}>
          <li><span className="stat-label">{t('region.stats.programs')}</span> <strong>{formatNumber(d.programCount, lang)}</strong></li>
          <li><span className="stat-label">{t('region.stats.budget')}</span> <strong>{formatRupiah(d.budgetTotal)}</strong></li>
        </ul>
      </div>

      <section className="section" aria-labelledby="el-title">
        <h2 id="el-title">{t('pillar.elements.title')}</h2>
        <ul className="element-list">
          {d.elements.map((e) => (
            <li key={e.key}>
              <Link href={listHref(e.key)}>{pick(e.name, lang)}</Link>
              <span className="count">{t('pillar.elements.programCount', { count: e.programCount, n: formatNumber(e.programCount, lang) })}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="pqw-title">
        <h2 id="pqw-title">{t('pillar.quickWins.title')}</h2>
        {years.length === 0 ? (
          <p className="empty">{t('pillar.quickWins.empty')}</p>
        ) : (
          <dl className="year-list">
            {years.map((y) => (
              <div key={y}>
                <dt>{y}</dt>
                <dd>
                  <ul>
                    {d.quickWins.filter((q) => q.year === y).map((q) => (
                      <li key={q.program.id}>
                        <Link href={`/program/${q.program.id}`}>{q.program.title}</Link>
                        <QuickWinDetail qw={detailed?.find((x) => x.year === y && x.program.id === q.program.id)} />
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section className="section" aria-labelledby="pp-title">
        <div className="section-head">
          <h2 id="pp-title">{t('pillar.programs.title')}</h2>
          <Link href={listHref()} className="button button-small">{t('pillar.programs.filter')}</Link>
        </div>
        {programs.error ? <InlineError error={programs.error} /> : programs.data ? (
          <ProgramList items={programs.data.items} showPillar={false} />
        ) : (
          <Skeleton height={400} />
        )}
      </section>
    </div>
  );
}
