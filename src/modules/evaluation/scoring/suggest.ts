import type { DimensionKey, InstrumentIndicator, Text } from '../instruments/types.ts';
import { levelValues } from './levels.ts';
import { cleanDecimal } from './round.ts';

/** Counts of a region's programs by their latest approved progress-report status. */
export interface ProgramStatusCounts { done: number; onTrack: number; atRisk: number; late: number; notStarted: number }

export interface MonitoringFigures {
  programs?: ProgramStatusCounts | null;
  /** Progress (0–100 %) of each of this year's quick wins, from approved reports. */
  quickWinProgress?: number[] | null;
  /**
   * Optional, per pillar: an indicator with a dimension is suggested from its own pillar's
   * figures when they are given here, else from the region-wide ones above.
   */
  programsByDimension?: Partial<Record<DimensionKey, ProgramStatusCounts>> | null;
  quickWinProgressByDimension?: Partial<Record<DimensionKey, number[]>> | null;
}

export interface Suggestion {
  level: number;
  basis: 'program-status' | 'quick-win-progress';
  /** The share (program-status) or mean progress (quick wins) in percent, one decimal. */
  percent: number;
  explanation: Text;
}

/**
 * Pilar's documented steps from a percentage to a level (0–5), the same for both bases:
 * 0 % → 0 · > 0 → 1 · ≥ 25 → 2 · ≥ 50 → 3 · ≥ 75 → 4 · ≥ 95 → 5.
 */
export const SUGGESTION_STEPS: { min: number; level: number }[] = [
  { min: 0, level: 0 }, { min: 1e-9, level: 1 }, { min: 25, level: 2 }, { min: 50, level: 3 }, { min: 75, level: 4 }, { min: 95, level: 5 },
];

export function levelFromPercent(percent: number): number {
  const p = cleanDecimal(percent);
  let level = 0;
  for (const s of SUGGESTION_STEPS) if (p >= s.min) level = s.level;
  return level;
}

/** The highest level the indicator defines that is ≤ the proposed one (scales may not have every step). */
function fitToIndicator(indicator: InstrumentIndicator, level: number): number {
  const defined = levelValues(indicator);
  return defined.filter((l) => l <= level).pop() ?? defined[0]!;
}

const pct = (x: number) => Math.round(x * 10) / 10;

/**
 * A proposed level for an indicator with `suggestFrom`, from the region's own approved
 * monitoring figures; null when the indicator takes no suggestion or there are no figures.
 * A person confirms or overrides it; the explanation names the figures.
 */
export function suggestLevel(indicator: InstrumentIndicator, figures: MonitoringFigures): Suggestion | null {
  const dim = indicator.dimension;
  if (indicator.suggestFrom === 'program-status') {
    const c = (dim && figures.programsByDimension?.[dim]) || figures.programs;
    const total = c ? c.done + c.onTrack + c.atRisk + c.late + c.notStarted : 0;
    if (!c || total === 0) return null;
    const percent = pct(((c.done + c.onTrack) / total) * 100);
    const level = fitToIndicator(indicator, levelFromPercent(((c.done + c.onTrack) / total) * 100));
    return {
      level, basis: 'program-status', percent,
      explanation: {
        id: `${c.done + c.onTrack} dari ${total} program selesai atau sesuai jadwal (${percent.toLocaleString('id-ID')} %): ${c.done} selesai, ${c.onTrack} sesuai jadwal, ${c.atRisk} berisiko, ${c.late} terlambat, ${c.notStarted} belum mulai → level ${level}`,
        en: `${c.done + c.onTrack} of ${total} programs done or on track (${percent} %): ${c.done} done, ${c.onTrack} on track, ${c.atRisk} at risk, ${c.late} late, ${c.notStarted} not started → level ${level}`,
      },
    };
  }
  if (indicator.suggestFrom === 'quick-win-progress') {
    const p = (dim && figures.quickWinProgressByDimension?.[dim]) || figures.quickWinProgress;
    if (!p?.length) return null;
    const mean = p.reduce((s, x) => s + Math.min(100, Math.max(0, x)), 0) / p.length;
    const percent = pct(mean);
    const level = fitToIndicator(indicator, levelFromPercent(mean));
    return {
      level, basis: 'quick-win-progress', percent,
      explanation: {
        id: `Rata-rata kemajuan ${p.length} quick win: ${percent.toLocaleString('id-ID')} % (${p.map((x) => `${x} %`).join(', ')}) → level ${level}`,
        en: `Mean progress of ${p.length} quick wins: ${percent} % (${p.map((x) => `${x} %`).join(', ')}) → level ${level}`,
      },
    };
  }
  return null;
}
