/** Small builders shared by the demo content files; every value they make is illustrative. */
import type { DemoProgram, DemoRegion } from '../types.ts';

export type Budget = DemoProgram['budgets'][number];
export type Kpi = DemoProgram['kpis'][number];
export type Readiness = DemoRegion['readiness'][number];
export type Swot = [Readiness['swot'][number]['kind'], string];

/** Illustrative budget rows for consecutive years from `start`; amounts in juta rupiah. */
export const B = (start: number, juta: number[], source: Budget['source'] = 'APBD'): Budget[] =>
  juta.map((m, i) => ({ year: start + i, source, amount: m * 1_000_000, illustrative: true }));
/** Illustrative KPI; a target is [year, value] or [year, min, max] for polarity "range". */
export const K = (name: string, unit: string, polarity: Kpi['polarity'], baselineValue: number | null, baselineYear: number | null,
  targets: ([number, number] | [number, number, number])[]): Kpi => ({
  name, unit, polarity, baselineValue, baselineYear, illustrative: true,
  targets: targets.map(([year, value, valueMax]) => (valueMax === undefined ? { year, value } : { year, value, valueMax })),
});
export const R = (dimensionKey: string, aspect: Readiness['aspect'], summary: string, swot: Swot[], illustrative = true): Readiness =>
  ({ dimensionKey, aspect, summary, illustrative, swot: swot.map(([kind, text]) => ({ kind, text })) });
