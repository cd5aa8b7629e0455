/**
 * Authorization matrix of the write endpoints of monitoring (incl. reminders and bulk entry),
 * evidence files, the connectivity planner and the evaluation cycle and instruments: every one
 * tried by every role, in its own region (64.02) and in a foreign one (64.01). The pattern of
 * test/authz-matrix.test.ts: prepare() makes the state an attempt needs (as the national admin),
 * attempt() runs as the role under test. Expectations come from the role tables of docs/api.md,
 * docs/monitoring.md, docs/evaluation.md, docs/connectivity.md and docs/files.md (the national
 * admin may do everything, as the roles table says). A denied attempt must answer 401/403/404 and
 * leave no audit entry; an allowed one must succeed and write one. Plan jobs live in memory and
 * are not audited: there the effect is checked directly (a cancelled job), and instrument checks
 * store nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, Client, type Harness } from './support/api.ts';
import { EMAIL, FOREIGN, OWN, ROLES, type Role } from './support/roles.ts';
import { pdf, upload } from '../src/modules/files/testing.ts';
import { SMALL } from '../src/modules/evaluation/instruments/fixtures.ts';

const INSTRUMENT = 'gmsc-tahap2-2024';
const BUDGET = 2_000_000_000;

let h: Harness;
let admin: Client;
const clients = new Map<Role, Client>();
const userIds = new Map<Role, string>();
const matrix: string[] = [];
let violations = 0;
let evidence: Buffer;
let indicator: { key: string; level: number };

interface RegionFixture { planId: string; dispar: string; other: string; openPeriod: string; editPeriod: string; plan: unknown; nextYear: number; nextPeriodYear: number }
const fx = new Map<string, RegionFixture>();

const ok = (s: number) => s >= 200 && s < 300;
const writeAudits = async () => Number((await h.database.exec(`select count(*)::int as n from audit_log where action not like 'auth.%'`)).rows[0]!.n);
async function must<T = any>(p: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const r = await p;
  if (r.status >= 300) throw new Error(`prepare ${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

// ---- preparations (as the national admin) ----

let seq = 0;
/** A program of 2026 led by the officer's OPD (Dispar), or by another OPD. */
async function freshProgram(region: string, lead: 'dispar' | 'other' = 'dispar'): Promise<string> {
  const f = fx.get(region)!;
  const r = await must(admin.post('/api/programs', { masterplanId: f.planId, code: `MM-${++seq}`, title: `Matriks modul ${seq}`, elementKey: 'branding.tourism', leadOpdId: f[lead], horizon: 'short', startYear: 2026, endYear: 2026 }), 'program');
  return r.program.id;
}
async function programWithKpi(region: string, lead: 'dispar' | 'other' = 'dispar') {
  const programId = await freshProgram(region, lead);
  const kpi = await must(admin.post('/api/kpis', { programId, name: 'Pengunjung', unit: 'orang', polarity: 'higher', targets: [{ year: 2026, value: 10 }] }), 'kpi');
  return { programId, kpiId: kpi.kpi.id as string };
}
/** A draft report of a fresh program (led by the officer's OPD) in the open period. */
async function draftReport(region: string) {
  const r = await must(admin.post(`/api/programs/${await freshProgram(region)}/reports`, { periodId: fx.get(region)!.openPeriod }), 'report');
  return { id: r.id as string, version: r.version as number };
}
async function completeReport(region: string) {
  const d = await draftReport(region);
  const r = await must(admin.patch(`/api/reports/${d.id}`, { version: d.version, physicalPct: 40, budgetRealised: 1_000_000, narrative: 'Berjalan' }), 'save');
  return { id: d.id, version: r.version as number };
}
async function submittedReport(region: string) {
  const d = await completeReport(region);
  const r = await must(admin.post(`/api/reports/${d.id}/submit`, { version: d.version }), 'submit');
  return { id: d.id, version: r.version as number };
}
const periodVersion = async (region: string) => {
  const id = fx.get(region)!.editPeriod;
  const p = (await must(admin.get(`/api/regions/${region}/periods?year=2099`), 'periods')).find((x: { id: string }) => x.id === id);
  return { id, version: p.version as number, closed: p.closedAt !== null };
};

