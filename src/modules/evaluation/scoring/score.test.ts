import { describe, expect, it } from 'vitest';
import type { Instrument } from '../instruments/types.ts';
import { indexFromComponents, componentScoresProblem, predicateFor, scoreInstrument } from './score.ts';
import { indicatorLevel, answerProblem } from './levels.ts';
import { roundHalfUp } from './round.ts';
import { lv, shipped, smartCityExample } from './testkit.ts';

const kppn = shipped('gmsc-kppn-ikn-2022');
const g100 = shipped('gmsc-100-2022');
const tahap2 = shipped('gmsc-tahap2-2023');
const spbe = shipped('spbe-2020');

describe('rounding half up on the exact decimal', () => {
  it('3.455 → 3.46, 1.005 → 1.01, 2.675 → 2.68 although their floats lie below the half', () => {
    expect(1.005 * 100).toBeLessThan(100.5); // the float artifact the rule guards against
    expect(roundHalfUp(3.455)).toBe(3.46);
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(roundHalfUp(2.675)).toBe(2.68);
    expect(roundHalfUp(3.454999)).toBe(3.45);
    expect(roundHalfUp(3.4549999999999996)).toBe(3.46); // a weighted sum's float of 3.455
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(-0.125)).toBe(-0.12);
    expect(roundHalfUp(0)).toBe(0);
  });
});

describe('indicator level', () => {
  const cum = spbe.components[0]!.aspects[0]!.indicators[0]!;
  const plain = kppn.components[1]!.aspects[0]!.indicators[0]!;
  it('non-cumulative: the chosen level; unanswered: null', () => {
    expect(indicatorLevel(plain, lv(4))).toBe(4);
    expect(indicatorLevel(plain, lv(0))).toBe(0);
    expect(indicatorLevel(plain, null)).toBeNull();
    expect(indicatorLevel(plain, {})).toBeNull();
  });
  it('cumulative: the highest level whose criteria and all lower ones are met', () => {
    expect(cum.cumulative).toBe(true);
    expect(indicatorLevel(cum, { metLevels: [1, 2, 3] })).toBe(3);
    expect(indicatorLevel(cum, { metLevels: [3, 1, 2] })).toBe(3);
    expect(indicatorLevel(cum, { metLevels: [1, 2, 4, 5] })).toBe(2); // level 3 missing stops at 2
    expect(indicatorLevel(cum, { metLevels: [2, 3, 4, 5] })).toBe(0); // not even Rintisan
    expect(indicatorLevel(cum, { metLevels: [] })).toBe(0);
    expect(indicatorLevel(cum, { metLevels: [1, 2, 3, 4, 5] })).toBe(5);
    expect(indicatorLevel(cum, { level: 4 })).toBe(4); // a bare level claims it and all below
  });
  it('levels the indicator does not define are refused, naming the field', () => {
    expect(answerProblem(plain, lv(6))?.field).toBe('level');
    expect(answerProblem(cum, { metLevels: [0] })?.field).toBe('metLevels');
    expect(answerProblem(plain, { metLevels: [1] })?.field).toBe('metLevels');
    expect(answerProblem(plain, lv(5))).toBeNull();
    expect(() => indicatorLevel(plain, lv(7))).toThrow(RangeError);
  });
});

