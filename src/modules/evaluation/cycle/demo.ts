import { inArray } from 'drizzle-orm';
import type { Db } from '../../../core/db.ts';
import { programs } from '../../masterplan/schema.ts';
import type { Instrument } from '../instruments/types.ts';
import { compareSelfValidated } from '../scoring/compare.ts';
import { narrativeCandidates } from '../scoring/narrative.ts';
import { levelValues } from '../scoring/levels.ts';
import { syncShippedInstruments } from '../instruments/registry.ts';
import { instrumentById } from './bridge.ts';
import { evaluationCycleEvents, evaluationCycles, type SelfAnswer, type ValidatedAnswer } from './schema.ts';
import { indicatorsOf } from './service.ts';
import { validatedAnswers } from './queries.ts';

/**
 * Demo evaluation results of the four IKN-partner regencies: 2022 (KPPN/IKN instrument) and
 * 2023 (Tahap II instrument), final and published, plus Kukar's open 2025 self-assessment.
 * EVERY level, reason and narrative here is invented (illustrative = true, badged in the UI
 * and the report); real results are not public in our sources. Rows are inserted directly
 * (one statement per cycle) to keep the test template fast.
 */

export const DEMO_EVALUATIONS: { year: number; instrument: string }[] = [
  { year: 2022, instrument: 'gmsc-kppn-ikn-2022' },
  { year: 2023, instrument: 'gmsc-tahap2-2023' },
];
/** Kukar's open cycle, for trying the self-assessment (and for the browser test). */
export const DEMO_OPEN = { regionCode: '64.02', year: 2025, instrument: 'gmsc-tahap2-2024' };

/** Where each regency's invented levels centre, per year: different enough to rank and to show a change. */
const CENTRE: Record<string, Record<number, number>> = {
  '64.02': { 2022: 3.1, 2023: 3.5 },
  '64.01': { 2022: 2.9, 2023: 3.2 },
  '64.09': { 2022: 2.6, 2023: 3.0 },
  '64.07': { 2022: 2.4, 2023: 2.3 },
};

/** A deterministic number in [0, 1) from a string (FNV-1a), so the demo is the same on every seed. */
function unit(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return ((h >>> 0) % 10_000) / 10_000;
}

const nearest = (levels: number[], x: number) => levels.reduce((best, l) => (Math.abs(l - x) < Math.abs(best - x) ? l : best), levels[0]!);

function answersFor(instrument: Instrument, regionCode: string, year: number, centre: number, programIds: string[]) {
  const self: Record<string, SelfAnswer> = {};
  const validation: Record<string, ValidatedAnswer> = {};
  let n = 0;
  for (const ind of indicatorsOf(instrument).values()) {
    const seed = `${regionCode}/${year}/${ind.key}`;
    const levels = levelValues(ind);
    const level = nearest(levels, centre + (unit(seed) - 0.5) * 2.2);
    const noEvidence = unit(`${seed}/evidence`) < 0.2;
    const link = programIds.length ? [{ kind: 'program' as const, id: programIds[n % programIds.length]! }] : [];
    n += 1;
    const answer = ind.cumulative ? { level: null, metLevels: levels.filter((l) => l <= level) } : { level, metLevels: null };
    self[ind.key] = {
      ...answer,
      justification: noEvidence ? 'Ilustrasi: dijawab tanpa data dukung.' : 'Ilustrasi: jawaban contoh dengan program masterplan sebagai data dukung.',
      files: [], links: noEvidence ? [] : link, suggested: null,
    };
    // The assessor lowers about one answer in six (more often where evidence is missing).
    const lower = level > levels[0]! && unit(`${seed}/validate`) < (noEvidence ? 0.6 : 0.12);
    if (lower) {
      const down = levels.filter((l) => l < level).at(-1)!;
      validation[ind.key] = {
        ...(ind.cumulative ? { level: null, metLevels: levels.filter((l) => l <= down) } : { level: down, metLevels: null }),
        reason: noEvidence ? 'Ilustrasi: data dukung tidak dilampirkan.' : 'Ilustrasi: data dukung belum menunjukkan level yang diklaim.',
      };
    }
  }
  return { self, validation };
}

