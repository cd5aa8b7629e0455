import type { Instrument, Text } from '../instruments/types.ts';
import type { ScoreResult } from './score.ts';
import { diff2 } from './compare.ts';

export type CandidateKind = 'dimension-high' | 'component-high' | 'dimension-low' | 'component-low' | 'no-evidence' | 'gap' | 'drop';

/** One computed candidate sentence for the narrative; people edit them into the final text. */
export interface Candidate { kind: CandidateKind; key: string; value: number; text: Text }

export interface NarrativeCandidates { strengths: Candidate[]; weaknesses: Candidate[]; recommendations: Candidate[] }

export interface NarrativeInput {
  instrument: Instrument;
  /** The scores the narrative is about: validated when there are, else self-assessed. */
  current: ScoreResult;
  /** The self-assessment, for gaps (omit before validation). */
  self?: ScoreResult | null;
  /** Last year's scores (possibly another instrument: matched by component and dimension key). */
  previous?: ScoreResult | null;
  /** Number of evidence items (files, links) per indicator key. */
  evidence: Record<string, number>;
  /** How many of each list (default 2). */
  top?: number;
  /** Dimension names, e.g. from the framework; default the English pillar names. */
  dimensionNames?: Record<string, Text>;
}

const DEFAULT_DIMENSION_NAMES: Record<string, Text> = {
  governance: { id: 'Smart Governance', en: 'Smart Governance' }, branding: { id: 'Smart Branding', en: 'Smart Branding' },
  economy: { id: 'Smart Economy', en: 'Smart Economy' }, living: { id: 'Smart Living', en: 'Smart Living' },
  society: { id: 'Smart Society', en: 'Smart Society' }, environment: { id: 'Smart Environment', en: 'Smart Environment' },
};

const f2 = (x: number) => x.toFixed(2);
const f2id = (x: number) => x.toFixed(2).replace('.', ',');

/**
 * Candidates for strengths, weaknesses and recommendations:
 * strengths — highest dimensions and components; weaknesses — lowest dimensions and components,
 * indicators without evidence ("tanpa data dukung"), the largest self-vs-validated gaps
 * (assessor lower than the region), the largest drops since last year; recommendations follow
 * from the weaknesses. Ties are broken by instrument order, so the output is deterministic.
 */
