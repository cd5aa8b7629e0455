import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness } from '../../../test/support/api.ts';

let h: Awaited<ReturnType<typeof apiHarness>>;
beforeAll(async () => { h = await apiHarness(); });
afterAll(() => h.close());

const DEMO = ['64.02', '64.01', '64.09', '64.07'];

describe('framework', () => {
  it('GET /api/framework: 6 dimensions, 18 elements, in Indonesian and English', async () => {
    const { status, body } = await h.get('/api/framework');
    expect(status).toBe(200);
    expect(body.version).toBe('gmsc-2017');
    expect(body.dimensions.map((d: { key: string }) => d.key)).toEqual(['governance', 'branding', 'economy', 'living', 'society', 'environment']);
    const els = body.dimensions.flatMap((d: { elements: unknown[] }) => d.elements);
    expect(els).toHaveLength(18);
    for (const e of els) expect(e.name.id && e.name.en).toBeTruthy();
    expect(body.dimensions[0].elements[0]).toEqual({ key: 'governance.public-service', name: { id: 'Pelayanan Publik', en: 'Public Service' } });
    expect((await h.get('/api/framework?version=nope')).status).toBe(404);
  });
});

describe('quick wins', () => {
  it("Kukar 2022: six, one per dimension, named as in the seed", async () => {
    const { body } = await h.get('/api/regions/64.02/quick-wins?year=2022');
    expect(body).toHaveLength(6);
    expect(Object.fromEntries(body.map((q: { dimension: string; program: { title: string } }) => [q.dimension, q.program.title]))).toEqual({
      governance: 'Becik', branding: 'Kukar Asia Wonders', economy: 'Bangmus Kebulan',
      society: 'Kidung', living: 'Siruni', environment: 'Smart Bio Village',
    });
    for (const q of body) expect(q).toMatchObject({ year: 2022, opd: { id: expect.any(String), abbreviation: expect.any(String) }, program: { id: expect.any(String) } });
  });

  it('Kukar 2021 items and a default year', async () => {
    const { body } = await h.get('/api/regions/64.02/quick-wins?year=2021');
    const titles = body.map((q: { program: { title: string } }) => q.program.title).join(' | ');
    for (const name of ['Idaman RT', 'Kukar Asia Wonders', 'UMKM', 'KIM', 'Simpel BPJS', 'Bank Sampah']) expect(titles).toContain(name);
    const latest = await h.get('/api/regions/64.02/quick-wins');
    expect(latest.body.length).toBe(6);
    expect(latest.body[0].year).toBeGreaterThanOrEqual(2025);
    expect((await h.get('/api/regions/64.02/quick-wins?year=20x')).body.error.field).toBe('query.year');
  });
});

