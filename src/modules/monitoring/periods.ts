import type { PeriodKind } from './schema.ts';

/** Pure calendar of reporting periods: what a year of a given rhythm looks like. */
export interface PeriodSpec {
  year: number;
  kind: PeriodKind;
  seq: number;
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  opensOn: string;
}

const MONTHS: Record<PeriodKind, number> = { monthly: 1, quarterly: 3, semester: 6 };
const PREFIX: Record<PeriodKind, string> = { monthly: 'B', quarterly: 'T', semester: 'S' };

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The periods of a year: months, quarters (T1–T4, "triwulan") or semesters (S1–S2). A period's
 * report is due `dueDays` after its last day; its window opens on its first day.
 */
export function periodsOfYear(year: number, kind: PeriodKind, dueDays: number): PeriodSpec[] {
  const step = MONTHS[kind];
  const out: PeriodSpec[] = [];
  for (let seq = 1; seq * step <= 12; seq++) {
    const start = Date.UTC(year, (seq - 1) * step, 1);
    const end = Date.UTC(year, seq * step, 1) - 86_400_000;
    out.push({
      year, kind, seq,
      label: `${year} ${PREFIX[kind]}${seq}`,
      startsOn: iso(start), endsOn: iso(end), dueOn: iso(end + dueDays * 86_400_000), opensOn: iso(start),
    });
  }
  return out;
}
