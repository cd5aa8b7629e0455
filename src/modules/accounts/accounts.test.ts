import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, appOver, Client, DEMO_PASSWORD, type Harness } from '../../../test/support/api.ts';
import { openDatabase } from '../../core/db.ts';
import { engine } from '../../../test/support/engine.ts';

let h: Harness;
beforeAll(async () => { h = await apiHarness(); });
afterAll(() => h.close());

describe('login and sessions', () => {
  it('refuses wrong passwords and unknown emails alike, and audits the attempt', async () => {
    const wrong = await h.client().post('/api/auth/login', { email: 'koordinator.kukar@demo.pilar.id', password: 'salah-sekali-123' });
    const unknown = await h.client().post('/api/auth/login', { email: 'nobody@example.id', password: 'salah-sekali-123' });
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.body.error).toMatchObject({ code: 'invalid_credentials', field: 'password' });
    }
    const missing = await h.client().post('/api/auth/login', { email: 'x@y.id' });
    expect(missing.body.error.field).toBe('password');
    const coord = await h.as('koordinator.kukar@demo.pilar.id');
    const failed = (await coord.get('/api/audit?action=auth.login_failed')).body.items;
    expect(failed.some((e: { actorLabel: string }) => e.actorLabel === 'koordinator.kukar@demo.pilar.id')).toBe(true);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie; Secure behind HTTPS', async () => {
    const r = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'bappeda.kukar@demo.pilar.id', password: DEMO_PASSWORD } });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/pilar_session=[\w-]{30,}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const https = await h.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { email: 'bappeda.kukar@demo.pilar.id', password: DEMO_PASSWORD } });
    expect(String(https.headers['set-cookie'])).toMatch(/Secure/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(String(r.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('GET /api/me tells who is logged in and never shows a password or hash', async () => {
    const anon = await h.client().get('/api/me');
    expect(anon.body).toMatchObject({ user: null, csrfToken: null });
    const c = await h.as('koordinator.kukar@demo.pilar.id');
    const me = await c.get('/api/me');
    expect(me.body.user).toMatchObject({ email: 'koordinator.kukar@demo.pilar.id', role: 'coordinator', regionCode: '64.02' });
    expect(me.body.can).toMatchObject({ editRegions: ['64.02'], decideRegions: ['64.02'], manageUsersRegions: ['64.02'] });
    const text = JSON.stringify(me.body);
    expect(text).not.toMatch(/argon2|passwordHash|totpSecret/);
  });

  it('cookie-authenticated writes need the CSRF token', async () => {
    const c = await h.as('koordinator.kukar@demo.pilar.id');
    const plan = (await h.get('/api/regions/64.02/masterplan')).body;
    const noToken = await c.request('PATCH', `/api/masterplans/${plan.id}`, { version: plan.version, vision: 'x' }, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf');
    const ok = await c.patch(`/api/masterplans/${plan.id}`, { version: plan.version, vision: plan.vision });
    expect(ok.status).toBe(200);
  });

  it('anonymous writes get 401', async () => {
    const r = await h.client().post('/api/opds', { regionCode: '64.02', name: 'X', abbreviation: 'X' });
    expect(r.status).toBe(401);
  });

  it('logout ends the session', async () => {
    const c = await h.as('dewan.kukar@demo.pilar.id');
    const cookie = c.cookie;
    await c.post('/api/auth/logout');
    const again = new Client(h.app);
    again.cookie = cookie;
    expect((await again.get('/api/me')).body.user).toBeNull();
  });

  it('sessions survive a restart and are shared by a second app on the same database', async () => {
    const c = await h.as('koordinator.kukar@demo.pilar.id');
    const second = await openDatabase(engine === 'postgres' ? { databaseUrl: h.database.location } : { dataDir: 'memory://' });
    // PGlite is single-process: the "second app" shares its handle; on PostgreSQL it has its own pool.
    const db2 = engine === 'postgres' ? second : h.database;
    const app2 = await appOver(db2);
    const c2 = new Client(app2);
    c2.cookie = c.cookie;
    expect((await c2.get('/api/me')).body.user.email).toBe('koordinator.kukar@demo.pilar.id');
    await app2.close();
    await second.close();

    await h.app.close();
    await h.database.restart();
    h.app = await appOver(h.database, {}, h.logs);
    const c3 = new Client(h.app);
    c3.cookie = c.cookie;
    expect((await c3.get('/api/me')).body.user.email).toBe('koordinator.kukar@demo.pilar.id');
  });

  it('rate-limits login attempts', async () => {
    const limited = await appOver(h.database, { loginRateLimit: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.id', password: 'xxxxxxxxxxxx' } })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    await limited.close();
  });

  it('never writes passwords to the log', () => {
    const all = h.logs.join('\n');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(DEMO_PASSWORD);
    expect(all).not.toContain('salah-sekali-123');
    expect(all).not.toMatch(/pilar_session=/);
  });
});

describe('passwords, users and second factor', () => {
  it('the coordinator adds a user, who logs in with the temporary password and changes it', async () => {
    const coord = await h.as('koordinator.kukar@demo.pilar.id');
    const opds = (await h.get('/api/regions/64.02/opds')).body;
    const created = await coord.post('/api/users', { email: 'Petugas.Dinkes@Kukar.go.id', name: 'Petugas Dinkes', role: 'opd_officer', regionCode: '64.02', opdId: opds[0].id });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email: 'petugas.dinkes@kukar.go.id', mustChangePassword: true });
    const temp = created.body.temporaryPassword;
    const u = await h.as('petugas.dinkes@kukar.go.id').catch(() => null);
    expect(u).toBeNull();
    const user = await new Client(h.app).login('petugas.dinkes@kukar.go.id', temp);
    expect((await user.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'sandi-baru-yang-panjang' })).body.error.field).toBe('currentPassword');
    expect((await user.post('/api/auth/password', { currentPassword: temp, newPassword: 'pendek' })).body.error.field).toBe('newPassword');
    expect((await user.post('/api/auth/password', { currentPassword: temp, newPassword: 'sandi-baru-yang-panjang' })).status).toBe(200);
    await new Client(h.app).login('petugas.dinkes@kukar.go.id', 'sandi-baru-yang-panjang');

    // Reset by the coordinator ends the user's sessions.
    const reset = await coord.post(`/api/users/${created.body.user.id}/reset-password`);
    expect(reset.body.temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    expect((await user.get('/api/me')).body.user).toBeNull();
    // Deactivated users cannot log in.
    await coord.patch(`/api/users/${created.body.user.id}`, { active: false });
    expect((await new Client(h.app).post('/api/auth/login', { email: 'petugas.dinkes@kukar.go.id', password: reset.body.temporaryPassword })).status).toBe(401);
  });

  it('validates users and keeps coordinators to their own region', async () => {
    const coord = await h.as('koordinator.kukar@demo.pilar.id');
    expect((await coord.post('/api/users', { email: 'x', name: 'X', role: 'council', regionCode: '64.02' })).body.error.field).toBe('email');
    expect((await coord.post('/api/users', { email: 'koordinator.kukar@demo.pilar.id', name: 'X', role: 'council', regionCode: '64.02' })).status).toBe(409);
    expect((await coord.post('/api/users', { email: 'o@x.id', name: 'X', role: 'opd_officer', regionCode: '64.02' })).body.error.field).toBe('opdId');
    expect((await coord.post('/api/users', { email: 'p@x.id', name: 'X', role: 'council', regionCode: '64.01' })).status).toBe(403);
    expect((await coord.post('/api/users', { email: 'q@x.id', name: 'X', role: 'national_admin' })).status).toBe(403);
    expect((await coord.get('/api/regions/64.01/users')).status).toBe(403);
    const own = (await coord.get('/api/regions/64.02/users')).body;
    expect(own.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining(['bappeda.kukar@demo.pilar.id', 'asesor.kukar@demo.pilar.id']));
  });

  it('TOTP: once enabled, login needs the code', async () => {
    const coord = await h.as('koordinator.paser@demo.pilar.id');
    const setup = await coord.post('/api/auth/totp/setup');
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.body.secret) });
    expect((await coord.post('/api/auth/totp/enable', { code: '000000' === totp.generate() ? '111111' : '000000' })).body.error.field).toBe('code');
    expect((await coord.post('/api/auth/totp/enable', { code: totp.generate() })).status).toBe(200);
    const without = await h.client().post('/api/auth/login', { email: 'koordinator.paser@demo.pilar.id', password: DEMO_PASSWORD });
    expect(without.body.error).toMatchObject({ code: 'totp_required', field: 'totp' });
    const withCode = await h.client().post('/api/auth/login', { email: 'koordinator.paser@demo.pilar.id', password: DEMO_PASSWORD, totp: totp.generate() });
    expect(withCode.status).toBe(200);
    expect((await (await h.as('opd.paser@demo.pilar.id')).post('/api/auth/totp/setup')).status).toBe(403);
  });
});

