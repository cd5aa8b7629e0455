import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { AppError } from '../../core/errors.ts';
import {
  createMasterplan, updateMasterplan, deleteMasterplan, createOpd, updateOpd, deleteOpd, createProgram, updateProgram, deleteProgram,
  createKpi, updateKpi, deleteKpi, setQuickWin, deleteQuickWin, saveReadiness,
} from './commands.ts';
import { getProgramView, listPrograms, listQuickWins } from './queries.ts';

let database: TestDatabase;
let planId: string;
let opdA: string;
let opdB: string;
let foreignOpd: string;

/** Expects an AppError with this status naming this field. */
async function rejects(p: Promise<unknown>, status: number, field: string) {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e, `expected ${status} on ${field}`).toBeInstanceOf(AppError);
  expect((e as AppError).status).toBe(status);
  expect((e as AppError).field).toBe(field);
  expect((e as AppError).bilingual.id).not.toEqual('');
  expect((e as AppError).bilingual.en).not.toEqual('');
  return e as AppError;
}
const count = async (table: string) => Number((await database.exec(`select count(*)::int as n from ${table}`)).rows[0]!.n);

const baseProgram = () => ({
  masterplanId: planId, code: 'T-01', title: 'Program uji', elementKey: 'governance.public-service', leadOpdId: opdA,
  horizon: 'medium' as const, startYear: 2024, endYear: 2026,
  budgets: [{ year: 2024, source: 'APBD' as const, amount: 1_000_000_000 }, { year: 2025, source: 'APBN' as const, amount: 500_000_000 }],
  locations: ['64.03.01', '64.03.01.2001'],
  supportingOpdIds: [opdB],
});

beforeAll(async () => {
  database = await testDatabase();
  const db = database.db;
  // Kutai Timur (64.03) has no demo plan: a clean region to write in.
  planId = (await createMasterplan(db, { regionCode: '64.03', title: 'Masterplan Uji', periodStart: 2024, periodEnd: 2033 })).id;
  opdA = (await createOpd(db, { regionCode: '64.03', name: 'Dinas Komunikasi dan Informatika', abbreviation: 'Diskominfo', role: 'coordinator' })).id;
  opdB = (await createOpd(db, { regionCode: '64.03', name: 'Badan Perencanaan Pembangunan Daerah', abbreviation: 'Bappeda', role: 'leading_sector' })).id;
  foreignOpd = (await createOpd(db, { regionCode: '64.11', name: 'Dinas Lain', abbreviation: 'DL' })).id;
});
afterAll(() => database.close());

describe('masterplan', () => {
  it('validates region, years and duplicates', async () => {
    const db = database.db;
    await rejects(createMasterplan(db, { regionCode: '64', title: 'x', periodStart: 2024, periodEnd: 2030 }), 400, 'regionCode');
    await rejects(createMasterplan(db, { regionCode: '64.99', title: 'x', periodStart: 2024, periodEnd: 2030 }), 400, 'regionCode');
    await rejects(createMasterplan(db, { regionCode: '64.03', title: '', periodStart: 2024, periodEnd: 2030 }), 400, 'title');
    await rejects(createMasterplan(db, { regionCode: '64.03', title: 'x', periodStart: 2030, periodEnd: 2024 }), 400, 'periodEnd');
    await rejects(createMasterplan(db, { regionCode: '64.03', title: 'x', periodStart: 1990, periodEnd: 2024 }), 400, 'periodStart');
    await rejects(createMasterplan(db, { regionCode: '64.03', title: 'x', periodStart: 2024, periodEnd: 2030, colour: 'red' }), 400, 'colour');
    await rejects(createMasterplan(db, { regionCode: '64.03', title: 'Dua', periodStart: 2024, periodEnd: 2033 }), 409, 'periodStart');
  });

  it('updates with optimistic concurrency and deletes', async () => {
    const db = database.db;
    const m = await createMasterplan(db, { regionCode: '64.08', title: 'Awal', periodStart: 2025, periodEnd: 2034 });
    const u = await updateMasterplan(db, m.id, { title: 'Kedua', vision: 'Visi' }, 1);
    expect(u.version).toBe(2);
    const stale = await rejects(updateMasterplan(db, m.id, { title: 'Basi' }, 1), 409, 'version');
    expect(stale.bilingual.id).toMatch(/versi 2/);
    await rejects(updateMasterplan(db, m.id, { periodEnd: 2000 }), 400, 'periodEnd');
    await deleteMasterplan(db, m.id);
    await rejects(deleteMasterplan(db, m.id), 404, 'id');
  });
});

