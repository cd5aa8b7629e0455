import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorAnswer, Instrument } from '../instruments/types.ts';
import { indexFromComponents, scoreInstrument } from './score.ts';
import { rankRegions } from './ranking.ts';
import { roundHalfUp, toHundredths } from './round.ts';
import { shipped } from './testkit.ts';

const instruments = ['gmsc-kppn-ikn-2022', 'gmsc-tahap2-2023', 'spbe-2020'].map(shipped);
const indicatorsOf = (i: Instrument) => i.components.flatMap((c) => c.aspects.flatMap((a) => a.indicators));

/** Random answers for an instrument: each indicator unanswered or at one of its levels. */
const answersFor = (ins: Instrument) => fc.tuple(...indicatorsOf(ins).map((ind) =>
  fc.option(fc.constantFrom(...ind.levels.map((l) => l.level)), { nil: undefined }))).map((levels) => {
  const out: Record<string, IndicatorAnswer | undefined> = {};
  indicatorsOf(ins).forEach((ind, n) => { out[ind.key] = levels[n] === undefined ? undefined : { level: levels[n]! }; });
  return out;
});

describe('scoring properties (random answers on the shipped instruments)', () => {
  for (const ins of instruments) {
    it(`${ins.id}: index within the scale, equal to the what-if on the component scores, monotone in every answer`, () => {
      fc.assert(fc.property(answersFor(ins), fc.nat(), (answers, pick) => {
        const r = scoreInstrument(ins, answers);
        expect(r.index!).toBeGreaterThanOrEqual(0);
        expect(r.index!).toBeLessThanOrEqual(ins.scale.max);
        expect(r.missing.length).toBe(Object.values(answers).filter((a) => !a).length);
        const raw = Object.fromEntries(r.components.map((c) => [c.key, c.raw!]));
        expect(indexFromComponents(ins, raw).index).toBe(r.index);
        // Raising one indicator to its top level never lowers the index.
        const inds = indicatorsOf(ins);
        const ind = inds[pick % inds.length]!;
        const top = Math.max(...ind.levels.map((l) => l.level));
        expect(scoreInstrument(ins, { ...answers, [ind.key]: { level: top } }).raw!).toBeGreaterThanOrEqual(r.raw! - 1e-12);
      }), { numRuns: 150 });
    });
  }
});

describe('rounding property', () => {
  it('roundHalfUp equals exact decimal rounding of numbers with up to 6 decimals', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 50_000_000 }), (micro) => {
      const x = micro / 1e6; // e.g. 3.455
      const exact = Math.floor((micro + 5000) / 10000); // hundredths, half up, in integers
      expect(toHundredths(x)).toBe(exact);
      expect(roundHalfUp(x)).toBe(exact / 100);
    }), { numRuns: 3000 });
  });
});

describe('ranking property', () => {
  it('rank = 1 + number of regions with a strictly higher two-decimal index', () => {
    fc.assert(fc.property(fc.array(fc.record({ regionCode: fc.string({ minLength: 1, maxLength: 5 }), regionName: fc.string({ maxLength: 8 }), index: fc.integer({ min: 0, max: 500 }).map((n) => n / 100) }), { maxLength: 30 }), (entries) => {
      const ranked = rankRegions(entries);
      expect(ranked).toHaveLength(entries.length);
      for (const r of ranked) expect(r.rank).toBe(1 + entries.filter((e) => toHundredths(e.index) > toHundredths(r.index)).length);
    }), { numRuns: 300 });
  });
});
