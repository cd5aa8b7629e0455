/**
 * Status rules of monitoring: plain functions without I/O (unit-tested in status.test.ts,
 * documented with every default in docs/monitoring.md).
 *
 *  - expectedProgress: where a program should be on its timeline (linear from 1 January of its
 *    start year to 31 December of its end year).
 *  - kpiAttainment: how far a KPI's realised value is towards its target for that date,
 *    respecting polarity (higher / lower is better / inside a range).
 *  - programStatus: not_started | on_track | at_risk | late | done.
 *  - rollUp: weighted progress and status of a group (element → dimension → region).
 *  - staleness: "updated N days ago" and "overdue".
 */
import type { StatusThresholds } from './schema.ts';

export const PROGRAM_STATUSES = ['not_started', 'on_track', 'at_risk', 'late', 'done'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

export interface Thresholds {
  /** Lagging the expected progress by more than this many points is at risk. */
  atRiskLag: number;
  /** Lagging by more than this many points is late. */
  lateLag: number;
  /** Mean KPI attainment (0–1) below this is at risk. */
  kpiAtRisk: number;
  /** Mean KPI attainment (0–1) below this is late. */
  kpiLate: number;
  /** Days after a due date before a missing approved report is overdue. */
  overdueGraceDays: number;
}

/** The documented defaults (docs/monitoring.md); a region may override any of them. */
export const DEFAULT_THRESHOLDS: Thresholds = { atRiskLag: 10, lateLag: 25, kpiAtRisk: 0.8, kpiLate: 0.5, overdueGraceDays: 0 };

export function thresholdsOf(custom: StatusThresholds | null | undefined): Thresholds {
  const t = { ...DEFAULT_THRESHOLDS };
  for (const k of Object.keys(DEFAULT_THRESHOLDS) as (keyof Thresholds)[]) {
    const v = custom?.[k];
    if (typeof v === 'number' && Number.isFinite(v)) t[k] = v;
  }
  return t;
}

const DAY = 86_400_000;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** Midnight UTC of an ISO date (YYYY-MM-DD) or a Date. */
export const dayOf = (d: Date | string): number => {
  const t = typeof d === 'string' ? Date.parse(`${d.slice(0, 10)}T00:00:00Z`) : Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return t;
};
/** End of 31 December of a year, as a day number boundary (start of 1 January of the next year). */
const endOfYear = (y: number) => Date.UTC(y + 1, 0, 1);
const startOfYear = (y: number) => Date.UTC(y, 0, 1);

/** Expected physical progress (0–100) of a program at a date: linear over its years. */
export function expectedProgress(program: { startYear: number; endYear: number }, asOf: Date | string): number {
  const t = dayOf(asOf);
  const from = startOfYear(program.startYear), to = endOfYear(Math.max(program.endYear, program.startYear));
  return clamp(((t - from) / (to - from)) * 100, 0, 100);
}

export interface KpiForStatus {
  polarity: 'higher' | 'lower' | 'range';
  baselineValue: number | null;
  baselineYear: number | null;
  targets: { year: number; value: number; valueMax: number | null }[];
}

/**
 * The target a KPI should have reached at a date: the yearly targets are points at the end of
 * their years (the baseline at the end of its year); between points the line is straight,
 * before the first point it is the first point, after the last the last. Null without targets.
 */
export function expectedKpiValue(kpi: KpiForStatus, asOf: Date | string): { value: number; valueMax: number | null } | null {
  if (!kpi.targets.length) return null;
  const t = dayOf(asOf);
  const pts = [...kpi.targets].sort((a, b) => a.year - b.year).map((x) => ({ at: endOfYear(x.year), value: x.value, valueMax: x.valueMax }));
  if (kpi.baselineValue !== null && kpi.baselineYear !== null && endOfYear(kpi.baselineYear) < pts[0]!.at) {
    pts.unshift({ at: endOfYear(kpi.baselineYear), value: kpi.baselineValue, valueMax: kpi.polarity === 'range' ? kpi.baselineValue : null });
  }
  if (t <= pts[0]!.at) return { value: pts[0]!.value, valueMax: pts[0]!.valueMax };
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!, b = pts[i]!;
    if (t <= b.at) {
      const f = (t - a.at) / (b.at - a.at);
      const lerp = (x: number, y: number) => x + (y - x) * f;
      return { value: lerp(a.value, b.value), valueMax: a.valueMax !== null && b.valueMax !== null ? lerp(a.valueMax, b.valueMax) : b.valueMax };
    }
  }
  const last = pts.at(-1)!;
  return { value: last.value, valueMax: last.valueMax };
}

