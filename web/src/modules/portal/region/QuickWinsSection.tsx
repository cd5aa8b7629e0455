import { useEffect, useId } from 'react';
import { useSearchParams } from 'wouter';
import { paths } from '../../../core/api/client.ts';
import type { Masterplan, QuickWin } from '../../../core/api/types.ts';
import { load, useApi } from '../../../core/api/useApi.ts';
import { useI18n } from '../../../core/i18n.ts';
import { InlineError } from '../../../core/ui/ErrorState.tsx';
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
  // The masterplan already says which years have quick wins: start the fallback request early
  // and size the placeholder like the answer, so nothing below it moves when it arrives.
  const countIn = (y: number | null) => m.dimensions.reduce((n, d) => n + d.quickWins.filter((q) => q.year === y).length, 0);
  const expectFallback = !asked && latest !== null && latest !== primary && countIn(primary) === 0;
  useEffect(() => {
    if (expectFallback && latest !== null) void load(paths.quickWins(m.region.code, latest)).catch(() => undefined);
  }, [expectFallback, latest, m.region.code]);
  const expected = countIn(expectFallback ? latest : primary);
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
        <ul className="qw-grid" aria-hidden="true">
          {Array.from({ length: Math.max(1, expected) }, (_, i) => <li key={i} className="sk qw-sk" />)}
        </ul>
      ) : shown.data.length === 0 ? (
        <p className="empty">{t('region.quickWins.empty', { year: shownYear ?? '' })}</p>
      ) : (
        <QuickWinList items={shown.data} />
      )}
    </section>
  );
}
