import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { DEFAULT_CATALOGUE } from './catalogue.ts';
import { parseNodesCsv, parseNodesGeoJson, parseVillagesCsv, parseVillagesGeoJson, readCatalogue, readNodes, readVillages } from './io.ts';

const wilayahDir = path.resolve(import.meta.dirname, '../../../../shared/data/wilayah');

function appError(fn: () => unknown): AppError {
  try { fn(); } catch (e) { expect(e).toBeInstanceOf(AppError); return e as AppError; }
  throw new Error('expected an AppError');
}

const villagesCsv = `code,name,lat,lng,population,signal,weight
64.07.07.2019,Sendawar,-0.2041,115.7894,1520,none,
64.07.07.1001,"Barong Tongkok",-0.2317,115.6753,8200,4G,1.5
64.02.01.2001,Soka"an,-0.5,116.9,300, 3g ,2
`;

describe('villages and nodes from CSV', () => {
  it('parses rows, trims, lower-cases signals, defaults the weight', () => {
    const v = parseVillagesCsv(villagesCsv);
    expect(v).toHaveLength(3);
    expect(v[0]).toEqual({ code: '64.07.07.2019', name: 'Sendawar', lat: -0.2041, lng: 115.7894, population: 1520, signal: 'none', weight: 1 });
    expect(v[1]).toMatchObject({ name: 'Barong Tongkok', signal: '4g', weight: 1.5 });
    expect(v[2]).toMatchObject({ name: 'Soka"an', signal: '3g', weight: 2 });
    // The weight column is optional.
    expect(parseVillagesCsv('code,name,lat,lng,population,signal\na,A,0,110,5,2g\n')[0]).toMatchObject({ weight: 1 });
  });

  it('names the line and the field of a bad value', () => {
    const bad = (row: string) => appError(() => parseVillagesCsv(`code,name,lat,lng,population,signal\na,A,0,110,5,none\n${row}\n`));
    expect(bad('b,B,95,110,5,none').field).toBe('villages.csv:3.lat');
    expect(bad('b,B,0,110,-5,none').field).toBe('villages.csv:3.population');
    expect(bad('b,B,0,110,12.5,none').field).toBe('villages.csv:3.population');
    expect(bad('b,B,0,110,,none').field).toBe('villages.csv:3.population');
    expect(bad('b,B,"0,5",110,5,none').field).toBe('villages.csv:3.lat');
    expect(bad('b,B,0,abc,5,none').field).toBe('villages.csv:3.lng');
    const e = bad('b,B,0,110,5,5g');
    expect(e.field).toBe('villages.csv:3.signal');
    expect(e.bilingual.id).toContain('none, 2g, 3g atau 4g');
    expect(e.bilingual.en).toContain('none, 2g, 3g or 4g');
    expect(bad('a,Again,0,110,5,none').field).toBe('villages.csv:3.code');
    expect(appError(() => parseVillagesCsv('code,name,lat,lng,population\na,A,0,110,5\n')).field).toBe('villages.csv:1.signal');
    expect(appError(() => parseVillagesCsv('code,name,lat,lng,population,signal,weight\na,A,0,110,5,none,-1\n', 'desa.csv')).field).toBe('desa.csv:2.weight');
  });

  it('parses nodes and checks their kind', () => {
    const n = parseNodesCsv('id,name,lat,lng,kind\npalapa-sendawar,Palapa Ring Sendawar,-0.23,115.7,fibre\nbts-1,BTS 1,-0.3,115.8,Tower\n');
    expect(n).toEqual([
      { id: 'palapa-sendawar', name: 'Palapa Ring Sendawar', lat: -0.23, lng: 115.7, kind: 'fibre' },
      { id: 'bts-1', name: 'BTS 1', lat: -0.3, lng: 115.8, kind: 'tower' },
    ]);
    expect(appError(() => parseNodesCsv('id,name,lat,lng,kind\nx,X,0,110,cable\n')).field).toBe('nodes.csv:2.kind');
    expect(appError(() => parseNodesCsv('id,name,lat,lng,kind\nx,X,0,110,fibre\nx,Y,0,111,tower\n')).field).toBe('nodes.csv:3.id');
    expect(appError(() => parseNodesCsv('id,name,lat,lng\nx,X,0,110\n')).field).toBe('nodes.csv:1.kind');
  });
});