/**
 * Attainment (0–1) of a realised KPI value against the expected value at a date; null when
 * the KPI has no target or no value was reported (such KPIs are left out of the mean).
 *  - higher: progress from the baseline (0 without one) towards the expected value;
 *  - lower: reduction from the baseline towards the expected value; without a baseline,
 *    expected ÷ value once the value is above the expected one;
 *  - range: 1 inside [min, max]; outside, the ratio of the nearer bound to the value.
 */
export function kpiAttainment(kpi: KpiForStatus, value: number | null, asOf: Date | string): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const exp = expectedKpiValue(kpi, asOf);
  if (!exp) return null;
  const e = exp.value;
  if (kpi.polarity === 'higher') {
    const from = kpi.baselineValue ?? 0;
    if (value >= e) return 1;
    if (e <= from) return 0; // the target is not above the baseline, yet the value is below it
    return clamp((value - from) / (e - from), 0, 1);
  }
  if (kpi.polarity === 'lower') {
    if (value <= e) return 1;
    const from = kpi.baselineValue;
    if (from !== null && from > e) return clamp((from - value) / (from - e), 0, 1);
    return value > 0 && e > 0 ? clamp(e / value, 0, 1) : 0;
  }
  const lo = Math.min(e, exp.valueMax ?? e), hi = Math.max(e, exp.valueMax ?? e);
  if (value >= lo && value <= hi) return 1;
  if (value < lo) return lo > 0 && value > 0 ? clamp(value / lo, 0, 1) : 0;
  return hi > 0 ? clamp(hi / value, 0, 1) : 0;
}

/** Mean of the attainments that are known; null when none is. */
export function meanAttainment(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((s, v) => s + v, 0) / known.length : null;
}

const RANK: Record<ProgramStatus, number> = { done: 0, not_started: 1, on_track: 2, at_risk: 3, late: 4 };
const worse = (a: ProgramStatus, b: ProgramStatus) => (RANK[b] > RANK[a] ? b : a);

export interface ProgramStatusInput {
  program: { startYear: number; endYear: number };
  /** Physical progress of the latest approved report; null when none was approved (counts as 0). */
  physicalPct: number | null;
  /** Mean KPI attainment of that report (meanAttainment); null when no KPI has a target and value. */
  kpiAttainment: number | null;
  asOf: Date | string;
  thresholds?: Thresholds;
}

/**
 * The status of a program at a date:
 *  1. done when physical progress reached 100 %;
 *  2. not_started before the program's first year, or while nothing is reported and the lag
 *     is still within atRiskLag;
 *  3. late when the program's last year is over, or physical progress lags the expected
 *     progress by more than lateLag points, or mean KPI attainment is below kpiLate;
 *  4. at_risk when the lag is over atRiskLag points or KPI attainment is below kpiAtRisk;
 *  5. otherwise on_track.
 */
export function programStatus(i: ProgramStatusInput): ProgramStatus {
  const th = i.thresholds ?? DEFAULT_THRESHOLDS;
  const physical = clamp(i.physicalPct ?? 0, 0, 100);
  if (physical >= 100) return 'done';
  const t = dayOf(i.asOf);
  if (t < startOfYear(i.program.startYear)) return 'not_started';
  const expected = expectedProgress(i.program, i.asOf);
  const lag = expected - physical;
  if (t >= endOfYear(i.program.endYear)) return 'late';
  let s: ProgramStatus = lag > th.lateLag ? 'late' : lag > th.atRiskLag ? 'at_risk' : physical === 0 ? 'not_started' : 'on_track';
  if (i.kpiAttainment !== null) {
    if (i.kpiAttainment < th.kpiLate) s = worse(s, 'late');
    else if (i.kpiAttainment < th.kpiAtRisk) s = worse(s, 'at_risk');
  }
  return s;
}

