import { useId } from 'react';
import { useSearchParams } from 'wouter';
import { paths } from '../../../core/api/client.ts';
import type { Masterplan, QuickWin } from '../../../core/api/types.ts';
import { useApi } from '../../../core/api/useApi.ts';
import { useI18n } from '../../../core/i18n.ts';
import { InlineError } from '../../../core/ui/ErrorState.tsx';
import { Skeleton } from '../../../core/ui/Skeleton.tsx';
import { QuickWinList } from '../shared/QuickWinList.tsx';
import { withParam } from '../shared/query.ts';

/**
 * Quick wins of one year: `?tahun=YYYY` when given, else the current year; when the current
 * year has none, the latest year of the masterplan, saying so.
 */
export function QuickWinsSection({ masterplan: m, currentYear }: { masterplan: Masterplan; currentYear: number | undefined }) {
  const { t } = useI18n();
  const selectId = useId();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('tahun')) || null;
  const years = [...m.quickWinYears].sort((a, b) => b - a);
  const latest = years[0] ?? null;
  const primary = asked ?? currentYear ?? null;
  const first = useApi<QuickWin[]>(primary ? paths.quickWins(m.region.code, primary) : null);
  const needFallback = !asked && first.data?.length === 0 && latest !== null && latest !== primary;
  const fallback = useApi<QuickWin[]>(needFallback ? paths.quickWins(m.region.code, latest) : null);
  const shown = needFallback ? fallback : first;
  const shownYear = needFallback ? latest : primary;
  const options = [...new Set([...(currentYear ? [currentYear] : []), ...years])].sort((a, b) => b - a);

  return (
    <section id="quick-wins" className="section" aria-labelledby="qw-title">
      <div className="section-head">
        <h2 id="qw-title">{t('region.quickWins.title')}{shownYear ? ` ${shownYear}` : ''}</h2>
        {options.length > 0 && (
          <div className="field field-inline">
            <label htmlFor={selectId}>{t('region.quickWins.yearLabel')}</label>
            <select
              id={selectId}
              value={shownYear ?? ''}
              onChange={(e) => setParams((p) => withParam(p, 'tahun', e.target.value), { replace: true })}
            >
              {options.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </div>
        )}
      </div>
      <p className="muted">{t('region.quickWins.intro')}</p>
      {needFallback && primary && <p className="note" role="status">{t('region.quickWins.fallback', { year: primary, shown: latest })}</p>}
      {shown.error ? (
        <InlineError error={shown.error} />
      ) : !shown.data ? (
        <Skeleton height={236} />
      ) : shown.data.length === 0 ? (
        <p className="empty">{t('region.quickWins.empty', { year: shownYear ?? '' })}</p>
      ) : (
        <QuickWinList items={shown.data} />
      )}
    </section>
  );
}
