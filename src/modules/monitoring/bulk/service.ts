/**
 * The bulk KPI grid of an OPD officer: every program × KPI they report on for one period, and
 * saving cells as they are typed. Writes go through the monitoring service (ensureDraft,
 * loadReportForWrite, saveKpiValues), so access, the period window and read-only reports are
 * decided in one place. Entries carry an id from the browser: a retried request (its answer
 * lost when the connection dropped) gets the same answer and is not applied twice. An entry
 * also carries the value the browser last saw (`base`): when the server's value changed
 * meanwhile the entry is answered "conflict" instead of overwriting it.
 */
import { and, asc, desc, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../../core/db.ts';
import { AppError, notFound, parseInput, type Bilingual } from '../../../core/errors.ts';
import { can, type Actor } from '../../../core/policy.ts';
import { audit } from '../../accounts/audit.ts';
import { forbidden } from '../../accounts/users.ts';
import { kpis, kpiTargets, programs } from '../../masterplan/schema.ts';
import { bumpVersion } from '../../masterplan/rules.ts';
import { progressReports, reportingPeriods, reportKpiValues, type ReportStatus } from '../schema.ts';
import { ensureDraft, loadReportForWrite, recordEvent, saveKpiValues, today } from '../service.ts';
import { periodState } from '../status.ts';
import { bulkEntryReceipts } from './schema.ts';

const PERIOD = { id: 'Periode pelaporan', en: 'Reporting period' };

async function loadPeriodOf(db: DbOrTx, regionCode: string, periodId: string) {
  if (!z.uuid().safeParse(periodId).success) throw notFound(PERIOD, 'id');
  const [p] = await db.select().from(reportingPeriods).where(and(eq(reportingPeriods.id, periodId), eq(reportingPeriods.regionCode, regionCode)));
  if (!p) throw notFound(PERIOD, 'id');
  return p;
}

function requireGridAccess(actor: Actor | null, regionCode: string): Actor {
  if (!actor) throw new AppError(401, 'unauthenticated', { id: 'Silakan masuk terlebih dahulu', en: 'Please log in first' });
  if (!can(actor, 'region.readUnpublished', { regionCode })) throw notFound({ id: `Wilayah ${regionCode}`, en: `Region ${regionCode}` }, 'code');
  // An officer writes the programs of their OPD, editors all of the region; readers none.
  if (!can(actor, 'report.write', { regionCode, opdId: actor.opdId })) throw forbidden('code');
  return actor;
}

const LOCKED: Record<'submitted' | 'approved' | 'closed' | 'upcoming', Bilingual> = {
  submitted: { id: 'Laporan sudah dikirim dan menunggu pemeriksaan; tidak dapat diubah', en: 'The report was submitted and waits for review; it cannot be changed' },
  approved: { id: 'Laporan sudah disetujui dan tidak dapat diubah', en: 'The report is approved and can no longer be changed' },
  closed: { id: 'Periode sudah ditutup', en: 'The period is closed' },
  upcoming: { id: 'Periode belum dibuka', en: 'The period is not open yet' },
};

/** Why a program's cells are read-only in the grid, or null when they can be typed in. */
function lockOf(status: ReportStatus | null, periodWindow: 'open' | 'closed' | 'upcoming'): Bilingual | null {
  if (status === 'submitted' || status === 'approved') return LOCKED[status];
  if (status === null && periodWindow !== 'open') return LOCKED[periodWindow];
  return null;
}

const gridQuery = z.strictObject({ opd: z.uuid().optional() });

/** Programs × KPIs of the caller for one period: target, unit, last approved value, the report's value. */
export async function kpiGrid(db: Db, actor: Actor | null, regionCode: string, periodId: string, query: unknown = {}) {
  const who = requireGridAccess(actor, regionCode);
  const q = parseInput(gridQuery, query ?? {}, 'query');
  const period = await loadPeriodOf(db, regionCode, periodId);
  // Editors may write every program of the region (policy with no OPD); officers only their OPD's.
  const officerOpd = can(who, 'report.write', { regionCode, opdId: null }) ? null : who.opdId;
  const opd = officerOpd ?? q.opd ?? null;
  const list = (await db.select({ id: programs.id, code: programs.code, title: programs.title, leadOpdId: programs.leadOpdId }).from(programs)
    .where(and(
      eq(programs.regionCode, regionCode), eq(programs.published, true),
      lte(programs.startYear, period.year), gte(programs.endYear, period.year),
      opd ? eq(programs.leadOpdId, opd) : undefined,
    ))
    .orderBy(asc(programs.code)))
    .filter((p) => can(who, 'report.write', { regionCode, opdId: p.leadOpdId }));
  const ids = list.map((p) => p.id);
  const windowState = periodState(period, today());
  if (!ids.length) return { period: periodInfo(period, windowState), programs: [] };

  const kpiRows = await db.select().from(kpis).where(inArray(kpis.programId, ids)).orderBy(asc(kpis.programId), asc(kpis.position), asc(kpis.name));
  const kpiIds = kpiRows.map((k) => k.id);
  const targets = kpiIds.length ? await db.select().from(kpiTargets).where(and(inArray(kpiTargets.kpiId, kpiIds), eq(kpiTargets.year, period.year))) : [];
  const reports = await db.select().from(progressReports).where(and(eq(progressReports.periodId, period.id), inArray(progressReports.programId, ids)));
  const values = reports.length ? await db.select().from(reportKpiValues).where(inArray(reportKpiValues.reportId, reports.map((r) => r.id))) : [];
  // The latest approved value of each KPI from an earlier period.
  const approved = kpiIds.length ? await db.select({ kpiId: reportKpiValues.kpiId, value: reportKpiValues.value, label: reportingPeriods.label, endsOn: reportingPeriods.endsOn })
    .from(reportKpiValues)
    .innerJoin(progressReports, eq(progressReports.id, reportKpiValues.reportId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
    .where(and(inArray(reportKpiValues.kpiId, kpiIds), eq(progressReports.status, 'approved'), lt(reportingPeriods.endsOn, period.endsOn)))
    .orderBy(desc(reportingPeriods.endsOn)) : [];
  const lastApproved = new Map<string, { value: number | null; periodLabel: string }>();
  for (const a of approved) if (!lastApproved.has(a.kpiId)) lastApproved.set(a.kpiId, { value: a.value, periodLabel: a.label });
  const targetOf = new Map(targets.map((t) => [t.kpiId, { value: t.value, valueMax: t.valueMax }]));
  const reportOf = new Map(reports.map((r) => [r.programId, r]));
  const valueOf = new Map(values.map((v) => [`${v.reportId}/${v.kpiId}`, v.value]));

  return {
    period: periodInfo(period, windowState),
    programs: list.map((p) => {
      const r = reportOf.get(p.id) ?? null;
      const lock = lockOf(r?.status ?? null, windowState);
      return {
        id: p.id, code: p.code, title: p.title,
        report: r ? { id: r.id, status: r.status, version: r.version } : null,
        editable: !lock, lockedReason: lock,
        kpis: kpiRows.filter((k) => k.programId === p.id).map((k) => ({
          id: k.id, name: k.name, unit: k.unit, polarity: k.polarity, illustrative: k.illustrative,
          target: targetOf.get(k.id) ?? null,
          lastApproved: lastApproved.get(k.id) ?? null,
          value: r ? valueOf.get(`${r.id}/${k.id}`) ?? null : null,
        })),
      };
    }).filter((p) => p.kpis.length > 0),
  };
}

const periodInfo = (p: typeof reportingPeriods.$inferSelect, state: string) => ({
  id: p.id, label: p.label, year: p.year, startsOn: p.startsOn, endsOn: p.endsOn, dueOn: p.dueOn, state,
});

const MAX_ENTRIES = 500;
const entry = z.strictObject({
  programId: z.uuid({ error: 'Harus id program (UUID) | Must be a program id (UUID)' }),
  kpiId: z.uuid({ error: 'Harus id KPI (UUID) | Must be a KPI id (UUID)' }),
  value: z.number({ error: 'Harus angka atau null | Must be a number or null' }).min(-1e15).max(1e15).nullable(),
  /** Unique per edit, made by the browser: the key of idempotency. */
  clientId: z.string().min(8).max(80).regex(/^[A-Za-z0-9_-]+$/, 'Hanya huruf, angka, - dan _ | Only letters, digits, - and _'),
  clientUpdatedAt: z.iso.datetime({ offset: true, error: 'Harus tanggal-waktu ISO 8601 | Must be an ISO 8601 date-time' }),
  /** The server value the browser last saw; omitted = overwrite whatever is there. */
  base: z.number().min(-1e15).max(1e15).nullable().optional(),
});
const entriesBody = z.strictObject({
  entries: z.array(entry).min(1, 'Kirim minimal satu isian | Send at least one entry').max(MAX_ENTRIES, `Paling banyak ${MAX_ENTRIES} isian sekaligus | At most ${MAX_ENTRIES} entries at once`),
});

export type EntryResult = {
  clientId: string;
  status: 'saved' | 'conflict' | 'rejected';
  programId: string;
  kpiId: string;
  /** The value on the server now. */
  serverValue: number | null;
  reportId?: string;
  code?: string;
  field?: string;
  reason?: Bilingual;
};

/** Entries in the order they were typed; within a request a later edit of a cell wins. */
export async function saveKpiEntries(db: Db, ctx: { actor: Actor | null; ip?: string | null }, regionCode: string, periodId: string, body: unknown) {
  const actor = requireGridAccess(ctx.actor, regionCode);
  const input = parseInput(entriesBody, body);
  const period = await loadPeriodOf(db, regionCode, periodId);
  const order = input.entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.clientUpdatedAt.localeCompare(b.e.clientUpdatedAt) || a.i - b.i);
  const results: EntryResult[] = new Array(input.entries.length);
  await db.transaction(async (tx) => {
    const touched = new Map<string, { programId: string; kpiIds: Set<string>; fromStatus: ReportStatus }>();
    for (const { e, i } of order) {
      const field = `entries.${i}`;
      const [receipt] = await tx.select().from(bulkEntryReceipts).where(and(eq(bulkEntryReceipts.userId, actor.userId ?? ''), eq(bulkEntryReceipts.clientId, e.clientId)));
      if (receipt) {
        results[i] = receipt.result as EntryResult;
        continue;
      }
      let result: EntryResult;
      try {
        // A savepoint per entry: a refused entry leaves nothing behind, the others still save.
        result = await tx.transaction(async (sp) => {
          if ((await sp.select({ id: programs.id }).from(programs).where(and(eq(programs.id, e.programId), eq(programs.regionCode, regionCode)))).length === 0) {
            throw notFound({ id: 'Program', en: 'Program' }, 'programId');
          }
          const { report } = await ensureDraft(sp, actor, e.programId, period.id, ctx.ip ?? null);
          const { report: writable } = await loadReportForWrite(sp, actor, report.id);
          const [cur] = await sp.select().from(reportKpiValues).where(and(eq(reportKpiValues.reportId, report.id), eq(reportKpiValues.kpiId, e.kpiId)));
          const now = cur?.value ?? null;
          if (e.base !== undefined && now !== e.base && now !== e.value) {
            return {
              clientId: e.clientId, status: 'conflict', programId: e.programId, kpiId: e.kpiId, serverValue: now, reportId: report.id, code: 'value_changed', field: `${field}.value`,
              reason: { id: `Nilai di server sudah diubah menjadi ${now ?? 'kosong'} sejak Anda memuatnya`, en: `The value on the server was changed to ${now ?? 'empty'} since you loaded it` },
            } satisfies EntryResult;
          }
          if (now !== e.value || !cur) {
            await saveKpiValues(sp, e.programId, report.id, [{ kpiId: e.kpiId, value: e.value, breakdown: cur?.breakdown ?? null }], 'entries');
            const t = touched.get(report.id) ?? { programId: e.programId, kpiIds: new Set<string>(), fromStatus: writable.status };
            t.kpiIds.add(e.kpiId);
            touched.set(report.id, t);
          }
          return { clientId: e.clientId, status: 'saved', programId: e.programId, kpiId: e.kpiId, serverValue: e.value, reportId: report.id } satisfies EntryResult;
        });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        // saveKpiValues names "entries.0.kpiId" (its own list of one): name this entry instead.
        const sub = err.field?.startsWith('entries.0.') ? err.field.slice('entries.0.'.length) : err.field;
        const [cur] = await tx.select({ value: reportKpiValues.value }).from(reportKpiValues)
          .innerJoin(progressReports, eq(progressReports.id, reportKpiValues.reportId))
          .where(and(eq(progressReports.programId, e.programId), eq(progressReports.periodId, period.id), eq(reportKpiValues.kpiId, e.kpiId)));
        result = {
          clientId: e.clientId, status: 'rejected', programId: e.programId, kpiId: e.kpiId, serverValue: cur?.value ?? null,
          code: err.code, field: sub === 'periodId' ? field : `${field}.${sub === 'id' || !sub ? 'programId' : sub}`, reason: err.bilingual,
        };
      }
      results[i] = result;
      // Only what changed something needs a receipt: refusals and conflicts change nothing, so
      // answering a repeated one afresh is just as idempotent (and sees the current state).
      if (result.status === 'saved') {
        await tx.insert(bulkEntryReceipts).values({ userId: actor.userId!, clientId: e.clientId, reportId: result.reportId ?? null, kpiId: e.kpiId, result })
          .onConflictDoNothing();
      }
    }
    // One version, history event and audit entry per report changed by this request.
    for (const [reportId, t] of touched) {
      const [row] = await tx.update(progressReports).set({ ...bumpVersion(progressReports) }).where(eq(progressReports.id, reportId)).returning();
      await recordEvent(tx, row!, 'save', t.fromStatus, actor.userId, null);
      await audit(tx, { actor, action: 'report.bulkSave', entityType: 'report', entityId: reportId, regionCode, ip: ctx.ip, details: { period: period.label, kpis: [...t.kpiIds] } });
    }
  });
  const versions = await reportVersions(db, results.map((r) => r.reportId).filter((x): x is string => !!x));
  return { results: results.map((r) => ({ ...r, ...(r.reportId ? { reportVersion: versions.get(r.reportId) } : {}) })) };
}

async function reportVersions(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, number>();
  const rows = await db.select({ id: progressReports.id, version: progressReports.version, status: progressReports.status }).from(progressReports).where(inArray(progressReports.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.version]));
}

/**
 * Receipts only need to outlive a browser's retries; older ones are removed by the hourly job.
 * A very late replay without its receipt is still safe: its `base` no longer matches → conflict.
 */
export async function pruneReceipts(db: DbOrTx, olderThanDays = 30, now = new Date()): Promise<number> {
  const rows = await db.delete(bulkEntryReceipts).where(lt(bulkEntryReceipts.at, new Date(now.getTime() - olderThanDays * 86_400_000))).returning({ id: bulkEntryReceipts.clientId });
  return rows.length;
}
