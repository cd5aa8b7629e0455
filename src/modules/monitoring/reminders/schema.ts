import { pgTable, text, integer, jsonb, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/schema.ts';
import { regions } from '../../wilayah/schema.ts';
import { programs } from '../../masterplan/schema.ts';
import { progressReports, reportingPeriods } from '../schema.ts';

export const NOTIFICATION_KINDS = ['report_due', 'report_overdue', 'report_returned'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** E-mail state of a notification: pending → sending → sent | failed (retried) | disabled (no SMTP). */
export const EMAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'disabled', 'none'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * One reminder to one person: shown in the console and e-mailed. `dedupeKey` (kind, period,
 * program or report, recipient, stage) is unique, so the job inserts each reminder at most
 * once however often it runs; the e-mail is sent after the insert commits.
 */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  dedupeKey: text('dedupe_key').notNull().unique(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  regionCode: text('region_code').notNull().references(() => regions.code),
  kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
  /** e.g. "before-7", "before-1", "overdue", "returned-<report version>". */
  stage: text('stage').notNull(),
  periodId: uuid('period_id').references(() => reportingPeriods.id, { onDelete: 'cascade' }),
  programId: uuid('program_id').references(() => programs.id, { onDelete: 'cascade' }),
  reportId: uuid('report_id').references(() => progressReports.id, { onDelete: 'set null' }),
  title: jsonb('title').$type<{ id: string; en: string }>().notNull(),
  body: jsonb('body').$type<{ id: string; en: string }>().notNull(),
  /** Console path where the reader acts (relative to the site). */
  link: text('link'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  readAt: timestamp('read_at', { withTimezone: true }),
  emailStatus: text('email_status', { enum: EMAIL_STATUSES }).notNull().default('pending'),
  emailAttempts: integer('email_attempts').notNull().default(0),
  emailError: text('email_error'),
  /** When a sender claimed it (a crashed sender's claim expires). */
  emailClaimedAt: timestamp('email_claimed_at', { withTimezone: true }),
  emailSentAt: timestamp('email_sent_at', { withTimezone: true }),
}, (t) => [
  index('notifications_user_idx').on(t.userId, t.createdAt),
  index('notifications_email_idx').on(t.emailStatus),
]);