export function narrativeCandidates(input: NarrativeInput): NarrativeCandidates {
  const top = input.top ?? 2;
  const names = { ...DEFAULT_DIMENSION_NAMES, ...input.dimensionNames };
  const dims = input.current.dimensions.filter((d) => d.score != null && d.total > 0).map((d, i) => ({ key: d.key, score: d.score!, i, name: names[d.key]! }));
  const comps = input.current.components.filter((c) => c.score != null).map((c, i) => ({ key: c.key, score: c.score!, i, name: c.name }));
  const high = <T extends { score: number; i: number }>(xs: T[]) => [...xs].sort((a, b) => b.score - a.score || a.i - b.i).slice(0, top);
  const low = <T extends { score: number; i: number }>(xs: T[]) => [...xs].sort((a, b) => a.score - b.score || a.i - b.i).slice(0, top);

  const strengths: Candidate[] = [
    ...high(dims).map((d) => ({ kind: 'dimension-high' as const, key: d.key, value: d.score, text: { id: `Dimensi ${d.name.id} termasuk yang tertinggi (${f2id(d.score)}).`, en: `The ${d.name.en} dimension is among the highest (${f2(d.score)}).` } })),
    ...high(comps).map((c) => ({ kind: 'component-high' as const, key: c.key, value: c.score, text: { id: `Komponen ${c.name.id} kuat (${f2id(c.score)}).`, en: `The ${c.name.en} component is strong (${f2(c.score)}).` } })),
  ];
  const lowDims = low(dims);
  const lowComps = low(comps);
  const withoutEvidence = input.current.indicators.filter((i) => i.level != null && i.level > 0 && !((input.evidence[i.key] ?? 0) > 0));
  const gaps = input.self
    ? input.current.indicators.map((v, n) => ({ v, s: input.self!.indicators[n]!, n }))
      .filter(({ v, s }) => v.level != null && s.level != null && s.level > v.level)
      .map(({ v, s, n }) => ({ key: v.key, name: v.name, gap: diff2(v.level!, s.level!), self: s.level!, validated: v.level!, n }))
      .sort((a, b) => a.gap - b.gap || a.n - b.n).slice(0, top)
    : [];
  const drops: { key: string; name: Text; delta: number; prev: number; now: number; n: number }[] = [];
  if (input.previous) {
    input.current.components.forEach((c, n) => {
      const p = input.previous!.components.find((x) => x.key === c.key);
      if (c.score != null && p?.score != null && p.score > c.score) drops.push({ key: c.key, name: c.name, delta: diff2(c.score, p.score), prev: p.score, now: c.score, n });
    });
    input.current.dimensions.forEach((d, n) => {
      const p = input.previous!.dimensions.find((x) => x.key === d.key);
      if (d.score != null && p?.score != null && p.score > d.score) drops.push({ key: d.key, name: names[d.key]!, delta: diff2(d.score, p.score), prev: p.score, now: d.score, n: 100 + n });
    });
  }
  const topDrops = drops.sort((a, b) => a.delta - b.delta || a.n - b.n).slice(0, top);

  const weaknesses: Candidate[] = [
    ...lowDims.map((d) => ({ kind: 'dimension-low' as const, key: d.key, value: d.score, text: { id: `Dimensi ${d.name.id} termasuk yang terendah (${f2id(d.score)}).`, en: `The ${d.name.en} dimension is among the lowest (${f2(d.score)}).` } })),
    ...lowComps.map((c) => ({ kind: 'component-low' as const, key: c.key, value: c.score, text: { id: `Komponen ${c.name.id} lemah (${f2id(c.score)}).`, en: `The ${c.name.en} component is weak (${f2(c.score)}).` } })),
    ...withoutEvidence.map((i) => ({ kind: 'no-evidence' as const, key: i.key, value: i.level!, text: { id: `Indikator "${i.name.id}" dijawab level ${i.level} tanpa data dukung.`, en: `Indicator "${i.name.en}" was answered at level ${i.level} without evidence.` } })),
    ...gaps.map((g) => ({ kind: 'gap' as const, key: g.key, value: g.gap, text: { id: `Indikator "${g.name.id}": penilaian mandiri ${g.self}, hasil validasi ${g.validated}.`, en: `Indicator "${g.name.en}": self-assessed ${g.self}, validated ${g.validated}.` } })),
    ...topDrops.map((d) => ({ kind: 'drop' as const, key: d.key, value: d.delta, text: { id: `${d.name.id} turun dari ${f2id(d.prev)} menjadi ${f2id(d.now)} dibanding tahun lalu.`, en: `${d.name.en} fell from ${f2(d.prev)} to ${f2(d.now)} since last year.` } })),
  ];

  const recommendations: Candidate[] = [
    ...lowDims.map((d) => ({ kind: 'dimension-low' as const, key: d.key, value: d.score, text: { id: `Prioritaskan program dan quick win dimensi ${d.name.id} tahun depan.`, en: `Give the ${d.name.en} dimension priority in next year's programs and quick wins.` } })),
    ...lowComps.map((c) => ({ kind: 'component-low' as const, key: c.key, value: c.score, text: { id: `Susun langkah perbaikan untuk komponen ${c.name.id}.`, en: `Plan concrete improvements for the ${c.name.en} component.` } })),
    ...(withoutEvidence.length ? [{ kind: 'no-evidence' as const, key: withoutEvidence.map((i) => i.key).join(','), value: withoutEvidence.length, text: { id: `Lengkapi data dukung untuk ${withoutEvidence.length} indikator yang belum memilikinya.`, en: `Attach evidence to the ${withoutEvidence.length} indicators that have none.` } }] : []),
    ...(gaps.length ? [{ kind: 'gap' as const, key: gaps.map((g) => g.key).join(','), value: gaps.length, text: { id: 'Selaraskan penilaian mandiri dengan bukti yang dapat diverifikasi asesor.', en: 'Base the self-assessment on evidence the assessors can verify.' } }] : []),
    ...topDrops.map((d) => ({ kind: 'drop' as const, key: d.key, value: d.delta, text: { id: `Telusuri penyebab turunnya ${d.name.id}.`, en: `Find out why ${d.name.en} fell.` } })),
  ];
  return { strengths, weaknesses, recommendations };
}
