import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type Client, type Harness } from '../../../../test/support/api.ts';
import { pdf, upload } from '../../files/testing.ts';

let h: Harness;
beforeAll(async () => { h = await apiHarness(); });
afterAll(() => h.close());

const KUKAR = '64.02';
const BASE = `/api/regions/${KUKAR}/evaluations`;
const as = (who: string) => h.as(`${who}@demo.pilar.id`);

/** Two plain (non-cumulative) indicators of an instrument view, and a suggestion-free one. */
function pickIndicators(view: { instrument: { components: { aspects: { indicators: { key: string; cumulative: boolean; levels: { level: number }[] }[] }[] }[] } }) {
  const all = view.instrument.components.flatMap((c) => c.aspects.flatMap((a) => a.indicators));
  return all.filter((i) => !i.cumulative && i.levels.some((l) => l.level === 4));
}

describe('evaluation demo results', () => {
  it('the public sees 2022 and 2023 for the four regencies, ranked; Kukar 2025 (open) stays hidden', async () => {
    const nat = await h.get('/api/evaluation/results');
    expect(nat.status).toBe(200);
    expect(nat.body.years).toEqual([2023, 2022]);
    expect(nat.body.year).toBe(2023);
    expect(nat.body.items.map((i: { regionCode: string }) => i.regionCode).sort()).toEqual(['64.01', '64.02', '64.07', '64.09']);
    const ranks = nat.body.items.map((i: { rank: number }) => i.rank);
    expect(ranks[0]).toBe(1);
    for (const i of nat.body.items) {
      expect(i.illustrative).toBe(true);
      expect(Number.isInteger(Math.round(i.index * 100))).toBe(true);
      expect(i.previousIndex).not.toBeNull();
    }
    // Sorted by index, descending.
    const idx = nat.body.items.map((i: { index: number }) => i.index);
    expect([...idx].sort((a, b) => b - a)).toEqual(idx);
    const y2022 = await h.get('/api/evaluation/results?year=2022&province=64');
    expect(y2022.body.items).toHaveLength(4);
    expect((await h.get('/api/evaluation/results?province=31')).body.items).toHaveLength(0);
    expect((await h.get('/api/evaluation/results?province=x')).body.error.field).toBe('query.province');

    const list = await h.get(BASE);
    expect(list.body.map((c: { year: number }) => c.year)).toEqual([2023, 2022]);
    expect((await h.get(`${BASE}/2025`)).status).toBe(404);
    const insider = await (await as('dewan.kukar')).get(BASE);
    expect(insider.body.map((c: { year: number }) => c.year)).toEqual([2025, 2023, 2022]);
  });

  it('a result: validated vs self, gap, rank, previous year and a note that the instrument changed', async () => {
    const { status, body } = await h.get(`${BASE}/2023`);
    expect(status).toBe(200);
    expect(body.published).toBe(true);
    expect(body.instrument.id).toBe('gmsc-tahap2-2023');
    expect(body.scores.validated.index).toBeTypeOf('number');
    expect(body.scores.gap.index.gap).toBeLessThanOrEqual(0);
    expect(body.rank).toMatchObject({ of: 4 });
    expect(body.previous).toMatchObject({ year: 2022, instrumentId: 'gmsc-kppn-ikn-2022' });
    expect(body.improvement.sameInstrument).toBe(false);
    expect(body.improvement.note.id).toContain('gmsc-kppn-ikn-2022');
    expect(body.history.map((x: { year: number }) => x.year)).toEqual([2022, 2023]);
    expect(body.scores.validated.dimensions).toHaveLength(6);
    expect(body.narrative.strengths.length).toBeGreaterThan(0);
    expect(body.interviewNotes).toBeNull();
    expect(body.can).toEqual({ selfAssess: false, validate: false, narrative: false, finalize: false });
  });

  it('the report downloads as PDF and DOCX once published', async () => {
    const r = await h.app.inject({ method: 'GET', url: `${BASE}/2023/report.pdf` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const d = await h.app.inject({ method: 'GET', url: `${BASE}/2023/report.docx` });
    expect(d.statusCode).toBe(200);
    expect(d.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await h.app.inject({ method: 'GET', url: `${BASE}/2025/report.pdf` })).statusCode).toBe(404);
  });
});

describe('evaluation cycle', () => {
  let coord: Client;
  let assessor: Client;
  let keys: string[];
  let version: number;

  beforeAll(async () => {
    coord = await as('koordinator.kukar');
    assessor = await as('asesor.kukar');
    const v = await coord.get(`${BASE}/2025`);
    expect(v.status).toBe(200);
    expect(v.body.status).toBe('self_assessment');
    expect(v.body.can.selfAssess).toBe(true);
    keys = pickIndicators(v.body).map((i) => i.key);
    version = v.body.version;
  });

  it('Outcome and Quick Win indicators carry a suggestion from the region\'s approved monitoring, with the records as evidence', async () => {
    const v = (await coord.get(`${BASE}/2025`)).body;
    const wanting = v.instrument.components.flatMap((c: any) => c.aspects.flatMap((a: any) => a.indicators)).filter((i: any) => i.suggestFrom);
    expect(wanting.length).toBeGreaterThan(0);
    const bases = new Set<string>();
    const suggested = wanting.filter((i: any) => v.suggestions[i.key]);
    expect(suggested.length).toBeGreaterThan(wanting.length / 2);
    for (const ind of suggested) {
      const s = v.suggestions[ind.key];
      expect(s.basis).toBe(ind.suggestFrom);
      expect(ind.levels.map((l: { level: number }) => l.level)).toContain(s.level);
      expect(s.links.length).toBeGreaterThan(0);
      expect(s.explanation.id.length).toBeGreaterThan(10);
      bases.add(s.basis);
    }
    expect([...bases].sort()).toEqual(['program-status', 'quick-win-progress']);
    // A pillar's indicator rests on that pillar's programs only (demo program codes carry the pillar: KKR-GOV-…).
    const options = (await coord.get(`${BASE}/2025/evidence-options`)).body;
    const gov = wanting.find((i: any) => i.suggestFrom === 'program-status' && i.dimension === 'governance' && v.suggestions[i.key]);
    expect(gov).toBeDefined();
    const titles = v.suggestions[gov.key].links.map((l: { id: string }) => options.reports.find((r: { id: string }) => r.id === l.id)?.title ?? '');
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(t).toMatch(/^KKR-GOV-/);
    // Confirming a suggestion stores its level and links (they are the region's own records).
    const ind = suggested[0];
    const s = v.suggestions[ind.key];
    const r = await coord.put(`${BASE}/2025/self-assessment`, { version: v.version, answers: { [ind.key]: { level: s.level, links: s.links, suggested: { level: s.level, confirmed: true } } } });
    expect(r.status).toBe(200);
    version = r.body.version;
    const after = (await coord.get(`${BASE}/2025`)).body;
    expect(after.selfAnswers[ind.key]).toMatchObject({ level: s.level, suggested: { level: s.level, confirmed: true } });
    expect(Object.keys(after.evidence.links).length).toBeGreaterThan(0);
    // Public and other regions never see suggestions.
    expect((await assessor.get(`${BASE}/2025`)).body.suggestions).toEqual({});
  });

  it('opening: duplicate year 409, unknown instrument 400, foreign coordinator 404, assessor 403, visitor 401', async () => {
    const dup = await coord.post(BASE, { year: 2025, instrument: 'gmsc-tahap2-2024' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe('year');
    const bad = await coord.post(BASE, { year: 2026, instrument: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'instrument', message: { id: expect.stringContaining('tidak dikenal'), en: expect.stringContaining('unknown') } });
    expect((await coord.post(BASE, { year: 2026 })).body.error.field).toBe('instrument');
    expect((await (await as('koordinator.paser')).post(BASE, { year: 2026, instrument: 'gmsc-tahap2-2024' })).status).toBe(404);
    expect((await assessor.post(BASE, { year: 2026, instrument: 'gmsc-tahap2-2024' })).status).toBe(403);
    expect((await h.client().post(BASE, { year: 2026, instrument: 'gmsc-tahap2-2024' })).status).toBe(401);
  });

  it('self-assessment: levels must exist, evidence must be the region\'s own, the assessor may not answer', async () => {
    const put = (c: Client, answers: unknown, v = version) => c.put(`${BASE}/2025/self-assessment`, { version: v, answers });
    const wrongLevel = await put(coord, { [keys[0]!]: { level: 9 } });
    expect(wrongLevel.status).toBe(400);
    expect(wrongLevel.body.error.field).toBe(`answers.${keys[0]}.level`);
    const unknown = await put(coord, { 'no.such': { level: 1 } });
    expect(unknown.body.error.field).toBe('answers.no.such');
    const paserProgram = (await h.get('/api/regions/64.01/programs?limit=1')).body.items[0].id;
    const foreign = await put(coord, { [keys[0]!]: { level: 3, links: [{ kind: 'program', id: paserProgram }] } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.field).toBe(`answers.${keys[0]}.links.0.id`);
    expect((await put(assessor, { [keys[0]!]: { level: 3 } })).status).toBe(403);
    expect((await put(await as('koordinator.paser'), { [keys[0]!]: { level: 3 } })).status).toBe(404);
    expect((await put(await as('asesor.paser'), { [keys[0]!]: { level: 3 } })).status).toBe(404);
  });

  it('the whole cycle: self-assess with evidence, 409 on a stale version, submit, validate with reasons, finalise, publish', async () => {
    // Evidence: a real PDF uploaded to the region, and a link to one of the region's own programs.
    const file = await upload(coord, KUKAR, 'berita-acara.pdf', await pdf('Berita acara rapat evaluasi'));
    expect(file.status).toBe(201);
    const program = (await h.get(`/api/regions/${KUKAR}/programs?limit=1`)).body.items[0].id;
    const answers = {
      [keys[0]!]: { level: 4, justification: 'Dokumen ditetapkan', files: [file.body.id], links: [] },
      [keys[1]!]: { level: 4, justification: 'Program berjalan', links: [{ kind: 'program', id: program }] },
      [keys[2]!]: { level: 3, justification: 'Tanpa bukti' },
    };
    const saved = await coord.put(`${BASE}/2025/self-assessment`, { version, answers });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(version + 1);
    // Someone else saved meanwhile: a stale version is refused, naming what changed.
    const stale = await (await as('bappeda.kukar')).put(`${BASE}/2025/self-assessment`, { version, answers: { [keys[3]!]: { level: 1 } } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.field).toBe('version');
    expect(stale.body.error.message.en).toContain(keys[0]);
    version = saved.body.version;

    // Not public before publication; the file is not public either.
    expect((await h.get(`${BASE}/2025`)).status).toBe(404);
    expect((await h.get(`/api/files/${file.body.id}`)).status).not.toBe(200);

    // Validation cannot start before submission.
    expect((await assessor.put(`${BASE}/2025/validation`, { version, answers: {} })).body.error.code).toBe('wrong_status');
    const sub = await coord.post(`${BASE}/2025/submit`, { version });
    expect(sub.status).toBe(200);
    expect(sub.body.status).toBe('submitted');
    version = sub.body.version;
    expect((await coord.put(`${BASE}/2025/self-assessment`, { version, answers: { [keys[0]!]: { level: 1 } } })).status).toBe(409);

    // Only the assigned assessor validates; the coordinator cannot.
    expect((await coord.put(`${BASE}/2025/validation`, { version, answers: {} })).status).toBe(403);
    expect((await (await as('asesor.paser')).put(`${BASE}/2025/validation`, { version, answers: {} })).status).toBe(404);
    const noReason = await assessor.put(`${BASE}/2025/validation`, { version, answers: { [keys[0]!]: { level: 3 } } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe(`answers.${keys[0]}.reason`);
    expect(noReason.body.error.message.id).toContain('alasan wajib');
    expect(noReason.body.error.message.en).toContain('reason is required');
    const same = await assessor.put(`${BASE}/2025/validation`, { version, answers: { [keys[1]!]: { level: 4 } } });
    expect(same.status).toBe(200);
    version = same.body.version;
    const v = await assessor.put(`${BASE}/2025/validation`, {
      version, interviewNotes: 'Wawancara dengan Diskominfo',
      answers: { [keys[0]!]: { level: 3, reason: 'SK belum ditandatangani' }, [keys[2]!]: { level: 1, reason: 'Tidak ada data dukung' } },
    });
    expect(v.status).toBe(200);
    version = v.body.version;

    const view = (await assessor.get(`${BASE}/2025`)).body;
    expect(view.can).toMatchObject({ validate: true, finalize: true, narrative: true });
    expect(view.scores.gap.indicators.find((g: { key: string }) => g.key === keys[0]).gap).toBe(-1);
    expect(view.scores.validated.index).toBeLessThan(view.scores.self.index);
    expect(view.interviewNotes).toBe('Wawancara dengan Diskominfo');
    const cands = view.candidates;
    expect(cands.weaknesses.some((c: { kind: string; key: string }) => c.kind === 'no-evidence' && c.key === keys[2])).toBe(true);
    expect(cands.weaknesses.some((c: { kind: string }) => c.kind === 'gap')).toBe(true);

    // Narrative: the coordinator may write it too; empty lines are refused naming the field.
    const emptyLine = await coord.put(`${BASE}/2025/narrative`, { version, strengths: [''], weaknesses: [], recommendations: [] });
    expect(emptyLine.body.error.field).toBe('strengths.0');
    const n = await coord.put(`${BASE}/2025/narrative`, { version, strengths: [cands.strengths[0].text.id], weaknesses: ['Data dukung kurang'], recommendations: ['Lengkapi data dukung'] });
    expect(n.status).toBe(200);
    version = n.body.version;

    expect((await coord.post(`${BASE}/2025/finalize`, { version })).status).toBe(403);
    const fin = await assessor.post(`${BASE}/2025/finalize`, { version });
    expect(fin.status).toBe(200);
    expect(fin.body).toMatchObject({ status: 'final', published: true });

    // Public now, with the evidence file, in the 2025 ranking.
    const pub = await h.get(`${BASE}/2025`);
    expect(pub.status).toBe(200);
    expect(pub.body.selfAnswers[keys[0]!].files).toEqual([file.body.id]);
    expect(pub.body.evidence.files[file.body.id].name).toBe('berita-acara.pdf');
    expect(pub.body.validation[keys[0]!]).toMatchObject({ level: 3, reason: 'SK belum ditandatangani' });
    expect(pub.body.rank).toEqual({ rank: 1, of: 1, tied: false });
    expect(pub.body.narrative.weaknesses).toEqual(['Data dukung kurang']);
    expect((await h.app.inject({ method: 'GET', url: `/api/files/${file.body.id}` })).statusCode).toBe(200);
    const nat = await h.get('/api/evaluation/results?year=2025');
    expect(nat.body.items.map((i: { regionCode: string }) => i.regionCode)).toEqual([KUKAR]);
    expect((await assessor.post(`${BASE}/2025/finalize`, { version: fin.body.version })).body.error.code).toBe('wrong_status');

    // History and audit log of every step.
    const hist = await coord.get(`${BASE}/2025/history`);
    expect(hist.body.map((e: { action: string }) => e.action)).toEqual(['open', 'selfAssess', 'selfAssess', 'submit', 'validate', 'validate', 'narrative', 'finalize']);
    expect((await h.get(`${BASE}/2025/history`)).status).toBe(403);
    const log = await coord.get(`/api/audit?region=${KUKAR}&limit=100`);
    const actions = log.body.items.map((e: { action: string }) => e.action);
    for (const a of ['evaluation.selfAssess', 'evaluation.submit', 'evaluation.validate', 'evaluation.narrative', 'evaluation.finalize']) expect(actions).toContain(a);
  });

  it('a national admin opens a year; the year must be sane', async () => {
    const admin = await as('admin');
    const r = await admin.post('/api/regions/64.07/evaluations', { year: 2024, instrument: 'gmsc-tahap2-2024' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ year: 2024, status: 'self_assessment', version: 1 });
    const bad = await admin.post('/api/regions/64.07/evaluations', { year: 1999, instrument: 'gmsc-tahap2-2024' });
    expect(bad.body.error.field).toBe('year');
    expect((await admin.post('/api/regions/64.07/evaluations/2024/submit', { version: 1 })).body.error.field).toBe('answers');
    expect((await h.get('/api/regions/64.07/evaluations/abc')).body.error.field).toBe('year');
    expect((await admin.post('/api/regions/64/evaluations', { year: 2024, instrument: 'gmsc-tahap2-2024' })).body.error.field).toBe('code');
  });
});

describe('instrument versions', () => {
  it('a new version of an instrument does not re-score the years evaluated with the old one', async () => {
    const before = await h.get(`${BASE}/2022`);
    expect(before.body.instrument).toMatchObject({ id: 'gmsc-kppn-ikn-2022', version: '1' });
    // Version 2 swaps the Baseline and Output weights (10 % ↔ 20 %).
    const admin = await as('admin');
    const file = await admin.get('/api/evaluation/instruments/gmsc-kppn-ikn-2022/file');
    const topWeights = [...(file.body as string).matchAll(/^ {4}weight: (\d+)%$/gm)].map((m) => m[1]);
    expect(topWeights.slice(0, 2)).toEqual(['10', '20']);
    let n = 0;
    const v2 = (file.body as string).replace(/^version: "1"$/m, 'version: "2"')
      .replace(/^ {4}weight: (10|20)%$/gm, (line, w) => (n++ < 2 ? `    weight: ${w === '10' ? 20 : 10}%` : line));
    const imported = await admin.request('POST', '/api/evaluation/instruments', v2, { 'content-type': 'text/plain' });
    expect(imported.status).toBe(201);
    expect((await h.get('/api/evaluation/instruments/gmsc-kppn-ikn-2022')).body.version).toBe('2');

    const after = await h.get(`${BASE}/2022`);
    expect(after.body.instrument.version).toBe('1');
    expect(after.body.scores.validated.index).toBe(before.body.scores.validated.index);
  });
});