describe('masterplan and programs', () => {
  it.each(DEMO)('%s has a masterplan with ≥ 20 programs covering all 18 elements', async (code) => {
    const { status, body } = await h.get(`/api/regions/${code}/masterplan`);
    expect(status).toBe(200);
    expect(body.totals.programCount).toBeGreaterThanOrEqual(20);
    expect(body.dimensions).toHaveLength(6);
    for (const d of body.dimensions) for (const e of d.elements) expect(e.programCount, `${code} ${e.key}`).toBeGreaterThan(0);
    expect(body.readiness).toHaveLength(18);
    expect(body.opds.filter((o: { role: string }) => o.role === 'leading_sector')).toHaveLength(1);
    expect(body.opds.find((o: { role: string }) => o.role === 'coordinator').abbreviation).toMatch(/^Diskominfo/);
    expect(body.totals.budgetTotal).toBe(body.totals.budgetByYear.reduce((s: number, y: { amount: number }) => s + y.amount, 0));
    expect(body.totals.budgetIllustrative).toBe(true);
    expect(body.sources.length).toBeGreaterThan(0);
  });

  it('lists participants for the national page', async () => {
    const { body } = await h.get('/api/participants');
    expect(body.map((p: { code: string }) => p.code).sort()).toEqual([...DEMO].sort());
    const kukar = body.find((p: { code: string }) => p.code === '64.02');
    expect(kukar).toMatchObject({ name: 'Kabupaten Kutai Kartanegara', province: { code: '64', name: 'Kalimantan Timur' }, lat: expect.any(Number) });
  });

  it('pages, filters and sorts programs', async () => {
    const all = await h.get('/api/regions/64.02/programs?limit=200');
    const total = all.body.total;
    expect(all.body.items).toHaveLength(total);
    const page = await h.get('/api/regions/64.02/programs?limit=5&offset=5');
    expect(page.body).toMatchObject({ limit: 5, offset: 5, total });
    expect(page.body.items.map((p: { id: string }) => p.id)).toEqual(all.body.items.slice(5, 10).map((p: { id: string }) => p.id));

    const gov = await h.get('/api/regions/64.02/programs?dimension=governance&limit=200');
    expect(gov.body.total).toBeGreaterThan(0);
    expect(gov.body.items.every((p: { dimensionKey: string }) => p.dimensionKey === 'governance')).toBe(true);
    expect(gov.body.total).toBe(all.body.items.filter((p: { dimensionKey: string }) => p.dimensionKey === 'governance').length);

    const el = await h.get('/api/regions/64.02/programs?element=living.health');
    expect(el.body.items.every((p: { elementKey: string }) => p.elementKey === 'living.health')).toBe(true);

    const short = await h.get('/api/regions/64.02/programs?horizon=long&limit=200');
    expect(short.body.items.every((p: { horizon: string }) => p.horizon === 'long')).toBe(true);

    const byBudget = await h.get('/api/regions/64.02/programs?sort=budget&order=desc&limit=200');
    const budgets = byBudget.body.items.map((p: { budgetTotal: number }) => p.budgetTotal);
    expect(budgets).toEqual([...budgets].sort((a, b) => b - a));

    const qw = await h.get('/api/regions/64.02/programs?quickWinYear=2022');
    expect(qw.body.total).toBe(6);
    const becik = qw.body.items.find((p: { title: string }) => p.title === 'Becik');
    expect(becik.quickWinYears).toContain(2022);

    const q = await h.get('/api/regions/64.02/programs?q=blank');
    expect(q.body.items.map((p: { title: string }) => p.title)).toContain('Penuntasan Blank Spot');
  });

  it('filters by OPD (lead or supporting) and by kecamatan/desa', async () => {
    const opds = (await h.get('/api/regions/64.02/opds')).body;
    const bappeda = opds.find((o: { abbreviation: string }) => o.abbreviation === 'Bappeda');
    const led = (await h.get('/api/regions/64.02/programs?limit=200')).body.items;
    for (const o of opds) {
      expect(o.programCount, o.abbreviation).toBe(led.filter((p: { leadOpd: { id: string } }) => p.leadOpd.id === o.id).length);
    }
    expect(opds.some((o: { programCount: number }) => o.programCount > 0)).toBe(true);
    const byOpd = await h.get(`/api/regions/64.02/programs?opd=${bappeda.id}&limit=200`);
    const view = (await h.get(`/api/opds/${bappeda.id}`)).body;
    expect(byOpd.body.total).toBe(view.lead.length + view.supporting.length);
    expect(view.region).toEqual({ code: '64.02', name: 'Kabupaten Kutai Kartanegara' });

    const first = (await h.get('/api/regions/64.02/programs?limit=1')).body.items[0];
    const program = (await h.get(`/api/programs/${first.id}`)).body;
    const village = program.locations.find((l: { level: string }) => l.level === 'village') ?? program.locations[0];
    const byVillage = await h.get(`/api/regions/64.02/programs?location=${village.code}&limit=200`);
    expect(byVillage.body.items.map((p: { id: string }) => p.id)).toContain(first.id);
    const district = village.code.split('.').slice(0, 3).join('.');
    const byDistrict = await h.get(`/api/regions/64.02/programs?location=${district}&limit=200`);
    expect(byDistrict.body.total).toBeGreaterThanOrEqual(byVillage.body.total);
  });

  it('returns a whole program', async () => {
    const list = (await h.get('/api/regions/64.02/programs?q=blank')).body.items;
    const { body } = await h.get(`/api/programs/${list[0].id}`);
    expect(body).toMatchObject({ title: 'Penuntasan Blank Spot', region: { code: '64.02' }, illustrative: false });
    const kpi = body.kpis.find((k: { name: string }) => /blank spot/i.test(k.name));
    expect(kpi).toMatchObject({ polarity: 'lower', baselineValue: 23, baselineYear: 2021 });
    expect(kpi.targets).toEqual(expect.arrayContaining([{ year: 2022, value: 18, valueMax: null }, { year: 2023, value: 0, valueMax: null }]));
    expect(body.budgets).toEqual(expect.arrayContaining([expect.objectContaining({ year: 2022, amount: 4_900_000_000, illustrative: false })]));
    expect(body.locations.length).toBeGreaterThan(0);
    for (const l of body.locations) expect(l.code.startsWith('64.02.')).toBe(true);
  });

  it('answers bad input with 4xx naming the field', async () => {
    const cases: [string, number, string | undefined][] = [
      ['/api/regions/64.02/programs?limit=0', 400, 'query.limit'],
      ['/api/regions/64.02/programs?limit=abc', 400, 'query.limit'],
      ['/api/regions/64.02/programs?sort=colour', 400, 'query.sort'],
      ['/api/regions/64.02/programs?horizon=forever', 400, 'query.horizon'],
      ['/api/regions/64.02/programs?opd=xyz', 400, 'query.opd'],
      ['/api/regions/64.02/programs?location=64.02', 400, 'query.location'],
      ['/api/regions/64.03/masterplan', 404, 'code'],
      ['/api/programs/not-an-id', 404, 'id'],
      ['/api/programs/00000000-0000-4000-8000-000000000000', 404, 'id'],
      ['/api/opds/00000000-0000-4000-8000-000000000000', 404, 'id'],
      ['/api/nothing-here', 404, undefined],
    ];
    for (const [url, status, field] of cases) {
      const r = await h.get(url);
      expect(r.status, url).toBe(status);
      expect(r.body.error.field, url).toBe(field);
      expect(r.body.error.message.id, url).toBeTruthy();
      expect(r.body.error.message.en, url).toBeTruthy();
    }
  });
});

