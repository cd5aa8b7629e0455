import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../core/db.ts';
import { AppError, invalid, notFound, conflict, parseInput } from '../../core/errors.ts';
import { can, type Actor } from '../../core/policy.ts';
import { opds } from '../masterplan/schema.ts';
import { regions } from '../wilayah/schema.ts';
import { audit } from './audit.ts';
import { hashPassword, temporaryPassword } from './passwords.ts';
import { assessorRegions, ROLES, sessions, users } from './schema.ts';

/** 403; names the input that made the request one the caller may not make, when there is one. */
export const forbidden = (field?: string) => new AppError(403, 'forbidden', { id: 'Anda tidak berhak melakukan ini', en: 'You are not allowed to do this' }, field);

const password = z.string().min(10, 'Minimal 10 karakter | At least 10 characters').max(200, 'Paling banyak 200 karakter | At most 200 characters');
const email = z.string().trim().toLowerCase().email('Alamat email tidak valid | Not a valid email address').max(200);

export const userInput = z.object({
  email,
  name: z.string().trim().min(1, 'Wajib diisi | Required').max(200),
  role: z.enum(ROLES),
  regionCode: z.string().regex(/^\d{2}\.\d{2}$/, 'Harus kode kabupaten/kota | Must be a regency/city code').nullable().default(null),
  opdId: z.string().uuid('Harus ID OPD | Must be an OPD id').nullable().default(null),
  assessorRegions: z.array(z.string().regex(/^\d{2}\.\d{2}$/)).max(100).default([]),
  password: password.optional(),
}).strict();

export const userPatch = z.object({
  name: z.string().trim().min(1, 'Wajib diisi | Required').max(200),
  role: z.enum(ROLES),
  opdId: z.string().uuid('Harus ID OPD | Must be an OPD id').nullable(),
  assessorRegions: z.array(z.string().regex(/^\d{2}\.\d{2}$/)).max(100),
  active: z.boolean(),
}).partial().strict();

export type PublicUser = {
  id: string; email: string; name: string; role: (typeof ROLES)[number]; regionCode: string | null; opdId: string | null;
  assessorRegions: string[]; totpEnabled: boolean; active: boolean; mustChangePassword: boolean;
};

/** A user without secrets: what the API may show. */
export async function publicUser(db: DbOrTx, u: typeof users.$inferSelect): Promise<PublicUser> {
  const ar = u.role === 'assessor' ? await db.select().from(assessorRegions).where(eq(assessorRegions.userId, u.id)) : [];
  return {
    id: u.id, email: u.email, name: u.name, role: u.role, regionCode: u.regionCode, opdId: u.opdId,
    assessorRegions: ar.map((a) => a.regionCode).sort(), totpEnabled: u.totpEnabled, active: u.active, mustChangePassword: u.mustChangePassword,
  };
}

async function checkRoleFields(db: DbOrTx, u: { role: string; regionCode: string | null; opdId: string | null; assessorRegions: string[] }) {
  if (u.role === 'national_admin') {
    if (u.regionCode) throw invalid('regionCode', { id: 'admin nasional tidak terikat wilayah', en: 'a national admin has no region' });
  } else if (u.role !== 'assessor' && !u.regionCode) {
    throw invalid('regionCode', { id: 'peran ini butuh wilayah', en: 'this role needs a region' });
  }
  if (u.regionCode) {
    const [r] = await db.select().from(regions).where(eq(regions.code, u.regionCode));
    if (!r || r.level !== 'regency') throw invalid('regionCode', { id: 'bukan kabupaten/kota yang dikenal', en: 'not a known regency/city' });
  }
  if (u.role === 'opd_officer') {
    if (!u.opdId) throw invalid('opdId', { id: 'petugas OPD butuh OPD', en: 'an OPD officer needs an OPD' });
    const [o] = await db.select().from(opds).where(eq(opds.id, u.opdId));
    if (!o || o.regionCode !== u.regionCode) throw invalid('opdId', { id: 'OPD tidak ada di wilayah ini', en: 'OPD is not in this region' });
  } else if (u.opdId) {
    throw invalid('opdId', { id: 'hanya petugas OPD yang terikat OPD', en: 'only OPD officers belong to an OPD' });
  }
  if (u.assessorRegions.length) {
    const dup = u.assessorRegions.findIndex((c, i) => u.assessorRegions.indexOf(c) !== i);
    if (dup >= 0) throw invalid(`assessorRegions.${dup}`, { id: 'wilayah ganda', en: 'duplicate region' });
    if (u.role !== 'assessor') throw invalid('assessorRegions', { id: 'hanya untuk asesor', en: 'only for assessors' });
    const found = await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, u.assessorRegions));
    const i = u.assessorRegions.findIndex((c) => !found.some((f) => f.code === c));
    if (i >= 0) throw invalid(`assessorRegions.${i}`, { id: 'wilayah tidak dikenal', en: 'unknown region' });
  }
}

/** Who may create or change this user: a national admin, or the coordinator of the user's region (not admins). */
function mayManage(actor: Actor | null, target: { role: string; regionCode: string | null }) {
  if (actor?.role === 'national_admin') return true;
  if (target.role === 'national_admin' || target.role === 'assessor' || !target.regionCode) return false;
  return can(actor, 'user.manage', { regionCode: target.regionCode });
}

export interface CreatedUser { user: PublicUser; temporaryPassword?: string }