describe('villages and nodes from GeoJSON', () => {
  it('takes Point geometries or properties.centroid', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: '64.01.01.2009', properties: { name: 'Samurangau', centroid: [115.86027, -1.899998], population: 900, signal: '2g' }, geometry: { type: 'Polygon', coordinates: [] } },
        { type: 'Feature', properties: { code: 'x', name: 'X', population: 10, signal: 'none', weight: 3 }, geometry: { type: 'Point', coordinates: [116, -1] } },
      ],
    };
    expect(parseVillagesGeoJson(fc)).toEqual([
      { code: '64.01.01.2009', name: 'Samurangau', lat: -1.899998, lng: 115.86027, population: 900, signal: '2g', weight: 1 },
      { code: 'x', name: 'X', lat: -1, lng: 116, population: 10, signal: 'none', weight: 3 },
    ]);
    const nodes = parseNodesGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'f', name: 'F', kind: 'fibre' }, geometry: { type: 'Point', coordinates: [115.7, -0.23] } }] });
    expect(nodes).toEqual([{ id: 'f', name: 'F', lat: -0.23, lng: 115.7, kind: 'fibre' }]);
  });

  it('names the feature and the field; the shared village polygons lack population and signal', () => {
    const kaltim = JSON.parse(fs.readFileSync(path.join(wilayahDir, 'kaltim-desa.geojson'), 'utf8'));
    const e = appError(() => parseVillagesGeoJson(kaltim, 'kaltim-desa.geojson'));
    expect(e.field).toBe('kaltim-desa.geojson:features[0].properties.population');
    // With the two fields added, all 1,038 villages parse.
    for (const f of kaltim.features) Object.assign(f.properties, { population: 1000, signal: '4g' });
    expect(parseVillagesGeoJson(kaltim)).toHaveLength(1038);
    expect(appError(() => parseVillagesGeoJson({ type: 'FeatureCollection', features: [{ properties: { code: 'a', population: 1, signal: 'none' }, geometry: null }] })).field)
      .toBe('villages.geojson:features[0].geometry');
    expect(appError(() => parseVillagesGeoJson([])).field).toBe('villages.geojson');
  });
});

describe('files', () => {
  it('reads CSV, GeoJSON and the catalogue by extension', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilar-conn-'));
    try {
      fs.writeFileSync(path.join(dir, 'villages.csv'), villagesCsv);
      fs.writeFileSync(path.join(dir, 'nodes.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ properties: { id: 'f', kind: 'fibre' }, geometry: { type: 'Point', coordinates: [115.7, -0.23] } }] }));
      fs.writeFileSync(path.join(dir, 'catalogue.json'), JSON.stringify(DEFAULT_CATALOGUE));
      fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...DEFAULT_CATALOGUE, tower: { ...DEFAULT_CATALOGUE.tower, radiusKm: 'far' } }));
      fs.writeFileSync(path.join(dir, 'broken.json'), '{');
      expect(readVillages(path.join(dir, 'villages.csv'))).toHaveLength(3);
      expect(readNodes(path.join(dir, 'nodes.geojson'))).toEqual([{ id: 'f', name: '', lat: -0.23, lng: 115.7, kind: 'fibre' }]);
      expect(readCatalogue(path.join(dir, 'catalogue.json'))).toEqual(DEFAULT_CATALOGUE);
      expect(appError(() => readCatalogue(path.join(dir, 'bad.json'))).field).toBe('tower.radiusKm');
      expect(appError(() => readCatalogue(path.join(dir, 'broken.json'))).field).toBe('broken.json');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