describe('API tokens', () => {
  it('are scoped to a region and role, usable without cookies, and revocable', async () => {
    const coord = await h.as('koordinator.kukar@demo.pilar.id');
    const t = await coord.post('/api/tokens', { name: 'Dasbor Diskominfo', regionCode: '64.02', role: 'bappeda' });
    expect(t.status).toBe(201);
    expect(t.body.token).toMatch(/^pilar_/);
    expect((await coord.post('/api/tokens', { name: 'x', regionCode: '64.01', role: 'bappeda' })).status).toBe(403);
    const bot = new Client(h.app, { authorization: `Bearer ${t.body.token}` });
    const plan = (await h.get('/api/regions/64.02/masterplan')).body;
    expect((await bot.patch(`/api/masterplans/${plan.id}`, { version: plan.version, vision: plan.vision })).status).toBe(200);
    const paser = (await h.get('/api/regions/64.01/masterplan')).body;
    expect((await bot.patch(`/api/masterplans/${paser.id}`, { version: paser.version, vision: 'x' })).status).toBe(403);
    expect((await bot.post('/api/users', { email: 'z@z.id', name: 'Z', role: 'council', regionCode: '64.02' })).status).toBe(403);
    const listed = (await coord.get('/api/tokens')).body;
    expect(JSON.stringify(listed)).not.toContain(t.body.token);
    expect((await coord.delete(`/api/tokens/${t.body.id}`)).status).toBe(200);
    expect((await bot.get('/api/me')).status).toBe(401);
  });
});

describe('audit log', () => {
  it('coordinators read their region and export CSV; others may not', async () => {
    const coord = await h.as('koordinator.kukar@demo.pilar.id');
    const page = (await coord.get('/api/audit?limit=5')).body;
    expect(page.items.length).toBe(5);
    expect(page.items.every((e: { regionCode: string }) => e.regionCode === '64.02')).toBe(true);
    const csv = await coord.get('/api/audit.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toBe('at,actor_email,actor,action,entity_type,entity_id,region_code,ip,details');
    expect(lines.length).toBe(page.total + 1);
    expect((await coord.get('/api/audit?region=64.01')).status).toBe(403);
    expect((await (await h.as('bappeda.kukar@demo.pilar.id')).get('/api/audit')).status).toBe(403);
    expect((await h.client().get('/api/audit')).status).toBe(401);
    const admin = await h.as('admin@demo.pilar.id');
    expect((await admin.get('/api/audit?region=64.01')).status).toBe(200);
  });
});
