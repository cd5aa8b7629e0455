import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../core/db.ts';
import { AppError, invalid, notFound, parseInput } from '../../core/errors.ts';
import { can, programWriteMode, type Action, type Actor } from '../../core/policy.ts';
import { audit } from '../accounts/audit.ts';
import { users } from '../accounts/schema.ts';
import { forbidden } from '../accounts/users.ts';
import {
  createKpi, createMasterplan, createOpd, createProgram, deleteKpi, deleteOpd, deleteProgram, deleteQuickWin, saveReadiness, setQuickWin,
  updateKpi, updateMasterplan, updateOpd, updateProgram,
} from '../masterplan/commands.ts';
import { kpis, masterplans, opds, programs, quickWins } from '../masterplan/schema.ts';
import { kpiPatch, programPatch } from '../masterplan/validation.ts';
import { applyPatch, diffSnapshots } from './diff.ts';
import { programHistory, programSnapshot, recordProgramVersion, versionSnapshot } from './history.ts';
import { pendingChanges } from './schema.ts';

/**
 * Editing as a person: every write names its actor, is authorized by the policy, runs in
 * one transaction with its audit entry (and program history), and OPD officers' edits
 * become pending changes that a coordinator or Bappeda approves.
 */
export interface Ctx { actor: Actor | null; ip?: string | null }

/** A body value as a string for routing the authorization check; anything else is "" (validation names it later). */
const str = (v: unknown) => (typeof v === 'string' ? v : '');

const ROLLBACK = Symbol('dry-run');
/** Runs fn in a transaction that is always rolled back: validates a change with the real rules, writes nothing. */
async function dryRun(db: Db, fn: (tx: Db) => Promise<unknown>): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await fn(tx as unknown as Db);
      throw ROLLBACK;
    });
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
}

const versionBody = z.object({ version: z.number({ error: 'Versi awal wajib dikirim | The version you started from is required' }).int().min(1).max(1_000_000_000) }).passthrough();
function splitVersion(body: unknown): { version: number; patch: Record<string, unknown> } {
  const { version, ...patch } = parseInput(versionBody, body);
  return { version, patch };
}

/** 409 that says which fields someone else changed since the caller's version. */
async function conflictWithChanges(db: DbOrTx, programId: string, baseVersion: number): Promise<AppError> {
  const cur = await programSnapshot(db, programId);
  const base = await versionSnapshot(db, programId, baseVersion);
  if (!base || !cur) {
    return new AppError(409, 'version_conflict', {
      id: `Versi ${baseVersion} tidak cocok dengan versi sekarang (${cur?.version}). Muat ulang lalu ulangi perubahan Anda.`,
      en: `Version ${baseVersion} does not match the current version (${cur?.version}). Reload and apply your change again.`,
    }, 'version');
  }
  const list = diffSnapshots(base, cur.snapshot).map((c) => c.field).join(', ') || '-';
  return new AppError(409, 'version_conflict', {
    id: `Program ini sudah diubah orang lain (versi ${cur.version}, Anda mulai dari versi ${baseVersion}). Yang berubah: ${list}. Muat ulang lalu ulangi perubahan Anda.`,
    en: `Someone else changed this program meanwhile (version ${cur.version}, you started from ${baseVersion}). Changed: ${list}. Reload and apply your change again.`,
  }, 'version');
}

async function loadProgram(db: DbOrTx, id: string) {
  if (!z.string().uuid().safeParse(id).success) throw notFound({ id: 'Program', en: 'Program' }, 'id');
  const [p] = await db.select().from(programs).where(eq(programs.id, id));
  if (!p) throw notFound({ id: 'Program', en: 'Program' }, 'id');
  return p;
}

/** Unreadable programs answer 404 (their existence is not disclosed); readable but not writable ones 403. */
function denyProgram(actor: Actor | null, p: { regionCode: string; published: boolean }, field = 'id'): never {
  if (!p.published && !can(actor, 'region.readUnpublished', { regionCode: p.regionCode })) throw notFound({ id: 'Program', en: 'Program' }, field);
  throw forbidden(field);
}

