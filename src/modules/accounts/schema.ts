import { pgTable, text, boolean, integer, timestamp, uuid, jsonb, primaryKey, index } from 'drizzle-orm/pg-core';
import { regions } from '../wilayah/schema.ts';
import { opds } from '../masterplan/schema.ts';

export const ROLES = ['national_admin', 'coordinator', 'bappeda', 'opd_officer', 'assessor', 'council'] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-case; unique. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** argon2id hash (PHC string). Never logged, never returned. */
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  /** Null only for national admins. */
  regionCode: text('region_code').references(() => regions.code),
  /** The OPD of an OPD officer. */
  opdId: uuid('opd_id').references(() => opds.id, { onDelete: 'set null' }),
  totpSecret: text('totp_secret'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  active: boolean('active').notNull().default(true),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('users_region_idx').on(t.regionCode)]);

/** Regions an assessor may read. */
export const assessorRegions = pgTable('assessor_regions', {
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  regionCode: text('region_code').notNull().references(() => regions.code),
}, (t) => [primaryKey({ columns: [t.userId, t.regionCode] })]);

/** Server-side sessions; the cookie holds a random token whose SHA-256 is the id. */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/** Tokens for machine clients, scoped to one region and one role; revocable. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  regionCode: text('region_code').notNull().references(() => regions.code),
  role: text('role', { enum: ROLES }).notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** Every write and every login attempt: who, when, what, from where. */
export const auditLog = pgTable('audit_log', {
  id: uuid('id').primaryKey().defaultRandom(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorLabel: text('actor_label'),
  action: text('action').notNull(),
  entityType: text('entity_type'),
  entityId: text('entity_id'),
  regionCode: text('region_code'),
  ip: text('ip'),
  details: jsonb('details'),
}, (t) => [index('audit_region_at_idx').on(t.regionCode, t.at), index('audit_at_idx').on(t.at)]);
