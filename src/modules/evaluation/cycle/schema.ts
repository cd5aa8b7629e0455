import { pgTable, text, integer, boolean, jsonb, timestamp, uuid, unique, index } from 'drizzle-orm/pg-core';
import { regions } from '../../wilayah/schema.ts';
import { users } from '../../accounts/schema.ts';

/**
 * The yearly evaluation cycle of a region (issue 7): open → self-assessment → submitted →
 * assessor validation → final (published). Answers are kept per indicator key in JSON
 * because the instrument (and so the set of indicators) is data, not schema.
 */
export const EVALUATION_STATUSES = ['self_assessment', 'submitted', 'final'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** Evidence linked from Pilar itself: the region's programs, progress reports and quick wins. */
export interface EvidenceLink { kind: 'program' | 'report' | 'quickwin'; id: string }

export interface SelfAnswer {
  level?: number | null;
  /** Cumulative scales: the levels whose criteria are met. */
  metLevels?: number[] | null;
  justification: string;
  /** Uploaded evidence (files module ids). */
  files: string[];
  links: EvidenceLink[];
  /** When the level came from a monitoring suggestion: the suggested level and whether it was confirmed. */
  suggested?: { level: number; confirmed: boolean } | null;
}

export interface ValidatedAnswer {
  level?: number | null;
  metLevels?: number[] | null;
  /** Required where the validated level differs from the self-assessed one. */
  reason: string;
}

export interface Narrative { strengths: string[]; weaknesses: string[]; recommendations: string[] }

export const evaluationCycles = pgTable('evaluation_cycles', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionCode: text('region_code').notNull().references(() => regions.code),
  year: integer('year').notNull(),
  /** The instrument id, e.g. "gmsc-tahap2-2023". */
  instrumentId: text('instrument_id').notNull(),
  /** Its version when the cycle was opened: a later version of the instrument never re-scores this cycle. */
  instrumentVersion: text('instrument_version').notNull(),
  status: text('status', { enum: EVALUATION_STATUSES }).notNull().default('self_assessment'),
  selfAnswers: jsonb('self_answers').$type<Record<string, SelfAnswer>>().notNull().default({}),
  validation: jsonb('validation').$type<Record<string, ValidatedAnswer>>().notNull().default({}),
  interviewNotes: text('interview_notes').notNull().default(''),
  narrative: jsonb('narrative').$type<Narrative>().notNull().default({ strengths: [], weaknesses: [], recommendations: [] }),
  /** Set by finalisation: the public sees only published cycles. */
  published: boolean('published').notNull().default(false),
  /** Demo results: every figure invented, badged in the UI and the report. */
  illustrative: boolean('illustrative').notNull().default(false),
  version: integer('version').notNull().default(1),
  openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  finalizedAt: timestamp('finalized_at', { withTimezone: true }),
}, (t) => [unique('evaluation_cycles_region_year_uq').on(t.regionCode, t.year), index('evaluation_cycles_year_idx').on(t.year)]);

/** Every step of a cycle, with the state after it: the cycle's history (and the base for 409 diffs). */
export const evaluationCycleEvents = pgTable('evaluation_cycle_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  cycleId: uuid('cycle_id').notNull().references(() => evaluationCycles.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  action: text('action').notNull(),
  actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
  actorLabel: text('actor_label'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  /** Which indicators or fields the step changed. */
  changed: jsonb('changed').$type<string[]>().notNull().default([]),
  snapshot: jsonb('snapshot').$type<CycleSnapshot>().notNull(),
}, (t) => [index('evaluation_cycle_events_cycle_idx').on(t.cycleId, t.version)]);

export interface CycleSnapshot {
  status: EvaluationStatus;
  selfAnswers: Record<string, SelfAnswer>;
  validation: Record<string, ValidatedAnswer>;
  interviewNotes: string;
  narrative: Narrative;
}