// ---- programs ----

export async function createProgramAs(db: Db, ctx: Ctx, input: unknown) {
  const body = (input ?? {}) as Record<string, unknown>;
  const planId = str(body.masterplanId);
  const [plan] = z.string().uuid().safeParse(planId).success ? await db.select().from(masterplans).where(eq(masterplans.id, planId)) : [];
  if (!plan) throw notFound({ id: 'Masterplan', en: 'Masterplan' }, 'masterplanId');
  const mode = programWriteMode(ctx.actor, { regionCode: plan.regionCode, opdId: typeof body.leadOpdId === 'string' ? body.leadOpdId : null });
  if (!mode) throw forbidden(can(ctx.actor, 'region.readUnpublished', { regionCode: plan.regionCode }) ? 'leadOpdId' : 'masterplanId');
  return db.transaction(async (tx) => {
    const p = await createProgram(tx as unknown as Db, input);
    if (mode === 'draft') await tx.update(programs).set({ published: false }).where(eq(programs.id, p.id));
    await recordProgramVersion(tx, p.id, ctx.actor?.userId ?? null, 'create');
    if (mode === 'draft') {
      const snap = await programSnapshot(tx, p.id);
      await tx.insert(pendingChanges).values({ regionCode: plan.regionCode, entityType: 'program', entityId: p.id, action: 'create', baseVersion: 1, patch: snap!.snapshot, authorId: ctx.actor?.userId ?? null });
    }
    await audit(tx, { actor: ctx.actor, action: mode === 'draft' ? 'program.propose_create' : 'program.create', entityType: 'program', entityId: p.id, regionCode: plan.regionCode, ip: ctx.ip });
    return { status: mode === 'draft' ? 'pending' as const : 'published' as const, program: { id: p.id, version: p.version } };
  });
}

export async function updateProgramAs(db: Db, ctx: Ctx, id: string, body: unknown) {
  const p = await loadProgram(db, id);
  const { version, patch } = splitVersion(body);
  const mode = programWriteMode(ctx.actor, { regionCode: p.regionCode, opdId: p.leadOpdId });
  if (!mode) denyProgram(ctx.actor, p);
  parseInput(programPatch, patch);
  if (mode === 'draft' && patch.leadOpdId !== undefined && patch.leadOpdId !== ctx.actor?.opdId) {
    throw invalid('leadOpdId', { id: 'petugas OPD tidak dapat memindahkan program ke OPD lain', en: 'an OPD officer cannot move a program to another OPD' });
  }
  if (mode === 'direct') {
    return db.transaction(async (tx) => {
      try {
        await updateProgram(tx as unknown as Db, id, patch, version);
      } catch (e) {
        if (e instanceof AppError && e.code === 'version_conflict') throw await conflictWithChanges(tx, id, version);
        throw e;
      }
      await recordProgramVersion(tx, id, ctx.actor?.userId ?? null, 'update');
      await audit(tx, { actor: ctx.actor, action: 'program.update', entityType: 'program', entityId: id, regionCode: p.regionCode, ip: ctx.ip, details: { fields: Object.keys(patch) } });
      const after = await loadProgram(tx, id);
      return { status: 'published' as const, program: { id, version: after.version } };
    });
  }
  // Draft: check the version, validate with the real rules in a rolled-back transaction, then store the proposal.
  if (version !== p.version) throw await conflictWithChanges(db, id, version);
  await dryRun(db, (tx) => updateProgram(tx, id, patch, version));
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(pendingChanges).where(and(eq(pendingChanges.entityType, 'program'), eq(pendingChanges.entityId, id),
      eq(pendingChanges.status, 'pending'), eq(pendingChanges.authorId, ctx.actor!.userId ?? '00000000-0000-0000-0000-000000000000')));
    let changeId: string;
    if (existing && existing.action === 'update') {
      // The author refines their own waiting proposal instead of stacking a second one.
      await tx.update(pendingChanges).set({ patch: { ...existing.patch, ...patch }, baseVersion: version, createdAt: new Date() }).where(eq(pendingChanges.id, existing.id));
      changeId = existing.id;
    } else {
      const [c] = await tx.insert(pendingChanges).values({ regionCode: p.regionCode, entityType: 'program', entityId: id, action: 'update', baseVersion: version, patch, authorId: ctx.actor?.userId ?? null }).returning();
      changeId = c!.id;
    }
    await audit(tx, { actor: ctx.actor, action: 'program.propose_update', entityType: 'program', entityId: id, regionCode: p.regionCode, ip: ctx.ip, details: { change: changeId, fields: Object.keys(patch) } });
    return { status: 'pending' as const, program: { id, version: p.version }, change: { id: changeId } };
  });
}

