import { pgTable, text, jsonb, timestamp, uuid, primaryKey, index } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/schema.ts';
import { progressReports } from '../schema.ts';

/**
 * One applied (or refused) entry of the bulk KPI grid, keyed by the id the browser gave it.
 * A retried request (the answer was lost when the connection dropped) finds its receipt and
 * gets the same answer again instead of being applied twice.
 */
export const bulkEntryReceipts = pgTable('bulk_entry_receipts', {
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  clientId: text('client_id').notNull(),
  reportId: uuid('report_id').references(() => progressReports.id, { onDelete: 'cascade' }),
  kpiId: uuid('kpi_id').notNull(),
  /** The answer given for this entry (status, value, reason). */
  result: jsonb('result').$type<Record<string, unknown>>().notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.userId, t.clientId] }), index('bulk_entry_receipts_at_idx').on(t.at)]);