export async function seedDemoEvaluations(db: Db, regionCodes: string[]): Promise<{ cycles: number }> {
  const instruments = new Map<string, Instrument>();
  for (const id of new Set([...DEMO_EVALUATIONS.map((e) => e.instrument), DEMO_OPEN.instrument])) {
    // The shipped instruments are normally loaded on start; a bare seed loads them (idempotent).
    if (!(await instrumentById(db, id))) await syncShippedInstruments(db);
    const i = await instrumentById(db, id);
    if (!i) throw new Error(`demo evaluation: instrument ${id} is not available`);
    instruments.set(id, i);
  }
  const progs = await db.select({ id: programs.id, regionCode: programs.regionCode }).from(programs).where(inArray(programs.regionCode, regionCodes)).orderBy(programs.code);
  let cycles = 0;
  await db.transaction(async (tx) => {
    await tx.delete(evaluationCycles).where(inArray(evaluationCycles.regionCode, regionCodes));
    for (const regionCode of regionCodes) {
      const programIds = progs.filter((p) => p.regionCode === regionCode).map((p) => p.id);
      let previous: ReturnType<typeof compareSelfValidated>['validated'] | null = null;
      for (const { year, instrument: id } of DEMO_EVALUATIONS) {
        const instrument = instruments.get(id)!;
        const { self, validation } = answersFor(instrument, regionCode, year, CENTRE[regionCode]?.[year] ?? 2.8, programIds);
        const cmp = compareSelfValidated(instrument, self, validatedAnswers(self, validation));
        const evidence = Object.fromEntries(Object.entries(self).map(([k, a]) => [k, a.links.length]));
        const c = narrativeCandidates({ instrument, current: cmp.validated, self: cmp.self, previous, evidence, top: 2 });
        const narrative = {
          strengths: c.strengths.slice(0, 3).map((x) => x.text.id),
          weaknesses: c.weaknesses.slice(0, 4).map((x) => x.text.id),
          recommendations: c.recommendations.slice(0, 3).map((x) => x.text.id),
        };
        const finalValidation = { ...validation };
        for (const [k, a] of Object.entries(self)) finalValidation[k] ??= { level: a.level ?? null, metLevels: a.metLevels ?? null, reason: '' };
        const at = new Date(Date.UTC(year, 10, 30));
        const [row] = await tx.insert(evaluationCycles).values({
          regionCode, year, instrumentId: id, instrumentVersion: instrument.version, status: 'final', selfAnswers: self, validation: finalValidation,
          interviewNotes: 'Ilustrasi: wawancara daring dengan Diskominfo dan Bappeda.', narrative, published: true, illustrative: true,
          version: 2, createdAt: at, updatedAt: at, submittedAt: at, finalizedAt: at,
        }).returning({ id: evaluationCycles.id });
        await tx.insert(evaluationCycleEvents).values({
          cycleId: row!.id, version: 2, action: 'seed', actorLabel: 'demo', at, changed: ['status', 'published'],
          snapshot: { status: 'final', selfAnswers: self, validation: finalValidation, interviewNotes: '', narrative },
        });
        previous = cmp.validated;
        cycles += 1;
      }
    }
    if (regionCodes.includes(DEMO_OPEN.regionCode)) {
      const [row] = await tx.insert(evaluationCycles).values({ regionCode: DEMO_OPEN.regionCode, year: DEMO_OPEN.year, instrumentId: DEMO_OPEN.instrument, instrumentVersion: instruments.get(DEMO_OPEN.instrument)!.version, illustrative: true })
        .returning({ id: evaluationCycles.id });
      await tx.insert(evaluationCycleEvents).values({
        cycleId: row!.id, version: 1, action: 'open', actorLabel: 'demo', changed: ['instrument'],
        snapshot: { status: 'self_assessment', selfAnswers: {}, validation: {}, interviewNotes: '', narrative: { strengths: [], weaknesses: [], recommendations: [] } },
      });
      cycles += 1;
    }
  });
  return { cycles };
}
