import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { DbOrTx } from '../../core/db.ts';
import { parseInput } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import { auditLog, users } from './schema.ts';

export interface AuditInput {
  actor: Actor | null;
  action: string;
  entityType?: string;
  entityId?: string;
  regionCode?: string | null;
  ip?: string | null;
  details?: unknown;
  /** For login attempts, who tried (the email) when there is no actor. */
  label?: string;
}

/** Appends one entry; called inside the transaction of the write it records. */
export async function audit(db: DbOrTx, e: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    actorId: e.actor?.userId ?? null,
    actorLabel: e.label ?? (e.actor ? `${e.actor.name}${e.actor.via === 'token' ? ' (token)' : ''}` : null),
    action: e.action,
    entityType: e.entityType ?? null,
    entityId: e.entityId ?? null,
    regionCode: e.regionCode ?? null,
    ip: e.ip ?? null,
    details: (e.details ?? null) as never,
  });
}

const auditQuery = z.object({
  region: z.string().regex(/^\d{2}\.\d{2}$/, 'Harus kode kabupaten/kota | Must be a regency/city code').optional(),
  action: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

function auditWhere(f: z.output<typeof auditQuery>): SQL | undefined {
  return and(f.region ? eq(auditLog.regionCode, f.region) : undefined, f.action ? eq(auditLog.action, f.action) : undefined);
}

export async function listAudit(db: DbOrTx, query: unknown) {
  const f = parseInput(auditQuery, query, 'query');
  const where = auditWhere(f);
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where);
  const rows = await db.select({ a: auditLog, email: users.email, name: users.name }).from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId)).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(f.limit).offset(f.offset);
  return {
    items: rows.map(({ a, email, name }) => ({
      id: a.id, at: a.at.toISOString(),
      actor: a.actorId ? { id: a.actorId, name: name ?? a.actorLabel ?? '', email: email ?? '' } : null,
      actorLabel: a.actorLabel, action: a.action, entityType: a.entityType, entityId: a.entityId, regionCode: a.regionCode, ip: a.ip, details: a.details,
    })),
    total, limit: f.limit, offset: f.offset,
  };
}

/** The whole (filtered) log as CSV, newest first. */
export async function auditCsv(db: DbOrTx, query: unknown): Promise<string> {
  const rows: string[][] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await listAudit(db, { ...(query as object), limit: 500, offset });
    for (const e of page.items) {
      rows.push([e.at, e.actor?.email ?? '', e.actorLabel ?? '', e.action, e.entityType ?? '', e.entityId ?? '', e.regionCode ?? '', e.ip ?? '', e.details === null ? '' : JSON.stringify(e.details)]);
    }
    if (offset + 500 >= page.total) break;
  }
  return stringify(rows, { header: true, columns: ['at', 'actor_email', 'actor', 'action', 'entity_type', 'entity_id', 'region_code', 'ip', 'details'] });
}
