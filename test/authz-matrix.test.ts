/**
 * Authorization matrix: every write endpoint, tried by every role, in its own region and in a
 * foreign one. Expectations come from the role table of docs/api.md (not from the policy code).
 * A denied attempt must answer 401/403/404 and leave no trace in the audit log (every write
 * audits in its own transaction, so no audit entry means nothing was written).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, Client, type Harness } from './support/api.ts';
import { EMAIL, FOREIGN, OWN, ROLES, type Role } from './support/roles.ts';


let h: Harness;
let admin: Client;
const clients = new Map<Role, Client>();
const matrix: string[] = [];
let violations = 0;

interface RegionFixture { planId: string; dispar: string; otherOpd: string; disparProgram: string; otherProgram: string }
const fx = new Map<string, RegionFixture>();

const ok = (s: number) => s >= 200 && s < 300;
const writeAudits = async () => Number((await h.database.exec(`select count(*)::int as n from audit_log where action not like 'auth.%'`)).rows[0]!.n);

async function fixture(region: string): Promise<RegionFixture> {
  const plan = (await h.get(`/api/regions/${region}/masterplan`)).body;
  const dispar = plan.opds.find((o: { abbreviation: string }) => o.abbreviation === 'Dispar').id;
  const otherOpd = plan.opds.find((o: { abbreviation: string }) => o.abbreviation === 'Bappeda').id;
  return { planId: plan.id, dispar, otherOpd, disparProgram: await freshProgram(region, dispar, plan.id), otherProgram: await freshProgram(region, otherOpd, plan.id) };
}

let seq = 0;
async function freshProgram(region: string, leadOpdId: string, planId = fx.get(region)!.planId): Promise<string> {
  const r = await admin.post('/api/programs', { masterplanId: planId, code: `MX-${++seq}`, title: `Matriks ${seq}`, elementKey: 'branding.tourism', leadOpdId, horizon: 'short', startYear: 2026, endYear: 2026 });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body.program.id;
}
const version = async (path: string) => (await admin.get(path)).body.version as number;
async function freshKpi(programId: string) {
  return (await admin.post('/api/kpis', { programId, name: 'Pengunjung', unit: 'orang', polarity: 'higher', targets: [{ year: 2026, value: 10 }] })).body.kpi.id as string;
}
async function freshChange(region: string): Promise<string> {
  const f = fx.get(region)!;
  // The officer's proposal is part of the preparation; only the decision is the attempt.
  const officer = await h.as(region === OWN ? EMAIL.opd_officer : 'opd.paser@demo.pilar.id');
  const r = await officer.patch(`/api/programs/${f.disparProgram}`, { version: await version(`/api/programs/${f.disparProgram}`), description: `usulan ${++seq}` });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body.change.id;
}
async function freshUser(region: string) {
  return (await admin.post('/api/users', { email: `mx${++seq}@x.id`, name: 'Matriks', role: 'council', regionCode: region })).body.user.id as string;
}

/** prepare() makes what the attempt needs (as the admin); only attempt() runs as the role under test. */
interface Endpoint { name: string; allowed: Role[]; prepare?(region: string): Promise<any>; attempt(c: Client, region: string, p: any): Promise<number> }

const EDITORS: Role[] = ['national_admin', 'coordinator', 'bappeda'];
const programBody = (region: string, leadOpdId: string) => ({ masterplanId: fx.get(region)!.planId, code: `NP-${++seq}`, title: 'Baru', elementKey: 'branding.tourism', leadOpdId, horizon: 'short', startYear: 2026, endYear: 2026 });
const newOpd = async (region: string) => (await admin.post('/api/opds', { regionCode: region, name: `Dinas ${++seq}`, abbreviation: `D${seq}` })).body;
const qw = async (region: string) => (await admin.put('/api/quick-wins', { masterplanId: fx.get(region)!.planId, year: 2026, dimensionKey: 'branding', programId: fx.get(region)!.disparProgram, progress: 5 })).body;