export async function deleteProgramAs(db: Db, ctx: Ctx, id: string) {
  const p = await loadProgram(db, id);
  if (!can(ctx.actor, 'program.delete', { regionCode: p.regionCode })) denyProgram(ctx.actor, p);
  await db.transaction(async (tx) => {
    await deleteProgram(tx as unknown as Db, id);
    await tx.delete(pendingChanges).where(and(eq(pendingChanges.entityId, id), eq(pendingChanges.status, 'pending')));
    await audit(tx, { actor: ctx.actor, action: 'program.delete', entityType: 'program', entityId: id, regionCode: p.regionCode, ip: ctx.ip, details: { code: p.code, title: p.title } });
  });
}

export async function historyAs(db: Db, ctx: Ctx, id: string) {
  const p = await loadProgram(db, id);
  if (!p.published && !can(ctx.actor, 'region.readUnpublished', { regionCode: p.regionCode })) throw notFound({ id: 'Program', en: 'Program' }, 'id');
  return programHistory(db, id);
}

const restoreBody = z.object({ version: z.number().int().min(1).max(1_000_000_000), currentVersion: z.number().int().min(1).max(1_000_000_000) }).strict();

/** Brings back an earlier version's fields as a new version (or as a proposal, for an OPD officer). */
export async function restoreProgramAs(db: Db, ctx: Ctx, id: string, body: unknown) {
  const r = parseInput(restoreBody, body);
  const snap = await versionSnapshot(db, id, r.version);
  if (!snap) {
    await loadProgram(db, id);
    throw invalid('version', { id: `versi ${r.version} tidak ada`, en: `version ${r.version} does not exist` });
  }
  const { code: _code, ...fields } = snap;
  const result = await updateProgramAs(db, ctx, id, { ...fields, version: r.currentVersion });
  return { ...result, restoredFrom: r.version };
}

// ---- KPIs ----

async function programOfKpi(db: DbOrTx, kpiId: string) {
  if (!z.string().uuid().safeParse(kpiId).success) throw notFound({ id: 'KPI', en: 'KPI' }, 'id');
  const [k] = await db.select({ kpi: kpis, program: programs }).from(kpis).innerJoin(programs, eq(programs.id, kpis.programId)).where(eq(kpis.id, kpiId));
  if (!k) throw notFound({ id: 'KPI', en: 'KPI' }, 'id');
  return k;
}

export async function createKpiAs(db: Db, ctx: Ctx, input: unknown) {
  const programId = str((input as { programId?: unknown } | null)?.programId);
  const p = await loadProgram(db, programId).catch(() => { throw notFound({ id: 'Program', en: 'Program' }, 'programId'); });
  const mode = programWriteMode(ctx.actor, { regionCode: p.regionCode, opdId: p.leadOpdId });
  if (!mode) denyProgram(ctx.actor, p, 'programId');
  if (mode === 'draft') {
    await dryRun(db, (tx) => createKpi(tx, input));
    return db.transaction(async (tx) => {
      const [c] = await tx.insert(pendingChanges).values({ regionCode: p.regionCode, entityType: 'kpi', entityId: p.id, action: 'create', baseVersion: p.version, patch: input as Record<string, unknown>, authorId: ctx.actor?.userId ?? null }).returning();
      await audit(tx, { actor: ctx.actor, action: 'kpi.propose_create', entityType: 'program', entityId: p.id, regionCode: p.regionCode, ip: ctx.ip, details: { change: c!.id } });
      return { status: 'pending' as const, change: { id: c!.id } };
    });
  }
  return db.transaction(async (tx) => {
    const k = await createKpi(tx as unknown as Db, input);
    await audit(tx, { actor: ctx.actor, action: 'kpi.create', entityType: 'kpi', entityId: k.id, regionCode: p.regionCode, ip: ctx.ip });
    return { status: 'published' as const, kpi: { id: k.id, version: k.version } };
  });
}

