/**
 * The reminder job: for every open reporting period, decide (rules.ts) which reminders are due
 * and record each as a notification whose unique key makes the insert happen at most once —
 * in the same transaction as the reads it decided on. E-mails go out after the commit, each
 * claimed atomically first, so two runs at once (two servers, or the CLI next to the server)
 * never send one reminder twice; failed ones are retried on later runs.
 */
import { and, asc, eq, inArray, isNull, lte, gte, sql, or, lt } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../core/db.ts';
import type { Mailer } from '../../../core/mail.ts';
import { users } from '../../accounts/schema.ts';
import { programs } from '../../masterplan/schema.ts';
import { monitoringSettings, progressReports, reportingPeriods } from '../schema.ts';
import { notificationText, reminderMail } from './content.ts';
import { DEFAULT_REMINDER_SETTINGS, daysUntilDue, localDate, planReminders, type ProgramState, type ReminderSettingsValue } from './rules.ts';
import { notifications, type NotificationKind } from './schema.ts';

export interface RunOptions {
  /** The moment the decision is made for (default: the clock). */
  now?: Date;
  /** Only this region. */
  regionCode?: string;
  mailer: Mailer;
  /** Base URL of the site for links in e-mails (PILAR_PUBLIC_URL). */
  publicUrl?: string;
  /** Give up e-mailing a notification after this many failed attempts. */
  maxAttempts?: number;
}

export interface RunResult {
  periods: number;
  /** Notifications created by this run (already recorded ones are not counted). */
  created: number;
  mailsSent: number;
  mailsFailed: number;
  /** Notifications not e-mailed because mail is disabled or the recipient is inactive. */
  notMailed: number;
}

/** Reminder days of a region: the lead time of its monitoring settings and a last one the day before. */
export function reminderSettingsFrom(row: { reminderLeadDays: number } | undefined): ReminderSettingsValue {
  if (!row) return DEFAULT_REMINDER_SETTINGS;
  return { ...DEFAULT_REMINDER_SETTINGS, daysBefore: [...new Set([row.reminderLeadDays, 1])].filter((d) => d >= 0) };
}

/** Console root; notification links are console paths below it. */
export const CONSOLE_LINK = '/admin';

/** Where the reader acts: a returned report's page, the officer's bulk grid, the coordinator's monitoring view. */
export function linkFor(kind: NotificationKind, role: string | undefined, regionCode: string, reportId: string | null): string {
  if (kind === 'report_returned' && reportId) return `/laporan/${reportId}`;
  if (kind === 'report_overdue' && role === 'coordinator') return `/wilayah/${regionCode}/monitoring`;
  return `/wilayah/${regionCode}/isian-cepat`;
}

export async function runReminders(db: Db, opts: RunOptions): Promise<RunResult> {
  const now = opts.now ?? new Date();
  const open = await db.select().from(reportingPeriods)
    .where(and(isNull(reportingPeriods.closedAt), opts.regionCode ? eq(reportingPeriods.regionCode, opts.regionCode) : undefined))
    .orderBy(asc(reportingPeriods.dueOn));
  let created = 0;
  let periods = 0;
  for (const period of open) {
    // Reports are written from opens_on; nothing to remind of before that.
    if (period.opensOn > localDate(now, period.regionCode)) continue;
    periods++;
    created += await db.transaction((tx) => remindForPeriod(tx, now, period));
  }
  const mail = await deliverPending(db, opts);
  return { periods, created, ...mail };
}

type Period = typeof reportingPeriods.$inferSelect;

/** Decides and records the reminders of one period; returns how many are new. */
async function remindForPeriod(tx: DbOrTx, now: Date, period: Period): Promise<number> {
  const [settingsRow] = await tx.select().from(monitoringSettings).where(eq(monitoringSettings.regionCode, period.regionCode));
  const settings = reminderSettingsFrom(settingsRow);
  const left = daysUntilDue(now, period.dueOn, period.regionCode);
  // Far from the due date (before or long after) only returned reports can need a reminder.
  const onlyReturned = left > Math.max(...settings.daysBefore) || -left > settings.overdueWindowDays;

  const programRows = await tx.select({ id: programs.id, code: programs.code, title: programs.title, leadOpdId: programs.leadOpdId }).from(programs)
    .where(and(eq(programs.regionCode, period.regionCode), eq(programs.published, true), lte(programs.startYear, period.year), gte(programs.endYear, period.year)));
  const reports = await tx.select({ id: progressReports.id, programId: progressReports.programId, status: progressReports.status, version: progressReports.version, comment: progressReports.reviewComment })
    .from(progressReports).where(eq(progressReports.periodId, period.id));
  const reportOf = new Map(reports.map((r) => [r.programId, r]));
  const states: ProgramState[] = programRows
    .map((p) => {
      const r = reportOf.get(p.id);
      return { programId: p.id, leadOpdId: p.leadOpdId, report: r ? { id: r.id, status: r.status, returnKey: String(r.version) } : null };
    })
    .filter((s) => !onlyReturned || s.report?.status === 'returned');
  if (!states.length) return 0;

  const people = await tx.select({ id: users.id, role: users.role, opdId: users.opdId }).from(users)
    .where(and(eq(users.regionCode, period.regionCode), eq(users.active, true), inArray(users.role, ['opd_officer', 'coordinator'])));
  const officersByOpd = new Map<string, string[]>();
  for (const u of people) if (u.role === 'opd_officer' && u.opdId) officersByOpd.set(u.opdId, [...(officersByOpd.get(u.opdId) ?? []), u.id]);
  const coordinators = people.filter((u) => u.role === 'coordinator').map((u) => u.id);

  const planned = planReminders(now, { id: period.id, regionCode: period.regionCode, dueDate: period.dueOn, open: true }, states, settings, { officersByOpd, coordinators });
  if (!planned.length) return 0;
  const programOf = new Map(programRows.map((p) => [p.id, p]));
  const roleOf = new Map(people.map((u) => [u.id, u.role]));
  const rows = planned.map((r) => {
    const p = programOf.get(r.programId)!;
    const text = notificationText({ kind: r.kind, periodLabel: period.label, dueOn: period.dueOn, programCode: p.code, programTitle: p.title, comment: reportOf.get(p.id)?.comment });
    return {
      dedupeKey: r.dedupeKey, userId: r.userId, regionCode: period.regionCode, kind: r.kind, stage: r.stage,
      periodId: r.periodId, programId: r.programId, reportId: r.reportId, title: text.title, body: text.body,
      link: linkFor(r.kind, roleOf.get(r.userId), period.regionCode, r.reportId),
    };
  });
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const batch = await tx.insert(notifications).values(rows.slice(i, i + 500)).onConflictDoNothing({ target: notifications.dedupeKey }).returning({ id: notifications.id });
    inserted += batch.length;
  }
  return inserted;
}

