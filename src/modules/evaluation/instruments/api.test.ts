import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiHarness, appOver, type Client } from '../../../../test/support/api.ts';
import { auditLog } from '../../accounts/schema.ts';
import { evaluationInstruments } from '../schema.ts';
import { syncShippedInstruments } from './registry.ts';
import { SMALL } from './fixtures.ts';

let h: Awaited<ReturnType<typeof apiHarness>>;
let admin: Client;
beforeAll(async () => {
  h = await apiHarness();
  admin = await h.as('admin@demo.pilar.id');
});
afterAll(() => h.close());

const yaml = (c: Client, text: string) => c.request('POST', '/api/evaluation/instruments', text, { 'content-type': 'application/yaml' });

describe('GET /api/evaluation/instruments', () => {
  it('lists the shipped instruments with top-level weights as fractions summing to 1', async () => {
    const { status, body } = await h.get('/api/evaluation/instruments');
    expect(status).toBe(200);
    const ids = body.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['gmsc-100-2022', 'gmsc-kppn-ikn-2022', 'gmsc-tahap2-2023', 'gmsc-100-2024', 'gmsc-tahap2-2024', 'spbe-2020']));
    const kppn = body.find((i: { id: string }) => i.id === 'gmsc-kppn-ikn-2022');
    expect(typeof kppn.name).toBe('string');
    expect(kppn.name).toContain('IKN');
    expect(kppn.components).toEqual([
      { key: 'baseline', name: 'Baseline (peningkatan)', nameEn: 'Baseline (improvement)', weight: 0.1 },
      { key: 'output', name: 'Output (kebijakan, kelembagaan, anggaran)', nameEn: 'Output (policy, institutions, budget)', weight: 0.2 },
      { key: 'outcome', name: 'Outcome (pelaksanaan program masterplan)', nameEn: 'Outcome (masterplan programs carried out)', weight: 0.3 },
      { key: 'impact', name: 'Impact (manfaat bagi warga)', nameEn: 'Impact (benefits felt by citizens)', weight: 0.1 },
      { key: 'quickwin', name: 'Quick Win (inovasi dan pelaksanaan)', nameEn: 'Quick Win (innovation and delivery)', weight: 0.3 },
    ]);
    for (const i of body) expect(Math.abs(i.components.reduce((s: number, c: { weight: number }) => s + c.weight, 0) - 1)).toBeLessThan(1e-9);
  });
  it('GET one instrument in full; an unknown id is 404', async () => {
    const { status, body } = await h.get('/api/evaluation/instruments/spbe-2020');
    expect(status).toBe(200);
    expect(body.components[3].aspects[1].indicators[0].levels[0]).toMatchObject({ level: 1, name: { id: 'Rintisan', en: 'Initial' } });
    const file = await h.client().get('/api/evaluation/instruments/gmsc-kppn-ikn-2022/file');
    expect(file.status).toBe(200);
    expect(String(file.body)).toContain('B-1004/DJAI/AI.01.04/12/2022');
    expect(String(file.headers['content-disposition'])).toContain('gmsc-kppn-ikn-2022-v1.yaml');
    const missing = await h.get('/api/evaluation/instruments/tidak-ada');
    expect(missing.status).toBe(404);
    expect(missing.body.error.field).toBe('id');
  });
});

describe('POST /api/evaluation/index (what-if)', () => {
  const ok = { baseline: 3.05, output: 3.5, outcome: 3.5, impact: 3.5, quickwin: 3.5 };
  it('KPPN/IKN: 3.455 → 3.46; no predicate', async () => {
    const r = await h.client().post('/api/evaluation/index', { instrument: 'gmsc-kppn-ikn-2022', components: ok });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ instrument: 'gmsc-kppn-ikn-2022', index: 3.46 });
  });
  it('SPBE: index with its predicate', async () => {
    const r = await h.client().post('/api/evaluation/index', { instrument: 'spbe-2020', components: { kebijakan: 4, 'tata-kelola': 4, manajemen: 4, layanan: 4.2 } });
    expect(r.body).toEqual({ instrument: 'spbe-2020', index: 4.09, predicate: 'Sangat Baik', predicateEn: 'Very good' });
  });
  it('400 naming the field: unknown key, score outside the scale, missing component, unknown instrument, not a number', async () => {
    const c = h.client();
    const cases: [unknown, string][] = [
      [{ instrument: 'gmsc-kppn-ikn-2022', components: { ...ok, kolaborasi: 3 } }, 'components.kolaborasi'],
      [{ instrument: 'gmsc-kppn-ikn-2022', components: { ...ok, impact: 5.5 } }, 'components.impact'],
      [{ instrument: 'gmsc-kppn-ikn-2022', components: { baseline: 3, output: 3, outcome: 3, quickwin: 3 } }, 'components.impact'],
      [{ instrument: 'nope', components: ok }, 'instrument'],
      [{ instrument: 'gmsc-kppn-ikn-2022', components: { ...ok, output: 'tiga' } }, 'components.output'],
    ];
    for (const [body, field] of cases) {
      const r = await c.post('/api/evaluation/index', body);
      expect(r.status, field).toBe(400);
      expect(r.body.error.field).toBe(field);
      expect(r.body.error.message.id && r.body.error.message.en).toBeTruthy();
    }
  });
});

