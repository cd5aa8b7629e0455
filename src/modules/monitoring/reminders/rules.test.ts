import { describe, expect, test } from 'vitest';
import { scheduleConfig } from './schedule.ts';
import { beforeStage, daysUntilDue, localDate, planReminders, utcOffsetHours, type ProgramState } from './rules.ts';

const period = { id: 'P', regionCode: '64.02', dueDate: '2026-03-31', open: true };
const who = { officersByOpd: new Map([['dispar', ['o1', 'o2']], ['dinkes', ['o3']]]), coordinators: ['c1', 'o1'] };
const settings = { daysBefore: [7, 1], overdue: true, overdueWindowDays: 30 };
const prog = (programId: string, leadOpdId: string, report: ProgramState['report'] = null): ProgramState => ({ programId, leadOpdId, report });

describe('time zones and days left', () => {
  test('WIB, WITA and WIT by province', () => {
    expect(utcOffsetHours('31.71')).toBe(7);
    expect(utcOffsetHours('64.02')).toBe(8);
    expect(utcOffsetHours('73.71')).toBe(8);
    expect(utcOffsetHours('91.01')).toBe(9);
  });
  test('the local date decides, not UTC', () => {
    // 17:00 UTC is already the next day in Kalimantan Timur (UTC+8).
    expect(localDate(new Date('2026-03-30T17:00:00Z'), '64.02')).toBe('2026-03-31');
    expect(daysUntilDue(new Date('2026-03-30T17:00:00Z'), '2026-03-31', '64.02')).toBe(0);
    expect(daysUntilDue(new Date('2026-03-30T15:00:00Z'), '2026-03-31', '64.02')).toBe(1);
    expect(daysUntilDue(new Date('2026-04-01T00:00:00Z'), '2026-03-31', '64.02')).toBe(-1);
  });
  test('the most urgent fitting stage only', () => {
    expect(beforeStage(10, [7, 1])).toBeNull();
    expect(beforeStage(7, [7, 1])).toBe('before-7');
    expect(beforeStage(2, [7, 1])).toBe('before-7');
    expect(beforeStage(1, [7, 1])).toBe('before-1');
    expect(beforeStage(0, [7, 1])).toBe('before-1');
    expect(beforeStage(-1, [7, 1])).toBeNull();
    expect(beforeStage(3, [])).toBeNull();
  });
});

describe('planReminders', () => {
  const at = (iso: string) => new Date(iso);
  test('before the due date: only the officers of the lead OPD, nothing for submitted or approved reports', () => {
    const r = planReminders(at('2026-03-26T01:00:00Z'), period, [
      prog('a', 'dispar'), prog('b', 'dinkes', { id: 'rb', status: 'draft', returnKey: '1' }),
      prog('c', 'dispar', { id: 'rc', status: 'submitted', returnKey: '2' }), prog('d', 'dispar', { id: 'rd', status: 'approved', returnKey: '3' }),
    ], settings, who);
    expect(r.map((x) => `${x.programId}>${x.userId}:${x.stage}`).sort()).toEqual(['a>o1:before-7', 'a>o2:before-7', 'b>o3:before-7']);
  });
  test('overdue: officers and coordinators, each person once', () => {
    const r = planReminders(at('2026-04-02T01:00:00Z'), period, [prog('a', 'dispar')], settings, who);
    expect(r.map((x) => x.userId).sort()).toEqual(['c1', 'o1', 'o2']);
    expect(new Set(r.map((x) => x.kind))).toEqual(new Set(['report_overdue']));
  });
  test('a period missed more than the window ago reminds nobody of being overdue (no flood after an import)', () => {
    expect(planReminders(at('2026-04-30T01:00:00Z'), period, [prog('a', 'dispar')], settings, who)).toHaveLength(3);
    expect(planReminders(at('2026-05-01T01:00:00Z'), period, [prog('a', 'dispar')], settings, who)).toEqual([]);
    // A returned report still reaches its officer.
    expect(planReminders(at('2026-09-01T01:00:00Z'), period, [prog('a', 'dispar', { id: 'r', status: 'returned', returnKey: '2' })], settings, who)).toHaveLength(2);
  });
  test('a returned report: its officers, keyed by the return, also before any due stage', () => {
    const r = planReminders(at('2026-01-10T01:00:00Z'), period, [prog('a', 'dispar', { id: 'ra', status: 'returned', returnKey: '4' })], settings, who);
    expect(r.map((x) => x.dedupeKey)).toEqual(['report_returned:P:a:o1:returned-4', 'report_returned:P:a:o2:returned-4']);
  });
  test('the key does not change when a draft appears (no second reminder)', () => {
    const now = at('2026-03-26T01:00:00Z');
    const before = planReminders(now, period, [prog('a', 'dinkes')], settings, who);
    const after = planReminders(now, period, [prog('a', 'dinkes', { id: 'r', status: 'draft', returnKey: '1' })], settings, who);
    expect(after.map((x) => x.dedupeKey)).toEqual(before.map((x) => x.dedupeKey));
  });
  test('closed periods, OPDs without officers and disabled overdue reminders send nothing', () => {
    expect(planReminders(at('2026-03-30T01:00:00Z'), { ...period, open: false }, [prog('a', 'dispar')], settings, who)).toEqual([]);
    expect(planReminders(at('2026-03-30T01:00:00Z'), period, [prog('a', 'bappeda')], settings, who)).toEqual([]);
    expect(planReminders(at('2026-04-30T01:00:00Z'), period, [prog('a', 'dispar')], { ...settings, overdue: false }, who)).toEqual([]);
  });
});

describe('schedule configuration', () => {
  test('hourly by default, off under the test runner unless asked, 0 turns it off', () => {
    expect(scheduleConfig({}).everyMinutes).toBe(60);
    expect(scheduleConfig({ VITEST: 'true' }).everyMinutes).toBe(0);
    expect(scheduleConfig({ VITEST: 'true', PILAR_REMINDERS_EVERY_MIN: '5' }).everyMinutes).toBe(5);
    expect(scheduleConfig({ PILAR_REMINDERS_EVERY_MIN: '0' }).everyMinutes).toBe(0);
    expect(scheduleConfig({ PILAR_REMINDERS_EVERY_MIN: 'soon' }).everyMinutes).toBe(0);
    expect(scheduleConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(scheduleConfig({ PILAR_PUBLIC_URL: 'https://smartcity.kukarkab.go.id' }).publicUrl).toBe('https://smartcity.kukarkab.go.id');
  });
});
