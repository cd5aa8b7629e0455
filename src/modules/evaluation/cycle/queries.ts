import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db.ts';
import { notFound, parseInput } from '../../../core/errors.ts';
import { can, type Actor } from '../../../core/policy.ts';
import { filesByIds } from '../../files/service.ts';
import { programs, quickWins } from '../../masterplan/schema.ts';
import { progressReports, reportingPeriods } from '../../monitoring/schema.ts';
import { regions } from '../../wilayah/schema.ts';
import type { IndicatorAnswer, Instrument } from '../instruments/types.ts';
import { compareSelfValidated, improvement } from '../scoring/compare.ts';
import { rankRegions } from '../scoring/ranking.ts';
import { predicateFor, scoreInstrument, type Answers } from '../scoring/score.ts';
import { z } from 'zod';
import { candidatesFor, suggestionsFor } from './bridge.ts';
import { evaluationCycles, type EvidenceLink, type SelfAnswer, type ValidatedAnswer } from './schema.ts';
import { instrumentKey, instrumentOf, readableCycle, type Cycle } from './service.ts';

/**
 * The cycle's reads: one cycle with its scores (self, validated, gap), the region's years,
 * and the national ranking. Scores are computed from the answers on every read (a few dozen
 * indicators), so a changed instrument file or answer can never leave a stale cached figure.
 */

const toAnswers = (a: Record<string, { level?: number | null; metLevels?: number[] | null }>): Answers =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, { level: v.level ?? null, metLevels: v.metLevels ?? null } satisfies IndicatorAnswer]));

/** The validated answers: the assessor's, falling back to the self level where the assessor kept it. */
export function validatedAnswers(self: Record<string, SelfAnswer>, validation: Record<string, ValidatedAnswer>): Answers {
  return { ...toAnswers(self), ...toAnswers(validation) };
}

export async function regionInfo(db: DbOrTx, code: string): Promise<{ code: string; name: string; province: string }> {
  const [r] = await db.select({ code: regions.code, name: regions.name, parent: regions.parentCode }).from(regions).where(eq(regions.code, code));
  if (!r) throw notFound({ id: 'Wilayah', en: 'Region' }, 'code');
  const [p] = r.parent ? await db.select({ name: regions.name }).from(regions).where(eq(regions.code, r.parent)) : [];
  return { code: r.code, name: r.name, province: p?.name ?? '' };
}

/** Final index of a published cycle (validated answers, missing indicators count 0). */
async function finalIndexOf(db: DbOrTx, c: Cycle, cache: Map<string, Instrument>): Promise<{ index: number; instrument: Instrument } | null> {
  let instrument = cache.get(instrumentKey(c));
  if (!instrument) {
    instrument = await instrumentOf(db, c).catch(() => undefined);
    if (!instrument) return null;
    cache.set(instrumentKey(c), instrument);
  }
  const s = scoreInstrument(instrument, validatedAnswers(c.selfAnswers, c.validation));
  return s.index == null ? null : { index: s.index, instrument };
}

/** Published cycles of a year, ranked by their final index (ties share a rank; scoring/ranking.ts). */
export async function rankingOfYear(db: DbOrTx, year: number, cache = new Map<string, Instrument>()) {
  const rows = await db.select({ c: evaluationCycles, name: regions.name, parent: regions.parentCode }).from(evaluationCycles)
    .innerJoin(regions, eq(regions.code, evaluationCycles.regionCode))
    .where(and(eq(evaluationCycles.year, year), eq(evaluationCycles.published, true)));
  const scored: { regionCode: string; regionName: string; index: number; cycle: Cycle; parent: string | null; instrument: Instrument }[] = [];
  for (const r of rows) {
    const f = await finalIndexOf(db, r.c, cache);
    if (f) scored.push({ regionCode: r.c.regionCode, regionName: r.name, index: f.index, cycle: r.c, parent: r.parent, instrument: f.instrument });
  }
  const ranked = rankRegions(scored.map(({ regionCode, regionName, index }) => ({ regionCode, regionName, index })));
  return ranked.map((r) => ({ ...r, ...scored.find((s) => s.regionCode === r.regionCode)!, of: ranked.length }));
}

/** The region's published results, oldest first: the year-over-year line. */
async function publishedHistory(db: DbOrTx, code: string, cache: Map<string, Instrument>) {
  const rows = await db.select().from(evaluationCycles).where(and(eq(evaluationCycles.regionCode, code), eq(evaluationCycles.published, true))).orderBy(asc(evaluationCycles.year));
  const out: { year: number; index: number; instrumentId: string; instrumentName: Instrument['name']; illustrative: boolean; cycle: Cycle }[] = [];
  for (const c of rows) {
    const f = await finalIndexOf(db, c, cache);
    if (f) out.push({ year: c.year, index: f.index, instrumentId: c.instrumentId, instrumentName: f.instrument.name, illustrative: c.illustrative, cycle: c });
  }
  return out;
}