describe('POST /api/evaluation/instruments (import)', () => {
  it('only the national admin: anonymous 401, a coordinator 403', async () => {
    expect((await yaml(h.client(), SMALL)).status).toBe(401);
    const r = await yaml(await h.as('koordinator.kukar@demo.pilar.id'), SMALL);
    expect(r.status).toBe(403);
  });
  it('a file with weights summing to 90 % is refused with the line and field; nothing is stored', async () => {
    const r = await yaml(admin, SMALL.replace('weight: 60%', 'weight: 50%'));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'invalid_instrument', field: 'components', line: 10 });
    expect(r.body.error.message.id).toContain('baris 10');
    expect(r.body.error.problems[0].message.en).toContain('90 %');
    const noDesc = await yaml(admin, SMALL.replace('                description: {id: Ditetapkan, en: Adopted}\n', ''));
    expect(noDesc.body.error).toMatchObject({ field: 'components.0.aspects.0.indicators.0.levels.1.description', line: 26 });
    expect(await h.database.db.select().from(evaluationInstruments).where(eq(evaluationInstruments.id, 'kecil-2025'))).toHaveLength(0);
  });
  it('check: validates without importing, listing every problem with line and field', async () => {
    const bad = await admin.post('/api/evaluation/instruments/check', { text: SMALL.replace('weight: 60%', 'weight: 50%').replace('dimension: economy', 'dimension: ekonomi') });
    expect(bad.status).toBe(200);
    expect(bad.body.valid).toBe(false);
    expect(bad.body.problems.map((p: { line: number; field: string }) => `${p.line} ${p.field}`)).toEqual(['10 components', '39 components.1.aspects.0.indicators.0.dimension']);
    const good = await admin.post('/api/evaluation/instruments/check', { text: SMALL });
    expect(good.body).toMatchObject({ valid: true, indicators: 2, existing: 'none', instrument: { id: 'kecil-2025', components: [{ key: 'output', weight: 0.6 }, { key: 'quickwin', weight: 0.4 }] } });
    expect((await h.get('/api/evaluation/instruments/kecil-2025')).status).toBe(404);
    expect((await (await h.as('koordinator.kukar@demo.pilar.id')).post('/api/evaluation/instruments/check', { text: SMALL })).status).toBe(403);
  });
  it('imports a YAML file (201, audited); the same again is unchanged (200); a change under the same version is 409', async () => {
    const first = await yaml(admin, SMALL);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'imported', id: 'kecil-2025', version: '1' });
    const entries = await h.database.db.select().from(auditLog).where(eq(auditLog.entityId, 'kecil-2025@1'));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.action).toBe('evaluation.instrument.import');
    const again = await yaml(admin, `# same content, other formatting\n${SMALL}`);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('unchanged');
    const changed = await yaml(admin, SMALL.replace('weight: 60%', 'weight: 70%').replace('weight: 0.4', 'weight: 0.3'));
    expect(changed.status).toBe(409);
    expect(changed.body.error.field).toBe('version');
    const v2 = await yaml(admin, SMALL.replace('version: "1"', 'version: "2"').replace('weight: 60%', 'weight: 70%').replace('weight: 0.4', 'weight: 0.3'));
    expect(v2.status).toBe(201);
    const latest = await h.get('/api/evaluation/instruments/kecil-2025');
    expect(latest.body.version).toBe('2');
    expect((await h.get('/api/evaluation/instruments/kecil-2025?version=1')).body.components[0].weight).toBe(0.6);
  });
  it('accepts JSON too (the instrument as a JSON body)', async () => {
    const json = (await h.get('/api/evaluation/instruments/kecil-2025?version=1')).body;
    const r = await admin.post('/api/evaluation/instruments', { ...json, id: 'kecil-json', version: '1' });
    expect(r.status).toBe(201);
    const bad = await admin.post('/api/evaluation/instruments', { ...json, id: 'kecil-json2', components: [{ ...json.components[0], weight: 0.5 }, json.components[1]] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('components');
    expect(bad.body.error.line).toBeGreaterThan(1);
  });
  it('shipped instruments are loaded once: a second sync changes nothing', async () => {
    const r = await syncShippedInstruments(h.database.db);
    expect(r.imported).toEqual([]);
    expect(r.refused).toEqual([]);
    expect(r.unchanged).toHaveLength(7);
  });
  it('a database without a shipped instrument gets it on the next start; a changed shipped file is refused, not loaded', async () => {
    await h.database.db.delete(evaluationInstruments).where(eq(evaluationInstruments.id, 'gmsc-100-2023'));
    // A stored gmsc-100-2024 v1 with other content than the shipped file: versions are immutable.
    await h.database.db.update(evaluationInstruments).set({ fileText: '# older text', digest: 'older' }).where(eq(evaluationInstruments.id, 'gmsc-100-2024'));
    expect((await h.get('/api/evaluation/instruments/gmsc-100-2023')).status).toBe(404);
    const logs: string[] = [];
    const restarted = await appOver(h.database, {}, logs);
    try {
      const r = await restarted.inject({ method: 'GET', url: '/api/evaluation/instruments/gmsc-100-2023' });
      expect(r.statusCode).toBe(200);
      expect(r.json().components.map((c: { weight: number }) => c.weight)).toEqual([0.1, 0.2, 0.3, 0.2, 0.2]);
      expect(logs.join('\n')).toContain('evaluation instruments loaded');
      const refused = logs.find((l) => l.includes('shipped evaluation instrument refused'))!;
      expect(refused).toContain('gmsc-100-2024.yaml');
      expect(refused).toContain('versions are immutable');
      expect((await restarted.inject({ method: 'GET', url: '/api/evaluation/instruments/gmsc-100-2024/file' })).body).toBe('# older text');
    } finally {
      await restarted.close();
    }
  });
});
