import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type Harness } from '../../../test/support/api.ts';

let h: Harness;
let ownProgram: { id: string; title: string; version: number };
let otherProgram: { id: string };
let masterplanId: string;
let disparId: string;

beforeAll(async () => {
  h = await apiHarness();
  const me = (await (await h.as('opd.kukar@demo.pilar.id')).get('/api/me')).body;
  disparId = me.user.opdId;
  const list = (await h.get('/api/regions/64.02/programs?limit=200')).body.items;
  const own = list.find((p: { leadOpd: { id: string } }) => p.leadOpd.id === disparId);
  const full = (await h.get(`/api/programs/${own.id}`)).body;
  ownProgram = { id: full.id, title: full.title, version: full.version };
  otherProgram = list.find((p: { leadOpd: { id: string } }) => p.leadOpd.id !== disparId);
  masterplanId = (await h.get('/api/regions/64.02/masterplan')).body.id;
});
afterAll(() => h.close());

describe('draft and publish', () => {
  it('an OPD officer edit waits for approval; the public keeps the published version', async () => {
    const officer = await h.as('opd.kukar@demo.pilar.id');
    const r = await officer.patch(`/api/programs/${ownProgram.id}`, { version: ownProgram.version, title: 'Judul baru dari OPD' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('pending');
    const pub = await h.get(`/api/programs/${ownProgram.id}`);
    expect(pub.body).toMatchObject({ title: ownProgram.title, hasPendingChanges: true, pendingChange: null });
    const council = await (await h.as('dewan.kukar@demo.pilar.id')).get(`/api/programs/${ownProgram.id}`);
    expect(council.body.pendingChange).toMatchObject({ status: 'pending', diff: [{ field: 'title', before: ownProgram.title, after: 'Judul baru dari OPD' }] });
  });

  it("an OPD officer cannot edit another OPD's program, nor approve", async () => {
    const officer = await h.as('opd.kukar@demo.pilar.id');
    const r = await officer.patch(`/api/programs/${otherProgram.id}`, { version: 1, title: 'x' });
    expect(r.status).toBe(403);
    const changes = (await officer.get('/api/regions/64.02/changes')).body;
    expect((await officer.post(`/api/changes/${changes[0].id}/approve`)).status).toBe(403);
    const moved = await officer.patch(`/api/programs/${ownProgram.id}`, { version: ownProgram.version, leadOpdId: changes[0].author.id });
    expect(moved.status).toBe(400);
  });

  it('the coordinator approves; the public page shows the change; history and audit record it', async () => {
    const coord = await h.as('koordinator.kukar@demo.pilar.id');
    const dash = (await coord.get('/api/me/dashboard')).body;
    const change = dash.pendingChanges.find((c: { entityId: string }) => c.entityId === ownProgram.id);
    expect(change).toMatchObject({ entityTitle: ownProgram.title, author: { name: expect.stringContaining('Dinas Pariwisata') } });
    const ok = await coord.post(`/api/changes/${change.id}/approve`);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect((await coord.post(`/api/changes/${change.id}/approve`)).status).toBe(409);
    const pub = (await h.get(`/api/programs/${ownProgram.id}`)).body;
    expect(pub).toMatchObject({ title: 'Judul baru dari OPD', version: ownProgram.version + 1, hasPendingChanges: false });
    const hist = (await h.get(`/api/programs/${ownProgram.id}/history`)).body;
    expect(hist[0]).toMatchObject({ version: ownProgram.version + 1, changes: [{ field: 'title', before: ownProgram.title, after: 'Judul baru dari OPD' }] });
    expect(hist.at(-1)).toMatchObject({ version: 1, action: 'seed' });
    const audit = (await coord.get('/api/audit?limit=100')).body.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['program.propose_update', 'change.approve', 'auth.login']));
  });

  it('restores an earlier version as a new version', async () => {
    const coord = await h.as('koordinator.kukar@demo.pilar.id');
    const cur = (await h.get(`/api/programs/${ownProgram.id}`)).body;
    const r = await coord.post(`/api/programs/${ownProgram.id}/restore`, { version: 1, currentVersion: cur.version });
    expect(r.status).toBe(200);
    const after = (await h.get(`/api/programs/${ownProgram.id}`)).body;
    expect(after).toMatchObject({ title: ownProgram.title, version: cur.version + 1 });
    expect((await coord.post(`/api/programs/${ownProgram.id}/restore`, { version: 99, currentVersion: after.version })).body.error.field).toBe('version');
  });

  it('a returned change carries the reviewer comment to the author', async () => {
    const officer = await h.as('opd.kukar@demo.pilar.id');
    const cur = (await h.get(`/api/programs/${ownProgram.id}`)).body;
    const r = await officer.patch(`/api/programs/${ownProgram.id}`, { version: cur.version, description: 'Deskripsi usulan' });
    const bappeda = await h.as('bappeda.kukar@demo.pilar.id');
    expect((await bappeda.post(`/api/changes/${r.body.change.id}/reject`, {})).body.error.field).toBe('comment');
    expect((await bappeda.post(`/api/changes/${r.body.change.id}/reject`, { comment: 'Lengkapi indikator' })).status).toBe(200);
    const dash = (await officer.get('/api/me/dashboard')).body;
    expect(dash.returned[0]).toMatchObject({ status: 'rejected', comment: 'Lengkapi indikator' });
  });

  it('a program proposed by an officer stays unpublished until approved', async () => {
    const officer = await h.as('opd.kukar@demo.pilar.id');
    const r = await officer.post('/api/programs', {
      masterplanId, code: 'DRAFT-OPD-1', title: 'Festival Digital Desa Wisata', elementKey: 'branding.tourism', leadOpdId: disparId,
      horizon: 'short', startYear: 2026, endYear: 2026,
    });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('pending');
    const id = r.body.program.id;
    expect((await h.get(`/api/programs/${id}`)).status).toBe(404);
    expect((await h.get('/api/regions/64.02/programs?q=DRAFT-OPD')).body.total).toBe(0);
    const foreign = await h.as('koordinator.paser@demo.pilar.id');
    expect((await foreign.get(`/api/programs/${id}`)).status).toBe(404);
    const council = await h.as('dewan.kukar@demo.pilar.id');
    expect((await council.get(`/api/programs/${id}`)).body.published).toBe(false);
    expect((await council.get('/api/regions/64.02/programs?q=DRAFT-OPD')).body.total).toBe(1);
    const coord = await h.as('koordinator.kukar@demo.pilar.id');
    const change = (await coord.get('/api/regions/64.02/changes')).body.find((c: { entityId: string }) => c.entityId === id);
    await coord.post(`/api/changes/${change.id}/approve`);
    expect((await h.get(`/api/programs/${id}`)).body).toMatchObject({ published: true, title: 'Festival Digital Desa Wisata' });
  });
});

describe('no lost updates', () => {
  it('the second of two edits from the same version gets 409 naming what changed', async () => {
    const a = await h.as('koordinator.kukar@demo.pilar.id');
    const b = await h.as('bappeda.kukar@demo.pilar.id');
    const cur = (await h.get(`/api/programs/${otherProgram.id}`)).body;
    expect((await a.patch(`/api/programs/${otherProgram.id}`, { version: cur.version, title: 'Versi A' })).status).toBe(200);
    const second = await b.patch(`/api/programs/${otherProgram.id}`, { version: cur.version, description: 'Versi B' });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'version_conflict', field: 'version' });
    expect(second.body.error.message.id).toContain('title');
    expect(second.body.error.message.en).toContain('title');
    expect((await h.get(`/api/programs/${otherProgram.id}`)).body.description).toBe(cur.description);
    expect((await b.patch(`/api/programs/${otherProgram.id}`, { title: 'no version' })).body.error.field).toBe('version');
  });
});
