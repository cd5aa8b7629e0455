import { describe, expect, it } from 'vitest';
import { periodsOfYear } from './periods.ts';
import {
  DEFAULT_THRESHOLDS, asItem, expectedKpiValue, expectedProgress, kpiAttainment, meanAttainment, periodState, programStatus, rollUp,
  staleness, thresholdsOf, type KpiForStatus, type RollUpItem,
} from './status.ts';

const prog = { startYear: 2024, endYear: 2027 }; // four years: 25 points a year

describe('expected progress', () => {
  it('is linear over the program years, 0 before and 100 after', () => {
    expect(expectedProgress(prog, '2023-06-30')).toBe(0);
    expect(expectedProgress(prog, '2024-01-01')).toBe(0);
    expect(expectedProgress(prog, '2026-01-01')).toBeCloseTo(50, 0);
    expect(expectedProgress(prog, '2028-01-01')).toBe(100);
    expect(expectedProgress(prog, '2030-01-01')).toBe(100);
  });
  it('a one-year program reaches 100 at the end of its year', () => {
    expect(expectedProgress({ startYear: 2025, endYear: 2025 }, '2025-07-02')).toBeCloseTo(50, 0);
  });
});

const higher: KpiForStatus = { polarity: 'higher', baselineValue: 20, baselineYear: 2023, targets: [{ year: 2024, value: 40, valueMax: null }, { year: 2025, value: 60, valueMax: null }] };
const lower: KpiForStatus = { polarity: 'lower', baselineValue: 30, baselineYear: 2023, targets: [{ year: 2025, value: 10, valueMax: null }] };
const range: KpiForStatus = { polarity: 'range', baselineValue: null, baselineYear: null, targets: [{ year: 2025, value: 80, valueMax: 90 }] };
const noTarget: KpiForStatus = { polarity: 'higher', baselineValue: 5, baselineYear: 2023, targets: [] };

describe('expected KPI value', () => {
  it('targets are points at the end of their years; between them the line is straight', () => {
    expect(expectedKpiValue(higher, '2024-12-31')!.value).toBeCloseTo(40, 0);
    expect(expectedKpiValue(higher, '2025-07-02')!.value).toBeCloseTo(50, 0);
    expect(expectedKpiValue(higher, '2030-01-01')!.value).toBe(60);
  });
  it('starts from the baseline', () => {
    expect(expectedKpiValue(higher, '2024-07-02')!.value).toBeCloseTo(30, 0);
    expect(expectedKpiValue(higher, '2023-01-01')!.value).toBe(20);
  });
  it('is null without a target', () => {
    expect(expectedKpiValue(noTarget, '2025-01-01')).toBeNull();
  });
});

describe('KPI attainment respects polarity', () => {
  it('higher is better: progress from the baseline to the expected value', () => {
    expect(kpiAttainment(higher, 40, '2025-01-01')).toBe(1);
    expect(kpiAttainment(higher, 30, '2025-01-01')).toBeCloseTo(0.5, 2);
    expect(kpiAttainment(higher, 10, '2025-01-01')).toBe(0);
    expect(kpiAttainment(higher, 75, '2025-01-01')).toBe(1);
  });
  it('higher without baseline counts from zero', () => {
    expect(kpiAttainment({ ...higher, baselineValue: null, baselineYear: null }, 20, '2025-01-01')).toBeCloseTo(0.5, 2);
  });
  it('decreasing KPI: a lower value is better', () => {
    // baseline 30 (end 2023) → 10 (end 2025): expected 20 at the end of 2024
    expect(kpiAttainment(lower, 19.9, '2025-01-01')).toBe(1);
    expect(kpiAttainment(lower, 15, '2025-01-01')).toBe(1);
    expect(kpiAttainment(lower, 25, '2025-01-01')).toBeCloseTo(0.5, 2);
    expect(kpiAttainment(lower, 35, '2025-01-01')).toBe(0);
  });
  it('decreasing KPI without baseline: expected ÷ value', () => {
    const k = { ...lower, baselineValue: null, baselineYear: null };
    expect(kpiAttainment(k, 20, '2026-01-01')).toBeCloseTo(0.5, 2);
    expect(kpiAttainment(k, 5, '2026-01-01')).toBe(1);
  });
  it('range: 1 inside, a ratio outside', () => {
    expect(kpiAttainment(range, 85, '2025-06-01')).toBe(1);
    expect(kpiAttainment(range, 40, '2025-06-01')).toBeCloseTo(0.5, 2);
    expect(kpiAttainment(range, 180, '2025-06-01')).toBeCloseTo(0.5, 2);
  });
  it('no target or no value: null, and left out of the mean', () => {
    expect(kpiAttainment(noTarget, 100, '2025-01-01')).toBeNull();
    expect(kpiAttainment(higher, null, '2025-01-01')).toBeNull();
    expect(meanAttainment([null, 1, 0.5])).toBe(0.75);
    expect(meanAttainment([null, null])).toBeNull();
    expect(meanAttainment([])).toBeNull();
  });
  it('a target not above the baseline with a value below it is 0, never a division by zero', () => {
    const flat: KpiForStatus = { polarity: 'higher', baselineValue: 50, baselineYear: 2023, targets: [{ year: 2024, value: 50, valueMax: null }] };
    expect(kpiAttainment(flat, 40, '2025-01-01')).toBe(0);
    expect(kpiAttainment(flat, 50, '2025-01-01')).toBe(1);
    const zero: KpiForStatus = { polarity: 'lower', baselineValue: null, baselineYear: null, targets: [{ year: 2024, value: 0, valueMax: null }] };
    expect(kpiAttainment(zero, 3, '2025-01-01')).toBe(0);
    expect(kpiAttainment(zero, 0, '2025-01-01')).toBe(1);
  });
});

