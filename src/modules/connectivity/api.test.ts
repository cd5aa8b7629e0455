import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as mupdf from 'mupdf';
import { parse } from 'csv-parse/sync';
import { apiHarness, type Client, type Harness } from '../../../test/support/api.ts';
import { DEFAULT_CATALOGUE } from './catalogue.ts';
import { verifyPlan, type Plan } from './plan.ts';

let h: Harness;
let kukar: Client;
const BUDGET = 4_900_000_000;

/** The region's data as the solver sees it, from the API (for verifyPlan). */
async function inputsOf(c: Client, code: string, priorityWeight = 0, radiusKm = DEFAULT_CATALOGUE.tower.radiusKm) {
  const r = (await c.get(`/api/regions/${code}/connectivity`)).body;
  return {
    villages: r.villages.map((v: { code: string; name: string; lat: number; lng: number; population: number; signal: 'none'; school: boolean; health: boolean; office: boolean }) => ({
      code: v.code, name: v.name, lat: v.lat, lng: v.lng, population: v.population, signal: v.signal, weight: v.school || v.health || v.office ? 1 + priorityWeight : 1,
    })),
    nodes: r.nodes.map((n: { id: string; name: string; lat: number; lng: number; kind: 'fibre' }) => ({ id: n.id, name: n.name, lat: n.lat, lng: n.lng, kind: n.kind })),
    catalogue: DEFAULT_CATALOGUE, options: { goal: '4g' as const, radiusKm },
  };
}

beforeAll(async () => {
  h = await apiHarness();
  kukar = await h.as('koordinator.kukar@demo.pilar.id');
});
afterAll(() => h.close());

describe('region data', () => {
  it('the demo has Kukar\'s villages from the real centroids, 18 without signal, all marked illustrative', async () => {
    const r = await kukar.get('/api/regions/64.02/connectivity');
    expect(r.status).toBe(200);
    expect(r.body.villages.length).toBeGreaterThan(200);
    expect(r.body.summary.bySignal.none).toBe(18);
    expect(r.body.summary.illustrative).toBe(true);
    expect(r.body.villages.every((v: { code: string; illustrative: boolean }) => v.code.startsWith('64.02.') && v.illustrative)).toBe(true);
    const kubar = await (await h.as('koordinator.kubar@demo.pilar.id')).get('/api/regions/64.07/connectivity');
    const sendawar = kubar.body.nodes.find((n: { id: string }) => n.id === 'palapa-sendawar');
    expect(sendawar).toMatchObject({ kind: 'fibre', illustrative: false });
  });

  it('only the region\'s coordinator, Bappeda and the national admin may plan', async () => {
    expect((await h.get('/api/regions/64.02/connectivity')).status).toBe(401);
    for (const email of ['opd.kukar@demo.pilar.id', 'koordinator.paser@demo.pilar.id', 'asesor.kukar@demo.pilar.id', 'dewan.kukar@demo.pilar.id']) {
      const c = await h.as(email);
      const r = await c.get('/api/regions/64.02/connectivity');
      expect(r.status, email).toBe(403);
      expect((await c.post('/api/regions/64.02/connectivity/jobs', { objective: 'cover-all' })).status, email).toBe(403);
      expect((await c.get('/api/regions/64.02/connectivity/scenarios')).status, email).toBe(403);
    }
    for (const email of ['bappeda.kukar@demo.pilar.id', 'admin@demo.pilar.id']) expect((await (await h.as(email)).get('/api/regions/64.02/connectivity')).status, email).toBe(200);
  });
});