export async function updateKpiAs(db: Db, ctx: Ctx, id: string, body: unknown) {
  const { kpi, program } = await programOfKpi(db, id);
  const { version, patch } = splitVersion(body);
  parseInput(kpiPatch, patch);
  const mode = programWriteMode(ctx.actor, { regionCode: program.regionCode, opdId: program.leadOpdId });
  if (!mode) denyProgram(ctx.actor, program);
  if (mode === 'draft') {
    if (version !== kpi.version) await updateKpi(db, id, {}, version); // throws the 409
    await dryRun(db, (tx) => updateKpi(tx, id, patch, version));
    return db.transaction(async (tx) => {
      const [c] = await tx.insert(pendingChanges).values({ regionCode: program.regionCode, entityType: 'kpi', entityId: id, action: 'update', baseVersion: version, patch, authorId: ctx.actor?.userId ?? null }).returning();
      await audit(tx, { actor: ctx.actor, action: 'kpi.propose_update', entityType: 'kpi', entityId: id, regionCode: program.regionCode, ip: ctx.ip, details: { change: c!.id } });
      return { status: 'pending' as const, change: { id: c!.id } };
    });
  }
  return db.transaction(async (tx) => {
    const r = await updateKpi(tx as unknown as Db, id, patch, version);
    await audit(tx, { actor: ctx.actor, action: 'kpi.update', entityType: 'kpi', entityId: id, regionCode: program.regionCode, ip: ctx.ip, details: { fields: Object.keys(patch) } });
    return { status: 'published' as const, kpi: r };
  });
}

export async function deleteKpiAs(db: Db, ctx: Ctx, id: string) {
  const { program } = await programOfKpi(db, id);
  if (programWriteMode(ctx.actor, { regionCode: program.regionCode, opdId: program.leadOpdId }) !== 'direct') denyProgram(ctx.actor, program);
  await db.transaction(async (tx) => {
    await deleteKpi(tx as unknown as Db, id);
    await audit(tx, { actor: ctx.actor, action: 'kpi.delete', entityType: 'kpi', entityId: id, regionCode: program.regionCode, ip: ctx.ip });
  });
}

// ---- pending changes ----

const listChangesQuery = z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') });

export async function listChanges(db: DbOrTx, ctx: Ctx, regionCode: string, query: unknown = {}) {
  const { status } = parseInput(listChangesQuery, query, 'query');
  if (!can(ctx.actor, 'region.readUnpublished', { regionCode })) throw forbidden('code');
  const rows = await db.select().from(pendingChanges).where(and(eq(pendingChanges.regionCode, regionCode), eq(pendingChanges.status, status))).orderBy(desc(pendingChanges.createdAt));
  return describeChanges(db, rows);
}

