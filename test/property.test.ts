import { afterAll, beforeAll, it } from 'vitest';
import { apiHarness, type Harness } from './support/api.ts';

let h: Harness;
beforeAll(async () => { h = await apiHarness(); });
afterAll(() => h.close());

it('probe', async () => {
  const c = await h.as('koordinator.kukar@demo.pilar.id');
  const a = await h.as('admin@demo.pilar.id');
  const parts = (await h.get('/api/participants')).body.map((p: any) => [p.code, p.masterplan.id]);
  console.log('participants', JSON.stringify(parts));
  const kids = (await h.get('/api/regions/64.02/children')).body.map((r: any) => r.code);
  const vill = (await h.get('/api/regions/64.02/children?level=village')).body.length;
  console.log('children', kids.length, kids.slice(0, 3), 'villages', vill);
  const regs = (await h.get('/api/regions?level=regency&q=64&limit=30')).body.items.map((r: any) => r.code);
  console.log('regencies', regs);
  const fw = (await h.get('/api/framework')).body;
  console.log('fw', fw.version, fw.dimensions.map((d: any) => `${d.key}:${d.elements.map((e: any) => e.key).join(',')}`));
  console.log('users 64.01', JSON.stringify((await a.get('/api/regions/64.01/users')).body.map((u: any) => [u.email, u.role, u.id])));
  console.log('users 64.02', JSON.stringify((await c.get('/api/regions/64.02/users')).body.map((u: any) => [u.email, u.role, u.id])));
  const t = async (label: string, n: number, f: () => Promise<any>) => { const s = Date.now(); let r; for (let i = 0; i < n; i++) r = await f(); console.log(label, r.status, ((Date.now() - s) / n).toFixed(1), 'ms/req'); };
  await t('opd 400', 200, () => c.post('/api/opds', { regionCode: '64.02' }));
  await t('opd 409', 100, () => c.post('/api/opds', { regionCode: '64.02', name: 'X', abbreviation: 'Dispar' }));
  await t('login 401 schema', 50, () => h.client().post('/api/auth/login', { email: 'x' }));
  await t('login 401 argon', 20, () => h.client().post('/api/auth/login', { email: 'x@y', password: 'x' }));
  await t('mp patch 409', 100, () => c.patch(`/api/masterplans/${parts[1][1]}`, { version: 99, title: 'x' }));
  await t('user create', 10, () => c.post('/api/users', { email: 'x@y.id', name: 'x', role: 'council', regionCode: '64.02' }));
  await t('get plan', 50, () => h.get('/api/regions/64.02/masterplan'));
});
