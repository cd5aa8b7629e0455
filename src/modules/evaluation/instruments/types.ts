// Shared by the evaluation helpers (instruments/scoring, cycle, report). Changes here are
// additive only: new optional fields, never renamed or removed ones.
// Added: Instrument.assumption (why a weight table is assumed), Instrument.description.
/**
 * An evaluation instrument as data (issue 7): components (or SPBE domains) → aspects →
 * indicators with a level scale. Weights are fractions; each level states what it requires.
 * Written from a versioned YAML/JSON file (see ./schema.ts for validation, ./load.ts).
 */
export type Text = { id: string; en: string };
export type DimensionKey = 'governance' | 'branding' | 'economy' | 'living' | 'society' | 'environment';

export interface InstrumentLevel {
  /** The score this level gives (e.g. 0–5 for smart city, 1–5 for SPBE). */
  level: number;
  name?: Text;
  /** What the level requires. Required for every level. */
  description: Text;
  /** The evidence ("data dukung") that level expects. */
  evidence?: Text;
}

export interface InstrumentIndicator {
  key: string;
  name: Text;
  /** Pillar the indicator counts towards in the per-dimension index; null when none. */
  dimension: DimensionKey | null;
  /** Weight inside its aspect (fractions of the aspect, summing to 1). */
  weight: number;
  /**
   * Cumulative levels (SPBE): level n counts only when the criteria of every lower level are
   * met too. Non-cumulative: the answer is the level chosen.
   */
  cumulative: boolean;
  levels: InstrumentLevel[];
  /** Which monitoring figure Pilar may suggest a level from (issue 7 item 4). */
  suggestFrom?: 'program-status' | 'quick-win-progress' | null;
}

export interface InstrumentAspect {
  key: string;
  name: Text;
  /** Weight inside its component (fractions summing to 1). */
  weight: number;
  indicators: InstrumentIndicator[];
}

export interface InstrumentComponent {
  /** e.g. baseline, output, outcome, impact, quickwin, kolaborasi; or SPBE domain keys. */
  key: string;
  name: Text;
  /** Fraction of the final index; top-level weights sum to 1. */
  weight: number;
  aspects: InstrumentAspect[];
}

export interface Predicate {
  name: Text;
  /** Lowest index (inclusive) that earns this predicate. */
  min: number;
}

export interface Instrument {
  /** Stable id incl. version, e.g. "gmsc-kppn-ikn-2022". */
  id: string;
  version: string;
  kind: 'smart-city' | 'spbe';
  name: Text;
  /** Evaluation year and programme group it applies to, when it is a Kominfo instrument. */
  year: number | null;
  group: string | null;
  scale: { min: number; max: number };
  components: InstrumentComponent[];
  /** Ascending by min; the highest whose min ≤ index applies. */
  predicates: Predicate[];
  /** Where the weights come from. */
  source: string;
  /** True when indicator wording is Pilar's own (not an official text). */
  ownWording: boolean;
  /** Optional: what the instrument is for, shown with it. */
  description?: Text;
  /** Set when part of the instrument (e.g. its weights) is assumed rather than sourced; says what and why. */
  assumption?: Text | null;
}

/** An answer to one indicator: the level chosen, or (cumulative scales) the levels whose criteria are met. */
export interface IndicatorAnswer {
  level?: number | null;
  metLevels?: number[] | null;
}