describe('import', () => {
  const header = 'code,name,lat,lng,population,signal,school\n';
  it('refuses a bad row naming line and field, and saves nothing', async () => {
    const before = (await kukar.get('/api/regions/64.02/connectivity')).body.villages.length;
    const bad = await kukar.post('/api/regions/64.02/connectivity/import', {
      villages: { format: 'csv', data: `${header}64.02.01.2001,A,-0.5,116.9,100,none,1\n64.02.01.2002,B,north,116.9,100,none,0\n` },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('villages.csv:3.lat');
    const outside = await kukar.post('/api/regions/64.02/connectivity/import', {
      villages: { format: 'csv', data: `${header}64.02.01.2001,A,-0.5,116.9,100,none,1\n64.01.01.2001,B,-1.5,116.1,100,none,0\n` },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.field).toBe('villages.csv:3.code');
    expect(outside.body.error.message.en).toContain('not a village of 64.02');
    const flag = await kukar.post('/api/regions/64.02/connectivity/import', { villages: { format: 'csv', data: `${header}64.02.01.2001,A,-0.5,116.9,100,none,maybe\n` } });
    expect(flag.body.error.field).toBe('villages.csv:2.school');
    const geo = await kukar.post('/api/regions/64.02/connectivity/import', {
      nodes: { format: 'geojson', data: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [116, -0.5] }, properties: { id: 'x', kind: 'satellite' } }] } },
    });
    expect(geo.status).toBe(400);
    expect(geo.body.error.field).toBe('nodes.geojson:features[0].properties.kind');
    expect((await kukar.get('/api/regions/64.02/connectivity')).body.villages.length).toBe(before);
  });

  it('replaces a region\'s data from CSV and GeoJSON (Paser, by its coordinator)', async () => {
    const paser = await h.as('koordinator.paser@demo.pilar.id');
    const villages = (await paser.get('/api/regions/64.01/connectivity')).body.villages.slice(0, 3);
    const csv = header + villages.map((v: { code: string; name: string; lat: number; lng: number }, i: number) => `${v.code},${v.name},${v.lat},${v.lng},${100 * (i + 1)},${i ? '4g' : 'none'},${i === 0 ? 'ya' : ''}`).join('\n');
    const r = await paser.post('/api/regions/64.01/connectivity/import', {
      villages: { format: 'csv', data: csv, source: 'Survei Diskominfo 2025' },
      nodes: { format: 'geojson', data: { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'pop-1', geometry: { type: 'Point', coordinates: [116.2, -1.9] }, properties: { name: 'PoP', kind: 'fibre' } }] } },
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ villages: 3, nodes: 1 });
    const after = (await paser.get('/api/regions/64.01/connectivity')).body;
    expect(after.villages.map((v: { code: string }) => v.code)).toEqual(villages.map((v: { code: string }) => v.code));
    expect(after.villages[0]).toMatchObject({ signal: 'none', school: true, illustrative: false, source: 'Survei Diskominfo 2025' });
    expect(after.nodes).toEqual([expect.objectContaining({ id: 'pop-1', kind: 'fibre' })]);
  });
});

