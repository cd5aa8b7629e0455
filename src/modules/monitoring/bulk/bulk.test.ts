/** The bulk KPI grid API: access, validation naming the entry field, idempotency, conflicts, read-only reports. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiHarness, type Client, type Harness } from '../../../../test/support/api.ts';
import { auditLog } from '../../accounts/schema.ts';
import { progressReports, reportingPeriods } from '../schema.ts';
import { bulkEntryReceipts } from './schema.ts';
import { pruneReceipts } from './service.ts';

const KUKAR = '64.02';
const OFFICER = 'opd.kukar@demo.pilar.id';
const COORDINATOR = 'koordinator.kukar@demo.pilar.id';

type Grid = {
  period: { id: string; label: string; state: string };
  programs: { id: string; code: string; title: string; editable: boolean; report: { id: string; status: string; version: number } | null; lockedReason: { id: string; en: string } | null;
    kpis: { id: string; name: string; unit: string; target: { value: number } | null; lastApproved: { value: number | null; periodLabel: string } | null; value: number | null }[] }[];
};

let h: Harness;
let officer: Client;
let coordinator: Client;
let periodId: string;
let grid: Grid;
let n = 0;
const clientId = () => `test-${Date.now().toString(36)}-${(n++).toString(36)}`;
const entry = (programId: string, kpiId: string, value: number | null, extra: Record<string, unknown> = {}) =>
  ({ programId, kpiId, value, clientId: clientId(), clientUpdatedAt: new Date(Date.now() + n).toISOString(), ...extra });
const gridUrl = () => `/api/regions/${KUKAR}/periods/${periodId}/kpi-grid`;
const valuesUrl = () => `/api/regions/${KUKAR}/periods/${periodId}/kpi-values`;

beforeAll(async () => {
  h = await apiHarness();
  // A monthly period of the current month: open now whatever day the suite runs.
  const now = new Date();
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  const first = `${y}-${String(m).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const due = new Date(Date.UTC(y, m, 15)).toISOString().slice(0, 10);
  [{ id: periodId }] = await h.database.db.insert(reportingPeriods).values({
    regionCode: KUKAR, year: y, kind: 'monthly', seq: m, label: `Bulan ${m}/${y}`, startsOn: first, endsOn: last, dueOn: due, opensOn: first,
  }).onConflictDoUpdate({ target: [reportingPeriods.regionCode, reportingPeriods.kind, reportingPeriods.year, reportingPeriods.seq], set: { closedAt: null, opensOn: first } })
    .returning({ id: reportingPeriods.id }) as [{ id: string }];
  officer = await h.as(OFFICER);
  coordinator = await h.as(COORDINATOR);
  const r = await officer.get(gridUrl());
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  grid = r.body;
  expect(grid.programs.length, 'the officer reports on at least one program with KPIs this year').toBeGreaterThan(0);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('kpi-grid', () => {
  test('the officer sees only the programs of their OPD, with unit, target and empty values', async () => {
    const me = (await officer.get('/api/me')).body.user;
    const all = (await h.get(`/api/regions/${KUKAR}/programs?limit=200`)).body.items as { id: string; leadOpd: { id: string } }[];
    for (const p of grid.programs) expect(all.find((a) => a.id === p.id)?.leadOpd.id).toBe(me.opdId);
    const cell = grid.programs[0]!.kpis[0]!;
    expect(cell.unit).toBeTruthy();
    expect(cell.value).toBeNull();
    expect(grid.programs[0]!.editable).toBe(true);
    expect(grid.period.state).toBe('open');
    // The coordinator sees every running program of the region.
    const all2 = (await coordinator.get(gridUrl())).body as Grid;
    expect(all2.programs.length).toBeGreaterThan(grid.programs.length);
  });

  test('access: anonymous 401, council 403, another region 404, an unknown period 404', async () => {
    expect((await h.client().get(gridUrl())).status).toBe(401);
    const dewan = await h.as('dewan.kukar@demo.pilar.id');
    const d = await dewan.get(gridUrl());
    expect(d.status).toBe(403);
    expect(d.body.error.message.id).toBeTruthy();
    const paser = await h.as('opd.paser@demo.pilar.id');
    expect((await paser.get(gridUrl())).status).toBe(404);
    expect((await paser.put(valuesUrl(), { entries: [entry(grid.programs[0]!.id, grid.programs[0]!.kpis[0]!.id, 1)] })).status).toBe(404);
    const missing = await officer.get(`/api/regions/${KUKAR}/periods/00000000-0000-4000-8000-000000000000/kpi-grid`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.field).toBe('id');
  });
});

describe('kpi-values', () => {
  test('saves typed values into a new draft report, audited; the grid shows them', async () => {
    const p = grid.programs[0]!;
    const body = { entries: p.kpis.map((k, i) => entry(p.id, k.id, 100 + i, { base: null })) };
    const r = await officer.put(valuesUrl(), body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.results.map((x: { status: string }) => x.status)).toEqual(p.kpis.map(() => 'saved'));
    expect(r.body.results.map((x: { clientId: string }) => x.clientId)).toEqual(body.entries.map((e) => e.clientId));
    const after = (await officer.get(gridUrl())).body as Grid;
    const row = after.programs.find((x) => x.id === p.id)!;
    expect(row.report?.status).toBe('draft');
    expect(row.kpis.map((k) => k.value)).toEqual(p.kpis.map((_, i) => 100 + i));
    const audits = await h.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'report.bulkSave'), eq(auditLog.entityId, row.report!.id)));
    expect(audits).toHaveLength(1);
    // The report's own page shows the same values.
    const report = await officer.get(`/api/reports/${row.report!.id}`);
    expect(report.status).toBe(200);
    expect(JSON.stringify(report.body)).toContain('100');
  });

  test('idempotent: the same request again gives the same answers and changes nothing', async () => {
    const p = grid.programs[0]!;
    const k = p.kpis[0]!;
    const body = { entries: [entry(p.id, k.id, 555, { base: 100 })] };
    const first = await officer.put(valuesUrl(), body);
    expect(first.body.results[0].status).toBe('saved');
    const version = first.body.results[0].reportVersion;
    // Meanwhile the coordinator corrects the value; then the officer's lost request is retried.
    const c = await coordinator.put(valuesUrl(), { entries: [entry(p.id, k.id, 600, { base: 555 })] });
    expect(c.body.results[0].status).toBe('saved');
    const again = await officer.put(valuesUrl(), body);
    expect(again.status).toBe(200);
    expect(again.body.results[0].status).toBe('saved');
    expect(again.body.results[0].serverValue).toBe(555);
    const row = ((await officer.get(gridUrl())).body as Grid).programs.find((x) => x.id === p.id)!;
    expect(row.kpis[0]!.value, 'the retried request did not overwrite the later correction').toBe(600);
    expect(row.report!.version).toBe(version + 1);
    const audits = await h.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'report.bulkSave'), eq(auditLog.entityId, row.report!.id)));
    expect(audits).toHaveLength(3);
  });

  test('a value changed on the server since the browser loaded it is a conflict, not overwritten', async () => {
    const p = grid.programs[0]!;
    const k = p.kpis[0]!;
    const r = await officer.put(valuesUrl(), { entries: [entry(p.id, k.id, 700, { base: 555 })] });
    expect(r.body.results[0]).toMatchObject({ status: 'conflict', serverValue: 600, field: 'entries.0.value', code: 'value_changed' });
    expect(r.body.results[0].reason.id).toContain('600');
    expect(r.body.results[0].reason.en).toContain('600');
    expect(((await officer.get(gridUrl())).body as Grid).programs.find((x) => x.id === p.id)!.kpis[0]!.value).toBe(600);
    // Keeping one's own value: send it again against what the server has now.
    const keep = await officer.put(valuesUrl(), { entries: [entry(p.id, k.id, 700, { base: 600 })] });
    expect(keep.body.results[0].status).toBe('saved');
    // The same value typed on both sides is no conflict.
    const same = await officer.put(valuesUrl(), { entries: [entry(p.id, k.id, 700, { base: 1 })] });
    expect(same.body.results[0].status).toBe('saved');
  });

  test('later edits of one cell in one request win; entries are answered in the order sent', async () => {
    const p = grid.programs[0]!;
    const k = p.kpis[0]!;
    const later = entry(p.id, k.id, 9, { clientUpdatedAt: '2030-01-01T00:00:02Z' });
    const earlier = entry(p.id, k.id, 8, { clientUpdatedAt: '2030-01-01T00:00:01Z' });
    const r = await officer.put(valuesUrl(), { entries: [later, earlier] });
    expect(r.body.results.map((x: { clientId: string }) => x.clientId)).toEqual([later.clientId, earlier.clientId]);
    expect(((await officer.get(gridUrl())).body as Grid).programs.find((x) => x.id === p.id)!.kpis[0]!.value).toBe(9);
  });

  test('validation names the entry and its field, in Indonesian and English', async () => {
    const p = grid.programs[0]!;
    const k = p.kpis[0]!;
    const cases: [unknown, string][] = [
      [{ entries: [entry(p.id, k.id, 1), { ...entry(p.id, k.id, 1), value: 'dua' }] }, 'entries.1.value'],
      [{ entries: [{ ...entry(p.id, k.id, 1), clientUpdatedAt: 'kemarin' }] }, 'entries.0.clientUpdatedAt'],
      [{ entries: [{ ...entry(p.id, k.id, 1), programId: 'x' }] }, 'entries.0.programId'],
      [{ entries: [{ ...entry(p.id, k.id, 1), clientId: 'a b' }] }, 'entries.0.clientId'],
      [{ entries: [{ ...entry(p.id, k.id, 1), extra: 1 }] }, 'entries.0.extra'],
      [{ entries: [] }, 'entries'],
      [{}, 'entries'],
    ];
    for (const [body, field] of cases) {
      const r = await officer.put(valuesUrl(), body);
      expect(r.status, field).toBe(400);
      expect(r.body.error.field).toBe(field);
      expect(r.body.error.message.id).toBeTruthy();
      expect(r.body.error.message.en).toBeTruthy();
    }
  });

  test('per entry refusals: another OPD\'s program, a KPI of another program; the good entries still save', async () => {
    const all = ((await coordinator.get(gridUrl())).body as Grid).programs;
    const mine = new Set(grid.programs.map((p) => p.id));
    const foreign = all.find((p) => !mine.has(p.id))!;
    const p = grid.programs[0]!;
    const r = await officer.put(valuesUrl(), {
      entries: [entry(foreign.id, foreign.kpis[0]!.id, 1), entry(p.id, foreign.kpis[0]!.id, 2), entry(p.id, p.kpis[0]!.id, 42)],
    });
    expect(r.status).toBe(200);
    expect(r.body.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden', field: 'entries.0.programId' });
    expect(r.body.results[1]).toMatchObject({ status: 'rejected', field: 'entries.1.kpiId' });
    expect(r.body.results[1].reason.en).toContain('not a KPI of this program');
    expect(r.body.results[2].status).toBe('saved');
    const foreignRow = ((await coordinator.get(gridUrl())).body as Grid).programs.find((x) => x.id === foreign.id)!;
    expect(foreignRow.report, 'nothing was created for the refused entry').toBeNull();
  });

  test('submitted and approved reports are read-only: entries refused with a bilingual reason, cells locked', async () => {
    const p = grid.programs[0]!;
    const row = ((await officer.get(gridUrl())).body as Grid).programs.find((x) => x.id === p.id)!;
    for (const status of ['submitted', 'approved'] as const) {
      await h.database.db.update(progressReports).set({ status }).where(eq(progressReports.id, row.report!.id));
      const r = await officer.put(valuesUrl(), { entries: [entry(p.id, p.kpis[0]!.id, 1)] });
      expect(r.body.results[0]).toMatchObject({ status: 'rejected', code: 'report_locked', serverValue: 42 });
      expect(r.body.results[0].reason.id).toMatch(status === 'approved' ? /disetujui/ : /dikirim/);
      expect(r.body.results[0].reason.en).toMatch(status === 'approved' ? /approved/ : /submitted/);
      const locked = ((await officer.get(gridUrl())).body as Grid).programs.find((x) => x.id === p.id)!;
      expect(locked.editable).toBe(false);
      expect(locked.lockedReason?.en).toMatch(status === 'approved' ? /approved/ : /submitted/);
    }
    // Returned: editable again.
    await h.database.db.update(progressReports).set({ status: 'returned' }).where(eq(progressReports.id, row.report!.id));
    expect((await officer.put(valuesUrl(), { entries: [entry(p.id, p.kpis[0]!.id, 43)] })).body.results[0].status).toBe('saved');
  });
});

describe('receipts', () => {
  test('are kept for retries and pruned after 30 days', async () => {
    const db = h.database.db;
    const kept = await db.select().from(bulkEntryReceipts);
    expect(kept.length).toBeGreaterThan(0);
    expect(await pruneReceipts(db, 30, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await pruneReceipts(db, 30, new Date(Date.now() + 31 * 86_400_000))).toBe(kept.length);
  });
});
