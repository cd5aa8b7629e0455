import { describe, expect, it } from 'vitest';
import { scoreInstrument } from './score.ts';
import { baselineLevelFromDelta, compareSelfValidated, deriveBaseline, diff2, improvement } from './compare.ts';
import { rankRegions } from './ranking.ts';
import { levelFromPercent, suggestLevel } from './suggest.ts';
import { narrativeCandidates } from './narrative.ts';
import { lv, shipped, smartCityExample } from './testkit.ts';
import type { IndicatorAnswer } from '../instruments/types.ts';

const kppn = shipped('gmsc-kppn-ikn-2022');
const g100 = shipped('gmsc-100-2022');
const tahap2 = shipped('gmsc-tahap2-2023');
const spbe = shipped('spbe-2020');
const indicator = (key: string) => [kppn, spbe].flatMap((i) => i.components.flatMap((c) => c.aspects.flatMap((a) => a.indicators))).find((i) => i.key === key)!;

describe('improvement over the previous year', () => {
  it('3.11 − 2.99 = 0.12 exactly (the float difference is 0.11999…)', () => {
    expect(3.11 - 2.99).not.toBe(0.12);
    const r = improvement({ index: 3.11, instrument: kppn }, { index: 2.99, instrument: kppn });
    expect(r).toMatchObject({ delta: 0.12, sameInstrument: true, sameWeights: true, note: null });
  });
  it('no previous year: delta null', () => {
    expect(improvement({ index: 3, instrument: kppn }, null).delta).toBeNull();
  });
  it('another instrument is said: same weights (100-group 2022 → 2024) or different weights (KPPN/IKN → Tahap II)', () => {
    const same = improvement({ index: 3, instrument: shipped('gmsc-100-2024') }, { index: 2.5, instrument: g100 });
    expect(same).toMatchObject({ sameInstrument: false, sameWeights: true, delta: 0.5 });
    expect(same.note?.en).toContain('same components and weights');
    const other = improvement({ index: 2.8, instrument: tahap2 }, { index: 3.11, instrument: kppn });
    expect(other).toMatchObject({ sameInstrument: false, sameWeights: false, delta: -0.31 });
    expect(other.note?.id).toContain('perbandingan bersifat indikatif');
  });
});