describe('program status', () => {
  const at = (asOf: string, physicalPct: number | null, kpi: number | null = null) => programStatus({ program: prog, physicalPct, kpiAttainment: kpi, asOf });
  it('period not started: before the first year the program is not started', () => {
    expect(at('2023-10-01', null)).toBe('not_started');
    expect(at('2023-10-01', 0, 0)).toBe('not_started');
  });
  it('no reports: counted as 0 %; not started while the lag is small, then at risk, then late', () => {
    expect(at('2024-02-01', null)).toBe('not_started');
    expect(at('2024-10-01', null)).toBe('at_risk'); // expected ≈ 18.7
    expect(at('2025-07-01', null)).toBe('late'); // expected ≈ 37.5
  });
  it('on track within atRiskLag, at risk within lateLag, late beyond', () => {
    expect(at('2026-01-01', 45)).toBe('on_track'); // expected 50, lag 5
    expect(at('2026-01-01', 35)).toBe('at_risk'); // lag 15
    expect(at('2026-01-01', 20)).toBe('late'); // lag 30
    expect(at('2026-01-01', 60)).toBe('on_track'); // ahead
  });
  it('done at 100 %, even after the end', () => {
    expect(at('2026-01-01', 100)).toBe('done');
    expect(at('2029-01-01', 100)).toBe('done');
  });
  it('past the last year and not done is late', () => {
    expect(at('2028-01-02', 95)).toBe('late');
  });
  it('KPI attainment can only make it worse', () => {
    expect(at('2026-01-01', 50, 0.9)).toBe('on_track');
    expect(at('2026-01-01', 50, 0.7)).toBe('at_risk');
    expect(at('2026-01-01', 50, 0.3)).toBe('late');
    expect(at('2026-01-01', 20, 1)).toBe('late');
  });
  it('thresholds are configurable per region; unknown or invalid keys fall back to the defaults', () => {
    const strict = thresholdsOf({ atRiskLag: 2, lateLag: 4 });
    expect(strict).toEqual({ ...DEFAULT_THRESHOLDS, atRiskLag: 2, lateLag: 4 });
    expect(programStatus({ program: prog, physicalPct: 45, kpiAttainment: null, asOf: '2026-01-01', thresholds: strict })).toBe('late');
    expect(thresholdsOf({ atRiskLag: Number.NaN } as never)).toEqual(DEFAULT_THRESHOLDS);
    expect(thresholdsOf(null)).toEqual(DEFAULT_THRESHOLDS);
  });
});

