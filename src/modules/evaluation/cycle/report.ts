import type { DbOrTx } from '../../../core/db.ts';
import type { Actor } from '../../../core/policy.ts';
import { renderEvaluationDocx } from '../report/docx.ts';
import { renderEvaluationPdf } from '../report/pdf.ts';
import type { EvaluationReportData } from '../report/types.ts';
import { cycleView, type CycleView } from './queries.ts';

/**
 * The evaluation report (Bahasa Indonesia): EvaluationReportData from a cycle the caller may
 * read (public once published), rendered by the report module.
 */

const DIMENSION_NAMES: Record<string, string> = {
  governance: 'Smart Governance', branding: 'Smart Branding', economy: 'Smart Economy',
  living: 'Smart Living', society: 'Smart Society', environment: 'Smart Environment',
};

export function reportData(v: CycleView, now = new Date()): EvaluationReportData {
  const validated = v.scores.validated;
  const self = v.scores.self;
  const prevDims = v.previous?.scores?.dimensions ?? [];
  const evidenceTitles = (key: string) => {
    const a = v.selfAnswers[key];
    if (!a) return [];
    return [...a.files.map((id) => v.evidence.files[id]?.name ?? id), ...a.links.map((l) => v.evidence.links[l.id]?.title ?? l.kind)];
  };
  return {
    region: v.region,
    year: v.year,
    instrument: { id: v.instrument.id, name: v.instrument.name.id, ownWording: v.instrument.ownWording, scaleMax: v.instrument.scale.max },
    status: v.status === 'final' ? 'final' : 'draft',
    illustrative: v.illustrative,
    index: {
      self: self.index,
      validated: validated?.index ?? null,
      previous: v.previous?.index ?? null,
      predicate: validated?.predicate?.name.id ?? null,
      rank: v.rank ? { rank: v.rank.rank, of: v.rank.of } : null,
    },
    components: self.components.map((c, i) => ({ key: c.key, name: c.name.id, weight: c.weight, self: c.score, validated: validated?.components[i]?.score ?? null })),
    dimensions: self.dimensions.map((d, i) => ({
      key: d.key, name: DIMENSION_NAMES[d.key] ?? d.key, self: d.score, validated: validated?.dimensions[i]?.score ?? null,
      previous: prevDims.find((p) => p.key === d.key)?.score ?? null,
    })),
    history: v.history.filter((h) => h.year <= v.year).map((h) => ({ year: h.year, index: h.index, instrumentId: h.instrumentId })),
    indicators: self.indicators.map((ind, i) => ({
      key: ind.key, name: ind.name.id, component: ind.component, dimension: ind.dimension,
      self: ind.level, validated: validated?.indicators[i]?.level ?? null,
      reason: v.validation[ind.key]?.reason || null,
      evidence: evidenceTitles(ind.key),
    })),
    narrative: v.narrative,
    generatedAt: now.toISOString(),
  };
}

export async function reportFile(db: DbOrTx, actor: Actor | null, code: string, year: number, format: 'pdf' | 'docx') {
  const v = await cycleView(db, actor, code, year);
  const data = reportData(v);
  const name = `evaluasi-${code}-${year}.${format}`;
  if (format === 'pdf') return { bytes: Buffer.from(await renderEvaluationPdf(data)), mime: 'application/pdf', name };
  return { bytes: Buffer.from(await renderEvaluationDocx(data)), mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name };
}