export async function describeChanges(db: DbOrTx, rows: (typeof pendingChanges.$inferSelect)[]) {
  const people = new Map<string, string>();
  const ids = [...new Set(rows.flatMap((r) => [r.authorId, r.decidedBy]).filter((x): x is string => !!x))];
  if (ids.length) for (const u of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))) people.set(u.id, u.name);
  const out = [];
  for (const r of rows) {
    let title = '';
    let diff: ReturnType<typeof diffSnapshots> = [];
    if (r.entityType === 'program') {
      const snap = await programSnapshot(db, r.entityId);
      title = String(snap?.snapshot.title ?? '');
      const base = r.action === 'update' ? (await versionSnapshot(db, r.entityId, r.baseVersion)) ?? snap?.snapshot ?? {} : null;
      diff = r.action === 'update' ? diffSnapshots(base, applyPatch(base ?? {}, r.patch)) : diffSnapshots(null, r.patch);
    } else {
      const [k] = r.action === 'update' ? await db.select().from(kpis).where(eq(kpis.id, r.entityId)) : [];
      title = k?.name ?? String(r.patch.name ?? '');
      diff = diffSnapshots(k ? { name: k.name, unit: k.unit, polarity: k.polarity, baselineValue: k.baselineValue, baselineYear: k.baselineYear } : null, r.patch);
      if (k) diff = diff.filter((d) => d.field in r.patch);
    }
    const person = (id: string | null) => (id ? { id, name: people.get(id) ?? '' } : null);
    out.push({
      id: r.id, regionCode: r.regionCode, entityType: r.entityType, entityId: r.entityId, entityTitle: title, action: r.action, status: r.status,
      baseVersion: r.baseVersion, patch: r.patch, diff, author: person(r.authorId), createdAt: r.createdAt.toISOString(),
      decidedBy: person(r.decidedBy), decidedAt: r.decidedAt?.toISOString() ?? null, comment: r.comment,
    });
  }
  return out;
}

async function loadChange(db: DbOrTx, id: string) {
  if (!z.string().uuid().safeParse(id).success) throw notFound({ id: 'Usulan perubahan', en: 'Change' }, 'id');
  const [c] = await db.select().from(pendingChanges).where(eq(pendingChanges.id, id));
  if (!c) throw notFound({ id: 'Usulan perubahan', en: 'Change' }, 'id');
  return c;
}

const alreadyDecided = () => new AppError(409, 'already_decided', { id: 'Usulan ini sudah diputuskan', en: 'This change was already decided' }, 'id');

/** Applies a pending change with the same commands as a direct edit; a stale base version answers 409. */
export async function approveChange(db: Db, ctx: Ctx, id: string) {
  const c = await loadChange(db, id);
  if (!can(ctx.actor, 'change.decide', { regionCode: c.regionCode })) throw forbidden('id');
  if (c.status !== 'pending') throw alreadyDecided();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    if (c.entityType === 'program' && c.action === 'create') {
      await tx.update(programs).set({ published: true }).where(eq(programs.id, c.entityId));
      await recordProgramVersion(tx, c.entityId, ctx.actor?.userId ?? null, 'publish');
    } else if (c.entityType === 'program') {
      try {
        await updateProgram(t, c.entityId, c.patch, c.baseVersion);
      } catch (e) {
        if (e instanceof AppError && e.code === 'version_conflict') throw await conflictWithChanges(tx, c.entityId, c.baseVersion);
        throw e;
      }
      await recordProgramVersion(tx, c.entityId, c.authorId, 'update (approved)');
    } else if (c.action === 'create') {
      await createKpi(t, c.patch);
    } else {
      await updateKpi(t, c.entityId, c.patch, c.baseVersion);
    }
    await tx.update(pendingChanges).set({ status: 'approved', decidedBy: ctx.actor?.userId ?? null, decidedAt: new Date() }).where(eq(pendingChanges.id, id));
    await audit(tx, { actor: ctx.actor, action: 'change.approve', entityType: c.entityType, entityId: c.entityId, regionCode: c.regionCode, ip: ctx.ip, details: { change: id } });
    return (await describeChanges(tx, [(await loadChange(tx, id))]))[0]!;
  });
}

const rejectBody = z.object({ comment: z.string().trim().min(1, 'Beri alasan untuk pengusul | Give the author a reason').max(2000) }).strict();

