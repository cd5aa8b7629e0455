import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type Client, type Harness } from '../../../test/support/api.ts';
import { phoneJpeg, upload } from '../files/testing.ts';

const KUKAR = '64.02';
const OFFICER = 'opd.kukar@demo.pilar.id';
const COORD = 'koordinator.kukar@demo.pilar.id';

let h: Harness;
let filesDir: string;
let officer: Client;
let coord: Client;
let program: { id: string; title: string; kpis: { id: string; name: string }[]; locations: { code: string }[] };
let otherProgram: { id: string };
let period: { id: string; label: string };

beforeAll(async () => {
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilar-mon-'));
  h = await apiHarness({ filesDir });
  officer = await h.as(OFFICER);
  coord = await h.as(COORD);
  const me = (await officer.get('/api/me')).body;
  const list = (await h.get(`/api/regions/${KUKAR}/programs?limit=200`)).body.items;
  // Programs running this year: the officer's OPD (Dinas Pariwisata) leads one, another OPD the other.
  const year = new Date().getUTCFullYear();
  const running = list.filter((p: { startYear: number; endYear: number }) => p.startYear <= year && p.endYear >= year);
  const own = running.find((p: { leadOpd: { id: string } }) => p.leadOpd.id === me.user.opdId);
  program = (await h.get(`/api/programs/${own.id}`)).body;
  otherProgram = running.find((p: { leadOpd: { id: string } }) => p.leadOpd.id !== me.user.opdId);
  const periods = (await h.get(`/api/regions/${KUKAR}/periods`)).body;
  period = periods.find((p: { state: string; dueOn: string }) => p.state === 'open' && p.dueOn >= new Date().toISOString().slice(0, 10));
});
afterAll(async () => {
  await h.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

const values = (v: number) => program.kpis.map((k) => ({ kpiId: k.id, value: v }));

describe('the report workflow', () => {
  let reportId: string;
  let fileId: string;

  it('the demo has periods and an open one for this quarter', () => {
    expect(period).toBeTruthy();
    expect(period.label).toMatch(/^\d{4} T[1-4]$/);
  });

  it('the lead OPD officer starts a draft (once per program and period)', async () => {
    const r = await officer.post(`/api/programs/${program.id}/reports`, { periodId: period.id });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'draft', version: 1, created: true });
    reportId = r.body.id;
    const again = await officer.post(`/api/programs/${program.id}/reports`, { periodId: period.id });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(reportId);
  });

  it('validation names the field', async () => {
    const cases: [unknown, string][] = [
      [{ version: 1, physicalPct: 150 }, 'physicalPct'],
      [{ version: 1, budgetRealised: -5 }, 'budgetRealised'],
      [{ version: 1, budgetRealised: 10.5 }, 'budgetRealised'],
      [{ version: 1, kpis: [{ kpiId: otherProgram.id, value: 1 }] }, 'kpis.0.kpiId'],
      [{ version: 1, kpis: [{ kpiId: program.kpis[0]!.id, value: 1, breakdown: { '64.01.01': 1 } }] }, 'kpis.0.breakdown.64.01.01'],
      [{ version: 1, files: ['not-a-file'] }, 'files'],
      [{ version: 1, surprise: true }, 'surprise'],
      [{ physicalPct: 10 }, 'version'],
    ];
    for (const [body, field] of cases) {
      const r = await officer.patch(`/api/reports/${reportId}`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.field).toBe(field);
      expect(r.body.error.message.id).toBeTruthy();
      expect(r.body.error.message.en).toBeTruthy();
    }
    const incomplete = await officer.post(`/api/reports/${reportId}/submit`, { version: 1 });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.field).toBe('physicalPct');
  });

  it('the officer saves progress, KPI values by location, and a photo as evidence', async () => {
    const up = await upload(officer, KUKAR, 'lokasi.jpg', await phoneJpeg());
    expect(up.status).toBe(201);
    fileId = up.body.id;
    const loc = program.locations[0]!.code;
    const r = await officer.patch(`/api/reports/${reportId}`, {
      version: 1, physicalPct: 42.5, budgetRealised: 250_000_000, narrative: 'Festival digelar di dua kecamatan.', obstacles: 'Cuaca', followUp: 'Jadwal ulang',
      kpis: [{ kpiId: program.kpis[0]!.id, value: 7, breakdown: { [loc]: 7 } }, ...values(5).slice(1)], files: [fileId],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'draft', version: 2 });
    const view = (await officer.get(`/api/reports/${reportId}`)).body;
    expect(view).toMatchObject({ physicalPct: 42.5, budgetRealised: 250_000_000, can: { write: true, review: false }, files: [{ id: fileId, mime: 'image/jpeg' }] });
    expect(view.kpis.find((k: { kpiId: string }) => k.kpiId === program.kpis[0]!.id)).toMatchObject({ value: 7, breakdown: { [loc]: 7 } });
    expect(view.budgetPlanned).toBeGreaterThan(0);
  });

  it('a stale version answers 409 naming what changed', async () => {
    const r = await coord.patch(`/api/reports/${reportId}`, { version: 1, narrative: 'versi lama' });
    expect(r.status).toBe(409);
    expect(r.body.error.field).toBe('version');
    expect(r.body.error.message.en).toContain('physicalPct');
    expect(r.body.error.message.en).toContain('files');
  });

  it('the public sees nothing of a draft', async () => {
    expect((await h.get(`/api/reports/${reportId}`)).status).toBe(404);
    const list = (await h.get(`/api/regions/${KUKAR}/reports?limit=500`)).body;
    expect(list.items.every((r: { status: string }) => r.status === 'approved')).toBe(true);
    expect(list.items.some((r: { id: string }) => r.id === reportId)).toBe(false);
    expect((await h.get(`/api/regions/${KUKAR}/reports?status=draft`)).status).toBe(403);
    expect((await h.get(`/api/files/${fileId}`)).status).toBe(404);
  });

  it('submitted reports are read-only for the officer; only reviewers return them, with a comment', async () => {
    const s = await officer.post(`/api/reports/${reportId}/submit`, { version: 2 });
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ status: 'submitted', version: 3 });
    const locked = await officer.patch(`/api/reports/${reportId}`, { version: 3, physicalPct: 50 });
    expect(locked.status).toBe(409);
    expect(locked.body.error.field).toBe('status');
    expect((await officer.post(`/api/reports/${reportId}/return`, { version: 3, comment: 'x' })).status).toBe(403);
    expect((await officer.post(`/api/reports/${reportId}/approve`, { version: 3 })).status).toBe(403);
    const noComment = await coord.post(`/api/reports/${reportId}/return`, { version: 3, comment: '  ' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.field).toBe('comment');
    const ret = await coord.post(`/api/reports/${reportId}/return`, { version: 3, comment: 'Foto kurang jelas, tambahkan jumlah pengunjung.' });
    expect(ret.body).toMatchObject({ status: 'returned', version: 4 });
  });

  it('the officer sees the comment in the report and in "my updates", fixes and resubmits', async () => {
    const view = (await officer.get(`/api/reports/${reportId}`)).body;
    expect(view).toMatchObject({ status: 'returned', reviewComment: 'Foto kurang jelas, tambahkan jumlah pengunjung.', can: { write: true } });
    const mine = (await officer.get('/api/me/monitoring')).body;
    expect(mine.items[0]).toMatchObject({ state: 'returned', report: { id: reportId, reviewComment: 'Foto kurang jelas, tambahkan jumlah pengunjung.' } });
    expect(mine.items.every((i: { program: { id: string } }) => i.program.id !== otherProgram.id)).toBe(true);
    expect((await officer.patch(`/api/reports/${reportId}`, { version: 4, physicalPct: 45, kpis: values(9) })).body.version).toBe(5);
    expect((await officer.post(`/api/reports/${reportId}/submit`, { version: 5 })).body.status).toBe('submitted');
    const queue = (await coord.get('/api/me/monitoring')).body.toReview;
    expect(queue.map((r: { id: string }) => r.id)).toContain(reportId);
  });

  it('approval makes the figures and the evidence public', async () => {
    const a = await coord.post(`/api/reports/${reportId}/approve`, { version: 6, comment: 'Terima kasih' });
    expect(a.body).toMatchObject({ status: 'approved', version: 7 });
    expect((await coord.post(`/api/reports/${reportId}/approve`, { version: 7 })).status).toBe(409);
    expect((await officer.patch(`/api/reports/${reportId}`, { version: 7, physicalPct: 1 })).status).toBe(409);
    const pub = (await h.get(`/api/reports/${reportId}`)).body;
    expect(pub).toMatchObject({ status: 'approved', physicalPct: 45, history: [], submittedBy: null, reviewedBy: null, reviewComment: null });
    expect((await h.get(`/api/files/${fileId}`)).status).toBe(200);
    const mon = (await h.get(`/api/programs/${program.id}/monitoring`)).body;
    expect(mon.series.at(-1)).toMatchObject({ label: period.label, physicalPct: 45 });
    expect(mon).toMatchObject({ progress: 45, daysSinceUpdate: 0, overdue: false, latestReport: { label: period.label, evidence: [{ id: fileId }] } });
    expect(mon.kpis[0].points.at(-1)).toMatchObject({ label: period.label, actual: 9 });
  });

  it('history and the audit log record every step', async () => {
    const view = (await coord.get(`/api/reports/${reportId}`)).body;
    expect(view.history.map((e: { action: string }) => e.action)).toEqual(['create', 'save', 'submit', 'return', 'save', 'submit', 'approve']);
    expect(view.history[3]).toMatchObject({ comment: 'Foto kurang jelas, tambahkan jumlah pengunjung.', actor: { name: expect.any(String) } });
    const audit = (await coord.get('/api/audit?limit=200')).body.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['report.create', 'report.save', 'report.submit', 'report.return', 'report.approve']));
  });
});

