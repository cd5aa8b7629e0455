import { and, asc, desc, eq } from 'drizzle-orm';
import { inSequence, type DbOrTx } from '../../core/db.ts';
import { users } from '../accounts/schema.ts';
import { programs, programBudgets, programLocations, programSupportingOpds } from '../masterplan/schema.ts';
import { diffSnapshots, type FieldChange } from './diff.ts';
import { entityVersions } from './schema.ts';

/** The editable fields of a program, as one plain object: what history stores and diffs. */
export async function programSnapshot(db: DbOrTx, id: string): Promise<{ snapshot: Record<string, unknown>; version: number; regionCode: string; leadOpdId: string; published: boolean } | null> {
  const [p] = await db.select().from(programs).where(eq(programs.id, id));
  if (!p) return null;
  const [sup, bud, loc] = await inSequence([
    db.select().from(programSupportingOpds).where(eq(programSupportingOpds.programId, id)),
    db.select().from(programBudgets).where(eq(programBudgets.programId, id)).orderBy(asc(programBudgets.year), asc(programBudgets.source)),
    db.select().from(programLocations).where(eq(programLocations.programId, id)).orderBy(asc(programLocations.regionCode)),
  ]);
  return {
    version: p.version, regionCode: p.regionCode, leadOpdId: p.leadOpdId, published: p.published,
    snapshot: {
      code: p.code, title: p.title, description: p.description, elementKey: p.elementKey, leadOpdId: p.leadOpdId,
      supportingOpdIds: sup.map((s) => s.opdId).sort(), horizon: p.horizon, startYear: p.startYear, endYear: p.endYear,
      serviceName: p.serviceName, serviceUrl: p.serviceUrl, illustrative: p.illustrative,
      budgets: bud.map((b) => ({ year: b.year, source: b.source, amount: b.amount, illustrative: b.illustrative })),
      locations: loc.map((l) => l.regionCode),
    },
  };
}

/** Stores the program's current state as its version; called in the transaction of each write. */
export async function recordProgramVersion(db: DbOrTx, id: string, actorId: string | null, action: string): Promise<void> {
  const s = await programSnapshot(db, id);
  if (!s) return;
  await db.insert(entityVersions).values({ entityType: 'program', entityId: id, version: s.version, snapshot: s.snapshot, action, actorId })
    .onConflictDoUpdate({ target: [entityVersions.entityType, entityVersions.entityId, entityVersions.version], set: { snapshot: s.snapshot, action, actorId } });
}

export async function versionSnapshot(db: DbOrTx, id: string, version: number) {
  const [v] = await db.select().from(entityVersions).where(and(eq(entityVersions.entityType, 'program'), eq(entityVersions.entityId, id), eq(entityVersions.version, version)));
  return v?.snapshot ?? null;
}

export interface HistoryEntry { version: number; at: string; by: { id: string; name: string } | null; action: string; changes: FieldChange[] }

/** Versions newest first, each with the field-level diff against the version before it. */
export async function programHistory(db: DbOrTx, id: string): Promise<HistoryEntry[]> {
  const rows = await db.select({ v: entityVersions, name: users.name }).from(entityVersions).leftJoin(users, eq(users.id, entityVersions.actorId))
    .where(and(eq(entityVersions.entityType, 'program'), eq(entityVersions.entityId, id))).orderBy(asc(entityVersions.version));
  return rows.map(({ v, name }, i) => ({
    version: v.version, at: v.at.toISOString(), by: v.actorId ? { id: v.actorId, name: name ?? '' } : null, action: v.action,
    changes: diffSnapshots(i === 0 ? null : rows[i - 1]!.v.snapshot, v.snapshot),
  })).reverse();
}

export async function latestVersions(db: DbOrTx, id: string) {
  return db.select().from(entityVersions).where(and(eq(entityVersions.entityType, 'program'), eq(entityVersions.entityId, id))).orderBy(desc(entityVersions.version));
}