describe('OPD', () => {
  it('validates and refuses duplicates and deleting an OPD in use', async () => {
    const db = database.db;
    await rejects(createOpd(db, { regionCode: '64.03', name: 'X', abbreviation: 'Diskominfo' }), 409, 'abbreviation');
    await rejects(createOpd(db, { regionCode: '64.03', name: '', abbreviation: 'Y' }), 400, 'name');
    await rejects(createOpd(db, { regionCode: '64.03', name: 'Y', abbreviation: 'Y', role: 'boss' }), 400, 'role');
    const o = await createOpd(db, { regionCode: '64.03', name: 'Dinas Sementara', abbreviation: 'DS' });
    expect((await updateOpd(db, o.id, { name: 'Dinas Tetap' }, 1)).version).toBe(2);
    await deleteOpd(db, o.id);
    await rejects(updateOpd(db, o.id, { name: 'x' }), 404, 'id');
  });
});

describe('program', () => {
  it('creates with budgets, locations and supporting OPDs, and reads it back', async () => {
    const p = await createProgram(database.db, baseProgram());
    const v = await getProgramView(database.db, p.id);
    expect(v).toMatchObject({ code: 'T-01', dimensionKey: 'governance', budgetTotal: 1_500_000_000, leadOpd: { id: opdA }, supportingOpds: [{ id: opdB }] });
    expect(v.locations.map((l) => l.code)).toEqual(['64.03.01', '64.03.01.2001']);
    expect(v.locations[1]).toMatchObject({ level: 'village', districtName: expect.any(String) });
    await deleteProgram(database.db, p.id);
  });

  it.each([
    ['elementKey', { elementKey: 'governance.nope' }],
    ['leadOpdId', { leadOpdId: '00000000-0000-4000-8000-000000000000' }],
    ['supportingOpdIds.0', { supportingOpdIds: ['FOREIGN'] }],
    ['supportingOpdIds.0', { supportingOpdIds: ['SELF'] }],
    ['endYear', { endYear: 2023 }],
    ['endYear', { startYear: 2030, endYear: 2040 }],
    ['budgets.0.year', { budgets: [{ year: 2020, source: 'APBD', amount: 1 }] }],
    ['budgets.1.source', { budgets: [{ year: 2024, source: 'APBD', amount: 1 }, { year: 2024, source: 'APBD', amount: 2 }] }],
    ['budgets.0.amount', { budgets: [{ year: 2024, source: 'APBD', amount: -5 }] }],
    ['budgets.0.source', { budgets: [{ year: 2024, source: 'Hibah', amount: 5 }] }],
    ['locations.0', { locations: ['64.02.01.2001'] }],
    ['locations.0', { locations: ['64.03.99'] }],
    ['locations.1', { locations: ['64.03.01', '64.03.01'] }],
    ['serviceUrl', { serviceUrl: 'javascript:alert(1)' }],
    ['horizon', { horizon: 'forever' }],
    ['code', { code: 'has space' }],
    ['masterplanId', { masterplanId: 'nope' }],
  ])('refuses a bad %s and writes nothing', async (field, patch) => {
    const before = await count('programs');
    const input: Record<string, unknown> = { ...baseProgram(), ...patch };
    if ((patch as { supportingOpdIds?: string[] }).supportingOpdIds?.[0] === 'FOREIGN') input.supportingOpdIds = [foreignOpd];
    if ((patch as { supportingOpdIds?: string[] }).supportingOpdIds?.[0] === 'SELF') input.supportingOpdIds = [opdA];
    await rejects(createProgram(database.db, input), 400, field);
    expect(await count('programs')).toBe(before);
  });

  it('refuses a duplicate code with 409', async () => {
    const p = await createProgram(database.db, { ...baseProgram(), code: 'DUP-1' });
    await rejects(createProgram(database.db, { ...baseProgram(), code: 'DUP-1' }), 409, 'code');
    await deleteProgram(database.db, p.id);
  });

  it('updates atomically: a bad child value leaves the program unchanged', async () => {
    const p = await createProgram(database.db, { ...baseProgram(), code: 'UPD-1' });
    await rejects(updateProgram(database.db, p.id, { title: 'Baru', locations: ['64.02.01'] }, 1), 400, 'locations.0');
    expect((await getProgramView(database.db, p.id)).title).toBe('Program uji');
    const u = await updateProgram(database.db, p.id, { title: 'Baru', budgets: [{ year: 2026, source: 'CSR', amount: 7 }] }, 1);
    expect(u.version).toBe(2);
    const v = await getProgramView(database.db, p.id);
    expect(v).toMatchObject({ title: 'Baru', budgetTotal: 7, budgets: [{ year: 2026, source: 'CSR', amount: 7, illustrative: false }] });
    // Fields the patch did not name (locations, supporting OPDs) are kept.
    expect(v.locations).toHaveLength(2);
    expect(v.supportingOpds).toEqual([expect.objectContaining({ id: opdB })]);
    await rejects(updateProgram(database.db, p.id, { title: 'Lagi' }, 1), 409, 'version');
    // Shrinking the years below an existing budget is refused.
    await rejects(updateProgram(database.db, p.id, { endYear: 2025 }), 400, 'budgets.0.year');
    await deleteProgram(database.db, p.id);
    await rejects(getProgramView(database.db, p.id), 404, 'id');
  });
});

