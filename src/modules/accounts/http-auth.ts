import type { FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import { AppError } from '../../core/errors.ts';
import type { RoutesPlugin } from '../../core/http.ts';
import { can, type Actor } from '../../core/policy.ts';
import type { Viewer } from '../masterplan/queries.ts';
import { actorFromApiToken, csrfMatches, sessionFromToken, type SessionInfo } from './auth.ts';

export const SESSION_COOKIE = 'pilar_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionInfo | null;
  }
}

/** Viewer of a region's data for this request: may it see unpublished programs? */
export const viewerFor = (req: FastifyRequest) => (regionCode: string): Viewer => ({ unpublished: can(req.actor, 'region.readUnpublished', { regionCode }) });

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller on every request: a Bearer API token, else the session cookie.
 * Cookie-authenticated writes must carry the session's CSRF token in x-csrf-token.
 */
export const authHooks: RoutesPlugin = async (app, { database }) => {
  await app.register(cookie);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.actor = await actorFromApiToken(database.db, auth.slice(7).trim());
      if (!req.actor) throw new AppError(401, 'invalid_token', { id: 'Token API tidak berlaku', en: 'The API token is not valid' }, 'authorization');
      return;
    }
    const raw = req.cookies[SESSION_COOKIE];
    if (!raw) return;
    req.session = await sessionFromToken(database.db, raw);
    req.actor = req.session?.actor ?? null;
    const isLogin = req.url.startsWith('/api/auth/login');
    if (req.session && UNSAFE.has(req.method) && !isLogin && !csrfMatches(req.session.csrfToken, req.headers['x-csrf-token'] as string | undefined)) {
      throw new AppError(403, 'csrf', { id: 'Token CSRF hilang atau salah; muat ulang halaman', en: 'Missing or wrong CSRF token; reload the page' }, 'x-csrf-token');
    }
  });
};

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError(401, 'unauthenticated', { id: 'Silakan masuk terlebih dahulu', en: 'Please log in first' });
  return req.actor;
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, expires: Date, secureSetting: string) {
  const secure = secureSetting === 'true' || (secureSetting === 'auto' && req.protocol === 'https');
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });
}
