import { pgTable, text, integer, bigint, boolean, doublePrecision, jsonb, timestamp, uuid, primaryKey, index } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import type { CatalogueInput } from './catalogue.ts';
import type { Plan } from './plan.ts';

export const SIGNAL_VALUES = ['none', '2g', '3g', '4g'] as const;
export const NODE_KIND_VALUES = ['fibre', 'tower'] as const;
export const OBJECTIVES = ['cover-all', 'budget'] as const;
export const GOALS = ['2g', '3g', '4g'] as const;

/**
 * Signal status of a village of a region (kabupaten/kota), as last imported. One row per
 * village; an import replaces the region's rows. The centroid travels with the row so a plan
 * is computable from this table alone.
 */
export const connectivityVillages = pgTable('connectivity_villages', {
  regionCode: text('region_code').notNull(),
  villageCode: text('village_code').notNull(),
  name: text('name').notNull().default(''),
  lat: doublePrecision('lat').notNull(),
  lng: doublePrecision('lng').notNull(),
  signal: text('signal', { enum: SIGNAL_VALUES }).notNull(),
  population: integer('population').notNull(),
  /** Priority facilities in the village (they raise its weight in the budget objective). */
  school: boolean('school').notNull().default(false),
  health: boolean('health').notNull().default(false),
  office: boolean('office').notNull().default(false),
  /** True when status or population is invented (demo data): badged in the UI and in exports. */
  illustrative: boolean('illustrative').notNull().default(false),
  source: text('source').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.regionCode, t.villageCode] })]);

/** Existing infrastructure of a region: fibre points of presence and towers (backhaul ends). */
export const connectivityNodes = pgTable('connectivity_nodes', {
  regionCode: text('region_code').notNull(),
  nodeId: text('node_id').notNull(),
  name: text('name').notNull().default(''),
  lat: doublePrecision('lat').notNull(),
  lng: doublePrecision('lng').notNull(),
  kind: text('kind', { enum: NODE_KIND_VALUES }).notNull(),
  illustrative: boolean('illustrative').notNull().default(false),
  source: text('source').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.regionCode, t.nodeId] })]);

/** A saved planning scenario: its parameters, catalogue and the plan found, with solver figures. */
export const connectivityScenarios = pgTable('connectivity_scenarios', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionCode: text('region_code').notNull(),
  name: text('name').notNull(),
  objective: text('objective', { enum: OBJECTIVES }).notNull(),
  /** Rupiah; null for cover-all. */
  budget: bigint('budget', { mode: 'number' }),
  goal: text('goal', { enum: GOALS }).notNull().default('4g'),
  radiusKm: doublePrecision('radius_km').notNull(),
  /** Extra weight of a village with a school, health centre or village office (0 = none). */
  priorityWeight: doublePrecision('priority_weight').notNull().default(0),
  catalogue: jsonb('catalogue').$type<CatalogueInput>().notNull(),
  plan: jsonb('plan').$type<Plan>().notNull(),
  elapsedMs: doublePrecision('elapsed_ms').notNull().default(0),
  bound: doublePrecision('bound').notNull().default(0),
  gap: doublePrecision('gap').notNull().default(0),
  /** True when the plan rests on illustrative village or node data. */
  illustrative: boolean('illustrative').notNull().default(false),
  /** Programs made from this scenario ("jadikan program"), once. */
  programIds: jsonb('program_ids').$type<string[]>(),
  programsCreatedAt: timestamp('programs_created_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('connectivity_scenarios_region_idx').on(t.regionCode)]);
