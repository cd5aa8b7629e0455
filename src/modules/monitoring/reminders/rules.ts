/**
 * Which reminders are due: a pure function of "now", the period, the state of each program's
 * report and the region's settings. The job (job.ts) feeds it from the database and records
 * what it returns; keeping the decision here makes the rules testable without I/O.
 */
import type { NotificationKind } from './schema.ts';

export interface ReminderSettingsValue {
  /** Days before the due date on which officers are reminded (e.g. [7, 1]). */
  daysBefore: number[];
  /** Remind officer and coordinator(s) once the due date has passed. */
  overdue: boolean;
  /**
   * Overdue reminders only within this many days after the due date: a period missed long ago
   * (e.g. on the first run after an import) shows on the dashboards instead of flooding inboxes.
   */
  overdueWindowDays: number;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettingsValue = { daysBefore: [7, 1], overdue: true, overdueWindowDays: 30 };

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'approved';

export interface ProgramState {
  programId: string;
  leadOpdId: string;
  report: { id: string; status: ReportStatus; /** Changes with every return, e.g. the report's version. */ returnKey: string } | null;
}

export interface PeriodState {
  id: string;
  regionCode: string;
  /** Calendar date YYYY-MM-DD in the region's local time; the report is due by the end of it. */
  dueDate: string;
  open: boolean;
}

export interface Recipients {
  /** Active OPD officers per OPD id. */
  officersByOpd: ReadonlyMap<string, readonly string[]>;
  /** Active coordinators of the region. */
  coordinators: readonly string[];
}

export interface PlannedReminder {
  kind: NotificationKind;
  stage: string;
  periodId: string;
  programId: string;
  reportId: string | null;
  userId: string;
  /** Unique per reminder: the job inserts it at most once. */
  dedupeKey: string;
}

/** UTC offset in hours of a region by its province code: WIB +7, WITA +8, WIT +9. */
export function utcOffsetHours(regionCode: string): number {
  const province = Number(regionCode.slice(0, 2));
  if (province >= 81) return 9;
  if ([51, 52, 53, 63, 64, 65].includes(province) || (province >= 71 && province <= 76)) return 8;
  return 7;
}

/** The region's calendar date of an instant, YYYY-MM-DD. */
export function localDate(now: Date, regionCode: string): string {
  return new Date(now.getTime() + utcOffsetHours(regionCode) * 3_600_000).toISOString().slice(0, 10);
}

/** Whole days from the region's today to the due date: 0 on the due date, negative once missed. */
export function daysUntilDue(now: Date, dueDate: string, regionCode: string): number {
  const today = Date.parse(`${localDate(now, regionCode)}T00:00:00Z`);
  const due = Date.parse(`${dueDate}T00:00:00Z`);
  return Math.round((due - today) / 86_400_000);
}

/**
 * The "before" stage that applies today: the smallest configured day count that is still at
 * least the days left (so a job that did not run for a week sends only the most urgent one).
 */
export function beforeStage(daysLeft: number, daysBefore: readonly number[]): string | null {
  if (daysLeft < 0) return null;
  const fitting = daysBefore.filter((d) => Number.isInteger(d) && d >= 0 && daysLeft <= d);
  if (!fitting.length) return null;
  return `before-${Math.min(...fitting)}`;
}

const done = (s: ReportStatus | undefined) => s === 'submitted' || s === 'approved';

/** A report is one per program and period, so the program names it even before a draft exists. */
export function dedupeKey(r: Omit<PlannedReminder, 'dedupeKey'>): string {
  return [r.kind, r.periodId, r.programId, r.userId, r.stage].join(':');
}

/** Every reminder that should exist for this period now (already recorded ones are skipped by the job). */
export function planReminders(now: Date, period: PeriodState, programs: readonly ProgramState[], settings: ReminderSettingsValue, who: Recipients): PlannedReminder[] {
  if (!period.open) return [];
  const out: PlannedReminder[] = [];
  const add = (r: Omit<PlannedReminder, 'dedupeKey'>) => out.push({ ...r, dedupeKey: dedupeKey(r) });
  const left = daysUntilDue(now, period.dueDate, period.regionCode);
  const before = beforeStage(left, settings.daysBefore);
  for (const p of programs) {
    const officers = who.officersByOpd.get(p.leadOpdId) ?? [];
    const base = { periodId: period.id, programId: p.programId, reportId: p.report?.id ?? null };
    // A returned report asks its officer to act, once per return.
    if (p.report?.status === 'returned') {
      for (const userId of officers) add({ ...base, kind: 'report_returned', stage: `returned-${p.report.returnKey}`, userId });
    }
    if (done(p.report?.status)) continue;
    if (before) {
      for (const userId of officers) add({ ...base, kind: 'report_due', stage: before, userId });
    } else if (left < 0 && settings.overdue && -left <= settings.overdueWindowDays) {
      for (const userId of new Set([...officers, ...who.coordinators])) add({ ...base, kind: 'report_overdue', stage: 'overdue', userId });
    }
  }
  return out;
}