/** Titles of the Pilar records an answer links as evidence. */
async function linkTitles(db: DbOrTx, links: EvidenceLink[]): Promise<Record<string, { kind: EvidenceLink['kind']; title: string }>> {
  const ids = (kind: EvidenceLink['kind']) => [...new Set(links.filter((l) => l.kind === kind).map((l) => l.id))];
  const out: Record<string, { kind: EvidenceLink['kind']; title: string }> = {};
  const p = ids('program');
  if (p.length) for (const r of await db.select({ id: programs.id, code: programs.code, title: programs.title }).from(programs).where(inArray(programs.id, p))) out[r.id] = { kind: 'program', title: `${r.code} ${r.title}` };
  const q = ids('quickwin');
  if (q.length) {
    for (const r of await db.select({ id: quickWins.id, year: quickWins.year, title: programs.title }).from(quickWins).innerJoin(programs, eq(programs.id, quickWins.programId)).where(inArray(quickWins.id, q))) {
      out[r.id] = { kind: 'quickwin', title: `Quick win ${r.year}: ${r.title}` };
    }
  }
  const rep = ids('report');
  if (rep.length) {
    for (const r of await db.select({ id: progressReports.id, title: programs.title, period: reportingPeriods.label }).from(progressReports)
      .innerJoin(programs, eq(programs.id, progressReports.programId)).innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
      .where(inArray(progressReports.id, rep))) out[r.id] = { kind: 'report', title: `${r.title} — ${r.period}` };
  }
  return out;
}

/** Everything the result page, the self-assessment form and the validation view show of one cycle. */
export async function cycleView(db: DbOrTx, actor: Actor | null, code: string, year: number) {
  const c = await readableCycle(db, actor, code, year);
  const instrument = await instrumentOf(db, c);
  const region = await regionInfo(db, code);
  const insider = can(actor, 'region.readUnpublished', { regionCode: code });
  const cache = new Map([[instrumentKey(c), instrument]]);
  const self = toAnswers(c.selfAnswers);
  const validated = c.status === 'self_assessment' ? null : validatedAnswers(c.selfAnswers, c.validation);
  const comparison = validated ? compareSelfValidated(instrument, self, validated) : null;
  const selfScores = comparison?.self ?? scoreInstrument(instrument, self);
  const published = await publishedHistory(db, code, cache);
  const history = published.map(({ cycle: _c, ...h }) => h);
  const before = published.filter((h) => h.year < year).at(-1) ?? null;
  const previousCycle = before?.cycle;
  const previousInstrument = previousCycle ? cache.get(instrumentKey(previousCycle))! : null;
  const previousScores = previousCycle && previousInstrument ? scoreInstrument(previousInstrument, validatedAnswers(previousCycle.selfAnswers, previousCycle.validation)) : null;
  const current = comparison?.validated.index ?? null;
  const change = current != null && before && previousInstrument ? improvement({ index: current, instrument }, { index: before.index, instrument: previousInstrument }) : null;
  let rank: { rank: number; of: number; tied: boolean } | null = null;
  if (c.published) {
    const r = (await rankingOfYear(db, year, cache)).find((x) => x.regionCode === code);
    if (r) rank = { rank: r.rank, of: r.of, tied: r.tied };
  }
  const fileIds = [...new Set(Object.values(c.selfAnswers).flatMap((a) => a.files))];
  const files = Object.fromEntries((await filesByIds(db, fileIds)).map((f) => [f.id, f]));
  const links = await linkTitles(db, Object.values(c.selfAnswers).flatMap((a) => a.links));
  const canDo = {
    selfAssess: c.status === 'self_assessment' && can(actor, 'evaluation.selfAssess', { regionCode: code }),
    validate: c.status === 'submitted' && can(actor, 'evaluation.validate', { regionCode: code }),
    narrative: c.status === 'submitted' && (can(actor, 'evaluation.validate', { regionCode: code }) || can(actor, 'evaluation.selfAssess', { regionCode: code })),
    finalize: c.status === 'submitted' && can(actor, 'evaluation.finalize', { regionCode: code }),
  };
  const candidates = insider || c.published ? candidatesFor({ instrument, comparison, selfScores, previousScores, selfAnswers: c.selfAnswers }) : null;
  const suggestions = canDo.selfAssess ? await suggestionsFor(db, instrument, code, year) : {};
  return {
    id: c.id, region, year: c.year, status: c.status, published: c.published, illustrative: c.illustrative, version: c.version,
    instrument,
    selfAnswers: c.selfAnswers,
    validation: c.status === 'self_assessment' ? {} : c.validation,
    interviewNotes: insider ? c.interviewNotes : null,
    narrative: c.narrative,
    scores: { self: selfScores, validated: comparison?.validated ?? null, gap: comparison ? { index: comparison.index, components: comparison.components, dimensions: comparison.dimensions, indicators: comparison.indicators } : null },
    previous: before ? { year: before.year, index: before.index, instrumentId: before.instrumentId, scores: previousScores } : null,
    improvement: change,
    history,
    rank,
    evidence: { files, links },
    candidates,
    suggestions,
    can: canDo,
    submittedAt: c.submittedAt?.toISOString() ?? null,
    finalizedAt: c.finalizedAt?.toISOString() ?? null,
  };
}
export type CycleView = Awaited<ReturnType<typeof cycleView>>;