describe('access', () => {
  it('officer of another OPD: 403; council: 403; foreign coordinator: 404; anonymous: 401; Bappeda may report on any program', async () => {
    expect((await officer.post(`/api/programs/${otherProgram.id}/reports`, { periodId: period.id })).status).toBe(403);
    expect((await (await h.as('dewan.kukar@demo.pilar.id')).post(`/api/programs/${otherProgram.id}/reports`, { periodId: period.id })).status).toBe(403);
    expect((await (await h.as('koordinator.paser@demo.pilar.id')).post(`/api/programs/${otherProgram.id}/reports`, { periodId: period.id })).status).toBe(404);
    expect((await h.client().post(`/api/programs/${otherProgram.id}/reports`, { periodId: period.id })).status).toBe(401);
    const bappeda = await h.as('bappeda.kukar@demo.pilar.id');
    const r = await bappeda.post(`/api/programs/${otherProgram.id}/reports`, { periodId: period.id });
    expect(r.status).toBe(201);
    const foreign = await h.as('koordinator.paser@demo.pilar.id');
    expect((await foreign.get(`/api/reports/${r.body.id}`)).status).toBe(404);
    expect((await foreign.post(`/api/reports/${r.body.id}/approve`, { version: 1 })).status).toBe(404);
    expect((await (await h.as('dewan.kukar@demo.pilar.id')).get(`/api/reports/${r.body.id}`)).status).toBe(200);
  });

  it('a period of another region or outside the program years is refused, naming periodId', async () => {
    const paser = (await h.get('/api/regions/64.01/periods')).body[0];
    const r = await coord.post(`/api/programs/${program.id}/reports`, { periodId: paser.id });
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('periodId');
  });
});

