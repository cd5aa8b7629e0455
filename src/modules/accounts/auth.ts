import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../core/db.ts';
import { AppError, invalid, notFound, parseInput } from '../../core/errors.ts';
import { can, type Actor, type Role } from '../../core/policy.ts';
import { audit } from './audit.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.ts';
import { apiTokens, assessorRegions, ROLES, sessions, users } from './schema.ts';
import { forbidden, publicUser, type PublicUser } from './users.ts';

export const SESSION_DAYS = 14;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = (bytes = 32) => randomBytes(bytes).toString('base64url');
const ADMIN_ROLES: Role[] = ['national_admin', 'coordinator'];

const loginInput = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Wajib diisi | Required').max(200),
  password: z.string().min(1, 'Wajib diisi | Required').max(200),
  totp: z.string().trim().regex(/^\d{6}$/, 'Kode 6 angka | A 6-digit code').optional(),
}).strict();

const badLogin = () => new AppError(401, 'invalid_credentials', { id: 'Email atau kata sandi salah', en: 'Wrong email or password' }, 'password');

export interface LoginResult { sessionToken: string; csrfToken: string; user: PublicUser; expiresAt: Date }

/** Checks the password (and TOTP when enabled), then opens a session stored in the database. */
export async function login(db: Db, input: unknown, ctx: { ip?: string | null; userAgent?: string | null }): Promise<LoginResult> {
  const l = parseInput(loginInput, input);
  const [u] = await db.select().from(users).where(eq(users.email, l.email));
  // Verify against a dummy hash for unknown emails so timing does not reveal which emails exist.
  const ok = await verifyPassword(u?.passwordHash ?? DUMMY_HASH, l.password);
  if (!u || !ok || !u.active) {
    await audit(db, { actor: null, label: l.email, action: 'auth.login_failed', ip: ctx.ip, regionCode: u?.regionCode ?? null });
    throw badLogin();
  }
  if (u.totpEnabled) {
    if (!l.totp || !checkTotp(u.totpSecret!, l.totp)) {
      await audit(db, { actor: null, label: l.email, action: 'auth.totp_failed', ip: ctx.ip, regionCode: u.regionCode });
      throw new AppError(401, 'totp_required', { id: 'Masukkan kode 6 angka dari aplikasi autentikator', en: 'Enter the 6-digit code from your authenticator app' }, 'totp');
    }
  }
  const sessionToken = token();
  const csrfToken = token(24);
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(lt(sessions.expiresAt, new Date()));
    await tx.insert(sessions).values({ id: sha256(sessionToken), userId: u.id, csrfToken, expiresAt, ip: ctx.ip ?? null, userAgent: ctx.userAgent?.slice(0, 300) ?? null });
    await audit(tx, { actor: await actorOf(tx, u, 'session'), action: 'auth.login', ip: ctx.ip, regionCode: u.regionCode });
  });
  return { sessionToken, csrfToken, user: await publicUser(db, u), expiresAt };
}

export async function logout(db: Db, sessionToken: string, actor: Actor | null, ip?: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sha256(sessionToken)));
    if (actor) await audit(tx, { actor, action: 'auth.logout', ip, regionCode: actor.regionCode });
  });
}

async function actorOf(db: DbOrTx, u: typeof users.$inferSelect, via: Actor['via']): Promise<Actor> {
  const ar = u.role === 'assessor' ? (await db.select().from(assessorRegions).where(eq(assessorRegions.userId, u.id))).map((a) => a.regionCode) : [];
  return { userId: u.id, name: u.name, role: u.role, regionCode: u.regionCode, opdId: u.opdId, assessorRegions: ar, via };
}

export interface SessionInfo { actor: Actor; csrfToken: string; user: PublicUser }

/** The session behind a cookie token, when valid; extends its expiry (sliding, at most daily). */
export async function sessionFromToken(db: Db, sessionToken: string): Promise<SessionInfo | null> {
  const [row] = await db.select({ s: sessions, u: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sha256(sessionToken)), gt(sessions.expiresAt, new Date())));
  if (!row || !row.u.active) return null;
  if (Date.now() - row.s.lastSeenAt.getTime() > 86_400_000) {
    await db.update(sessions).set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) }).where(eq(sessions.id, row.s.id));
  }
  return { actor: await actorOf(db, row.u, 'session'), csrfToken: row.s.csrfToken, user: await publicUser(db, row.u) };
}

/** The actor behind an API token (its own region and role), when valid and not revoked. */
export async function actorFromApiToken(db: Db, raw: string): Promise<Actor | null> {
  const [t] = await db.select().from(apiTokens).where(and(eq(apiTokens.tokenHash, sha256(raw)), isNull(apiTokens.revokedAt)));
  if (!t) return null;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, t.id));
  return { userId: t.createdBy, name: `token:${t.name}`, role: t.role, regionCode: t.regionCode, opdId: null, assessorRegions: t.role === 'assessor' ? [t.regionCode] : [], via: 'token' };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected), b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const passwordChange = z.object({
  currentPassword: z.string().min(1, 'Wajib diisi | Required').max(200),
  newPassword: z.string().min(10, 'Minimal 10 karakter | At least 10 characters').max(200, 'Paling banyak 200 karakter | At most 200 characters'),
}).strict();