/** Evaluation cycles: a fresh year per preparation (2030–2100 are free in the demo). */
const cycleYear = (region: string) => fx.get(region)!.nextYear++;
async function openCycle(region: string) {
  const year = cycleYear(region);
  const r = await must(admin.post(`/api/regions/${region}/evaluations`, { year, instrument: INSTRUMENT }), 'open');
  return { year, version: r.version as number };
}
const answers = () => ({ [indicator.key]: { level: indicator.level, justification: 'Ada SK' } });
async function answeredCycle(region: string) {
  const c = await openCycle(region);
  const r = await must(admin.put(`/api/regions/${region}/evaluations/${c.year}/self-assessment`, { version: c.version, answers: answers() }), 'self-assessment');
  return { year: c.year, version: r.version as number };
}
async function submittedCycle(region: string) {
  const c = await answeredCycle(region);
  const r = await must(admin.post(`/api/regions/${region}/evaluations/${c.year}/submit`, { version: c.version }), 'submit');
  return { year: c.year, version: r.version as number };
}
const evaluation = (region: string, year: number, step: string) => `/api/regions/${region}/evaluations/${year}/${step}`;

async function scenario(region: string) {
  const s = await must(admin.post(`/api/regions/${region}/connectivity/scenarios`, { name: `Skenario ${++seq}`, objective: 'budget', budget: BUDGET, plan: fx.get(region)!.plan }), 'scenario');
  return { id: s.id as string, version: s.version as number };
}
async function runningJob(region: string): Promise<string> {
  // An exact run with a wide radius usually takes long enough to be cancelled; one that finished at once is no use.
  for (const radiusKm of [20, 25, 30, 35, 40]) {
    const id = (await must(admin.post(`/api/regions/${region}/connectivity/jobs`, { objective: 'cover-all', method: 'exact', radiusKm }), 'job')).id as string;
    if ((await jobStatus(id)) === 'running') return id;
  }
  throw new Error(`prepare job: every run of ${region} finished before it could be cancelled`);
}
const jobStatus = async (id: string) => (await admin.get(`/api/connectivity/jobs/${id}`)).body.status as string;

/** A notification addressed to `userId` (as the reminder job writes them). */
async function notification(userId: string, region: string): Promise<string> {
  const id = randomUUID();
  await h.database.exec(
    `insert into notifications (id, dedupe_key, user_id, region_code, kind, stage, title, body) values ($1, $2, $3, $4, 'report_due', 'due', $5, $5)`,
    [id, `matrix-${id}`, userId, region, JSON.stringify({ id: 'Uji matriks', en: 'Matrix test' })],
  );
  return id;
}
const isRead = async (id: string) => (await h.database.exec(`select read_at from notifications where id = $1`, [id])).rows[0]?.read_at != null;
let stranger = '';

// ---- the endpoints ----

type Allowed = Role[] | ((role: Role, region: string) => boolean);
interface Endpoint {
  name: string;
  allowed: Allowed;
  /** false: the endpoint stores nothing audited (plan jobs, instrument checks). */
  audited?: boolean;
  prepare?(region: string, role: Role): Promise<any>;
  attempt(c: Client, region: string, p: any): Promise<number>;
  /** For writes the audit log does not show: did the attempt take effect? */
  effect?(p: any): Promise<boolean>;
  /** Tidies up after an attempt (e.g. stops a job a denied attempt left running). */
  cleanup?(p: any): Promise<void>;
}

const PLANNERS: Role[] = ['national_admin', 'coordinator', 'bappeda'];
const WRITERS: Role[] = [...PLANNERS, 'opd_officer'];
const UPLOADERS: Role[] = [...WRITERS, 'assessor'];
const ASSESSOR: Role[] = ['national_admin', 'assessor'];
const NARRATORS: Role[] = [...PLANNERS, 'assessor'];
const adminOnly = (role: Role) => role === 'national_admin';