export interface RollUpItem {
  status: ProgramStatus;
  /** Physical progress 0–100 (0 when nothing approved). */
  progress: number;
  expected: number;
  /** Planned budget (whole rupiah) of the program; the weight. */
  budget: number;
}

export interface RollUp {
  count: number;
  /** Weighted physical progress and expected progress, 0–100; null for an empty group. */
  progress: number | null;
  expected: number | null;
  status: ProgramStatus | null;
  counts: Record<ProgramStatus, number>;
  /** 'budget' when weighted by planned budget share, 'equal' when the group has no budget. */
  weighting: 'budget' | 'equal';
}

/**
 * Rolls programs (or sub-groups) up: progress and expected progress are averaged with weights
 * = share of planned budget; when the group's total budget is zero, every item weighs the same.
 * The group's status applies the lag thresholds to the weighted figures; a group is done
 * when all of it is done and not started when none of it has started.
 */
export function rollUp(items: RollUpItem[], thresholds: Thresholds = DEFAULT_THRESHOLDS): RollUp {
  const counts = Object.fromEntries(PROGRAM_STATUSES.map((s) => [s, 0])) as Record<ProgramStatus, number>;
  for (const it of items) counts[it.status]++;
  if (!items.length) return { count: 0, progress: null, expected: null, status: null, counts, weighting: 'equal' };
  const total = items.reduce((s, it) => s + Math.max(0, it.budget || 0), 0);
  const weighting = total > 0 ? 'budget' : 'equal';
  const w = (it: RollUpItem) => (total > 0 ? Math.max(0, it.budget || 0) / total : 1 / items.length);
  const progress = items.reduce((s, it) => s + w(it) * it.progress, 0);
  const expected = items.reduce((s, it) => s + w(it) * it.expected, 0);
  let status: ProgramStatus;
  if (counts.done === items.length) status = 'done';
  else if (counts.not_started === items.length) status = 'not_started';
  else {
    const lag = expected - progress;
    status = lag > thresholds.lateLag ? 'late' : lag > thresholds.atRiskLag ? 'at_risk' : 'on_track';
  }
  return { count: items.length, progress, expected, status, counts, weighting };
}

/** Rolled-up items become items of the next level up (element → dimension → region). */
export function asItem(r: RollUp, budget: number): RollUpItem | null {
  if (r.status === null || r.progress === null || r.expected === null) return null;
  return { status: r.status, progress: r.progress, expected: r.expected, budget };
}

export interface Staleness {
  /** Days since the last approved report; null when there is none. */
  daysSinceUpdate: number | null;
  /** The latest period whose due date (plus grace) passed has no approved report. */
  overdue: boolean;
  /** Days past that due date, when overdue. */
  overdueDays: number | null;
}

/**
 * "Updated N days ago" and "overdue". `duePeriods` are the program's periods (those within its
 * years); only the most recent one whose due date passed counts: an old gap filled by a later
 * approved report is history, not an alarm.
 */
export function staleness(
  lastApprovedAt: Date | string | null,
  duePeriods: { dueOn: string; approved: boolean }[],
  today: Date | string,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Staleness {
  const now = dayOf(today);
  const daysSinceUpdate = lastApprovedAt === null ? null : Math.max(0, Math.floor((now - dayOf(lastApprovedAt)) / DAY));
  const past = duePeriods.filter((p) => dayOf(p.dueOn) + thresholds.overdueGraceDays * DAY < now).sort((a, b) => dayOf(b.dueOn) - dayOf(a.dueOn));
  const latest = past[0];
  const overdue = Boolean(latest && !latest.approved);
  return { daysSinceUpdate, overdue, overdueDays: overdue ? Math.floor((now - dayOf(latest!.dueOn)) / DAY) : null };
}

/** The window of a reporting period at a date. */
export function periodState(p: { opensOn: string; closedAt: Date | string | null }, today: Date | string): 'upcoming' | 'open' | 'closed' {
  if (p.closedAt) return 'closed';
  return dayOf(today) < dayOf(p.opensOn) ? 'upcoming' : 'open';
}