describe('KPI', () => {
  it('validates polarity, ranges and target years', async () => {
    const p = await createProgram(database.db, { ...baseProgram(), code: 'KPI-1' });
    const base = { programId: p.id, name: 'Desa terlayani', unit: 'desa', polarity: 'higher' as const, baselineValue: 3, baselineYear: 2023 };
    await rejects(createKpi(database.db, { ...base, targets: [{ year: 2024, value: 5, valueMax: 7 }] }), 400, 'targets.0.valueMax');
    await rejects(createKpi(database.db, { ...base, polarity: 'range', targets: [{ year: 2024, value: 5 }] }), 400, 'targets.0.valueMax');
    await rejects(createKpi(database.db, { ...base, polarity: 'range', targets: [{ year: 2024, value: 5, valueMax: 4 }] }), 400, 'targets.0.valueMax');
    await rejects(createKpi(database.db, { ...base, targets: [{ year: 2022, value: 5 }] }), 400, 'targets.0.year');
    await rejects(createKpi(database.db, { ...base, targets: [{ year: 2024, value: 5 }, { year: 2024, value: 6 }] }), 400, 'targets.1.year');
    await rejects(createKpi(database.db, { ...base, unit: '' }), 400, 'unit');
    await rejects(createKpi(database.db, { ...base, polarity: 'up' }), 400, 'polarity');
    const k = await createKpi(database.db, { ...base, targets: [{ year: 2024, value: 5 }, { year: 2025, value: 8 }] });
    await rejects(updateKpi(database.db, k.id, { polarity: 'range' }), 400, 'targets.0.valueMax');
    await updateKpi(database.db, k.id, { polarity: 'range', targets: [{ year: 2025, value: 10, valueMax: 12 }] }, 1);
    const v = await getProgramView(database.db, p.id);
    expect(v.kpis[0]).toMatchObject({ polarity: 'range', targets: [{ year: 2025, value: 10, valueMax: 12 }] });
    await deleteKpi(database.db, k.id);
    await rejects(deleteKpi(database.db, k.id), 404, 'id');
    await deleteProgram(database.db, p.id);
  });
});

describe('quick wins', () => {
  it('one program per dimension and year; the program must belong to that dimension and year', async () => {
    const p = await createProgram(database.db, { ...baseProgram(), code: 'QW-1' });
    const q = { masterplanId: planId, year: 2025, dimensionKey: 'governance', programId: p.id, progress: 40 };
    await rejects(setQuickWin(database.db, { ...q, dimensionKey: 'economy' }), 400, 'dimensionKey');
    await rejects(setQuickWin(database.db, { ...q, year: 2030 }), 400, 'year');
    await rejects(setQuickWin(database.db, { ...q, progress: 140 }), 400, 'progress');
    const qw = await setQuickWin(database.db, q);
    const again = await setQuickWin(database.db, { ...q, progress: 60 });
    expect(again.id).toBe(qw.id);
    const list = await listQuickWins(database.db, '64.03', { year: 2025 });
    expect(list).toEqual([expect.objectContaining({ dimension: 'governance', progress: 60, program: { id: p.id, title: 'Program uji' }, opd: expect.objectContaining({ abbreviation: 'Diskominfo' }) })]);
    expect((await listPrograms(database.db, '64.03', { quickWinYear: 2025 })).total).toBe(1);
    await deleteQuickWin(database.db, qw.id);
    expect(await listQuickWins(database.db, '64.03', { year: 2025 })).toEqual([]);
    await deleteProgram(database.db, p.id);
  });
});

describe('readiness', () => {
  it('saves SWOT per dimension and aspect, replacing items', async () => {
    const r = { masterplanId: planId, dimensionKey: 'living', aspect: 'infrastruktur' as const, summary: 'Jaringan terbatas', swot: [{ kind: 'weakness' as const, text: 'Blank spot' }] };
    const a = await saveReadiness(database.db, r);
    const b = await saveReadiness(database.db, { ...r, swot: [{ kind: 'strength', text: 'Palapa Ring' }, { kind: 'threat', text: 'Biaya' }] });
    expect(b.id).toBe(a.id);
    const { rows } = await database.exec('select kind, text from swot_items where readiness_id = $1 order by position', [a.id]);
    expect(rows).toEqual([{ kind: 'strength', text: 'Palapa Ring' }, { kind: 'threat', text: 'Biaya' }]);
    await rejects(saveReadiness(database.db, { ...r, dimensionKey: 'mood' }), 400, 'dimensionKey');
    await rejects(saveReadiness(database.db, { ...r, aspect: 'budaya' }), 400, 'aspect');
    await rejects(saveReadiness(database.db, { ...r, swot: [{ kind: 'strength', text: '' }] }), 400, 'swot.0.text');
  });
});