describe('roll-up', () => {
  const item = (status: RollUpItem['status'], progress: number, expected: number, budget: number): RollUpItem => ({ status, progress, expected, budget });
  it('weights progress by budget share', () => {
    const r = rollUp([item('on_track', 100, 100, 3_000), item('late', 0, 50, 1_000)]);
    expect(r.weighting).toBe('budget');
    expect(r.progress).toBeCloseTo(75);
    expect(r.expected).toBeCloseTo(87.5);
    expect(r.status).toBe('at_risk');
    expect(r.counts).toMatchObject({ on_track: 1, late: 1, done: 0 });
  });
  it('zero budget: equal weights when the group has no budget at all', () => {
    const r = rollUp([item('on_track', 80, 80, 0), item('late', 20, 80, 0)]);
    expect(r.weighting).toBe('equal');
    expect(r.progress).toBeCloseTo(50);
    expect(r.status).toBe('late');
  });
  it('a zero-budget program in a budgeted group weighs nothing but is counted', () => {
    const r = rollUp([item('on_track', 60, 60, 1_000), item('late', 0, 60, 0)]);
    expect(r.progress).toBeCloseTo(60);
    expect(r.status).toBe('on_track');
    expect(r.counts.late).toBe(1);
  });
  it('all done, all not started, empty', () => {
    expect(rollUp([item('done', 100, 100, 1), item('done', 100, 80, 1)]).status).toBe('done');
    expect(rollUp([item('not_started', 0, 0, 1)]).status).toBe('not_started');
    const empty = rollUp([]);
    expect(empty).toMatchObject({ count: 0, progress: null, status: null });
    expect(asItem(empty, 0)).toBeNull();
  });
  it('rolls up level by level (element → dimension)', () => {
    const e1 = rollUp([item('on_track', 50, 50, 100)]);
    const e2 = rollUp([item('late', 0, 50, 100)]);
    const dim = rollUp([asItem(e1, 100)!, asItem(e2, 300)!]);
    expect(dim.progress).toBeCloseTo(12.5);
    expect(dim.status).toBe('late');
  });
});

describe('staleness', () => {
  const periods = [{ dueOn: '2026-04-15', approved: true }, { dueOn: '2026-07-15', approved: false }, { dueOn: '2026-10-15', approved: false }];
  it('days since the last approved report', () => {
    expect(staleness('2026-11-20T08:00:00Z', [], '2026-11-25').daysSinceUpdate).toBe(5);
    expect(staleness(null, [], '2026-11-25').daysSinceUpdate).toBeNull();
  });
  it('overdue when the latest passed due date has no approved report', () => {
    expect(staleness(null, periods, '2026-11-25')).toMatchObject({ overdue: true, overdueDays: 41 });
    expect(staleness(null, periods, '2026-10-15')).toMatchObject({ overdue: true, overdueDays: 92 });
    expect(staleness(null, periods.slice(0, 1), '2026-05-01').overdue).toBe(false);
  });
  it('no periods due yet, or no reports expected: not overdue', () => {
    expect(staleness(null, periods, '2026-04-15').overdue).toBe(false);
    expect(staleness(null, [], '2026-04-15')).toEqual({ daysSinceUpdate: null, overdue: false, overdueDays: null });
  });
  it('grace days delay overdue', () => {
    const th = thresholdsOf({ overdueGraceDays: 60 });
    expect(staleness(null, periods, '2026-11-25', th)).toMatchObject({ overdue: true, overdueDays: 133 });
    expect(staleness(null, periods.slice(2), '2026-11-25', th).overdue).toBe(false);
  });
});

describe('periods', () => {
  it('quarters with due dates 15 days after the end', () => {
    const q = periodsOfYear(2026, 'quarterly', 15);
    expect(q.map((p) => p.label)).toEqual(['2026 T1', '2026 T2', '2026 T3', '2026 T4']);
    expect(q[0]).toMatchObject({ startsOn: '2026-01-01', endsOn: '2026-03-31', dueOn: '2026-04-15', opensOn: '2026-01-01' });
    expect(q[3]).toMatchObject({ endsOn: '2026-12-31', dueOn: '2027-01-15' });
  });
  it('months (leap February) and semesters', () => {
    const m = periodsOfYear(2028, 'monthly', 10);
    expect(m).toHaveLength(12);
    expect(m[1]).toMatchObject({ endsOn: '2028-02-29', dueOn: '2028-03-10', label: '2028 B2' });
    expect(periodsOfYear(2026, 'semester', 0).map((p) => [p.label, p.endsOn])).toEqual([['2026 S1', '2026-06-30'], ['2026 S2', '2026-12-31']]);
  });
  it('window state', () => {
    expect(periodState({ opensOn: '2026-07-01', closedAt: null }, '2026-06-30')).toBe('upcoming');
    expect(periodState({ opensOn: '2026-07-01', closedAt: null }, '2026-07-01')).toBe('open');
    expect(periodState({ opensOn: '2026-07-01', closedAt: '2026-08-01T00:00:00Z' }, '2026-07-10')).toBe('closed');
  });
});
