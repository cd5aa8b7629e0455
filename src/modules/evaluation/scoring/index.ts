// The evaluation scoring engine: pure functions, no I/O. See docs/evaluation-instruments.md.
export { roundHalfUp, cleanDecimal, toHundredths } from './round.ts';
export { indicatorLevel, answerProblem, levelValues } from './levels.ts';
export { scoreInstrument, indexFromComponents, componentScoresProblem, predicateFor, DIMENSIONS } from './score.ts';
export type { Answers, MissingRule, ScoreOptions, ScoreResult, PartScore, IndicatorScore, DimensionScore } from './score.ts';
export { improvement, deriveBaseline, baselineLevelFromDelta, BASELINE_STEPS, compareSelfValidated, diff2 } from './compare.ts';
export type { Improvement, Gap, SelfVsValidated } from './compare.ts';
export { rankRegions } from './ranking.ts';
export type { RankInput, Ranked } from './ranking.ts';
export { suggestLevel, levelFromPercent, SUGGESTION_STEPS } from './suggest.ts';
export type { MonitoringFigures, ProgramStatusCounts, Suggestion } from './suggest.ts';
export { narrativeCandidates } from './narrative.ts';
export type { Candidate, CandidateKind, NarrativeCandidates, NarrativeInput } from './narrative.ts';
