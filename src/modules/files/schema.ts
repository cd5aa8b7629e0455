import { pgTable, text, boolean, bigint, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { regions } from '../wilayah/schema.ts';
import { users } from '../accounts/schema.ts';

/**
 * Evidence files (monitoring reports, evaluation answers). The bytes live in the blob store
 * under their SHA-256 (store.ts); this row says who uploaded what for which region, and
 * whether the public may read it (set when the record it supports is published).
 */
export const files = pgTable('files', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** SHA-256 (hex) of the stored bytes: the key in the blob store. */
  sha256: text('sha256').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  /** Sniffed from the bytes, never taken from the client. */
  mime: text('mime').notNull(),
  /** The client's file name, sanitised (no path, no control or markup characters). */
  originalName: text('original_name').notNull(),
  regionCode: text('region_code').notNull().references(() => regions.code),
  uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** SHA-256 of the WebP thumbnail (images only). */
  thumbnailSha256: text('thumbnail_sha256'),
  public: boolean('public').notNull().default(false),
}, (t) => [index('files_region_idx').on(t.regionCode), index('files_sha256_idx').on(t.sha256)]);