const ENDPOINTS: Endpoint[] = [
  { name: 'POST /api/masterplans', allowed: ['national_admin'], attempt: async (c, region) => (await c.post('/api/masterplans', { regionCode: region === OWN ? '64.03' : '64.08', title: `MP ${++seq}`, periodStart: 2000 + seq, periodEnd: 2001 + seq })).status },
  { name: 'PATCH /api/masterplans/{id}', allowed: EDITORS, prepare: async (region) => (await admin.get(`/api/regions/${region}/masterplan`)).body.version,
    attempt: async (c, region, v) => (await c.patch(`/api/masterplans/${fx.get(region)!.planId}`, { version: v, vision: `v${++seq}` })).status },
  { name: 'PUT /api/masterplans/{id}/readiness', allowed: EDITORS, attempt: async (c, region) => (await c.put(`/api/masterplans/${fx.get(region)!.planId}/readiness`, { dimensionKey: 'living', aspect: 'struktur', summary: `s${++seq}`, swot: [] })).status },
  { name: 'POST /api/opds', allowed: ['national_admin', 'coordinator'], attempt: async (c, region) => (await c.post('/api/opds', { regionCode: region, name: `Dinas ${++seq}`, abbreviation: `N${seq}` })).status },
  { name: 'PATCH /api/opds/{id}', allowed: ['national_admin', 'coordinator'], prepare: newOpd, attempt: async (c, _r, o) => (await c.patch(`/api/opds/${o.id}`, { version: o.version, name: 'Ganti' })).status },
  { name: 'DELETE /api/opds/{id}', allowed: ['national_admin', 'coordinator'], prepare: newOpd, attempt: async (c, _r, o) => (await c.delete(`/api/opds/${o.id}`)).status },
  { name: 'POST /api/programs (lead = officer OPD)', allowed: [...EDITORS, 'opd_officer'], attempt: async (c, region) => (await c.post('/api/programs', programBody(region, fx.get(region)!.dispar))).status },
  { name: 'POST /api/programs (lead = other OPD)', allowed: EDITORS, attempt: async (c, region) => (await c.post('/api/programs', programBody(region, fx.get(region)!.otherOpd))).status },
  { name: 'PATCH /api/programs/{id} (officer OPD)', allowed: [...EDITORS, 'opd_officer'], prepare: (region) => version(`/api/programs/${fx.get(region)!.disparProgram}`),
    attempt: async (c, region, v) => (await c.patch(`/api/programs/${fx.get(region)!.disparProgram}`, { version: v, title: `Judul ${++seq}` })).status },
  { name: 'PATCH /api/programs/{id} (other OPD)', allowed: EDITORS, prepare: (region) => version(`/api/programs/${fx.get(region)!.otherProgram}`),
    attempt: async (c, region, v) => (await c.patch(`/api/programs/${fx.get(region)!.otherProgram}`, { version: v, title: `Judul ${++seq}` })).status },
  { name: 'DELETE /api/programs/{id}', allowed: EDITORS, prepare: (region) => freshProgram(region, fx.get(region)!.dispar), attempt: async (c, _r, id) => (await c.delete(`/api/programs/${id}`)).status },
  { name: 'POST /api/programs/{id}/restore', allowed: [...EDITORS, 'opd_officer'], prepare: (region) => version(`/api/programs/${fx.get(region)!.disparProgram}`),
    attempt: async (c, region, v) => (await c.post(`/api/programs/${fx.get(region)!.disparProgram}/restore`, { version: 1, currentVersion: v })).status },
  { name: 'POST /api/kpis', allowed: [...EDITORS, 'opd_officer'], attempt: async (c, region) => (await c.post('/api/kpis', { programId: fx.get(region)!.disparProgram, name: `K${++seq}`, unit: 'unit', polarity: 'higher' })).status },
  { name: 'PATCH /api/kpis/{id}', allowed: [...EDITORS, 'opd_officer'], prepare: (region) => freshKpi(fx.get(region)!.disparProgram), attempt: async (c, _r, k) => (await c.patch(`/api/kpis/${k}`, { version: 1, name: `K${++seq}` })).status },
  { name: 'DELETE /api/kpis/{id}', allowed: EDITORS, prepare: (region) => freshKpi(fx.get(region)!.disparProgram), attempt: async (c, _r, k) => (await c.delete(`/api/kpis/${k}`)).status },
  { name: 'PUT /api/quick-wins', allowed: EDITORS, attempt: async (c, region) => (await c.put('/api/quick-wins', { masterplanId: fx.get(region)!.planId, year: 2026, dimensionKey: 'branding', programId: fx.get(region)!.disparProgram, progress: ++seq % 100 })).status },
  { name: 'DELETE /api/quick-wins/{id}', allowed: EDITORS, prepare: qw, attempt: async (c, _r, q) => (await c.delete(`/api/quick-wins/${q.id}`)).status },
  { name: 'POST /api/changes/{id}/approve', allowed: EDITORS, prepare: freshChange, attempt: async (c, _r, id) => (await c.post(`/api/changes/${id}/approve`)).status },
  { name: 'POST /api/changes/{id}/reject', allowed: EDITORS, prepare: freshChange, attempt: async (c, _r, id) => (await c.post(`/api/changes/${id}/reject`, { comment: 'Tidak' })).status },
  { name: 'POST /api/users', allowed: ['national_admin', 'coordinator'], attempt: async (c, region) => (await c.post('/api/users', { email: `new${++seq}@x.id`, name: 'Baru', role: 'council', regionCode: region })).status },
  { name: 'PATCH /api/users/{id}', allowed: ['national_admin', 'coordinator'], prepare: freshUser, attempt: async (c, _r, id) => (await c.patch(`/api/users/${id}`, { name: 'Ganti' })).status },
  { name: 'POST /api/users/{id}/reset-password', allowed: ['national_admin', 'coordinator'], prepare: freshUser, attempt: async (c, _r, id) => (await c.post(`/api/users/${id}/reset-password`)).status },
  { name: 'POST /api/tokens', allowed: ['national_admin', 'coordinator'], attempt: async (c, region) => (await c.post('/api/tokens', { name: `t${++seq}`, regionCode: region, role: 'council' })).status },
  { name: 'DELETE /api/tokens/{id}', allowed: ['national_admin', 'coordinator'], prepare: async (region) => (await admin.post('/api/tokens', { name: `t${++seq}`, regionCode: region, role: 'council' })).body.id,
    attempt: async (c, _r, id) => (await c.delete(`/api/tokens/${id}`)).status },
];

