import { IllustrativeBadge } from '../../core/ui/IllustrativeBadge.tsx';
import type { ProgramState, ProgramStatus, ReportStatus } from './api.ts';
import { useMonI18n } from './i18n.ts';
import './monitoring.css';

/** Not started / on track / at risk / late / done, in words and colour (never colour alone). */
export function ProgramStatusBadge({ status }: { status: ProgramStatus | null }) {
  const { t } = useMonI18n();
  if (!status) return null;
  return <span className={`badge mon-status mon-status-${status}`} title={t(`status.${status}Title`)}>{t(`status.${status}`)}</span>;
}

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useMonI18n();
  return <span className={`badge mon-report mon-report-${status}`}>{t(`report.status.${status}`)}</span>;
}

/** "Diperbarui N hari lalu" and, when the latest due report is missing, "Terlambat N hari". */
export function Staleness({ state }: { state: Pick<ProgramState, 'daysSinceUpdate' | 'overdue' | 'overdueDays'> }) {
  const { t } = useMonI18n();
  return (
    <span className="mon-staleness">
      <span className="mon-updated">
        {state.daysSinceUpdate === null ? t('staleness.never') : state.daysSinceUpdate === 0 ? t('staleness.today') : t('staleness.daysAgo', { count: state.daysSinceUpdate })}
      </span>
      {state.overdue && <span className="badge mon-overdue" title={t('staleness.overdueTitle')}>{t('staleness.overdue', { count: state.overdueDays ?? 0 })}</span>}
    </span>
  );
}

/** A labelled horizontal bar 0–100 with an optional marker for where it should be. */
export function Bar({ label, value, expected, kind = 'physical' }: { label: string; value: number | null; expected?: number | null; kind?: 'physical' | 'financial' }) {
  const { t, pct } = useMonI18n();
  const v = value === null ? 0 : Math.max(0, Math.min(100, value));
  return (
    <div className="mon-bar">
      <span className="mon-bar-label">{label}: <strong>{pct(value)}</strong>{expected !== undefined && expected !== null && <span className="muted small"> ({t('dash.expected')} {pct(expected)})</span>}</span>
      <span className={`mon-bar-track mon-bar-${kind}`} aria-hidden="true">
        <span className="mon-bar-fill" style={{ width: `${v}%` }} />
        {expected !== undefined && expected !== null && <span className="mon-bar-expected" style={{ left: `${Math.max(0, Math.min(100, expected))}%` }} />}
      </span>
    </div>
  );
}

/** Physical vs financial progress side by side. */
export function ProgressPair({ state }: { state: Pick<ProgramState, 'progress' | 'expected' | 'financialPct' | 'last'> }) {
  const { t } = useMonI18n();
  return (
    <div className="mon-pair">
      <Bar label={t('dash.physical')} value={state.last ? state.progress : null} expected={state.expected} />
      <Bar label={t('dash.financial')} value={state.financialPct} kind="financial" />
      <IllustrativeBadge show={Boolean(state.last?.illustrative)} />
    </div>
  );
}