const ENDPOINTS: Endpoint[] = [
  // evidence files
  { name: 'POST /api/regions/{code}/files', allowed: UPLOADERS, attempt: async (c, region) => (await upload(c, region, `bukti-${++seq}.pdf`, evidence)).status },

  // monitoring: settings and periods
  { name: 'PUT …/monitoring/settings', allowed: PLANNERS, prepare: async (region) => (await must(admin.get(`/api/regions/${region}/monitoring/settings`), 'settings')).version,
    attempt: async (c, region, v) => (await c.put(`/api/regions/${region}/monitoring/settings`, { version: v, dueDays: 10 + (++seq % 20) })).status },
  { name: 'POST …/periods/generate', allowed: PLANNERS, attempt: async (c, region) => (await c.post(`/api/regions/${region}/periods/generate`, { year: fx.get(region)!.nextPeriodYear++ })).status },
  { name: 'PATCH /api/periods/{id} (due date)', allowed: PLANNERS, prepare: periodVersion,
    attempt: async (c, _r, p) => (await c.patch(`/api/periods/${p.id}`, { version: p.version, dueOn: `2100-01-${String(1 + (++seq % 28)).padStart(2, '0')}` })).status },
  { name: 'PATCH /api/periods/{id} (close/reopen)', allowed: PLANNERS, prepare: periodVersion,
    attempt: async (c, _r, p) => (await c.patch(`/api/periods/${p.id}`, { version: p.version, closed: !p.closed })).status },

  // monitoring: reports
  { name: 'POST /api/programs/{id}/reports', allowed: WRITERS, prepare: (region) => freshProgram(region),
    attempt: async (c, region, id) => (await c.post(`/api/programs/${id}/reports`, { periodId: fx.get(region)!.openPeriod })).status },
  { name: 'POST /api/programs/{id}/reports (other OPD)', allowed: PLANNERS, prepare: (region) => freshProgram(region, 'other'),
    attempt: async (c, region, id) => (await c.post(`/api/programs/${id}/reports`, { periodId: fx.get(region)!.openPeriod })).status },
  { name: 'PATCH /api/reports/{id}', allowed: WRITERS, prepare: draftReport,
    attempt: async (c, _r, d) => (await c.patch(`/api/reports/${d.id}`, { version: d.version, physicalPct: 25, narrative: 'Kemajuan' })).status },
  { name: 'POST /api/reports/{id}/submit', allowed: WRITERS, prepare: completeReport, attempt: async (c, _r, d) => (await c.post(`/api/reports/${d.id}/submit`, { version: d.version })).status },
  { name: 'POST /api/reports/{id}/return', allowed: PLANNERS, prepare: submittedReport,
    attempt: async (c, _r, d) => (await c.post(`/api/reports/${d.id}/return`, { version: d.version, comment: 'Lengkapi foto' })).status },
  { name: 'POST /api/reports/{id}/approve', allowed: PLANNERS, prepare: submittedReport, attempt: async (c, _r, d) => (await c.post(`/api/reports/${d.id}/approve`, { version: d.version })).status },
  ...(['dispar', 'other'] as const).map((lead): Endpoint => ({
    name: `PUT …/periods/{id}/kpi-values${lead === 'other' ? ' (other OPD)' : ''}`, allowed: lead === 'other' ? PLANNERS : WRITERS, prepare: (region) => programWithKpi(region, lead),
    attempt: async (c, region, p) => {
      const r = await c.put(`/api/regions/${region}/periods/${fx.get(region)!.openPeriod}/kpi-values`, {
        entries: [{ programId: p.programId, kpiId: p.kpiId, value: 7, clientId: `matrix-${++seq}-${region.replace('.', '_')}`, clientUpdatedAt: new Date().toISOString(), base: null }],
      });
      // Per-entry refusals come back in a 200: only a saved entry counts as allowed.
      return r.status === 200 && r.body.results[0].status !== 'saved' ? 403 : r.status;
    },
  })),

  // monitoring: notifications (the recipient only; for the public, someone's id)
  { name: 'POST /api/me/notifications/{id}/read (own)', allowed: (role) => role !== 'public',
    prepare: (region, role) => notification(userIds.get(role === 'public' ? 'coordinator' : role)!, region), attempt: async (c, _r, id) => (await c.post(`/api/me/notifications/${id}/read`)).status },
  { name: 'POST /api/me/notifications/{id}/read (other)', allowed: () => false,
    prepare: (region) => notification(stranger, region), attempt: async (c, _r, id) => (await c.post(`/api/me/notifications/${id}/read`)).status, effect: isRead },
  { name: 'POST /api/me/notifications/read-all', allowed: (role) => role !== 'public',
    prepare: (region, role) => notification(userIds.get(role === 'public' ? 'coordinator' : role)!, region), attempt: async (c) => (await c.post('/api/me/notifications/read-all')).status },

  // connectivity planner
  { name: 'POST …/connectivity/import', allowed: PLANNERS,
    prepare: async (region) => {
      // The region's own nodes, sent back unchanged: the attempt replaces them with themselves.
      const nodes = (await must(admin.get(`/api/regions/${region}/connectivity`), 'connectivity')).nodes as { id: string; name: string; lat: number; lng: number; kind: string }[];
      return { type: 'FeatureCollection', features: nodes.map((n) => ({ type: 'Feature', id: n.id, geometry: { type: 'Point', coordinates: [n.lng, n.lat] }, properties: { name: n.name, kind: n.kind } })) };
    },
    attempt: async (c, region, data) => (await c.post(`/api/regions/${region}/connectivity/import`, { nodes: { format: 'geojson', data, illustrative: true } })).status },
  { name: 'POST …/connectivity/jobs', allowed: PLANNERS, audited: false,
    attempt: async (c, region) => (await c.request('POST', `/api/regions/${region}/connectivity/jobs?wait=10000`, { objective: 'budget', budget: BUDGET })).status },
  // Runs take milliseconds, so whether a cancel still finds its run running is a race: here only
  // who may cancel is checked (the answer); that a cancel stops a run is tested in pool.test.ts
  // and api.test.ts.
  { name: 'DELETE /api/connectivity/jobs/{id}', allowed: PLANNERS, audited: false, prepare: runningJob,
    attempt: async (c, _r, id) => (await c.delete(`/api/connectivity/jobs/${id}`)).status,
    cleanup: async (id) => void await admin.delete(`/api/connectivity/jobs/${id}`) },
  { name: 'POST …/connectivity/scenarios', allowed: PLANNERS,
    attempt: async (c, region) => (await c.post(`/api/regions/${region}/connectivity/scenarios`, { name: `Skenario ${++seq}`, objective: 'budget', budget: BUDGET, plan: fx.get(region)!.plan })).status },
  { name: 'PATCH /api/connectivity/scenarios/{id}', allowed: PLANNERS, prepare: scenario,
    attempt: async (c, _r, s) => (await c.patch(`/api/connectivity/scenarios/${s.id}`, { version: s.version, name: `Ganti ${++seq}` })).status },
  { name: 'DELETE /api/connectivity/scenarios/{id}', allowed: PLANNERS, prepare: scenario, attempt: async (c, _r, s) => (await c.delete(`/api/connectivity/scenarios/${s.id}`)).status },
  { name: 'POST …/connectivity/scenarios/{id}/programs', allowed: PLANNERS, prepare: scenario, attempt: async (c, _r, s) => (await c.post(`/api/connectivity/scenarios/${s.id}/programs`)).status },

  // evaluation cycle
  { name: 'POST /api/regions/{code}/evaluations', allowed: PLANNERS,
    attempt: async (c, region) => (await c.post(`/api/regions/${region}/evaluations`, { year: cycleYear(region), instrument: INSTRUMENT })).status },
  { name: 'PUT …/evaluations/{year}/self-assessment', allowed: PLANNERS, prepare: openCycle,
    attempt: async (c, region, y) => (await c.put(evaluation(region, y.year, 'self-assessment'), { version: y.version, answers: answers() })).status },
  { name: 'POST …/evaluations/{year}/submit', allowed: PLANNERS, prepare: answeredCycle,
    attempt: async (c, region, y) => (await c.post(evaluation(region, y.year, 'submit'), { version: y.version })).status },
  { name: 'PUT …/evaluations/{year}/validation', allowed: ASSESSOR, prepare: submittedCycle,
    attempt: async (c, region, y) => (await c.put(evaluation(region, y.year, 'validation'), { version: y.version, answers: { [indicator.key]: { level: indicator.level, reason: 'Sesuai' } }, interviewNotes: 'Wawancara' })).status },
  { name: 'PUT …/evaluations/{year}/narrative', allowed: NARRATORS, prepare: submittedCycle,
    attempt: async (c, region, y) => (await c.put(evaluation(region, y.year, 'narrative'), { version: y.version, strengths: ['Data lengkap'], weaknesses: [], recommendations: ['Lanjutkan'] })).status },
  { name: 'POST …/evaluations/{year}/finalize', allowed: ASSESSOR, prepare: submittedCycle,
    attempt: async (c, region, y) => (await c.post(evaluation(region, y.year, 'finalize'), { version: y.version })).status },

  // evaluation instruments (national, not of a region: the same attempt in both columns)
  { name: 'POST /api/evaluation/instruments', allowed: adminOnly,
    attempt: async (c) => (await c.post('/api/evaluation/instruments', { text: SMALL.replace('id: kecil-2025', `id: matriks-${++seq}`) })).status },
  { name: 'POST /api/evaluation/instruments/check', allowed: adminOnly, audited: false,
    attempt: async (c) => (await c.post('/api/evaluation/instruments/check', { text: SMALL.replace('id: kecil-2025', `id: matriks-${++seq}`) })).status },
];

