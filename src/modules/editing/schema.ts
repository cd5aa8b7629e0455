import { pgTable, text, integer, timestamp, uuid, jsonb, unique, index } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

export const CHANGE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const CHANGE_ENTITIES = ['program', 'kpi'] as const;

/** A change proposed by an OPD officer, waiting for a coordinator's or Bappeda's decision. */
export const pendingChanges = pgTable('pending_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionCode: text('region_code').notNull(),
  entityType: text('entity_type', { enum: CHANGE_ENTITIES }).notNull(),
  entityId: uuid('entity_id').notNull(),
  action: text('action', { enum: ['create', 'update'] }).notNull(),
  status: text('status', { enum: CHANGE_STATUSES }).notNull().default('pending'),
  /** The version of the entity the author started from. */
  baseVersion: integer('base_version').notNull(),
  patch: jsonb('patch').$type<Record<string, unknown>>().notNull(),
  authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  comment: text('comment'),
}, (t) => [index('changes_region_status_idx').on(t.regionCode, t.status), index('changes_entity_idx').on(t.entityType, t.entityId)]);

/** Snapshot of an entity's editable fields at each version, for history, diffs and restore. */
export const entityVersions = pgTable('entity_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  entityType: text('entity_type').notNull(),
  entityId: uuid('entity_id').notNull(),
  version: integer('version').notNull(),
  snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
  action: text('action').notNull(),
  actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [unique('entity_versions_uq').on(t.entityType, t.entityId, t.version)]);
