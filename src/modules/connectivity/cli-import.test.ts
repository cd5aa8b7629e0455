import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { engine, root } from '../../../test/support/engine.ts';
import { connectivityNodes, connectivityVillages } from './schema.ts';

let database: TestDatabase;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pilar-conn-cli-'));

function pilar(...args: string[]) {
  const env = { ...process.env, ...(engine === 'postgres' ? { DATABASE_URL: database.location } : { DATABASE_URL: '', PILAR_DATA_DIR: database.location }) };
  return spawnSync(process.execPath, [path.join(root, 'bin/pilar.js'), ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
}

beforeAll(async () => {
  database = await testDatabase();
  await database.pause(); // PGlite folders have one writer: let the CLI process open it.
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

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
    const db = await database.restart();
    const villages = await db.db.select().from(connectivityVillages).where(eq(connectivityVillages.regionCode, '64.09'));
    expect(villages).toEqual([expect.objectContaining({ villageCode: '64.09.01.1001', signal: 'none', health: true, source: 'Survei 2025', illustrative: false })]);
    expect((await db.db.select().from(connectivityNodes).where(eq(connectivityNodes.regionCode, '64.09'))).map((x) => x.nodeId)).toEqual(['pop']);
  });
});
