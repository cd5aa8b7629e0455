import { z } from 'zod';
import rateLimit from '@fastify/rate-limit';
import type { RoutesPlugin } from '../../core/http.ts';
import { can } from '../../core/policy.ts';
import { auditCsv, listAudit } from './audit.ts';
import { changePassword, createApiToken, listApiTokens, login, logout, revokeApiToken, totpEnable, totpSetup } from './auth.ts';
import { requireActor, SESSION_COOKIE, setSessionCookie } from './http-auth.ts';
import { createUser, forbidden, listUsers, resetPassword, updateUser } from './users.ts';

const id = z.object({ id: z.string().max(60) });
const code = z.object({ code: z.string().max(20) });
const body = z.record(z.string(), z.unknown()).describe('JSON object; see docs/api.md');

export const accountRoutes: RoutesPlugin = async (app, { database, config }) => {
  const db = database.db;

  await app.register(async (limited) => {
    await limited.register(rateLimit, {
      max: config.loginRateLimit, timeWindow: '1 minute',
      errorResponseBuilder: (_req, ctx) => ({
        statusCode: 429,
        error: { code: 'rate_limited', message: { id: `Terlalu banyak percobaan masuk; coba lagi dalam ${Math.ceil(ctx.ttl / 1000)} detik`, en: `Too many login attempts; try again in ${Math.ceil(ctx.ttl / 1000)} s` } },
      }),
    });
    limited.post('/auth/login', { schema: { tags: ['accounts'], summary: 'Log in; sets the session cookie (public)', body } }, async (req, reply) => {
      const r = await login(db, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      setSessionCookie(req, reply, r.sessionToken, r.expiresAt, config.cookieSecure);
      return { user: r.user, csrfToken: r.csrfToken };
    });
  });

  app.post('/auth/logout', { schema: { tags: ['accounts'], summary: 'End the session (any logged-in user)' } }, async (req, reply) => {
    const raw = req.cookies[SESSION_COOKIE];
    if (raw) await logout(db, raw, req.actor, req.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/me', { schema: { tags: ['accounts'], summary: 'The caller, its CSRF token and what the UI may offer' } }, async (req) => {
    const a = req.actor;
    const region = a?.regionCode;
    const regionIf = (ok: boolean) => (ok && region ? [region] : []);
    return {
      user: req.session?.user ?? (a ? { id: a.userId, name: a.name, role: a.role, regionCode: a.regionCode, opdId: null, assessorRegions: a.assessorRegions, via: 'token' } : null),
      csrfToken: req.session?.csrfToken ?? null,
      can: {
        allRegions: a?.role === 'national_admin',
        editRegions: regionIf(!!region && (can(a, 'program.write', { regionCode: region }) || a?.role === 'opd_officer')),
        decideRegions: regionIf(!!region && can(a, 'change.decide', { regionCode: region })),
        manageUsersRegions: regionIf(!!region && can(a, 'user.manage', { regionCode: region })),
        auditRegions: regionIf(!!region && can(a, 'audit.read', { regionCode: region })),
        readUnpublishedRegions: a?.role === 'assessor' ? a.assessorRegions : regionIf(!!region && can(a, 'region.readUnpublished', { regionCode: region })),
      },
    };
  });

  app.post('/auth/password', { schema: { tags: ['accounts'], summary: 'Change own password (logged-in user)', body } }, async (req) => {
    await changePassword(db, requireActor(req), req.cookies[SESSION_COOKIE], req.body, req.ip);
    return { ok: true };
  });
  app.post('/auth/totp/setup', { schema: { tags: ['accounts'], summary: 'Start TOTP set-up (admin roles)' } }, (req) => totpSetup(db, requireActor(req)));
  app.post('/auth/totp/enable', { schema: { tags: ['accounts'], summary: 'Confirm TOTP with a code', body } }, async (req) => {
    await totpEnable(db, requireActor(req), req.body, req.ip, true);
    return { ok: true };
  });
  app.post('/auth/totp/disable', { schema: { tags: ['accounts'], summary: 'Turn TOTP off with a code', body } }, async (req) => {
    await totpEnable(db, requireActor(req), req.body, req.ip, false);
    return { ok: true };
  });

  app.get('/regions/:code/users', { schema: { tags: ['accounts'], summary: 'Users of a region (coordinator, national admin)', params: code } }, (req) => listUsers(db, requireActor(req), req.params.code));
  app.post('/users', { schema: { tags: ['accounts'], summary: 'Create a user (coordinator of the region, national admin)', body } }, async (req, reply) => {
    const r = await createUser(db, requireActor(req), req.body, { ip: req.ip });
    return reply.status(201).send(r);
  });
  app.patch('/users/:id', { schema: { tags: ['accounts'], summary: 'Change or deactivate a user', params: id, body } }, (req) => updateUser(db, requireActor(req), req.params.id, req.body, req.ip));
  app.post('/users/:id/reset-password', { schema: { tags: ['accounts'], summary: 'Set a temporary password (shown once)', params: id } }, (req) => resetPassword(db, requireActor(req), req.params.id, req.ip));

  app.get('/tokens', { schema: { tags: ['accounts'], summary: 'API tokens (coordinator, national admin)' } }, (req) => listApiTokens(db, requireActor(req)));
  app.post('/tokens', { schema: { tags: ['accounts'], summary: 'Create an API token scoped to a region and role (shown once)', body } }, async (req, reply) => reply.status(201).send(await createApiToken(db, requireActor(req), req.body, req.ip)));
  app.delete('/tokens/:id', { schema: { tags: ['accounts'], summary: 'Revoke an API token', params: id } }, async (req) => {
    await revokeApiToken(db, requireActor(req), req.params.id, req.ip);
    return { ok: true };
  });

  const auditQ = z.object({ region: z.string().optional(), action: z.string().optional(), limit: z.string().optional(), offset: z.string().optional() });
  const auditScope = (req: { actor: import('../../core/policy.ts').Actor | null; query: { region?: string } }) => {
    const a = requireActor(req as never);
    if (a.role === 'national_admin') return req.query;
    const region = req.query.region ?? a.regionCode ?? '';
    if (!can(a, 'audit.read', { regionCode: region })) throw forbidden('region');
    return { ...req.query, region };
  };
  app.get('/audit', { schema: { tags: ['accounts'], summary: 'Audit log (coordinator: own region; national admin: all)', querystring: auditQ } }, (req) => listAudit(db, auditScope(req)));
  app.get('/audit.csv', { schema: { tags: ['accounts'], summary: 'Audit log as CSV', querystring: auditQ } }, async (req, reply) => {
    const csv = await auditCsv(db, auditScope(req));
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="pilar-audit.csv"').send(csv);
  });
};
