import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness } from '../../../test/support/api.ts';

let h: Awaited<ReturnType<typeof apiHarness>>;
beforeAll(async () => { h = await apiHarness(); });
afterAll(() => h.close());

describe('official regions (idn-area-data)', () => {
  it('loads every level in full', async () => {
    const { rows } = await h.database.exec(`select level, count(*)::int as n from regions group by level order by level`);
    const counts = Object.fromEntries(rows.map((r) => [r.level, r.n]));
    expect(counts).toEqual({ province: 38, regency: 514, district: 7277, village: 83763 });
  });

  it('GET /api/regions/64.02 names Kabupaten Kutai Kartanegara with its ancestors', async () => {
    const { status, body } = await h.get('/api/regions/64.02');
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: '64.02', name: 'Kabupaten Kutai Kartanegara', level: 'regency', parentCode: '64', participating: true, childCount: 20 });
    expect(body.ancestors).toEqual([{ code: '64', name: 'Kalimantan Timur', level: 'province' }]);
    expect(body.population).toBe(806964);
    expect(body.areaKm2).toBeCloseTo(26912.065, 2);
  });

  it.each([
    ['64.02', 20, 237], ['64.01', 10, 144], ['64.09', 4, 54], ['64.07', 16, 194],
  ])('%s has %i districts and %i villages', async (code, districts, villages) => {
    const d = await h.get(`/api/regions/${code}/children?level=district`);
    const v = await h.get(`/api/regions/${code}/children?level=village`);
    expect(d.body).toHaveLength(districts);
    expect(v.body).toHaveLength(villages);
    expect(d.body.every((r: { level: string; parentCode: string }) => r.level === 'district' && r.parentCode === code)).toBe(true);
    expect(v.body.every((r: { code: string }) => r.code.startsWith(`${code}.`))).toBe(true);
  });

  it('direct children by default', async () => {
    const { body } = await h.get('/api/regions/64/children');
    expect(body.map((r: { code: string }) => r.code)).toContain('64.02');
    expect(body.every((r: { level: string }) => r.level === 'regency')).toBe(true);
  });

  it('searches by name and by code prefix, larger levels first', async () => {
    const byName = await h.get('/api/regions?q=kutai');
    expect(byName.body.items[0]).toMatchObject({ level: 'regency' });
    expect(byName.body.items.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['64.02', '64.07', '64.08']));
    const byCode = await h.get('/api/regions?q=64.09&level=district');
    expect(byCode.body.total).toBe(4);
    expect(byCode.body).toMatchObject({ limit: 20, offset: 0 });
  });

  it('rejects bad input with the field named in both languages', async () => {
    const r = await h.get('/api/regions?q=a');
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('query.q');
    expect(r.body.error.message.id).toMatch(/query\.q/);
    expect(r.body.error.message.en).toMatch(/query\.q/);
    const bad = await h.get('/api/regions/64.02/children?level=planet');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('query.level');
    expect((await h.get('/api/regions/99.99')).status).toBe(404);
    expect((await h.get('/api/regions/not-a-code')).body.error.code).toBe('not_found');
  });

  it('serves imported boundaries as GeoJSON, and simplified regencies for the national map', async () => {
    const d = await h.get('/api/regions/64.02/geo?level=district');
    expect(d.body.type).toBe('FeatureCollection');
    expect(d.body.features).toHaveLength(20);
    expect(d.body.features[0]).toMatchObject({ type: 'Feature', properties: { level: 'district' } });
    const v = await h.get('/api/regions/64.09/geo?level=village');
    expect(v.body.features.length).toBeGreaterThan(50);
    const n = await h.get('/api/geo/regencies');
    expect(n.body.features).toHaveLength(514);
    const size = JSON.stringify(n.body).length;
    expect(size).toBeLessThan(3_784_194 / 2);
  });

  it('has centroids for Kalimantan Timur villages from the shared files', async () => {
    const { rows } = await h.database.exec(`select count(*)::int as n from regions where code like '64.02.%' and level = 'village' and lat is not null`);
    expect(rows[0]!.n).toBe(237);
  });
});