describe('smart city, hand-worked (KPPN/IKN 2022: 10/20/30/10/30)', () => {
  const r = scoreInstrument(kppn, smartCityExample());
  it('components: baseline 3, output 2.75, outcome 3, impact 2.5, quick win 3.7', () => {
    // output = 0.4·(4+3)/2 + 0.3·(2+3)/2 + 0.3·2 = 1.4 + 0.75 + 0.6
    // quick win = 0.7·(5+4+3+4+4+4)/6 + 0.3·3 = 2.8 + 0.9
    expect(Object.fromEntries(r.components.map((c) => [c.key, c.score]))).toEqual({ baseline: 3, output: 2.75, outcome: 3, impact: 2.5, quickwin: 3.7 });
    expect(r.components[1]!.aspects.map((a) => a.score)).toEqual([3.5, 2.5, 2]);
  });
  it('index 0.3 + 0.55 + 0.9 + 0.25 + 1.11 = 3.11, complete, no predicate (Kominfo has no pass/fail)', () => {
    expect(r.index).toBe(3.11);
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.predicate).toBeNull();
  });
  it('the same answers under the 100-smart-city weights (10/20/30/20/20) give 2.99', () => {
    expect(scoreInstrument(g100, smartCityExample()).index).toBe(2.99);
  });
  it('index per dimension: governance = (30·4 + 10·5 + 21·5) / 61 = 4.51', () => {
    // effective weights ×600: outcome 0.3/6 → 30, impact 0.1/6 → 10, quick win 0.3·0.7/6 → 21
    const d = Object.fromEntries(r.dimensions.map((x) => [x.key, x.score]));
    expect(d.governance).toBe(4.51);
    // branding: (30·3 + 10·2 + 21·4)/61 = 194/61 = 3.18
    expect(d.branding).toBe(3.18);
    expect(r.dimensions.every((x) => x.total === 3)).toBe(true);
  });
  it('Tahap II 2023 adds Program Kolaborasi (10 %); unanswered it counts 0', () => {
    const t = scoreInstrument(tahap2, smartCityExample());
    // 0.1·3 + 0.2·2.75 + 0.2·3 + 0.2·2.5 + 0.2·3.7 + 0.1·0 = 2.69
    expect(t.index).toBe(2.69);
    expect(t.missing).toEqual(['kolaborasi.mitra', 'kolaborasi.lintas']);
    const full = scoreInstrument(tahap2, { ...smartCityExample(), 'kolaborasi.mitra': lv(4), 'kolaborasi.lintas': lv(3) });
    expect(full.index).toBe(3.04); // + 0.1·3.5
  });
});

describe('missing answers', () => {
  const answers = smartCityExample();
  for (const k of Object.keys(answers)) if (k.startsWith('impact.') || k === 'quickwin.kebaruan') delete answers[k];
  it("'zero' (default, Kominfo practice): unanswered indicators score 0 and are listed", () => {
    const r = scoreInstrument(kppn, answers);
    expect(r.missingRule).toBe('zero');
    expect(r.complete).toBe(false);
    expect(r.missing).toHaveLength(7);
    expect(r.missing).toContain('quickwin.kebaruan');
    const impact = r.components.find((c) => c.key === 'impact')!;
    expect(impact).toMatchObject({ score: 0, answered: 0, total: 6 });
    expect(r.components.find((c) => c.key === 'quickwin')!.score).toBe(2.8);
    expect(r.index).toBe(2.59); // 0.3 + 0.55 + 0.9 + 0 + 0.84
  });
  it("'exclude': mean over the answered only, weights renormalised; an empty component is left out", () => {
    const r = scoreInstrument(kppn, answers, { missing: 'exclude' });
    expect(r.components.find((c) => c.key === 'impact')!.score).toBeNull();
    expect(r.components.find((c) => c.key === 'quickwin')!.score).toBe(4);
    expect(r.index).toBe(3.28); // (0.3 + 0.55 + 0.9 + 1.2) / 0.9 = 3.2777…
  });
  it('nothing answered: index 0 under zero, null under exclude', () => {
    expect(scoreInstrument(kppn, {}).index).toBe(0);
    expect(scoreInstrument(kppn, {}, { missing: 'exclude' }).index).toBeNull();
  });
});

describe('SPBE, hand-worked (13/25/16.5/45.5 %, cumulative levels, predicates)', () => {
  const keys = spbe.components.flatMap((c) => c.aspects.flatMap((a) => a.indicators.map((i) => i.key)));
  const answers: Record<string, { metLevels: number[] }> = {};
  for (const k of keys) answers[k] = { metLevels: [1, 2, 3] };
  answers['spbe.i01'] = { metLevels: [1, 2, 4, 5] }; // stops at 2
  for (let i = 32; i <= 41; i++) answers[`spbe.i${i}`] = { metLevels: [1, 2, 3, 4] }; // aspect 7: level 4
  for (let i = 42; i <= 47; i++) answers[`spbe.i${i}`] = { metLevels: [2, 3] }; // aspect 8: no Rintisan → 0
  const r = scoreInstrument(spbe, answers);
  it('has 4 domains, 8 aspects, 47 indicators; Layanan = 27.5 % + 18 %', () => {
    expect(keys).toHaveLength(47);
    expect(spbe.components.map((c) => c.aspects.length)).toEqual([1, 3, 2, 2]);
    const layanan = spbe.components[3]!;
    expect(roundHalfUp(layanan.weight * layanan.aspects[0]!.weight, 4)).toBe(0.275);
    expect(roundHalfUp(layanan.weight * layanan.aspects[1]!.weight, 4)).toBe(0.18);
  });
  it('domains 2.9 / 3 / 3 / 2.42 and index 0.377 + 0.75 + 0.495 + 1.1 = 2.72, predicate Baik', () => {
    expect(r.components.map((c) => c.score)).toEqual([2.9, 3, 3, 2.42]);
    expect(r.index).toBe(2.72);
    expect(r.predicate?.name.id).toBe('Baik');
  });
  it('every indicator at the same level gives that level as index', () => {
    for (const l of [1, 3, 5]) {
      const all = Object.fromEntries(keys.map((k) => [k, { level: l }]));
      expect(scoreInstrument(spbe, all).index).toBe(l);
    }
  });
  it('predicates at their thresholds: <1.8 Kurang, 1.8 Cukup, 2.6 Baik, 3.5 Sangat Baik, 4.2 Memuaskan', () => {
    const p = (x: number) => predicateFor(spbe, x)?.name.id;
    expect([p(0), p(1.79), p(1.8), p(2.59), p(2.6), p(3.49), p(3.5), p(4.19), p(4.2), p(5)])
      .toEqual(['Kurang', 'Kurang', 'Cukup', 'Cukup', 'Baik', 'Baik', 'Sangat Baik', 'Sangat Baik', 'Memuaskan', 'Memuaskan']);
    expect(p(4.195)).toBe('Memuaskan'); // on the published two-decimal index 4.20
  });
});