/** Changes the caller's password; other sessions of the user end. */
export async function changePassword(db: Db, actor: Actor | null, sessionToken: string | undefined, input: unknown, ip?: string | null) {
  if (!actor?.userId || actor.via !== 'session') throw forbidden('authorization');
  const p = parseInput(passwordChange, input);
  const [u] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!u || !(await verifyPassword(u.passwordHash, p.currentPassword))) {
    throw invalid('currentPassword', { id: 'kata sandi saat ini salah', en: 'the current password is wrong' });
  }
  if (p.newPassword === p.currentPassword) throw invalid('newPassword', { id: 'harus berbeda dari yang lama', en: 'must differ from the old one' });
  const passwordHash = await hashPassword(p.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, u.id));
    const keep = sessionToken ? sha256(sessionToken) : '';
    const all = await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, u.id));
    for (const s of all) if (s.id !== keep) await tx.delete(sessions).where(eq(sessions.id, s.id));
    await audit(tx, { actor, action: 'auth.password_change', ip, regionCode: u.regionCode });
  });
}

// ---- TOTP (RFC 6238) for admin roles ----

function totpFor(secret: string, label = 'Pilar') {
  return new OTPAuth.TOTP({ issuer: 'Pilar', label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}
function checkTotp(secret: string, code: string): boolean {
  return totpFor(secret).validate({ token: code, window: 1 }) !== null;
}

export async function totpSetup(db: Db, actor: Actor | null) {
  if (!actor?.userId || actor.via !== 'session') throw forbidden('authorization');
  if (!ADMIN_ROLES.includes(actor.role) && actor.role !== 'bappeda') {
    throw new AppError(403, 'forbidden', { id: 'Verifikasi dua langkah untuk peran admin', en: 'Two-step verification is for admin roles' });
  }
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  const [u] = await db.update(users).set({ totpSecret: secret, totpEnabled: false }).where(eq(users.id, actor.userId)).returning();
  return { secret, otpauthUrl: totpFor(secret, u!.email).toString() };
}

const totpCode = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Kode 6 angka | A 6-digit code') }).strict();

export async function totpEnable(db: Db, actor: Actor | null, input: unknown, ip?: string | null, enable = true) {
  if (!actor?.userId || actor.via !== 'session') throw forbidden('authorization');
  const { code } = parseInput(totpCode, input);
  const [u] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!u?.totpSecret || !checkTotp(u.totpSecret, code)) throw invalid('code', { id: 'kode tidak cocok', en: 'the code does not match' });
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabled: enable, ...(enable ? {} : { totpSecret: null }) }).where(eq(users.id, u.id));
    await audit(tx, { actor, action: enable ? 'auth.totp_enable' : 'auth.totp_disable', ip, regionCode: u.regionCode });
  });
}

// ---- API tokens ----

const tokenInput = z.object({
  name: z.string().trim().min(1, 'Wajib diisi | Required').max(100),
  regionCode: z.string().regex(/^\d{2}\.\d{2}$/, 'Harus kode kabupaten/kota | Must be a regency/city code'),
  role: z.enum(ROLES).refine((r) => r !== 'national_admin', 'Token tidak boleh berperan admin nasional | A token cannot be a national admin'),
}).strict();

export async function createApiToken(db: Db, actor: Actor | null, input: unknown, ip?: string | null) {
  const t = parseInput(tokenInput, input);
  if (!can(actor, 'user.manage', { regionCode: t.regionCode }) || actor?.via !== 'session') throw forbidden('regionCode');
  const raw = `pilar_${token()}`;
  const [row] = await db.transaction(async (tx) => {
    const r = await tx.insert(apiTokens).values({ ...t, tokenHash: sha256(raw), createdBy: actor.userId }).returning();
    await audit(tx, { actor, action: 'token.create', entityType: 'api_token', entityId: r[0]!.id, regionCode: t.regionCode, ip, details: { name: t.name, role: t.role } });
    return r;
  });
  return { id: row!.id, name: row!.name, regionCode: row!.regionCode, role: row!.role, token: raw };
}

export async function listApiTokens(db: DbOrTx, actor: Actor | null) {
  if (!actor) throw forbidden('authorization');
  const rows = await db.select().from(apiTokens).where(actor.role === 'national_admin' ? undefined : eq(apiTokens.regionCode, actor.regionCode ?? ''));
  if (actor.role !== 'national_admin' && !can(actor, 'user.manage', { regionCode: actor.regionCode ?? '' })) throw forbidden('authorization');
  return rows.map((t) => ({ id: t.id, name: t.name, regionCode: t.regionCode, role: t.role, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null, revokedAt: t.revokedAt?.toISOString() ?? null }));
}

export async function revokeApiToken(db: Db, actor: Actor | null, id: string, ip?: string | null) {
  if (!z.string().uuid().safeParse(id).success) throw notFound({ id: 'Token', en: 'Token' }, 'id');
  await db.transaction(async (tx) => {
    const [t] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id));
    if (!t) throw notFound({ id: 'Token', en: 'Token' }, 'id');
    if (!can(actor, 'user.manage', { regionCode: t.regionCode }) || actor?.via !== 'session') throw forbidden('id');
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
    await audit(tx, { actor, action: 'token.revoke', entityType: 'api_token', entityId: id, regionCode: t.regionCode, ip });
  });
}
