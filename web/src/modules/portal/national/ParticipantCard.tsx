import { Link } from 'wouter';
import type { Participant } from '../../../core/api/types.ts';
import { formatNumber, formatPeriod, formatRupiah } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { StatusBadge } from '../../../core/ui/StatusBadge.tsx';

export function ParticipantCard({ p }: { p: Participant }) {
  const { t, lang } = useI18n();
  return (
    <li className="card participant-card">
      <h3 className="card-title">
        <Link href={`/wilayah/${p.code}`}>{p.name}</Link>
      </h3>
      <p className="card-sub">{p.province.name}</p>
      <dl className="facts">
        <div><dt>{t('participant.period')}</dt><dd>{formatPeriod(p.masterplan.periodStart, p.masterplan.periodEnd)}</dd></div>
        <div><dt>{t('participant.programs')}</dt><dd>{formatNumber(p.programCount, lang)}</dd></div>
        <div className="facts-wide"><dt>{t('participant.budget')}</dt><dd>{formatRupiah(p.budgetTotal)}</dd></div>
      </dl>
      <p className="card-foot"><StatusBadge status={p.masterplan.status} /></p>
    </li>
  );
}
