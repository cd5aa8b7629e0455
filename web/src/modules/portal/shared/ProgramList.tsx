import { Link } from 'wouter';
import { useFrameworkNames } from '../../../core/api/hooks.ts';
import type { ProgramSummary } from '../../../core/api/types.ts';
import { formatPeriod, formatRupiah, pick } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { pillarClass } from '../../../core/pillars.ts';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';
import { PillarChip } from '../../../core/ui/PillarChip.tsx';
import { Skeleton } from '../../../core/ui/Skeleton.tsx';

type Props = { items: ProgramSummary[]; showPillar?: boolean; headingLevel?: 3 | 4; emptyText?: string };

/** Programs as a list of compact cards. */
export function ProgramList({ items, showPillar = true, headingLevel = 3, emptyText }: Props) {
  const { t, lang } = useI18n();
  const names = useFrameworkNames();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  if (!items.length) return <p className="empty">{emptyText ?? t('programs.empty')}</p>;
  // Wait for the framework names too, so rows do not change height when they arrive.
  if (!names.ready) return <Skeleton height={items.length * 110} />;
  return (
    <ul className="program-list">
      {items.map((p) => (
        <li key={p.id} className={`program-item ${pillarClass(p.dimensionKey)}`}>
          <div className="program-top">
            <span className="code">{p.code}</span>
            {showPillar && <PillarChip dimensionKey={p.dimensionKey} name={names.dimension(p.dimensionKey)} />}
            <IllustrativeBadge show={p.illustrative} />
            {p.quickWinYears.length > 0 && (
              <span className="badge badge-qw">{t('programs.quickWinYears', { years: p.quickWinYears.join(', ') })}</span>
            )}
          </div>
          <H className="program-title"><Link href={`/program/${p.id}`}>{p.title}</Link></H>
          <p className="program-meta">
            <span>{pick(names.element(p.elementKey), lang)}</span>
            <span><abbr title={p.leadOpd.name}>{p.leadOpd.abbreviation || p.leadOpd.name}</abbr></span>
            <span>{t(`horizon.${p.horizon}`)} · {formatPeriod(p.startYear, p.endYear)}</span>
            <span className="program-budget">{formatRupiah(p.budgetTotal)}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