describe('what-if: indexFromComponents', () => {
  it('KPPN/IKN: 3.05 and 3.5 ×4 → 3.455 exactly → 3.46 (not 3.45)', () => {
    expect(indexFromComponents(kppn, { baseline: 3.05, output: 3.5, outcome: 3.5, impact: 3.5, quickwin: 3.5 }).index).toBe(3.46);
  });
  it('agrees with the full scoring on the hand-worked example', () => {
    expect(indexFromComponents(kppn, { baseline: 3, output: 2.75, outcome: 3, impact: 2.5, quickwin: 3.7 }).index).toBe(3.11);
  });
  it('SPBE: 4 / 4 / 4 / 4.2 → 4.09 Sangat Baik', () => {
    const r = indexFromComponents(spbe, { kebijakan: 4, 'tata-kelola': 4, manajemen: 4, layanan: 4.2 });
    expect(r.index).toBe(4.09);
    expect(r.predicate?.name.id).toBe('Sangat Baik');
  });
  it('unknown key, missing component, score outside the scale: named', () => {
    const ok = { baseline: 3, output: 3, outcome: 3, impact: 3, quickwin: 3 };
    expect(componentScoresProblem(kppn, { ...ok, kolaborasi: 3 })?.field).toBe('components.kolaborasi');
    const { impact: _drop, ...missing } = ok;
    expect(componentScoresProblem(kppn, missing)?.field).toBe('components.impact');
    expect(componentScoresProblem(kppn, { ...ok, output: 5.01 })?.field).toBe('components.output');
    expect(componentScoresProblem(kppn, { ...ok, output: -1 })?.field).toBe('components.output');
    expect(() => indexFromComponents(kppn, { ...ok, output: 9 })).toThrow(/components.output/);
  });
});

describe('a tiny instrument, for the edge cases', () => {
  const tiny: Instrument = {
    id: 'tiny', version: '1', kind: 'spbe', name: { id: 't', en: 't' }, year: null, group: null, scale: { min: 1, max: 3 }, source: 's', ownWording: true,
    predicates: [], components: [{ key: 'a', name: { id: 'a', en: 'a' }, weight: 1, aspects: [{ key: 'a1', name: { id: 'a', en: 'a' }, weight: 1, indicators: [
      { key: 'x', name: { id: 'x', en: 'x' }, dimension: null, weight: 1 / 3, cumulative: true, levels: [1, 2, 3].map((level) => ({ level, description: { id: 'd', en: 'd' } })) },
      { key: 'y', name: { id: 'y', en: 'y' }, dimension: 'economy', weight: 2 / 3, cumulative: false, levels: [1, 2, 3].map((level) => ({ level, description: { id: 'd', en: 'd' } })) },
    ] }] }],
  };
  it('weights as thirds: (1·3 + 2·2)/3 = 2.33', () => {
    expect(scoreInstrument(tiny, { x: { metLevels: [1, 2, 3] }, y: { level: 2 } }).index).toBe(2.33);
  });
  it('dimension without indicators has score null and total 0', () => {
    const r = scoreInstrument(tiny, { x: { level: 1 }, y: { level: 3 } });
    expect(r.dimensions.find((d) => d.key === 'governance')).toMatchObject({ score: null, total: 0 });
    expect(r.dimensions.find((d) => d.key === 'economy')).toMatchObject({ score: 3, total: 1 });
  });
});