describe('periods', () => {
  it('only coordinators and Bappeda generate and close periods; closed windows refuse new reports', async () => {
    expect((await officer.post(`/api/regions/${KUKAR}/periods/generate`, { year: 2027 })).status).toBe(403);
    const g = await coord.post(`/api/regions/${KUKAR}/periods/generate`, { year: 2027 });
    expect(g.status).toBe(200);
    expect(g.body.created).toBe(4);
    expect((await coord.post(`/api/regions/${KUKAR}/periods/generate`, { year: 2027 })).body.created).toBe(0);
    const bad = await coord.post(`/api/regions/${KUKAR}/periods/generate`, { year: 1990 });
    expect(bad.body.error.field).toBe('year');
    const cur = (await h.get(`/api/regions/${KUKAR}/periods`)).body.find((p: { id: string }) => p.id === period.id);
    const early = await coord.patch(`/api/periods/${period.id}`, { version: cur.version, dueOn: '2000-01-01' });
    expect(early.body.error.field).toBe('dueOn');
    const closed = await coord.patch(`/api/periods/${period.id}`, { version: cur.version, closed: true });
    expect(closed.body).toMatchObject({ state: 'closed', version: cur.version + 1 });
    expect((await coord.patch(`/api/periods/${period.id}`, { version: cur.version, closed: false })).status).toBe(409);
    const list = (await h.get(`/api/regions/${KUKAR}/programs?limit=200`)).body.items;
    const year = new Date().getUTCFullYear();
    const fresh = list.find((p: { id: string; startYear: number; endYear: number }) => p.id !== program.id && p.id !== otherProgram.id && p.startYear <= year && p.endYear >= year);
    const r = await coord.post(`/api/programs/${fresh.id}/reports`, { periodId: period.id });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('period_closed');
    await coord.patch(`/api/periods/${period.id}`, { version: cur.version + 1, closed: false });
  });

  it('settings: defaults, validation, thresholds, 409', async () => {
    const s = (await h.get(`/api/regions/${KUKAR}/monitoring/settings`)).body;
    expect(s).toMatchObject({ periodKind: 'quarterly', dueDays: 15, version: 0, effectiveThresholds: { atRiskLag: 10, lateLag: 25 } });
    expect((await officer.put(`/api/regions/${KUKAR}/monitoring/settings`, { dueDays: 10 })).status).toBe(403);
    const bad = await coord.put(`/api/regions/${KUKAR}/monitoring/settings`, { thresholds: { atRiskLag: 30 } });
    expect(bad.body.error.field).toBe('thresholds.lateLag');
    const ok = await coord.put(`/api/regions/${KUKAR}/monitoring/settings`, { version: 0, thresholds: { atRiskLag: 5 } });
    expect(ok.body).toMatchObject({ version: 1, thresholds: { atRiskLag: 5 } });
    expect((await coord.put(`/api/regions/${KUKAR}/monitoring/settings`, { version: 0, dueDays: 3 })).status).toBe(409);
  });
});

