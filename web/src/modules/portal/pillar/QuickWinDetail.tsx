import { Link } from 'wouter';
import type { QuickWin } from '../../../core/api/types.ts';
import { formatPercent } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';

/** OPD and progress of a quick win, on one line after its program title. */
export function QuickWinDetail({ qw }: { qw: QuickWin | undefined }) {
  const { t, lang } = useI18n();
  if (!qw) return <span className="qw-detail" />;
  return (
    <span className="qw-detail">
      <Link href={`/opd/${qw.opd.id}`} title={qw.opd.name}>{qw.opd.abbreviation || qw.opd.name}</Link>
      {qw.progress !== null && (
        <>
          {' · '}{t('quickWins.progress')} {formatPercent(qw.progress, lang)} <IllustrativeBadge show={qw.progressIllustrative} />
        </>
      )}
    </span>
  );
}