async function regionFixture(region: string): Promise<RegionFixture> {
  const plan = await must(admin.get(`/api/regions/${region}/masterplan`), 'masterplan');
  const dispar = plan.opds.find((o: { abbreviation: string }) => o.abbreviation === 'Dispar').id;
  const other = plan.opds.find((o: { abbreviation: string }) => o.abbreviation === 'Bappeda').id;
  const periods = await must(admin.get(`/api/regions/${region}/periods?year=2026`), 'periods');
  const open = periods.filter((p: { state: string }) => p.state === 'open').at(-1);
  if (!open) throw new Error(`no open period in ${region}`);
  // A far period to edit and close, away from the ones the reports use.
  const far = await must(admin.post(`/api/regions/${region}/periods/generate`, { year: 2099 }), 'far periods');
  const job = await must(admin.request('POST', `/api/regions/${region}/connectivity/jobs?wait=10000`, { objective: 'budget', budget: BUDGET }), 'plan');
  if (job.status !== 'done') throw new Error(`plan of ${region}: ${job.status}`);
  return { planId: plan.id, dispar, other, openPeriod: open.id, editPeriod: far.periods[0].id, plan: job.plan, nextYear: 2030, nextPeriodYear: 2040 };
}

beforeAll(async () => {
  h = await apiHarness();
  admin = await h.as(EMAIL.national_admin);
  evidence = await pdf('Bukti matriks');
  for (const r of [OWN, FOREIGN]) fx.set(r, await regionFixture(r));
  clients.set('public', h.client());
  for (const role of ROLES) {
    if (role === 'public') continue;
    const c = await h.as(EMAIL[role]);
    clients.set(role, c);
    userIds.set(role, (await c.get('/api/me')).body.user.id);
  }
  stranger = (await must(admin.post('/api/users', { email: 'matriks.lain@example.id', name: 'Orang Lain', role: 'council', regionCode: OWN }), 'user')).user.id;
  const inst = await must(admin.get(`/api/evaluation/instruments/${INSTRUMENT}`), 'instrument');
  const first = inst.components[0].aspects[0].indicators[0];
  indicator = { key: first.key, level: first.levels.at(-1).level };
}, 180_000);