describe('solving and scenarios', () => {
  let plan: Plan;
  let scenario: { id: string; version: number };

  it('a job solves the budget of Rp 4.9 billion in a worker; the plan is verified independently', async () => {
    const r = await kukar.request('POST', '/api/regions/64.02/connectivity/jobs?wait=10000', { objective: 'budget', budget: BUDGET, priorityWeight: 0.5 });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('done');
    plan = r.body.plan;
    expect(plan.totalCost).toBeLessThanOrEqual(BUDGET);
    expect(plan.coveredVillages.length).toBeGreaterThan(0);
    expect(verifyPlan(await inputsOf(kukar, '64.02', 0.5), plan)).toEqual([]);
    const poll = await kukar.get(`/api/connectivity/jobs/${r.body.id}`);
    expect(poll.body).toMatchObject({ status: 'done', progress: 1 });
    expect((await (await h.as('koordinator.paser@demo.pilar.id')).get(`/api/connectivity/jobs/${r.body.id}`)).status).toBe(404);
  });

  it('an exact run can be cancelled', async () => {
    const r = await kukar.post('/api/regions/64.02/connectivity/jobs', { objective: 'cover-all', method: 'exact', radiusKm: 20 });
    expect([200, 202]).toContain(r.status);
    const c = await kukar.delete(`/api/connectivity/jobs/${r.body.id}`);
    expect(['cancelled', 'done']).toContain(c.body.status);
  });

  it('bad parameters name the field', async () => {
    const r = await kukar.post('/api/regions/64.02/connectivity/jobs', { objective: 'budget' });
    expect(r.body.error.field).toBe('budget');
    const c = await kukar.post('/api/regions/64.02/connectivity/jobs', { objective: 'cover-all', catalogue: { ...DEFAULT_CATALOGUE, tower: { ...DEFAULT_CATALOGUE.tower, radiusKm: -1 } } });
    expect(c.body.error.field).toBe('catalogue.tower.radiusKm');
  });

  it('saves a scenario with the plan shown (verified) and refuses a tampered plan', async () => {
    const tampered = await kukar.post('/api/regions/64.02/connectivity/scenarios', { name: 'X', objective: 'budget', budget: BUDGET, plan: { ...plan, totalCost: plan.totalCost - 1 } });
    expect(tampered.status).toBe(400);
    expect(tampered.body.error.field).toBe('plan');
    const r = await kukar.post('/api/regions/64.02/connectivity/scenarios', { name: 'APBD 2026 Rp 4,9 M', objective: 'budget', budget: BUDGET, priorityWeight: 0.5, plan });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: 'APBD 2026 Rp 4,9 M', totalCost: plan.totalCost, illustrative: true, version: 1 });
    scenario = r.body;
    const list = (await kukar.get('/api/regions/64.02/connectivity/scenarios')).body;
    expect(list.map((s: { id: string }) => s.id)).toContain(scenario.id);
    expect((await (await h.as('koordinator.paser@demo.pilar.id')).get(`/api/connectivity/scenarios/${scenario.id}`)).status).toBe(404);
  });

  it('a stale version answers 409; a change of budget re-plans', async () => {
    const bappeda = await h.as('bappeda.kukar@demo.pilar.id');
    const first = await bappeda.patch(`/api/connectivity/scenarios/${scenario.id}`, { version: 1, name: 'Diubah Bappeda' });
    expect(first.status).toBe(200);
    // A rename keeps the parameters and the plan.
    expect(first.body).toMatchObject({ name: 'Diubah Bappeda', version: 2, goal: '4g', priorityWeight: 0.5, totalCost: plan.totalCost });
    expect(first.body.plan).toEqual(plan);
    const stale = await kukar.patch(`/api/connectivity/scenarios/${scenario.id}`, { version: 1, name: 'Diubah koordinator' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.field).toBe('version');
    const replanned = await kukar.patch(`/api/connectivity/scenarios/${scenario.id}`, { version: 2, budget: 10_000_000_000 });
    expect(replanned.status).toBe(200);
    expect(replanned.body.plan.budget).toBe(10_000_000_000);
    expect(replanned.body.coveredPopulation).toBeGreaterThanOrEqual(plan.coveredPopulation);
    expect(replanned.body.priorityWeight).toBe(0.5);
    expect(verifyPlan(await inputsOf(kukar, '64.02', 0.5), replanned.body.plan)).toEqual([]);
    scenario = replanned.body;
  });

  it('compares scenarios side by side', async () => {
    const other = (await kukar.post('/api/regions/64.02/connectivity/scenarios', {
      name: 'Semua desa, radius 12 km', objective: 'cover-all', radiusKm: 12, catalogue: { ...DEFAULT_CATALOGUE, tower: { ...DEFAULT_CATALOGUE.tower, capex: 500_000_000 } },
    })).body;
    expect(other.plan.coveredVillages.length).toBe(other.plan.targetCount);
    expect(verifyPlan({ ...(await inputsOf(kukar, '64.02', 0, 12)), catalogue: { ...DEFAULT_CATALOGUE, tower: { ...DEFAULT_CATALOGUE.tower, capex: 500_000_000 } } }, other.plan)).toEqual([]);
    const r = await kukar.get(`/api/regions/64.02/connectivity/compare?ids=${scenario.id},${other.id}`);
    expect(r.status).toBe(200);
    expect(r.body.scenarios.map((s: { name: string }) => s.name)).toEqual(['Diubah Bappeda', 'Semua desa, radius 12 km']);
    expect(r.body.scenarios[1]).toMatchObject({ objective: 'cover-all', radiusKm: 12 });
    expect(r.body.catalogueDifferences).toEqual([{ field: 'tower.capex', values: [DEFAULT_CATALOGUE.tower.capex, 500_000_000] }]);
  });

  it('exports CSV rows, GeoJSON features and a PDF matching the plan', async () => {
    const s = (await kukar.get(`/api/connectivity/scenarios/${scenario.id}`)).body;
    const csv = await kukar.get(`/api/connectivity/scenarios/${scenario.id}/plan.csv`);
    expect(csv.status).toBe(200);
    const rows = parse(csv.body, { columns: true }) as { kind: string; site: string; cost_idr: string }[];
    expect(rows.filter((r) => r.kind === 'tower').map((r) => r.site)).toEqual(s.plan.towers.map((t: { site: string }) => t.site));
    expect(rows.filter((r) => r.kind === 'vsat').length).toBe(s.plan.vsat.length);
    expect(rows.reduce((sum, r) => sum + Number(r.cost_idr), 0)).toBe(s.plan.totalCost);
    const geo = await kukar.get(`/api/connectivity/scenarios/${scenario.id}/plan.geojson`);
    const fc = typeof geo.body === 'string' ? JSON.parse(geo.body) : geo.body;
    expect(fc.type).toBe('FeatureCollection');
    const kinds = (k: string) => fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind === k);
    expect(kinds('tower').length).toBe(s.plan.towers.length);
    expect(kinds('vsat').length).toBe(s.plan.vsat.length);
    expect(kinds('village').filter((f: { properties: { covered: boolean } }) => f.properties.covered).length).toBe(s.plan.coveredVillages.length);
    const pdf = await h.app.inject({ method: 'GET', url: `/api/connectivity/scenarios/${scenario.id}/plan.pdf`, headers: { cookie: kukar.cookie } });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const doc = mupdf.Document.openDocument(pdf.rawPayload, 'application/pdf');
    expect(doc.countPages()).toBeGreaterThanOrEqual(2);
    const text = doc.loadPage(0).toStructuredText("preserve-whitespace").asText();
    expect(text).toContain('Rencana Konektivitas');
    expect(text).toContain('ILUSTRATIF');
    expect((await (await h.as('opd.kukar@demo.pilar.id')).get(`/api/connectivity/scenarios/${scenario.id}/plan.csv`)).status).toBe(404);
  });

  it('turns the sites into masterplan programs once', async () => {
    const s = (await kukar.get(`/api/connectivity/scenarios/${scenario.id}`)).body;
    const r = await kukar.post(`/api/connectivity/scenarios/${scenario.id}/programs`);
    expect(r.status).toBe(201);
    expect(r.body.leadOpd).toBe('Diskominfo');
    expect(r.body.programs.length).toBe(s.plan.towers.length + (s.plan.vsat.length ? 1 : 0));
    const total = r.body.programs.reduce((sum: number, p: { amount: number }) => sum + p.amount, 0);
    expect(total).toBe(s.plan.totalCost);
    const program = (await kukar.get(`/api/programs/${r.body.programs[0].id}`)).body;
    expect(program.elementKey ?? program.element?.key).toBe('governance.public-service');
    expect(program.locations.length).toBeGreaterThan(0);
    expect(program.illustrative).toBe(true);
    const again = await kukar.post(`/api/connectivity/scenarios/${scenario.id}/programs`);
    expect(again.status).toBe(409);
    expect(again.body.error.field).toBe('programs');
    const audit = (await kukar.get('/api/audit?region=64.02&action=connectivity.scenario.programs')).body;
    expect(audit.items.length).toBe(1);
  });

  it('deletes a scenario', async () => {
    const made = (await kukar.post('/api/regions/64.02/connectivity/scenarios', { name: 'Sementara', objective: 'budget', budget: 1_000_000_000 })).body;
    expect((await kukar.delete(`/api/connectivity/scenarios/${made.id}`)).status).toBe(200);
    expect((await kukar.get(`/api/connectivity/scenarios/${made.id}`)).status).toBe(404);
  });
});
