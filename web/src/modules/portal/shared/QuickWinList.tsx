import { Link } from 'wouter';
import type { QuickWin } from '../../../core/api/types.ts';
import { useI18n } from '../../../core/i18n.ts';
import { PillarChip } from '../../../core/ui/PillarChip.tsx';
import { ProgressBar } from '../../../core/ui/ProgressBar.tsx';
import { sortByPillar, pillarClass } from '../../../core/pillars.ts';

/** Quick wins as cards: pillar, program, owning OPD and progress. */
export function QuickWinList({ items }: { items: QuickWin[] }) {
  const { t } = useI18n();
  return (
    <ul className="qw-grid">
      {sortByPillar(items, (q) => q.dimension).map((q) => (
        <li key={`${q.year}-${q.program.id}`} className={`card qw-card ${pillarClass(q.dimension)}`}>
          <PillarChip dimensionKey={q.dimension} name={q.dimensionName} />
          <h3 className="qw-title"><Link href={`/program/${q.program.id}`}>{q.program.title}</Link></h3>
          <p className="qw-opd">
            <span className="muted">{t('quickWins.opd')}:</span>{' '}
            <Link href={`/opd/${q.opd.id}`} title={q.opd.name}>{q.opd.abbreviation || q.opd.name}</Link>
          </p>
          <ProgressBar value={q.progress} illustrative={q.progressIllustrative} />
        </li>
      ))}
    </ul>
  );
}