export async function rejectChange(db: Db, ctx: Ctx, id: string, body: unknown) {
  const { comment } = parseInput(rejectBody, body);
  const c = await loadChange(db, id);
  if (!can(ctx.actor, 'change.decide', { regionCode: c.regionCode })) throw forbidden('id');
  if (c.status !== 'pending') throw alreadyDecided();
  return db.transaction(async (tx) => {
    await tx.update(pendingChanges).set({ status: 'rejected', comment, decidedBy: ctx.actor?.userId ?? null, decidedAt: new Date() }).where(eq(pendingChanges.id, id));
    await audit(tx, { actor: ctx.actor, action: 'change.reject', entityType: c.entityType, entityId: c.entityId, regionCode: c.regionCode, ip: ctx.ip, details: { change: id } });
    return (await describeChanges(tx, [(await loadChange(tx, id))]))[0]!;
  });
}

/** The pending change of a program (for viewers of unpublished data) and whether one exists (for everyone). */
export async function pendingOfProgram(db: DbOrTx, programId: string) {
  const rows = await db.select().from(pendingChanges).where(and(eq(pendingChanges.entityId, programId), eq(pendingChanges.status, 'pending'))).orderBy(desc(pendingChanges.createdAt));
  return rows;
}

// ---- masterplan, readiness, OPDs, quick wins ----

async function planRegion(db: DbOrTx, masterplanId: unknown, field = 'masterplanId') {
  const id = str(masterplanId);
  const [m] = z.string().uuid().safeParse(id).success ? await db.select().from(masterplans).where(eq(masterplans.id, id)) : [];
  if (!m) throw notFound({ id: 'Masterplan', en: 'Masterplan' }, field);
  return m;
}

/** What a wrapper's write records in the audit log (actor, IP and region are added). */
type AuditOf<T> = (result: T) => { action: string; entityType: string; entityId: string; details?: unknown };

/**
 * The shape of every direct write below: check the policy (403 naming `field` otherwise), then
 * run the command and its audit entry in one transaction.
 */
async function authorizedWrite<T>(
  db: Db, ctx: Ctx, check: { action: Action; regionCode: string; field: string },
  write: (tx: Db) => Promise<T>, auditOf: AuditOf<T>,
): Promise<T> {
  if (!can(ctx.actor, check.action, { regionCode: check.regionCode })) throw forbidden(check.field);
  return db.transaction(async (tx) => {
    const result = await write(tx as unknown as Db);
    await audit(tx, { actor: ctx.actor, ip: ctx.ip, regionCode: check.regionCode, ...auditOf(result) });
    return result;
  });
}

export async function createMasterplanAs(db: Db, ctx: Ctx, input: unknown) {
  const regionCode = str((input as { regionCode?: unknown } | null)?.regionCode);
  return authorizedWrite(db, ctx, { action: 'masterplan.create', regionCode, field: 'regionCode' },
    (tx) => createMasterplan(tx, input),
    (m) => ({ action: 'masterplan.create', entityType: 'masterplan', entityId: m.id }));
}

export async function updateMasterplanAs(db: Db, ctx: Ctx, id: string, body: unknown) {
  const m = await planRegion(db, id, 'id');
  const { version, patch } = splitVersion(body);
  return authorizedWrite(db, ctx, { action: 'masterplan.write', regionCode: m.regionCode, field: 'id' },
    (tx) => updateMasterplan(tx, id, patch, version),
    () => ({ action: 'masterplan.update', entityType: 'masterplan', entityId: id, details: { fields: Object.keys(patch) } }));
}

export async function saveReadinessAs(db: Db, ctx: Ctx, masterplanId: string, body: unknown) {
  const m = await planRegion(db, masterplanId, 'id');
  return authorizedWrite(db, ctx, { action: 'masterplan.write', regionCode: m.regionCode, field: 'id' },
    (tx) => saveReadiness(tx, { ...(body as object), masterplanId }),
    (r) => ({ action: 'readiness.save', entityType: 'readiness', entityId: r.id }));
}

