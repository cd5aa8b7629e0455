import type { IndicatorAnswer, InstrumentIndicator, Text } from '../instruments/types.ts';

/** The levels an indicator defines, ascending. */
export function levelValues(indicator: InstrumentIndicator): number[] {
  return indicator.levels.map((l) => l.level).sort((a, b) => a - b);
}

/** Why an answer does not fit an indicator, or null when it does (call before saving). */
export function answerProblem(indicator: InstrumentIndicator, answer: IndicatorAnswer | null | undefined): { field: 'level' | 'metLevels'; message: Text } | null {
  if (!answer) return null;
  const defined = new Set(levelValues(indicator));
  if (answer.level != null && !defined.has(answer.level)) {
    return { field: 'level', message: { id: `level ${answer.level} tidak ada pada indikator ${indicator.key} (${[...defined].join(', ')})`, en: `level ${answer.level} does not exist on indicator ${indicator.key} (${[...defined].join(', ')})` } };
  }
  for (const m of answer.metLevels ?? []) {
    if (!defined.has(m)) return { field: 'metLevels', message: { id: `level ${m} tidak ada pada indikator ${indicator.key}`, en: `level ${m} does not exist on indicator ${indicator.key}` } };
  }
  if (answer.metLevels != null && !indicator.cumulative) {
    return { field: 'metLevels', message: { id: `indikator ${indicator.key} tidak kumulatif: pilih satu level`, en: `indicator ${indicator.key} is not cumulative: choose one level` } };
  }
  return null;
}

/**
 * The level an answer earns, or null when the indicator is unanswered.
 * - Non-cumulative: the level chosen.
 * - Cumulative (SPBE): the highest k such that the criteria of every defined level ≤ k are met
 *   (from `metLevels`; a bare `level` claims that level and all below it). When not even the
 *   lowest level is met the indicator scores 0 — unless the scale itself starts at 0.
 * Throws RangeError for a level the indicator does not define (check with answerProblem first).
 */
export function indicatorLevel(indicator: InstrumentIndicator, answer: IndicatorAnswer | null | undefined): number | null {
  if (!answer) return null;
  const problem = answerProblem(indicator, answer);
  if (problem) throw new RangeError(problem.message.en);
  const levels = levelValues(indicator);
  if (indicator.cumulative && answer.metLevels != null) {
    const met = new Set(answer.metLevels);
    let reached: number | null = null;
    for (const l of levels) {
      if (!met.has(l)) break;
      reached = l;
    }
    return reached ?? 0;
  }
  return answer.level ?? null;
}