describe('Baseline derived from the improvement (documented steps)', () => {
  it('steps: < −0.25 → 0, < 0 → 1, < 0.10 → 2, < 0.25 → 3, < 0.50 → 4, else 5', () => {
    expect([-1, -0.26, -0.25, -0.01, 0, 0.09, 0.1, 0.24, 0.25, 0.49, 0.5, 2].map(baselineLevelFromDelta)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
  it('KPPN/IKN: the other components give (0.55 + 0.9 + 0.25 + 1.11) / 0.9 = 3.12; against last year 2.80 that is +0.32 → level 4', () => {
    const d = deriveBaseline(kppn, { output: 2.75, outcome: 3, impact: 2.5, quickwin: 3.7 }, 2.8)!;
    expect(d).toMatchObject({ currentWithoutBaseline: 3.12, delta: 0.32, level: 4 });
    expect(d.explanation.id).toContain('level 4');
  });
  it('no previous year, or no baseline component (SPBE): nothing derived', () => {
    expect(deriveBaseline(kppn, { output: 3 }, null)).toBeNull();
    expect(deriveBaseline(spbe, { kebijakan: 3 }, 2)).toBeNull();
  });
});

describe('national ranking', () => {
  const ranked = rankRegions([
    { regionCode: '64.09', regionName: 'Penajam Paser Utara', index: 2.5 },
    { regionCode: '64.01', regionName: 'Paser', index: 2.99 },
    { regionCode: '64.02', regionName: 'Kutai Kartanegara', index: 3.114 },
    { regionCode: '64.07', regionName: 'Kutai Barat', index: 2.99 },
    { regionCode: '64.72', regionName: 'Bontang', index: 3.11 },
  ]);
  it('standard competition ranking 1, 1, 3, 3, 5 on the two-decimal index (3.114 ties with 3.11)', () => {
    expect(ranked.map((r) => [r.regionName, r.rank, r.tied])).toEqual([
      ['Bontang', 1, true], ['Kutai Kartanegara', 1, true], ['Kutai Barat', 3, true], ['Paser', 3, true], ['Penajam Paser Utara', 5, false],
    ]);
  });
  it('1, 2, 2, 4 and the empty year', () => {
    expect(rankRegions([
      { regionCode: 'a', regionName: 'A', index: 4 }, { regionCode: 'c', regionName: 'C', index: 3 },
      { regionCode: 'b', regionName: 'B', index: 3 }, { regionCode: 'd', regionName: 'D', index: 1 },
    ]).map((r) => `${r.regionName}${r.rank}`)).toEqual(['A1', 'B2', 'C2', 'D4']);
    expect(rankRegions([])).toEqual([]);
  });
});

describe('self-assessed vs validated', () => {
  const self = smartCityExample();
  const validated = { ...self, 'output.masterplan': lv(2), 'quickwin.governance': lv(3) };
  const c = compareSelfValidated(kppn, self, validated);
  it('gap per indicator (validated − self)', () => {
    expect(c.indicators.find((i) => i.key === 'output.masterplan')).toMatchObject({ self: 4, validated: 2, gap: -2 });
    expect(c.indicators.find((i) => i.key === 'outcome.economy')).toMatchObject({ self: 2, validated: 2, gap: 0 });
  });
  it('gap per component: output 2.75 → 2.35, quick win 3.70 → 3.47; index 3.11 → 2.96', () => {
    expect(c.components.find((x) => x.key === 'output')).toMatchObject({ self: 2.75, validated: 2.35, gap: -0.4 });
    expect(c.components.find((x) => x.key === 'quickwin')).toMatchObject({ self: 3.7, validated: 3.47, gap: -0.23 });
    expect(c.index).toEqual({ self: 3.11, validated: 2.96, gap: -0.15 });
  });
  it('an indicator the assessor has not validated yet has gap null', () => {
    const partial: Record<string, IndicatorAnswer> = { ...validated };
    delete partial['output.apbd'];
    expect(compareSelfValidated(kppn, self, partial).indicators.find((i) => i.key === 'output.apbd')).toMatchObject({ self: 2, validated: null, gap: null });
  });
});

describe('suggestions from monitoring data', () => {
  const outcome = indicator('outcome.governance');
  const qw = indicator('quickwin.economy');
  it('steps: 0 → 0, >0 → 1, 25 → 2, 50 → 3, 75 → 4, 95 → 5', () => {
    expect([0, 0.5, 24.9, 25, 49.9, 50, 74.9, 75, 94.9, 95, 100].map(levelFromPercent)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
  it('program status: 7 of 10 done or on track → 70 % → level 3, with the figures', () => {
    const s = suggestLevel(outcome, { programs: { done: 3, onTrack: 4, atRisk: 1, late: 1, notStarted: 1 } })!;
    expect(s).toMatchObject({ level: 3, basis: 'program-status', percent: 70 });
    expect(s.explanation.id).toContain('7 dari 10 program');
    expect(s.explanation.en).toContain('3 done, 4 on track, 1 at risk, 1 late, 1 not started');
  });
  it('quick-win progress: mean of 100, 80, 60 = 80 % → level 4', () => {
    expect(suggestLevel(qw, { quickWinProgress: [100, 80, 60] })).toMatchObject({ level: 4, basis: 'quick-win-progress', percent: 80 });
    expect(suggestLevel(qw, { quickWinProgress: [100, 100] })!.level).toBe(5);
  });
  it('per-dimension figures, when given, win for an indicator of that dimension', () => {
    const figures = {
      programs: { done: 10, onTrack: 0, atRisk: 0, late: 0, notStarted: 0 },
      programsByDimension: { governance: { done: 1, onTrack: 0, atRisk: 0, late: 1, notStarted: 2 } },
      quickWinProgress: [100], quickWinProgressByDimension: { economy: [30] },
    };
    expect(suggestLevel(outcome, figures)).toMatchObject({ level: 2, percent: 25 });
    expect(suggestLevel(indicator('outcome.branding'), figures)).toMatchObject({ level: 5, percent: 100 });
    expect(suggestLevel(qw, figures)).toMatchObject({ level: 2, percent: 30 });
  });
  it('no figures, or an indicator without suggestFrom: no suggestion', () => {
    expect(suggestLevel(outcome, {})).toBeNull();
    expect(suggestLevel(outcome, { programs: { done: 0, onTrack: 0, atRisk: 0, late: 0, notStarted: 0 } })).toBeNull();
    expect(suggestLevel(qw, { quickWinProgress: [] })).toBeNull();
    expect(suggestLevel(indicator('output.apbd'), { programs: { done: 5, onTrack: 0, atRisk: 0, late: 0, notStarted: 0 } })).toBeNull();
  });
  it('Outcome and Quick Win indicators of every smart-city instrument carry suggestFrom', () => {
    for (const ins of [kppn, g100, tahap2]) {
      for (const c of ins.components.filter((x) => x.key === 'outcome')) for (const a of c.aspects) for (const i of a.indicators) expect(i.suggestFrom).toBe('program-status');
      const qwPer = ins.components.find((x) => x.key === 'quickwin')!.aspects[0]!.indicators;
      expect(qwPer.every((i) => i.suggestFrom === 'quick-win-progress')).toBe(true);
    }
  });
});

describe('strengths, weaknesses, recommendation candidates', () => {
  const self = smartCityExample();
  const validatedAnswers = { ...self, 'output.masterplan': lv(2), 'quickwin.governance': lv(3) };
  const current = scoreInstrument(kppn, validatedAnswers);
  const previousAnswers = { ...self, 'impact.branding': lv(4), 'impact.economy': lv(4) };
  const evidence = Object.fromEntries(Object.keys(self).map((k) => [k, 1]));
  evidence['output.dewan'] = 0;
  delete evidence['outcome.living'];
  const n = narrativeCandidates({ instrument: kppn, current, self: scoreInstrument(kppn, self), previous: scoreInstrument(kppn, previousAnswers), evidence });
  it('strengths: the two highest dimensions and components', () => {
    const kinds = n.strengths.map((s) => `${s.kind}:${s.key}`);
    expect(kinds.filter((k) => k.startsWith('component-high'))).toEqual(['component-high:quickwin', 'component-high:baseline']);
    expect(n.strengths.filter((s) => s.kind === 'dimension-high')).toHaveLength(2);
  });
  it('weaknesses: lowest, "tanpa data dukung", largest gaps, drops since last year', () => {
    expect(n.weaknesses.filter((w) => w.kind === 'component-low').map((w) => w.key)).toEqual(['output', 'impact']);
    expect(n.weaknesses.filter((w) => w.kind === 'no-evidence').map((w) => w.key)).toEqual(['output.dewan', 'outcome.living']);
    expect(n.weaknesses.find((w) => w.kind === 'no-evidence')!.text.id).toContain('tanpa data dukung');
    expect(n.weaknesses.filter((w) => w.kind === 'gap').map((w) => [w.key, w.value])).toEqual([['output.masterplan', -2], ['quickwin.governance', -2]]);
    const drops = n.weaknesses.filter((w) => w.kind === 'drop');
    // governance dimension 4.51 → 3.82 (233/61), impact 3.17 (19/6) → 2.50: the two largest drops
    expect(drops.map((d) => [d.key, d.value])).toEqual([['governance', -0.69], ['impact', -0.67]]);
    expect(drops[0]!.text.id).toContain('turun');
  });
  it('recommendations follow from the weaknesses', () => {
    expect(n.recommendations.map((r) => r.kind)).toEqual(expect.arrayContaining(['dimension-low', 'component-low', 'no-evidence', 'gap', 'drop']));
    expect(n.recommendations.find((r) => r.kind === 'no-evidence')!.text.id).toContain('2 indikator');
  });
});

describe('diff2', () => {
  it('subtracts on two decimals', () => {
    expect(diff2(0.3, 0.1)).toBe(0.2);
    expect(diff2(2.96, 3.11)).toBe(-0.15);
  });
});
