import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { importGeoFile, ImportFileError } from './geo-import.ts';

let database: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilar-geo-'));
const write = (name: string, text: string) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
};
const latOf = async (code: string) => (await database.exec('select lat, lng, population from regions where code = $1', [code])).rows[0];

beforeAll(async () => { database = await testDatabase(); });
afterAll(async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); });

describe('pilar import wilayah-geo', () => {
  it('imports centroids from CSV and reports unknown codes', async () => {
    const f = write('ok.csv', 'code,name,lat,lng\n64.02.01.2001,X,-0.5,117.1\n99.99.99.9999,Nowhere,1,1\n');
    const r = await importGeoFile(database, f);
    expect(r).toMatchObject({ kind: 'centroids', updated: 1, skippedUnknown: ['99.99.99.9999'] });
    expect(await latOf('64.02.01.2001')).toMatchObject({ lat: -0.5, lng: 117.1 });
  });

  it('imports population and area', async () => {
    const f = write('pop.csv', 'code,name,male,female,total,area_km2\n0,INDONESIA,1,1,2,\n64.09,PPU,1,1,12345,3333.5\n');
    await importGeoFile(database, f);
    const { rows } = await database.exec('select population::int as population, area_km2 from regions where code = $1', ['64.09']);
    expect(rows[0]).toMatchObject({ population: 12345, area_km2: 3333.5 });
  });

  it('imports GeoJSON polygons with centroids', async () => {
    const f = write('b.geojson', JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', id: '64.09.01', properties: { code: '64.09.01', centroid: [116.6, -1.2] }, geometry: { type: 'Polygon', coordinates: [[[116, -1], [117, -1], [117, -2], [116, -1]]] } },
    ] }));
    const r = await importGeoFile(database, f);
    expect(r.updated).toBe(1);
    const { rows } = await database.exec(`select lat, lng, boundary->>'type' as t from regions where code = '64.09.01'`);
    expect(rows[0]).toMatchObject({ lat: -1.2, lng: 116.6, t: 'Polygon' });
  });

  it.each([
    ['bad-lat.csv', 'code,name,lat,lng\n64.02.01.2001,A,-0.1,117\n64.02.01.2002,B,north,117\n', 3, 'lat'],
    ['bad-lng.csv', 'code,name,lat,lng\n64.02.01.2002,B,-1,999\n', 2, 'lng'],
    ['bad-code.csv', 'code,name,lat,lng\n64.02.01.2001,A,-0.1,117\n64-02,B,-1,117\n', 3, 'code'],
    ['bad-header.csv', 'kode,nama\n64.02,A\n', 1, 'header'],
    ['bad-pop.csv', 'code,name,male,female,total,area_km2\n64.02,A,1,1,lots,5\n', 2, 'total'],
  ])('refuses %s naming line %i and field %s, writing nothing', async (name, text, line, field) => {
    const before = await latOf('64.02.01.2001');
    const err = await importGeoFile(database, write(name, text)).catch((e) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect(err.problems[0]).toMatchObject({ line, field });
    expect(err.bilingual.en).toContain(`line ${line}, ${field}`);
    expect(err.bilingual.id).toContain(`baris ${line}, ${field}`);
    expect(await latOf('64.02.01.2001')).toEqual(before);
  });

  it('refuses GeoJSON that is not a FeatureCollection or has a bad feature', async () => {
    const e1 = await importGeoFile(database, write('x.geojson', '{"type":"Feature"}')).catch((e) => e);
    expect(e1.problems[0]).toMatchObject({ line: 1, field: 'type' });
    const e2 = await importGeoFile(database, write('y.geojson', JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { code: '64.02' }, geometry: null },
      { type: 'Feature', properties: { code: '64.02.01' }, geometry: { type: 'LineString', coordinates: [] } },
    ] }))).catch((e) => e);
    expect(e2.problems[0]).toMatchObject({ line: 2, field: 'geometry.type' });
    const e3 = await importGeoFile(database, write('z.geojson', '{nope')).catch((e) => e);
    expect(e3.problems[0]).toMatchObject({ field: 'json' });
  });

  it('says so when the file does not exist', async () => {
    const err = await importGeoFile(database, path.join(dir, 'missing.csv')).catch((e) => e);
    expect(err.field).toBe('file');
  });
});
