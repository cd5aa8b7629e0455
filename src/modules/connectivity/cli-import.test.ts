import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cliTestDatabase } from '../../../test/support/cli.ts';
import { connectivityNodes, connectivityVillages } from './schema.ts';

const { tmp, database, pilar } = cliTestDatabase('conn-cli');

describe('pilar import connectivity', () => {
  it('refuses a village outside the region, naming the line, and keeps the old data', async () => {
    const f = path.join(tmp, 'bad.csv');
    fs.writeFileSync(f, 'code,name,lat,lng,population,signal\n64.09.01.1001,A,-1.1,116.7,120,none\n64.02.01.2001,B,-0.5,117,80,2g\n');
    const r = pilar('import', 'connectivity', '64.09', '--villages', f);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('villages.csv:3.code');
    expect(r.stderr).toContain('bukan desa/kelurahan di 64.09');
  });

  it('replaces villages (CSV) and nodes (GeoJSON) of a region', async () => {
    const v = path.join(tmp, 'villages.csv');
    const n = path.join(tmp, 'nodes.geojson');
    fs.writeFileSync(v, 'code,name,lat,lng,population,signal,health\n64.09.01.1001,A,-1.1,116.7,120,none,1\n');
    fs.writeFileSync(n, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [116.7, -1.2] }, properties: { id: 'pop', name: 'PoP', kind: 'fibre' } }] }));
    const r = pilar('import', 'connectivity', '64.09', '--villages', v, '--nodes', n, '--source', 'Survei 2025');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 villages, 1 nodes imported');
    const db = await database().restart();
    const villages = await db.db.select().from(connectivityVillages).where(eq(connectivityVillages.regionCode, '64.09'));
    expect(villages).toEqual([expect.objectContaining({ villageCode: '64.09.01.1001', signal: 'none', health: true, source: 'Survei 2025', illustrative: false })]);
    expect((await db.db.select().from(connectivityNodes).where(eq(connectivityNodes.regionCode, '64.09'))).map((x) => x.nodeId)).toEqual(['pop']);
  });
});
