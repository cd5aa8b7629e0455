/** A person's in-app notifications: list, mark read. Only ever the caller's own. */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../core/db.ts';
import { notFound, parseInput } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { audit } from '../../accounts/audit.ts';
import { notifications } from './schema.ts';

const listQuery = z.strictObject({
  unread: z.enum(['0', '1', 'true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export async function listNotifications(db: Db, actor: Actor, query: unknown) {
  const q = parseInput(listQuery, query ?? {}, 'query');
  if (!actor.userId) return { items: [], unread: 0 };
  const onlyUnread = q.unread === '1' || q.unread === 'true';
  const rows = await db.select().from(notifications)
    .where(and(eq(notifications.userId, actor.userId), onlyUnread ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(q.limit);
  const [{ unread } = { unread: 0 }] = await db.select({ unread: count() }).from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return {
    items: rows.map((n) => ({
      id: n.id, kind: n.kind, stage: n.stage, title: n.title, body: n.body, link: n.link, regionCode: n.regionCode,
      periodId: n.periodId, programId: n.programId, reportId: n.reportId,
      createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null, emailStatus: n.emailStatus,
    })),
    unread: Number(unread),
  };
}

export async function markRead(db: Db, actor: Actor, id: string, ip?: string) {
  const uuid = z.uuid().safeParse(id);
  const missing = () => notFound({ id: 'Notifikasi', en: 'Notification' }, 'id');
  if (!uuid.success || !actor.userId) throw missing();
  return db.transaction(async (tx) => {
    const [n] = await tx.select({ id: notifications.id, readAt: notifications.readAt, regionCode: notifications.regionCode }).from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId!)));
    if (!n) throw missing();
    if (!n.readAt) {
      await tx.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, id));
      await audit(tx, { actor, action: 'notification.read', entityType: 'notification', entityId: id, regionCode: n.regionCode, ip });
    }
    return { ok: true };
  });
}

export async function markAllRead(db: Db, actor: Actor, ip?: string) {
  if (!actor.userId) return { ok: true, marked: 0 };
  return db.transaction(async (tx) => {
    const marked = await tx.update(notifications).set({ readAt: new Date() })
      .where(and(eq(notifications.userId, actor.userId!), isNull(notifications.readAt))).returning({ id: notifications.id });
    if (marked.length) await audit(tx, { actor, action: 'notification.readAll', entityType: 'notification', regionCode: actor.regionCode, ip, details: { count: marked.length } });
    return { ok: true, marked: marked.length };
  });
}
