/**
 * Monitoring (issue 5): reporting periods, OPD progress reports, their review and history.
 *
 * For the other helpers building on these tables (reminders, bulk KPI grid, evidence files):
 * src/modules/monitoring/service.ts exports the reusable pieces —
 *   loadReportForWrite(db, actor, reportId)          report + program + period, report.write checked, 409 unless draft/returned
 *   ensureDraft(db, actor, programId, periodId, ip?)  the (program, period) report, created as a draft (window checked)
 *   saveKpiValues(db, programId, reportId, values)    KPI values into a report (ids and breakdown codes checked)
 *   recordEvent / reportSnapshot                      history entries after a write (then bump the version yourself)
 *   getSettings(db, regionCode)                       rhythm, due days, thresholds, reminder lead days (defaults when no row)
 *   periodsDue(db, regionCode, untilIsoDate)          periods due on or before a date, newest first
 *   reportsMissing(db, regionCode, periodId)          running programs without a submitted/approved report
 * queries.ts: programStates(db, regionCode) and regionDashboard(db, regionCode) (approved figures).
 * Status rules are pure functions in status.ts.
 */
import {
  pgTable, text, integer, bigint, doublePrecision, jsonb, timestamp, uuid, date, boolean,
  primaryKey, unique, index,
} from 'drizzle-orm/pg-core';
import { regions } from '../wilayah/schema.ts';
import { programs, opds, kpis } from '../masterplan/schema.ts';
import { users } from '../accounts/schema.ts';
import { files } from '../files/schema.ts';

export const PERIOD_KINDS = ['quarterly', 'monthly', 'semester'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_EVENT_ACTIONS = ['create', 'save', 'submit', 'return', 'approve'] as const;

/** Thresholds of the status rules (status.ts); null/missing keys fall back to the documented defaults. */
export interface StatusThresholds {
  /** Physical progress may lag the expected progress by this many points and still be on track. */
  atRiskLag?: number;
  /** Lagging by more than this many points is late. */
  lateLag?: number;
  /** KPI attainment (0–1) below which a program is at risk. */
  kpiAtRisk?: number;
  /** KPI attainment (0–1) below which a program is late. */
  kpiLate?: number;
  /** Days after the due date before a missing report counts as overdue. */
  overdueGraceDays?: number;
}

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Per-region monitoring settings: reporting rhythm, status thresholds, reminder lead time. A missing row means the defaults. */
export const monitoringSettings = pgTable('monitoring_settings', {
  regionCode: text('region_code').primaryKey().references(() => regions.code),
  periodKind: text('period_kind', { enum: PERIOD_KINDS }).notNull().default('quarterly'),
  /** Days after a period ends by which its report is due. */
  dueDays: integer('due_days').notNull().default(15),
  thresholds: jsonb('thresholds').$type<StatusThresholds>().notNull().default({}),
  /** Reminders go out this many days before a due date (used by monitoring/reminders). */
  reminderLeadDays: integer('reminder_lead_days').notNull().default(7),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

/**
 * One reporting period of a region (e.g. "2026 T1"): the span it covers, its due date, and its
 * window: reports can be written from opens_on until closed_at is set (closing is manual).
 */
export const reportingPeriods = pgTable('reporting_periods', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionCode: text('region_code').notNull().references(() => regions.code),
  year: integer('year').notNull(),
  kind: text('kind', { enum: PERIOD_KINDS }).notNull(),
  /** 1-based position within the year (quarter 1–4, month 1–12, semester 1–2). */
  seq: integer('seq').notNull(),
  label: text('label').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  /** First day reports can be written (default: starts_on). */
  opensOn: date('opens_on', { mode: 'string' }).notNull(),
  /** Set when a coordinator closes the window; no new drafts or submissions after it. */
  closedAt: timestamp('closed_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  ...timestamps,
}, (t) => [
  unique('reporting_periods_uq').on(t.regionCode, t.kind, t.year, t.seq),
  index('reporting_periods_region_due_idx').on(t.regionCode, t.dueOn),
]);

/** A progress report of one program for one period; the approved one is the official, public figure. */
export const progressReports = pgTable('progress_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  programId: uuid('program_id').notNull().references(() => programs.id, { onDelete: 'cascade' }),
  periodId: uuid('period_id').notNull().references(() => reportingPeriods.id, { onDelete: 'cascade' }),
  /** Denormalised from the program for region-scoped queries. */
  regionCode: text('region_code').notNull(),
  /** The lead OPD of the program when the report was created. */
  opdId: uuid('opd_id').notNull().references(() => opds.id),
  status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
  /** Cumulative physical progress of the program, 0–100; required to submit. */
  physicalPct: doublePrecision('physical_pct'),
  /** Budget realised so far in the period's year, whole rupiah; planned comes from program_budgets. */
  budgetRealised: bigint('budget_realised', { mode: 'number' }),
  narrative: text('narrative').notNull().default(''),
  obstacles: text('obstacles').notNull().default(''),
  followUp: text('follow_up').notNull().default(''),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
  /** The reviewer's comment when returned (kept until the next review). */
  reviewComment: text('review_comment'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  /** True for demo reports whose figures are invented. */
  illustrative: boolean('illustrative').notNull().default(false),
  version: integer('version').notNull().default(1),
  ...timestamps,
}, (t) => [
  unique('progress_reports_program_period_uq').on(t.programId, t.periodId),
  index('progress_reports_region_status_idx').on(t.regionCode, t.status),
  index('progress_reports_period_idx').on(t.periodId),
  index('progress_reports_opd_idx').on(t.opdId),
]);

/** Realised value of one KPI in a report, optionally broken down by kecamatan/desa code. */
export const reportKpiValues = pgTable('report_kpi_values', {
  reportId: uuid('report_id').notNull().references(() => progressReports.id, { onDelete: 'cascade' }),
  kpiId: uuid('kpi_id').notNull().references(() => kpis.id, { onDelete: 'cascade' }),
  value: doublePrecision('value'),
  /** { "64.02.01": 12, ... } — codes among the program's locations. */
  breakdown: jsonb('breakdown').$type<Record<string, number>>(),
}, (t) => [primaryKey({ columns: [t.reportId, t.kpiId] }), index('report_kpi_values_kpi_idx').on(t.kpiId)]);

/** Evidence files attached to a report (photos, PDFs, office documents). */
export const reportFiles = pgTable('report_files', {
  reportId: uuid('report_id').notNull().references(() => progressReports.id, { onDelete: 'cascade' }),
  fileId: uuid('file_id').notNull().references(() => files.id),
  position: integer('position').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.reportId, t.fileId] })]);

/** Every transition of a report (create, save, submit, return, approve) with actor, comment and a snapshot. */
export const reportEvents = pgTable('report_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => progressReports.id, { onDelete: 'cascade' }),
  action: text('action', { enum: REPORT_EVENT_ACTIONS }).notNull(),
  fromStatus: text('from_status', { enum: REPORT_STATUSES }),
  toStatus: text('to_status', { enum: REPORT_STATUSES }).notNull(),
  /** The report's version after the transition. */
  version: integer('version').notNull(),
  actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
  comment: text('comment'),
  snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('report_events_report_idx').on(t.reportId, t.at)]);