export async function createOpdAs(db: Db, ctx: Ctx, input: unknown) {
  const regionCode = str((input as { regionCode?: unknown } | null)?.regionCode);
  return authorizedWrite(db, ctx, { action: 'opd.write', regionCode, field: 'regionCode' },
    (tx) => createOpd(tx, input),
    (o) => ({ action: 'opd.create', entityType: 'opd', entityId: o.id }));
}

async function loadOpd(db: DbOrTx, id: string) {
  const [o] = z.string().uuid().safeParse(id).success ? await db.select().from(opds).where(eq(opds.id, id)) : [];
  if (!o) throw notFound({ id: 'OPD', en: 'OPD' }, 'id');
  return o;
}

export async function updateOpdAs(db: Db, ctx: Ctx, id: string, body: unknown) {
  const o = await loadOpd(db, id);
  const { version, patch } = splitVersion(body);
  return authorizedWrite(db, ctx, { action: 'opd.write', regionCode: o.regionCode, field: 'id' },
    (tx) => updateOpd(tx, id, patch, version),
    () => ({ action: 'opd.update', entityType: 'opd', entityId: id, details: { fields: Object.keys(patch) } }));
}

export async function deleteOpdAs(db: Db, ctx: Ctx, id: string) {
  const o = await loadOpd(db, id);
  await authorizedWrite(db, ctx, { action: 'opd.write', regionCode: o.regionCode, field: 'id' },
    (tx) => deleteOpd(tx, id),
    () => ({ action: 'opd.delete', entityType: 'opd', entityId: id, details: { name: o.name } }));
}

export async function setQuickWinAs(db: Db, ctx: Ctx, input: unknown) {
  const m = await planRegion(db, (input as { masterplanId?: unknown } | null)?.masterplanId);
  return authorizedWrite(db, ctx, { action: 'quickwin.write', regionCode: m.regionCode, field: 'masterplanId' },
    (tx) => setQuickWin(tx, input),
    (q) => ({ action: 'quickwin.set', entityType: 'quick_win', entityId: q.id }));
}

export async function deleteQuickWinAs(db: Db, ctx: Ctx, id: string) {
  const [q] = z.string().uuid().safeParse(id).success ? await db.select().from(quickWins).where(eq(quickWins.id, id)) : [];
  if (!q) throw notFound({ id: 'Quick win', en: 'Quick win' }, 'id');
  const m = await planRegion(db, q.masterplanId);
  await authorizedWrite(db, ctx, { action: 'quickwin.write', regionCode: m.regionCode, field: 'id' },
    (tx) => deleteQuickWin(tx, id),
    () => ({ action: 'quickwin.delete', entityType: 'quick_win', entityId: id }));
}

/** What needs the user's attention. */
export async function dashboard(db: Db, ctx: Ctx) {
  const a = ctx.actor;
  if (!a) throw forbidden('authorization');
  const region = a.regionCode;
  // A national admin decides everywhere: every region's waiting changes.
  const pendingWhere = a.role === 'national_admin' ? eq(pendingChanges.status, 'pending')
    : region && can(a, 'change.decide', { regionCode: region }) ? and(eq(pendingChanges.regionCode, region), eq(pendingChanges.status, 'pending')) : undefined;
  const pending = pendingWhere ? await db.select().from(pendingChanges).where(pendingWhere).orderBy(desc(pendingChanges.createdAt)).limit(200) : [];
  const mine = a.userId ? await db.select().from(pendingChanges).where(eq(pendingChanges.authorId, a.userId)).orderBy(desc(pendingChanges.createdAt)).limit(50) : [];
  const unpublished = region && can(a, 'region.readUnpublished', { regionCode: region })
    ? await db.select({ id: programs.id, code: programs.code, title: programs.title }).from(programs).where(and(eq(programs.regionCode, region), eq(programs.published, false)))
    : [];
  return {
    pendingChanges: await describeChanges(db, pending),
    myChanges: await describeChanges(db, mine.filter((c) => c.status !== 'rejected')),
    returned: await describeChanges(db, mine.filter((c) => c.status === 'rejected')),
    unpublishedPrograms: unpublished,
  };
}