afterAll(async () => {
  const header = `${'endpoint'.padEnd(48)} ${ROLES.map((r) => r.slice(0, 11).padEnd(11)).join(' ')}`;
  console.log(['', `Authorization matrix of the modules (own region ${OWN} / foreign ${FOREIGN}; ✓ allowed, · denied):`, header, ...matrix,
    `${matrix.length} endpoints × ${ROLES.length} roles × 2 regions = ${matrix.length * ROLES.length * 2} attempts; violations: ${violations}`].join('\n'));
  await h?.close();
});

describe('authorization matrix of the modules', () => {
  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s', async (_name, endpoint) => {
    const cells: string[] = [];
    for (const role of ROLES) {
      const marks: string[] = [];
      for (const region of [OWN, FOREIGN]) {
        const a = endpoint.allowed;
        const expected = typeof a === 'function' ? a(role, region) : a.includes(role) && (region === OWN || role === 'national_admin');
        const prepared = await endpoint.prepare?.(region, role);
        const before = await writeAudits();
        const status = await endpoint.attempt(clients.get(role)!, region, prepared);
        const audited = (await writeAudits()) > before;
        const effect = endpoint.effect ? await endpoint.effect(prepared) : endpoint.audited === false ? ok(status) : audited;
        await endpoint.cleanup?.(prepared);
        const good = expected ? ok(status) && effect && (endpoint.audited === false || audited) : [401, 403, 404].includes(status) && !effect && !audited;
        if (!good) violations++;
        expect(good, `${endpoint.name} as ${role} in ${region}: expected ${expected ? '2xx and the write done' : 'denied and nothing written'}, got ${status}${audited ? ' (audited)' : ''}${effect ? ' (took effect)' : ''}`).toBe(true);
        marks.push(ok(status) ? '✓' : '·');
      }
      cells.push(marks.join('/').padEnd(11));
    }
    matrix.push(`${endpoint.name.padEnd(48)} ${cells.join(' ')}`);
  }, 120_000);
});
