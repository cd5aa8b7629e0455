import type { DimensionKey, IndicatorAnswer, Instrument, Predicate, Text } from '../instruments/types.ts';
import { indicatorLevel } from './levels.ts';
import { cleanDecimal, roundHalfUp } from './round.ts';

/** Answers of one assessment (self or validated), by indicator key (keys are unique per instrument). */
export type Answers = Record<string, IndicatorAnswer | null | undefined>;

/**
 * How unanswered indicators count:
 * - 'zero' (default, Kominfo practice): an unanswered indicator scores 0 — the final index.
 * - 'exclude': weighted mean over the answered indicators only, weights renormalised — a
 *   "score so far" preview while a self-assessment is being filled. A part with no answer at
 *   all then has score null and is left out of its parent likewise.
 */
export type MissingRule = 'zero' | 'exclude';
export interface ScoreOptions { missing?: MissingRule }

export interface IndicatorScore {
  key: string;
  name: Text;
  component: string;
  aspect: string;
  dimension: DimensionKey | null;
  /** Level earned; null when unanswered. */
  level: number | null;
  /** Weight of the indicator in the final index (component × aspect × indicator weight). */
  effectiveWeight: number;
}

export interface PartScore {
  key: string;
  name: Text;
  /** Weight inside its parent (aspects) or in the index (components). */
  weight: number;
  /** Rounded half up to two decimals; null only under 'exclude' when nothing is answered. */
  score: number | null;
  /** Unrounded, for further arithmetic. */
  raw: number | null;
  answered: number;
  total: number;
  /** Keys of unanswered indicators. */
  missing: string[];
}

export interface DimensionScore { key: DimensionKey; score: number | null; raw: number | null; answered: number; total: number }

export interface ScoreResult {
  instrumentId: string;
  missingRule: MissingRule;
  /** Final index, two decimals (round half up on the exact decimal). Null only under 'exclude' with no answers. */
  index: number | null;
  raw: number | null;
  predicate: Predicate | null;
  components: (PartScore & { aspects: PartScore[] })[];
  dimensions: DimensionScore[];
  indicators: IndicatorScore[];
  /** Keys of all unanswered indicators, in instrument order. */
  missing: string[];
  complete: boolean;
}

export const DIMENSIONS: DimensionKey[] = ['governance', 'branding', 'economy', 'living', 'society', 'environment'];

/** Weighted mean of (weight, value|null) pairs under a missing rule; null when nothing counts. */
function weightedMean(parts: { weight: number; value: number | null }[], rule: MissingRule): number | null {
  let sum = 0;
  let weights = 0;
  for (const p of parts) {
    if (p.value == null && rule === 'exclude') continue;
    sum += p.weight * (p.value ?? 0);
    weights += p.weight;
  }
  if (weights === 0) return rule === 'zero' && parts.length ? 0 : null;
  // Under 'zero' the weights sum to 1 (validated), so dividing changes nothing but float noise.
  return sum / weights;
}

const round = (x: number | null) => (x == null ? null : roundHalfUp(x, 2));

/** The predicate of an index: the highest threshold whose min ≤ index (on the two-decimal index). */
export function predicateFor(instrument: Pick<Instrument, 'predicates'>, index: number | null): Predicate | null {
  if (index == null) return null;
  const i = roundHalfUp(index, 2);
  let found: Predicate | null = null;
  for (const p of [...instrument.predicates].sort((a, b) => a.min - b.min)) if (cleanDecimal(i) >= cleanDecimal(p.min)) found = p;
  return found;
}

