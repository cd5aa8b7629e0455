import { useId } from 'react';
import { paths } from '../../../core/api/client.ts';
import { useMasterplan } from '../../../core/api/hooks.ts';
import type { Page, ProgramSummary } from '../../../core/api/types.ts';
import { useApi } from '../../../core/api/useApi.ts';
import { formatNumber } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { Breadcrumbs } from '../../../core/layout/Breadcrumbs.tsx';
import { ErrorState, InlineError } from '../../../core/ui/ErrorState.tsx';
import { PageSkeleton, Skeleton } from '../../../core/ui/Skeleton.tsx';
import { useDocumentTitle } from '../../../core/ui/useDocumentTitle.ts';
import { ProgramList } from '../shared/ProgramList.tsx';
import { Pager } from './Pager.tsx';
import { ProgramFilters } from './ProgramFilters.tsx';
import { PAGE_SIZE, useProgramFilters } from './useProgramFilters.ts';

/** "/wilayah/:code/program": every program of a region, filtered, sorted and paged. */
export function ProgramListPage({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const sortId = useId();
  const mp = useMasterplan(code);
  const { filters, page, query, update, reset, active } = useProgramFilters();
  const list = useApi<Page<ProgramSummary>>(mp.data ? paths.programs(code, query) : null, { keepPrevious: true });
  useDocumentTitle(mp.data ? `${t('programs.title')} · ${mp.data.region.name}` : null);
  if (mp.error) return <ErrorState error={mp.error} />;
  if (!mp.data) return <PageSkeleton blocks={[140, 500]} />;
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const from = data && data.total ? data.offset + 1 : 0;
  const to = data ? data.offset + data.items.length : 0;
  const sortValue = `${filters.sort || 'code'}:${filters.order || 'asc'}`;

  return (
    <>
      <Breadcrumbs items={[{ label: mp.data.region.name, href: `/wilayah/${code}` }, { label: t('programs.title') }]} />
      <div className="page-head">
        <h1>{t('programs.title')}</h1>
        <p className="lead">{t('programs.intro', { region: mp.data.region.name })}</p>
      </div>
      <ProgramFilters masterplan={mp.data} filters={filters} update={update} reset={reset} active={active} />
      <section className="section" aria-labelledby="results-title">
        <div className="section-head results-head">
          <h2 id="results-title" className="results-count" aria-live="polite">
            {data ? t('programs.results', { count: data.total, n: formatNumber(data.total, lang) }) : t('app.loading')}
          </h2>
          <div className="field field-inline">
            <label htmlFor={sortId}>{t('programs.sort.label')}</label>
            <select
              id={sortId}
              value={sortValue}
              onChange={(e) => {
                const [sort, order] = e.target.value.split(':');
                update({ sort: sort === 'code' ? '' : sort, order: order === 'desc' ? 'desc' : '' });
              }}
            >
              {(['code', 'title', 'startYear', 'budget'] as const).flatMap((s) =>
                (['asc', 'desc'] as const).map((o) => (
                  <option key={`${s}:${o}`} value={`${s}:${o}`}>{t(`programs.sort.${s}`)} — {t(`programs.sort.${o}`)}</option>
                )),
              )}
            </select>
          </div>
        </div>
        {data && data.total > 0 && <p className="muted">{t('programs.showing', { from, to, total: data.total })}</p>}
        {list.error ? (
          <InlineError error={list.error} />
        ) : data ? (
          <div className={list.loading ? 'is-stale' : undefined} aria-busy={list.loading}>
            <ProgramList items={data.items} />
          </div>
        ) : (
          <Skeleton height={600} />
        )}
        <Pager
          page={page}
          pages={pages}
          onPage={(p) => {
            update({ page: p > 1 ? String(p) : '' });
            document.getElementById('results-title')?.scrollIntoView();
          }}
        />
      </section>
    </>
  );
}
