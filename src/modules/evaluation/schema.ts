import { pgTable, text, jsonb, timestamp, uuid, primaryKey } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import type { Instrument } from './instruments/types.ts';

/**
 * Evaluation instruments as data (issue 7): one row per instrument id and version. Versions
 * are immutable — importing a changed file under an existing id+version is refused (the
 * digest of the parsed body tells); a new version is a new row. The cycle's tables live in
 * ./cycle/schema.ts.
 */
export const evaluationInstruments = pgTable('evaluation_instruments', {
  id: text('id').notNull(),
  version: text('version').notNull(),
  kind: text('kind', { enum: ['smart-city', 'spbe'] }).notNull(),
  /** Indonesian name; the English one is in the body. */
  name: text('name').notNull(),
  /** The parsed, validated instrument (weights as fractions). */
  body: jsonb('body').$type<Instrument>().notNull(),
  /** SHA-256 of the canonical JSON of body: a re-import of the same content is a no-op. */
  digest: text('digest').notNull(),
  /** Where the weights come from (copied from the file). */
  source: text('source').notNull(),
  /** The file as imported (YAML or JSON), for download and audit. */
  fileText: text('file_text').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  /** Null for the instruments shipped with Pilar (loaded on start/seed). */
  importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [primaryKey({ columns: [t.id, t.version] })]);