beforeAll(async () => {
  h = await apiHarness();
  admin = await h.as(EMAIL.national_admin);
  for (const r of [OWN, FOREIGN]) fx.set(r, { planId: '', dispar: '', otherOpd: '', disparProgram: '', otherProgram: '' });
  for (const r of [OWN, FOREIGN]) fx.set(r, await fixture(r));
  clients.set('public', h.client());
  for (const role of ROLES) if (role !== 'public') clients.set(role, await h.as(EMAIL[role]));
}, 120_000);

afterAll(async () => {
  const header = `${'endpoint'.padEnd(42)} ${ROLES.map((r) => r.slice(0, 11).padEnd(11)).join(' ')}`;
  console.log(['', 'Authorization matrix (own region 64.02 / foreign 64.01; ✓ allowed, · denied):', header, ...matrix, `violations: ${violations}`].join('\n'));
  await h.close();
});

describe('authorization matrix', () => {
  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s', async (_name, endpoint) => {
    const cells: string[] = [];
    for (const role of ROLES) {
      const marks: string[] = [];
      for (const region of [OWN, FOREIGN]) {
        const expected = endpoint.allowed.includes(role) && (region === OWN || role === 'national_admin');
        const prepared = await endpoint.prepare?.(region);
        const before = await writeAudits();
        const status = await endpoint.attempt(clients.get(role)!, region, prepared);
        const wrote = (await writeAudits()) > before;
        const good = expected ? ok(status) && wrote : [401, 403, 404].includes(status) && !wrote;
        if (!good) violations++;
        expect(good, `${endpoint.name} as ${role} in ${region}: expected ${expected ? '2xx and an audited write' : 'denied and nothing written'}, got ${status}${wrote ? ' (wrote)' : ''}`).toBe(true);
        marks.push(ok(status) ? '✓' : '·');
      }
      cells.push(marks.join('/').padEnd(11));
    }
    matrix.push(`${endpoint.name.padEnd(42)} ${cells.join(' ')}`);
  });
});

describe('unpublished data', () => {
  it('is invisible to the public and to foreign regions, visible to the region and its assessor', async () => {
    const officer = clients.get('opd_officer')!;
    const f = fx.get(OWN)!;
    const created = await officer.post('/api/programs', { masterplanId: f.planId, code: 'HIDDEN-1', title: 'Rahasia Draf', elementKey: 'branding.tourism', leadOpdId: f.dispar, horizon: 'short', startYear: 2026, endYear: 2026 });
    const id = created.body.program.id;
    const outsiders = [h.client(), await h.as('koordinator.paser@demo.pilar.id'), await h.as('dewan.paser@demo.pilar.id'), await h.as('asesor.paser@demo.pilar.id'), await h.as('bappeda.paser@demo.pilar.id')];
    const insiders = [clients.get('coordinator')!, clients.get('council')!, clients.get('assessor')!, clients.get('bappeda')!, officer, admin];
    const seen = async (c: Client) => {
      const one = await c.get(`/api/programs/${id}`);
      const list = await c.get(`/api/regions/${OWN}/programs?limit=200&q=Rahasia`);
      const opd = await c.get(`/api/opds/${f.dispar}`);
      const hist = await c.get(`/api/programs/${id}/history`);
      const leaks = [one.status === 200, list.body.total > 0, JSON.stringify(opd.body).includes('Rahasia'), hist.status === 200];
      return leaks.filter(Boolean).length;
    };
    let leaked = 0;
    for (const c of outsiders) leaked += await seen(c);
    for (const c of outsiders.slice(1)) expect((await c.get(`/api/regions/${OWN}/changes`)).status).toBe(403);
    expect(leaked).toBe(0);
    for (const c of insiders) expect(await seen(c)).toBe(4);
    const pub = (await h.get(`/api/regions/${OWN}/masterplan`)).body.totals.programCount;
    const ins = (await clients.get('council')!.get(`/api/regions/${OWN}/masterplan`)).body.totals.programCount;
    expect(ins).toBeGreaterThan(pub);
    console.log(`unpublished program seen by outsiders: ${leaked} of ${outsiders.length * 4} reads`);
  });
});