/** Scores a whole assessment: indicators → aspects → components → index, plus the index per dimension. */
export function scoreInstrument(instrument: Instrument, answers: Answers, opts: ScoreOptions = {}): ScoreResult {
  const rule = opts.missing ?? 'zero';
  const indicators: IndicatorScore[] = [];
  const components = instrument.components.map((c) => {
    const aspects = c.aspects.map((a) => {
      const levels = a.indicators.map((ind) => {
        const level = indicatorLevel(ind, answers[ind.key]);
        indicators.push({ key: ind.key, name: ind.name, component: c.key, aspect: a.key, dimension: ind.dimension, level, effectiveWeight: c.weight * a.weight * ind.weight });
        return { key: ind.key, weight: ind.weight, value: level };
      });
      const raw = weightedMean(levels, rule);
      const missing = levels.filter((l) => l.value == null).map((l) => l.key);
      return { key: a.key, name: a.name, weight: a.weight, raw, score: round(raw), answered: levels.length - missing.length, total: levels.length, missing };
    });
    const raw = weightedMean(aspects.map((a) => ({ weight: a.weight, value: a.raw })), rule);
    const missing = aspects.flatMap((a) => a.missing);
    const total = aspects.reduce((n, a) => n + a.total, 0);
    return { key: c.key, name: c.name, weight: c.weight, raw, score: round(raw), answered: total - missing.length, total, missing, aspects };
  });
  const raw = weightedMean(components.map((c) => ({ weight: c.weight, value: c.raw })), rule);
  const index = round(raw);
  const dimensions = DIMENSIONS.map((key) => {
    const of = indicators.filter((i) => i.dimension === key);
    const r = of.length ? weightedMean(of.map((i) => ({ weight: i.effectiveWeight, value: i.level })), rule) : null;
    return { key, raw: r, score: round(r), answered: of.filter((i) => i.level != null).length, total: of.length };
  });
  const missing = indicators.filter((i) => i.level == null).map((i) => i.key);
  return {
    instrumentId: instrument.id, missingRule: rule, index, raw, predicate: predicateFor(instrument, index),
    components, dimensions, indicators, missing, complete: missing.length === 0,
  };
}

export interface ComponentScoreProblem { field: string; message: Text }

/** Checks what-if component scores: every top-level key present, none unknown, each within the scale. */
export function componentScoresProblem(instrument: Instrument, scores: Record<string, unknown>): ComponentScoreProblem | null {
  const keys = new Set(instrument.components.map((c) => c.key));
  for (const k of Object.keys(scores)) {
    if (!keys.has(k)) return { field: `components.${k}`, message: { id: `komponen "${k}" tidak ada pada instrumen ${instrument.id} (${[...keys].join(', ')})`, en: `component "${k}" does not exist in instrument ${instrument.id} (${[...keys].join(', ')})` } };
  }
  for (const c of instrument.components) {
    const v = scores[c.key];
    if (v === undefined || v === null) return { field: `components.${c.key}`, message: { id: `nilai komponen "${c.key}" wajib diisi`, en: `a score for component "${c.key}" is required` } };
    if (typeof v !== 'number' || !Number.isFinite(v)) return { field: `components.${c.key}`, message: { id: 'harus berupa angka', en: 'must be a number' } };
    // A component may score 0 even on a 1–5 scale: a cumulative indicator with no level met scores 0.
    const lo = Math.min(0, instrument.scale.min);
    if (v < lo || v > instrument.scale.max) {
      return { field: `components.${c.key}`, message: { id: `harus antara ${lo} dan ${instrument.scale.max}`, en: `must be between ${lo} and ${instrument.scale.max}` } };
    }
  }
  return null;
}

/**
 * The what-if calculator: the index from top-level component (or SPBE domain) scores.
 * Throws RangeError when componentScoresProblem finds a problem (the API checks first).
 */
export function indexFromComponents(instrument: Instrument, scores: Record<string, number>): { index: number; raw: number; predicate: Predicate | null } {
  const problem = componentScoresProblem(instrument, scores);
  if (problem) throw new RangeError(`${problem.field}: ${problem.message.en}`);
  const raw = instrument.components.reduce((s, c) => s + c.weight * scores[c.key]!, 0);
  const index = roundHalfUp(raw, 2);
  return { index, raw, predicate: predicateFor(instrument, index) };
}
