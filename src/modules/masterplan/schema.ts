import {
  pgTable, text, integer, bigint, boolean, doublePrecision, jsonb, timestamp, uuid,
  primaryKey, unique, index, foreignKey,
} from 'drizzle-orm/pg-core';
import { regions } from '../wilayah/schema.ts';
import { frameworkVersions, elements, dimensions } from '../framework/schema.ts';

export const MASTERPLAN_STATUSES = ['draft', 'adopted'] as const;
export const READINESS_ASPECTS = ['struktur', 'infrastruktur', 'suprastruktur'] as const;
export const SWOT_KINDS = ['strength', 'weakness', 'opportunity', 'threat'] as const;
export const HORIZONS = ['short', 'medium', 'long'] as const;
export const BUDGET_SOURCES = ['APBD', 'APBN', 'APBDes', 'CSR', 'other'] as const;
export const KPI_POLARITIES = ['higher', 'lower', 'range'] as const;
/** What an OPD does in the smart city programme besides owning programs. */
export const OPD_ROLES = ['leading_sector', 'coordinator'] as const;

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A region's smart city masterplan (rencana induk), e.g. 2022–2031. */
export const masterplans = pgTable(
  'masterplans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull().references(() => regions.code),
    frameworkVersion: text('framework_version').notNull().references(() => frameworkVersions.id),
    title: text('title').notNull(),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end').notNull(),
    vision: text('vision').notNull().default(''),
    mission: jsonb('mission').$type<string[]>().notNull().default([]),
    legalBasis: text('legal_basis').notNull().default(''),
    status: text('status', { enum: MASTERPLAN_STATUSES }).notNull().default('draft'),
    /** Names of the fields whose values are invented for the demo. */
    illustrativeFields: jsonb('illustrative_fields').$type<string[]>().notNull().default([]),
    /** Where the facts of this plan come from, for readers of the portal. */
    sources: jsonb('sources').$type<string[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [unique('masterplans_region_period_uq').on(t.regionCode, t.periodStart)],
);

/** Readiness analysis of one dimension in one aspect (struktur/infrastruktur/suprastruktur). */
export const readinessAnalyses = pgTable(
  'readiness_analyses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    masterplanId: uuid('masterplan_id').notNull().references(() => masterplans.id, { onDelete: 'cascade' }),
    frameworkVersion: text('framework_version').notNull(),
    dimensionKey: text('dimension_key').notNull(),
    aspect: text('aspect', { enum: READINESS_ASPECTS }).notNull(),
    /** Current condition and gap, in prose. */
    summary: text('summary').notNull().default(''),
    illustrative: boolean('illustrative').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('readiness_uq').on(t.masterplanId, t.dimensionKey, t.aspect),
    foreignKey({ columns: [t.frameworkVersion, t.dimensionKey], foreignColumns: [dimensions.frameworkVersion, dimensions.key] }),
  ],
);

export const swotItems = pgTable('swot_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  readinessId: uuid('readiness_id').notNull().references(() => readinessAnalyses.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: SWOT_KINDS }).notNull(),
  text: text('text').notNull(),
  position: integer('position').notNull().default(0),
});

/** A regional agency (organisasi perangkat daerah). */
export const opds = pgTable(
  'opds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull().references(() => regions.code),
    name: text('name').notNull(),
    abbreviation: text('abbreviation').notNull(),
    role: text('role', { enum: OPD_ROLES }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [unique('opds_region_abbr_uq').on(t.regionCode, t.abbreviation)],
);

export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    masterplanId: uuid('masterplan_id').notNull().references(() => masterplans.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    frameworkVersion: text('framework_version').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    elementKey: text('element_key').notNull(),
    leadOpdId: uuid('lead_opd_id').notNull().references(() => opds.id),
    horizon: text('horizon', { enum: HORIZONS }).notNull(),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    serviceName: text('service_name'),
    serviceUrl: text('service_url'),
    /** True when the program itself is invented for the demo (not from a source). */
    illustrative: boolean('illustrative').notNull().default(false),
    /** False while a program proposed by an OPD officer waits for approval: the public does not see it. */
    published: boolean('published').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('programs_masterplan_code_uq').on(t.masterplanId, t.code),
    index('programs_region_idx').on(t.regionCode),
    index('programs_lead_opd_idx').on(t.leadOpdId),
    foreignKey({ columns: [t.frameworkVersion, t.elementKey], foreignColumns: [elements.frameworkVersion, elements.key] }),
  ],
);

export const programSupportingOpds = pgTable(
  'program_supporting_opds',
  {
    programId: uuid('program_id').notNull().references(() => programs.id, { onDelete: 'cascade' }),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
  },
  (t) => [primaryKey({ columns: [t.programId, t.opdId] }), index('pso_opd_idx').on(t.opdId)],
);

/** Planned budget of a program for one year and one funding source, in whole rupiah. */
export const programBudgets = pgTable(
  'program_budgets',
  {
    programId: uuid('program_id').notNull().references(() => programs.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    source: text('source', { enum: BUDGET_SOURCES }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    illustrative: boolean('illustrative').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.programId, t.year, t.source] })],
);

/** Where a program happens: kecamatan or desa codes inside the program's region. */
export const programLocations = pgTable(
  'program_locations',
  {
    programId: uuid('program_id').notNull().references(() => programs.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull().references(() => regions.code),
  },
  (t) => [primaryKey({ columns: [t.programId, t.regionCode] }), index('program_locations_region_idx').on(t.regionCode)],
);

/** A program chosen as the quick win of a dimension for a year. */
export const quickWins = pgTable(
  'quick_wins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    masterplanId: uuid('masterplan_id').notNull().references(() => masterplans.id, { onDelete: 'cascade' }),
    frameworkVersion: text('framework_version').notNull(),
    year: integer('year').notNull(),
    dimensionKey: text('dimension_key').notNull(),
    programId: uuid('program_id').notNull().references(() => programs.id, { onDelete: 'cascade' }),
    /** Progress in percent (0–100); null when nothing was reported yet. */
    progress: doublePrecision('progress'),
    progressIllustrative: boolean('progress_illustrative').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('quick_wins_uq').on(t.masterplanId, t.year, t.dimensionKey),
    foreignKey({ columns: [t.frameworkVersion, t.dimensionKey], foreignColumns: [dimensions.frameworkVersion, dimensions.key] }),
  ],
);

export const kpis = pgTable('kpis', {
  id: uuid('id').primaryKey().defaultRandom(),
  programId: uuid('program_id').notNull().references(() => programs.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  unit: text('unit').notNull(),
  polarity: text('polarity', { enum: KPI_POLARITIES }).notNull(),
  baselineValue: doublePrecision('baseline_value'),
  baselineYear: integer('baseline_year'),
  illustrative: boolean('illustrative').notNull().default(false),
  position: integer('position').notNull().default(0),
  version: integer('version').notNull().default(1),
  ...timestamps,
}, (t) => [index('kpis_program_idx').on(t.programId)]);

/** Target of a KPI for a year; for a "range" KPI the target is [value, valueMax]. */
export const kpiTargets = pgTable(
  'kpi_targets',
  {
    kpiId: uuid('kpi_id').notNull().references(() => kpis.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    valueMax: doublePrecision('value_max'),
  },
  (t) => [primaryKey({ columns: [t.kpiId, t.year] })],
);