/** Creates a user; without a password a temporary one is generated and returned once. */
export async function createUser(db: Db, actor: Actor | null, input: unknown, ctx: { ip?: string | null; system?: boolean } = {}): Promise<CreatedUser> {
  const u = parseInput(userInput, input);
  if (!ctx.system && !mayManage(actor, u)) throw forbidden(u.role === 'national_admin' || u.role === 'assessor' ? 'role' : 'regionCode');
  const temp = u.password ? undefined : temporaryPassword();
  const passwordHash = await hashPassword(u.password ?? temp!);
  return db.transaction(async (tx) => {
    await checkRoleFields(tx, u);
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.email, u.email));
    if (exists) throw conflict('email', { id: 'Email sudah terdaftar', en: 'Email is already registered' });
    const [row] = await tx.insert(users).values({
      email: u.email, name: u.name, role: u.role, regionCode: u.regionCode, opdId: u.opdId, passwordHash, mustChangePassword: !u.password,
    }).returning();
    if (u.assessorRegions.length) await tx.insert(assessorRegions).values(u.assessorRegions.map((regionCode) => ({ userId: row!.id, regionCode })));
    await audit(tx, { actor, action: 'user.create', entityType: 'user', entityId: row!.id, regionCode: u.regionCode, ip: ctx.ip, details: { email: u.email, role: u.role } });
    return { user: await publicUser(tx, row!), ...(temp ? { temporaryPassword: temp } : {}) };
  });
}

async function loadUser(db: DbOrTx, id: string) {
  if (!z.string().uuid().safeParse(id).success) throw notFound({ id: 'Pengguna', en: 'User' }, 'id');
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u) throw notFound({ id: 'Pengguna', en: 'User' }, 'id');
  return u;
}

export async function updateUser(db: Db, actor: Actor | null, id: string, patch: unknown, ip?: string | null): Promise<PublicUser> {
  const p = parseInput(userPatch, patch);
  return db.transaction(async (tx) => {
    const cur = await loadUser(tx, id);
    const next = { role: p.role ?? cur.role, regionCode: cur.regionCode, opdId: p.opdId === undefined ? cur.opdId : p.opdId };
    if (!mayManage(actor, cur)) throw forbidden('id');
    if (!mayManage(actor, next)) throw forbidden('role');
    const ar = p.assessorRegions ?? (next.role === 'assessor' ? (await publicUser(tx, cur)).assessorRegions : []);
    await checkRoleFields(tx, { ...next, assessorRegions: ar });
    if (next.role !== 'assessor') await tx.delete(assessorRegions).where(eq(assessorRegions.userId, id));
    const { assessorRegions: arPatch, ...fields } = p;
    const [row] = await tx.update(users).set({ ...fields, version: cur.version + 1, updatedAt: new Date() }).where(eq(users.id, id)).returning();
    if (arPatch) {
      await tx.delete(assessorRegions).where(eq(assessorRegions.userId, id));
      if (arPatch.length) await tx.insert(assessorRegions).values(arPatch.map((regionCode) => ({ userId: id, regionCode })));
    }
    if (p.active === false) await tx.delete(sessions).where(eq(sessions.userId, id));
    await audit(tx, { actor, action: 'user.update', entityType: 'user', entityId: id, regionCode: cur.regionCode, ip, details: { fields: Object.keys(p) } });
    return publicUser(tx, row!);
  });
}

/** Sets a new temporary password (shown once), ends the user's sessions, forces a change at next login. */
export async function resetPassword(db: Db, actor: Actor | null, id: string, ip?: string | null): Promise<{ temporaryPassword: string }> {
  const temp = temporaryPassword();
  const passwordHash = await hashPassword(temp);
  await db.transaction(async (tx) => {
    const cur = await loadUser(tx, id);
    if (!mayManage(actor, cur)) throw forbidden('id');
    await tx.update(users).set({ passwordHash, mustChangePassword: true, updatedAt: new Date() }).where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await audit(tx, { actor, action: 'user.reset_password', entityType: 'user', entityId: id, regionCode: cur.regionCode, ip });
  });
  return { temporaryPassword: temp };
}

export async function listUsers(db: DbOrTx, actor: Actor | null, regionCode: string): Promise<PublicUser[]> {
  if (!can(actor, 'user.manage', { regionCode })) throw forbidden('code');
  const rows = await db.select().from(users).where(and(eq(users.regionCode, regionCode))).orderBy(asc(users.role), asc(users.email));
  const assessors = await db.select({ u: users }).from(users).innerJoin(assessorRegions, eq(assessorRegions.userId, users.id)).where(eq(assessorRegions.regionCode, regionCode));
  return publicUsers(db, [...rows, ...assessors.map((a) => a.u)]);
}

/** For the CLI: every user, optionally of one region. */
export async function allUsers(db: DbOrTx, regionCode?: string): Promise<PublicUser[]> {
  const rows = await db.select().from(users).where(regionCode ? eq(users.regionCode, regionCode) : undefined).orderBy(asc(users.regionCode), asc(users.role), asc(users.email));
  return publicUsers(db, rows);
}

export async function findUserByEmail(db: DbOrTx, address: string) {
  const [u] = await db.select().from(users).where(eq(users.email, address.trim().toLowerCase()));
  return u;
}

/** One user after another: the callers may pass a transaction, whose queries must not overlap. */
async function publicUsers(db: DbOrTx, rows: (typeof users.$inferSelect)[]): Promise<PublicUser[]> {
  const out: PublicUser[] = [];
  for (const u of rows) out.push(await publicUser(db, u));
  return out;
}
