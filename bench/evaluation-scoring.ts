/**
 * Evaluation scoring benchmark (issue 7): parsing the shipped instrument files, scoring a full
 * SPBE assessment (47 cumulative indicators) and a smart-city one, self-vs-validated
 * comparison, and ranking all 514 regencies/cities. Pure functions, no database.
 * Called from bench/run.ts; `npx tsx bench/evaluation-scoring.ts` runs it on its own.
 */
import { shippedInstrumentFiles } from '../src/modules/evaluation/instruments/load.ts';
import type { IndicatorAnswer, Instrument } from '../src/modules/evaluation/instruments/types.ts';
import { compareSelfValidated, rankRegions, scoreInstrument } from '../src/modules/evaluation/scoring/index.ts';

function randomAnswers(ins: Instrument, seed: number): Record<string, IndicatorAnswer> {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: Record<string, IndicatorAnswer> = {};
  for (const c of ins.components) for (const a of c.aspects) for (const i of a.indicators) {
    const levels = i.levels.map((l) => l.level);
    out[i.key] = i.cumulative ? { metLevels: levels.filter(() => rnd() < 0.8) } : { level: levels[Math.floor(rnd() * levels.length)]! };
  }
  return out;
}

function perCall(n: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(200, n); i++) fn(i); // warm-up
  const t = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  return ((performance.now() - t) / n) * 1000;
}

export async function benchEvaluationScoring(print: (line: string) => void): Promise<void> {
  let t = performance.now();
  const files = shippedInstrumentFiles();
  print(`evaluation: parse + validate ${files.length} shipped instrument files: ${(performance.now() - t).toFixed(0)} ms (first, cold)`);
  const byId = Object.fromEntries(files.map((f) => [f.instrument.id, f.instrument]));
  const spbe = byId['spbe-2020']!;
  const kppn = byId['gmsc-kppn-ikn-2022']!;
  const spbeAnswers = Array.from({ length: 100 }, (_, i) => randomAnswers(spbe, i + 1));
  const kppnAnswers = Array.from({ length: 100 }, (_, i) => randomAnswers(kppn, i + 1));
  print(`evaluation: score one SPBE assessment (47 cumulative indicators): ${perCall(10_000, (i) => scoreInstrument(spbe, spbeAnswers[i % 100]!)).toFixed(1)} µs`);
  print(`evaluation: score one smart-city assessment (25 indicators): ${perCall(10_000, (i) => scoreInstrument(kppn, kppnAnswers[i % 100]!)).toFixed(1)} µs`);
  print(`evaluation: self vs validated (SPBE): ${perCall(5_000, (i) => compareSelfValidated(spbe, spbeAnswers[i % 100]!, spbeAnswers[(i + 1) % 100]!)).toFixed(1)} µs`);
  const regions = Array.from({ length: 514 }, (_, i) => ({ regionCode: `r${i}`, regionName: `Kabupaten ${i}`, index: Math.round(((i * 7919) % 500)) / 100 }));
  t = performance.now();
  for (let i = 0; i < 100; i++) rankRegions(regions);
  print(`evaluation: national ranking of 514 regions: ${((performance.now() - t) / 100).toFixed(2)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchEvaluationScoring((line) => console.log(line));