describe('system', () => {
  it('health, config, OpenAPI 3.1 document and docs', async () => {
    const health = await h.get('/api/health');
    expect(health.body).toMatchObject({ status: 'ok', database: h.database.engine });
    expect((await h.get('/api/config')).body).toMatchObject({ tileUrl: expect.any(String), currentYear: new Date().getFullYear() });
    const doc = (await h.get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/regions/{code}', '/api/regions/{code}/children', '/api/framework', '/api/regions/{code}/masterplan',
      '/api/regions/{code}/programs', '/api/programs/{id}', '/api/regions/{code}/quick-wins', '/api/regions']) {
      expect(doc.paths[p], p).toBeDefined();
    }
    const params = doc.paths['/api/regions/{code}/programs'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['dimension', 'element', 'opd', 'horizon', 'quickWinYear', 'location', 'sort', 'limit', 'offset']));
    const docs = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('serves the portal: SPA routes get index.html, hashed assets are pre-compressed and cached for a year', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/wilayah/64.02' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await h.app.inject({ method: 'GET', url: script!, headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await h.app.inject({ method: 'GET', url: '/assets/gone-1234.js' })).statusCode).toBe(404);
  });

  it('compresses large JSON responses', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/api/regions/64.02/children?level=village', headers: { 'accept-encoding': 'gzip' } });
    expect(r.headers['content-encoding']).toBe('gzip');
  });
});