/** A claim older than this belongs to a sender that died; the notification may be sent again. */
const CLAIM_EXPIRY_MS = 15 * 60_000;

/**
 * Sends the e-mails of notifications not sent yet: claims them in one statement (so no other
 * sender takes them), gathers one mail per person, kind and period, and records the outcome.
 */
export async function deliverPending(db: Db, opts: Pick<RunOptions, 'mailer' | 'publicUrl' | 'maxAttempts' | 'regionCode'>) {
  const maxAttempts = opts.maxAttempts ?? 5;
  const clock = new Date();
  const claimed = await db.update(notifications)
    .set({ emailStatus: 'sending', emailClaimedAt: clock, emailAttempts: sql`${notifications.emailAttempts} + 1` })
    .where(and(
      opts.regionCode ? eq(notifications.regionCode, opts.regionCode) : undefined,
      or(
        and(inArray(notifications.emailStatus, ['pending', 'failed']), lt(notifications.emailAttempts, maxAttempts)),
        and(eq(notifications.emailStatus, 'sending'), lt(notifications.emailClaimedAt, new Date(clock.getTime() - CLAIM_EXPIRY_MS))),
      ),
    ))
    .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind, periodId: notifications.periodId, programId: notifications.programId, reportId: notifications.reportId, link: notifications.link });
  const result = { mailsSent: 0, mailsFailed: 0, notMailed: 0 };
  if (!claimed.length) return result;

  const userIds = [...new Set(claimed.map((c) => c.userId))];
  const periodIds = [...new Set(claimed.map((c) => c.periodId).filter((x): x is string => !!x))];
  const programIds = [...new Set(claimed.map((c) => c.programId).filter((x): x is string => !!x))];
  const people = new Map((await db.select({ id: users.id, email: users.email, active: users.active }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u]));
  const periodOf = new Map((periodIds.length ? await db.select().from(reportingPeriods).where(inArray(reportingPeriods.id, periodIds)) : []).map((p) => [p.id, p]));
  const programOf = new Map((programIds.length ? await db.select({ id: programs.id, code: programs.code, title: programs.title }).from(programs).where(inArray(programs.id, programIds)) : []).map((p) => [p.id, p]));
  const reportIds = [...new Set(claimed.map((c) => c.reportId).filter((x): x is string => !!x))];
  const commentOf = new Map((reportIds.length ? await db.select({ id: progressReports.id, comment: progressReports.reviewComment }).from(progressReports).where(inArray(progressReports.id, reportIds)) : []).map((r) => [r.id, r.comment]));

  const groups = new Map<string, typeof claimed>();
  for (const c of claimed) {
    const key = `${c.userId}|${c.kind}|${c.periodId}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const site = `${(opts.publicUrl ?? 'http://localhost:3000').replace(/\/$/, '')}${CONSOLE_LINK}`;
  for (const group of groups.values()) {
    const first = group[0]!;
    const ids = group.map((g) => g.id);
    const person = people.get(first.userId);
    const period = first.periodId ? periodOf.get(first.periodId) : undefined;
    const mark = (set: Partial<typeof notifications.$inferInsert>) => db.update(notifications).set(set).where(inArray(notifications.id, ids));
    if (!person?.active || !period) {
      await mark({ emailStatus: 'none', emailClaimedAt: null });
      result.notMailed += ids.length;
      continue;
    }
    // One mail, one link: the common page of its reminders, else the console's start page.
    const link = group.every((g) => g.link === first.link) && first.link ? `${site}${first.link}` : site;
    const listed = group.map((g) => {
      const p = g.programId ? programOf.get(g.programId) : undefined;
      return { programCode: p?.code ?? '', programTitle: p?.title ?? '', comment: first.kind === 'report_returned' && g.reportId ? commentOf.get(g.reportId) : null };
    }).sort((a, b) => a.programCode.localeCompare(b.programCode));
    try {
      const sent = await opts.mailer.send(reminderMail(person.email, first.kind as NotificationKind, period.label, period.dueOn, listed, link));
      if (sent.sent) {
        await mark({ emailStatus: 'sent', emailSentAt: new Date(), emailError: null, emailClaimedAt: null });
        result.mailsSent++;
      } else {
        await mark({ emailStatus: 'disabled', emailClaimedAt: null });
        result.notMailed += ids.length;
      }
    } catch (e) {
      await mark({ emailStatus: 'failed', emailError: String((e as Error).message ?? e).slice(0, 500), emailClaimedAt: null });
      result.mailsFailed++;
    }
  }
  return result;
}
