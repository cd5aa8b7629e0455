import type { FileMeta } from '../files/types.ts';
import type { Kpi } from '../../core/api/types.ts';

/** Types and paths of the monitoring API (src/modules/monitoring/queries.ts, docs/api.md). */

export type ProgramStatus = 'not_started' | 'on_track' | 'at_risk' | 'late' | 'done';
export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'approved';
export type PeriodState = 'upcoming' | 'open' | 'closed';
export type Thresholds = { atRiskLag: number; lateLag: number; kpiAtRisk: number; kpiLate: number; overdueGraceDays: number };

export type Period = {
  id: string; regionCode: string; year: number; kind: 'quarterly' | 'monthly' | 'semester'; seq: number; label: string;
  startsOn: string; endsOn: string; dueOn: string; opensOn: string; closedAt: string | null; state: PeriodState; version: number;
};

export type Settings = {
  regionCode: string; periodKind: Period['kind']; dueDays: number; reminderLeadDays: number; thresholds: Partial<Thresholds>; version: number;
  effectiveThresholds: Thresholds; defaults: Thresholds;
};

export type RollUp = {
  count: number; progress: number | null; expected: number | null; status: ProgramStatus | null;
  counts: Record<ProgramStatus, number>; weighting: 'budget' | 'equal';
};

export type ProgramState = {
  id: string; code: string; title: string; dimensionKey: string; elementKey: string; illustrative: boolean;
  opd: { id: string; abbreviation: string; name: string };
  startYear: number; endYear: number; status: ProgramStatus; progress: number; expected: number; kpiAttainment: number | null;
  last: { periodId: string; label: string; endsOn: string; approvedAt: string; year: number; budgetRealised: number | null; budgetPlanned: number; illustrative: boolean } | null;
  financialPct: number | null; budgetTotal: number;
  daysSinceUpdate: number | null; overdue: boolean; overdueDays: number | null; districts: string[];
};

export type RegionDashboard = {
  asOf: string; regionCode: string; thresholds: Thresholds; periodKind: Period['kind'];
  region: RollUp; overdue: number; withReports: number;
  dimensions: { key: string; budget: number; rollup: RollUp; elements: { key: string; rollup: RollUp }[] }[];
  opds: { opd: ProgramState['opd']; rollup: RollUp; overdue: number }[];
  quickWins: { dimensionKey: string; year: number; program: ProgramState }[];
  programs: ProgramState[];
};

export type KpiPoint = { label: string; endsOn: string; actual: number | null; target: number | null };

export type ProgramMonitoring = ProgramState & {
  series: { periodId: string; label: string; endsOn: string; physicalPct: number | null; budgetRealised: number | null; budgetPlanned: number; approvedAt: string | null; illustrative: boolean }[];
  kpis: { id: string; name: string; unit: string; polarity: Kpi['polarity']; points: KpiPoint[] }[];
  latestReport: { label: string; narrative: string; obstacles: string; followUp: string; illustrative: boolean; evidence: FileMeta[] } | null;
};

export type HistoryEntry = { action: string; fromStatus: ReportStatus | null; toStatus: ReportStatus; version: number; comment: string | null; actor: { id: string; name: string } | null; at: string };

export type ReportView = {
  id: string; status: ReportStatus; version: number; physicalPct: number | null; budgetRealised: number | null; budgetPlanned: number;
  narrative: string; obstacles: string; followUp: string; illustrative: boolean;
  submittedAt: string | null; submittedBy: { id: string; name: string } | null;
  reviewedAt: string | null; reviewedBy: { id: string; name: string } | null; reviewComment: string | null;
  approvedAt: string | null; updatedAt: string;
  program: {
    id: string; code: string; title: string; regionCode: string; regionName: string; leadOpd: { id: string; name: string; abbreviation: string };
    startYear: number; endYear: number; dimensionKey: string;
    locations: { code: string; name: string; level: 'district' | 'village' }[];
    kpis: (Kpi & { expected: { value: number; valueMax: number | null } | null })[];
  };
  period: Omit<Period, 'regionCode' | 'version'>;
  kpis: { kpiId: string; value: number | null; breakdown: Record<string, number> | null }[];
  files: FileMeta[];
  history: HistoryEntry[];
  can: { write: boolean; review: boolean };
};

export type UpdateState = 'returned' | 'overdue' | 'draft' | 'due' | 'submitted';
export type ReportListItem = {
  id: string; status: ReportStatus; version: number; physicalPct: number | null; budgetRealised: number | null;
  submittedAt: string | null; approvedAt: string | null; updatedAt: string; reviewComment: string | null; illustrative: boolean;
  program: { id: string; code: string; title: string }; opd: { id: string; abbreviation: string; name: string };
  period: { id: string; label: string; dueOn: string; endsOn: string };
};
export type MyUpdates = {
  today: string; regionCode: string;
  items: { program: { id: string; code: string; title: string }; period: { id: string; label: string; dueOn: string; endsOn: string; state: PeriodState }; report: { id: string; status: ReportStatus; version: number; reviewComment: string | null } | null; state: UpdateState; canWrite: boolean }[];
  counts: Record<UpdateState, number>;
  toReview: ReportListItem[];
};

const enc = encodeURIComponent;
export const monPaths = {
  dashboard: (code: string) => `/api/regions/${enc(code)}/monitoring`,
  settings: (code: string) => `/api/regions/${enc(code)}/monitoring/settings`,
  periods: (code: string, year?: number) => `/api/regions/${enc(code)}/periods${year ? `?year=${year}` : ''}`,
  generate: (code: string) => `/api/regions/${enc(code)}/periods/generate`,
  period: (id: string) => `/api/periods/${enc(id)}`,
  startReport: (programId: string) => `/api/programs/${enc(programId)}/reports`,
  report: (id: string) => `/api/reports/${enc(id)}`,
  transition: (id: string, action: 'submit' | 'return' | 'approve') => `/api/reports/${enc(id)}/${action}`,
  mine: (code: string) => `/api/me/monitoring?region=${enc(code)}`,
  programMonitoring: (id: string) => `/api/programs/${enc(id)}/monitoring`,
};
