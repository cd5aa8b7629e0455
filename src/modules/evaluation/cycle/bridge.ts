import type { DbOrTx } from '../../../core/db.ts';
import type { Instrument } from '../instruments/types.ts';
import { narrativeCandidates, type NarrativeCandidates } from '../scoring/narrative.ts';
import type { ScoreResult } from '../scoring/score.ts';
import type { SelfVsValidated } from '../scoring/compare.ts';
import { suggestLevel, type Suggestion } from '../scoring/suggest.ts';
import { indicatorsOf } from './service.ts';
import { monitoringFigures, type Figures } from './evidence.ts';
import type { EvidenceLink, SelfAnswer } from './schema.ts';
import { getInstrument } from '../instruments/registry.ts';

/**
 * Where the cycle meets the scoring engine and the instrument registry (evaluation-engine's
 * modules): the cycle never scores, suggests or writes candidate sentences itself.
 */

/** An instrument by id: the given version, or the newest when none is given. */
export async function instrumentById(db: DbOrTx, id: string, version?: string): Promise<Instrument | null> {
  return (await getInstrument(db, id, version)) ?? null;
}

/** Computed strengths, weaknesses and recommendations of a cycle (validated scores once there are). */
export function candidatesFor(i: { instrument: Instrument; comparison: SelfVsValidated | null; selfScores: ScoreResult; previousScores: ScoreResult | null; selfAnswers: Record<string, SelfAnswer> }): NarrativeCandidates {
  const evidence = Object.fromEntries(Object.entries(i.selfAnswers).map(([k, a]) => [k, a.files.length + a.links.length]));
  return narrativeCandidates({
    instrument: i.instrument, current: i.comparison?.validated ?? i.selfScores, self: i.comparison ? i.comparison.self : null,
    previous: i.previousScores, evidence, top: 2,
  });
}

/** Suggested levels for indicators with `suggestFrom`, with the Pilar records they rest on. */
export async function suggestionsFor(db: DbOrTx, instrument: Instrument, regionCode: string, year: number): Promise<Record<string, Suggestion & { links: EvidenceLink[] }>> {
  const wanting = [...indicatorsOf(instrument).values()].filter((i) => i.suggestFrom);
  if (!wanting.length) return {};
  const byDimension = new Map<string | null, Figures>();
  const out: Record<string, Suggestion & { links: EvidenceLink[] }> = {};
  for (const ind of wanting) {
    // Indicators of one pillar get that pillar's figures; the others the whole region's.
    let m = byDimension.get(ind.dimension);
    if (!m) byDimension.set(ind.dimension, m = await monitoringFigures(db, regionCode, year, ind.dimension));
    const s = suggestLevel(ind, m.figures);
    if (s) out[ind.key] = { ...s, links: s.basis === 'program-status' ? m.programLinks : m.quickWinLinks };
  }
  return out;
}