describe('dashboards', () => {
  it('the region dashboard rolls approved figures up by pillar and OPD, with overdue programs', async () => {
    const d = (await h.get(`/api/regions/${KUKAR}/monitoring`)).body;
    expect(d.programs.length).toBeGreaterThan(20);
    expect(d.withReports).toBeGreaterThan(10);
    expect(d.overdue).toBeGreaterThan(0);
    expect(d.region.progress).toBeGreaterThan(0);
    expect(d.dimensions.length).toBeGreaterThan(3);
    expect(d.opds.some((o: { opd: { abbreviation: string } }) => o.opd.abbreviation === 'Dispar')).toBe(true);
    const total = Object.values(d.region.counts as Record<string, number>).reduce((s, n) => s + n, 0);
    expect(total).toBe(d.programs.length);
    const p = d.programs.find((x: { last: unknown }) => x.last);
    expect(p).toMatchObject({ last: { illustrative: true }, daysSinceUpdate: expect.any(Number) });
  });

  it('unknown region or program: 404', async () => {
    expect((await h.get('/api/regions/11.01/monitoring')).status).toBe(404);
    expect((await h.get('/api/programs/nope/monitoring')).status).toBe(404);
    expect((await h.get('/api/reports/nope')).status).toBe(404);
  });
});
