import type { Instrument, Text } from '../instruments/types.ts';
import { scoreInstrument, type Answers, type ScoreOptions, type ScoreResult } from './score.ts';
import { toHundredths } from './round.ts';

/** Difference of two two-decimal values, computed in hundredths (no float artifacts). */
export function diff2(a: number, b: number): number {
  return (toHundredths(a) - toHundredths(b)) / 100;
}

export interface Improvement {
  current: number;
  previous: number | null;
  /** current − previous on the two-decimal indexes; null without a previous year. */
  delta: number | null;
  /** False when the two years used different instruments: the comparison must say so. */
  sameInstrument: boolean;
  /** True when both instruments have the same top-level components and weights. */
  sameWeights: boolean;
  /** Set when the instruments differ: what to tell the reader. */
  note: Text | null;
}

type Scored = { index: number; instrument: Pick<Instrument, 'id' | 'components'> };

const weightsKey = (i: Pick<Instrument, 'components'>) => i.components.map((c) => `${c.key}:${Math.round(c.weight * 1e6)}`).sort().join(',');

/** Improvement over the previous year's final index; says so when the instruments differ. */
export function improvement(current: Scored, previous: Scored | null): Improvement {
  if (!previous) return { current: current.index, previous: null, delta: null, sameInstrument: true, sameWeights: true, note: null };
  const sameInstrument = current.instrument.id === previous.instrument.id;
  const sameWeights = weightsKey(current.instrument) === weightsKey(previous.instrument);
  const a = previous.instrument.id;
  const b = current.instrument.id;
  return {
    current: current.index, previous: previous.index, delta: diff2(current.index, previous.index), sameInstrument, sameWeights,
    note: sameInstrument ? null : sameWeights ? {
      id: `Tahun sebelumnya dinilai dengan instrumen ${a}, sekarang ${b} (komponen dan bobot sama).`,
      en: `The previous year was scored with instrument ${a}, now ${b} (same components and weights).`,
    } : {
      id: `Tahun sebelumnya dinilai dengan instrumen ${a}, sekarang ${b}; komponen atau bobot berbeda, perbandingan bersifat indikatif.`,
      en: `The previous year was scored with instrument ${a}, now ${b}; components or weights differ, the comparison is indicative.`,
    },
  };
}

/**
 * Pilar's documented mapping from the improvement of the index to a Baseline level (0–5).
 * Kominfo defines Baseline as "improvement on the previous evaluation" without a public
 * formula; these steps are ours and can be overridden by the assessor:
 *   delta < −0.25 → 0 · −0.25 ≤ delta < 0 → 1 · 0 ≤ delta < 0.10 → 2
 *   0.10 ≤ delta < 0.25 → 3 · 0.25 ≤ delta < 0.50 → 4 · delta ≥ 0.50 → 5
 */
export const BASELINE_STEPS: { min: number; level: number }[] = [
  { min: -Infinity, level: 0 }, { min: -0.25, level: 1 }, { min: 0, level: 2 }, { min: 0.1, level: 3 }, { min: 0.25, level: 4 }, { min: 0.5, level: 5 },
];

export function baselineLevelFromDelta(delta: number): number {
  const d = toHundredths(delta);
  let level = 0;
  for (const s of BASELINE_STEPS) if (s.min === -Infinity || d >= toHundredths(s.min)) level = s.level;
  return level;
}

/**
 * Derives the Baseline component from the improvement. The Baseline is itself part of the
 * index, so the current year is measured without it: the index of the other components with
 * their weights renormalised, compared with last year's final index. Returns null without a
 * previous year or when the instrument has no component keyed `baseline`.
 */
export function deriveBaseline(
  instrument: Instrument,
  componentScores: Record<string, number | null>,
  previousIndex: number | null,
): { level: number; delta: number; currentWithoutBaseline: number; explanation: Text } | null {
  if (previousIndex == null || !instrument.components.some((c) => c.key === 'baseline')) return null;
  const others = instrument.components.filter((c) => c.key !== 'baseline');
  const weights = others.reduce((s, c) => s + c.weight, 0);
  const current = others.reduce((s, c) => s + c.weight * (componentScores[c.key] ?? 0), 0) / weights;
  const currentRounded = Math.round(toHundredths(current)) / 100;
  const delta = diff2(currentRounded, previousIndex);
  const level = baselineLevelFromDelta(delta);
  return {
    level, delta, currentWithoutBaseline: currentRounded,
    explanation: {
      id: `Indeks tanpa Baseline ${currentRounded.toFixed(2)} dibanding indeks tahun lalu ${previousIndex.toFixed(2)}: perubahan ${delta >= 0 ? '+' : ''}${delta.toFixed(2)} → level ${level}`,
      en: `Index without Baseline ${currentRounded.toFixed(2)} against last year's index ${previousIndex.toFixed(2)}: change ${delta >= 0 ? '+' : ''}${delta.toFixed(2)} → level ${level}`,
    },
  };
}

export interface Gap { self: number | null; validated: number | null; /** validated − self; null when either is missing. Negative: the assessor lowered it. */ gap: number | null }

export interface SelfVsValidated {
  index: Gap;
  components: (Gap & { key: string; name: Text })[];
  dimensions: (Gap & { key: string })[];
  indicators: (Gap & { key: string; name: Text; component: string })[];
  self: ScoreResult;
  validated: ScoreResult;
}

const gapOf = (self: number | null, validated: number | null): Gap => ({ self, validated, gap: self == null || validated == null ? null : diff2(validated, self) });

/** Self-assessed and validated scores side by side, with the gap per indicator, component, dimension and index. */
export function compareSelfValidated(instrument: Instrument, self: Answers, validated: Answers, opts: ScoreOptions = {}): SelfVsValidated {
  const s = scoreInstrument(instrument, self, opts);
  const v = scoreInstrument(instrument, validated, opts);
  return {
    index: gapOf(s.index, v.index),
    components: s.components.map((c, i) => ({ key: c.key, name: c.name, ...gapOf(c.score, v.components[i]!.score) })),
    dimensions: s.dimensions.map((d, i) => ({ key: d.key, ...gapOf(d.score, v.dimensions[i]!.score) })),
    indicators: s.indicators.map((ind, i) => ({ key: ind.key, name: ind.name, component: ind.component, ...gapOf(ind.level, v.indicators[i]!.level) })),
    self: s,
    validated: v,
  };
}