/** The region's cycles the caller may see, newest first, with the index of each. */
export async function listRegionCycles(db: DbOrTx, actor: Actor | null, code: string) {
  await regionInfo(db, code);
  const insider = can(actor, 'region.readUnpublished', { regionCode: code });
  const rows = await db.select().from(evaluationCycles)
    .where(and(eq(evaluationCycles.regionCode, code), insider ? undefined : eq(evaluationCycles.published, true))).orderBy(desc(evaluationCycles.year));
  const cache = new Map<string, Instrument>();
  const out = [];
  for (const c of rows) {
    const instrument = cache.get(instrumentKey(c)) ?? await instrumentOf(db, c).catch(() => undefined);
    if (instrument) cache.set(instrumentKey(c), instrument);
    const selfIndex = instrument ? scoreInstrument(instrument, toAnswers(c.selfAnswers)).index : null;
    const validatedIndex = instrument && c.status !== 'self_assessment' ? scoreInstrument(instrument, validatedAnswers(c.selfAnswers, c.validation)).index : null;
    out.push({
      year: c.year, status: c.status, published: c.published, illustrative: c.illustrative, version: c.version,
      instrumentId: c.instrumentId, instrumentName: instrument?.name ?? null, selfIndex, validatedIndex,
    });
  }
  return out;
}

const nationalQuery = z.object({
  year: z.coerce.number().int().min(2017).max(2100).optional(),
  province: z.string().regex(/^\d{2}$/, 'Harus kode provinsi dua angka | Must be a two-digit province code').optional(),
});

/** The national page: ranking of the published results of a year (default: the latest), optionally of one province. */
export async function nationalResults(db: DbOrTx, query: unknown) {
  const q = parseInput(nationalQuery, query, 'query');
  const yearsRows = await db.selectDistinct({ year: evaluationCycles.year }).from(evaluationCycles).where(eq(evaluationCycles.published, true)).orderBy(desc(evaluationCycles.year));
  const years = yearsRows.map((r) => r.year);
  const year = q.year ?? years[0] ?? null;
  if (year == null) return { years, year: null, provinces: [], items: [] };
  const cache = new Map<string, Instrument>();
  const ranked = await rankingOfYear(db, year, cache);
  const prevRanked = await rankingOfYear(db, year - 1, cache);
  const provinceCodes = [...new Set(ranked.map((r) => r.parent).filter((p): p is string => !!p))];
  const provinces = provinceCodes.length ? await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, provinceCodes)).orderBy(asc(regions.name)) : [];
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const items = ranked.filter((r) => !q.province || r.parent === q.province).map((r) => {
    const prev = prevRanked.find((p) => p.regionCode === r.regionCode);
    const change = prev ? improvement({ index: r.index, instrument: r.instrument }, { index: prev.index, instrument: prev.instrument }) : null;
    return {
      rank: r.rank, tied: r.tied, of: r.of, regionCode: r.regionCode, regionName: r.regionName, province: { code: r.parent, name: provinceName.get(r.parent ?? '') ?? '' },
      index: r.index, predicate: predicateFor(r.instrument, r.index)?.name ?? null,
      instrumentId: r.instrument.id, instrumentName: r.instrument.name, illustrative: r.cycle.illustrative,
      previousIndex: prev?.index ?? null, delta: change?.delta ?? null, sameInstrument: change?.sameInstrument ?? true,
    };
  });
  return { years, year, provinces, items };
}
