import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../core/db.ts';
import { AppError, invalid, notFound, parseInput } from '../../../core/errors.ts';
import { can, type Action, type Actor } from '../../../core/policy.ts';
import { audit } from '../../accounts/audit.ts';
import { forbidden } from '../../accounts/users.ts';
import { assertUsableFiles, publishFiles } from '../../files/service.ts';
import { programs, quickWins } from '../../masterplan/schema.ts';
import { progressReports } from '../../monitoring/schema.ts';
import { regions } from '../../wilayah/schema.ts';
import type { Instrument, InstrumentIndicator } from '../instruments/types.ts';
import { answerProblem } from '../scoring/levels.ts';
import { instrumentById } from './bridge.ts';
import {
  evaluationCycleEvents, evaluationCycles, type CycleSnapshot, type EvidenceLink, type ValidatedAnswer,
} from './schema.ts';
import { narrativeInput, openInput, selfAssessInput, validateInput, versionInput } from './validation.ts';

/**
 * The evaluation cycle's writes. Each is authorised by the policy, checks the cycle's state
 * and version, and writes the cycle, its history event and the audit entry in one transaction.
 */
export interface Ctx { actor: Actor | null; ip?: string | null }
export type Cycle = typeof evaluationCycles.$inferSelect;

const CYCLE = { id: 'Evaluasi', en: 'Evaluation' };

/** May this actor read the cycle (published, or a region insider / assigned assessor)? */
export function canReadCycle(actor: Actor | null, c: Pick<Cycle, 'regionCode' | 'published'>): boolean {
  return c.published || can(actor, 'region.readUnpublished', { regionCode: c.regionCode });
}

export async function findCycle(db: DbOrTx, regionCode: string, year: number): Promise<Cycle | undefined> {
  const [c] = await db.select().from(evaluationCycles).where(and(eq(evaluationCycles.regionCode, regionCode), eq(evaluationCycles.year, year)));
  return c;
}

/** The cycle for a read: 404 when missing or not visible (its existence is not disclosed). */
export async function readableCycle(db: DbOrTx, actor: Actor | null, regionCode: string, year: number): Promise<Cycle> {
  const c = await findCycle(db, regionCode, year);
  if (!c || !canReadCycle(actor, c)) throw notFound(CYCLE, 'year');
  return c;
}

/** The cycle for a write by `action`: 404 when unreadable, 403 when readable but not writable. */
async function writableCycle(db: DbOrTx, actor: Actor | null, regionCode: string, year: number, action: Action | Action[]): Promise<Cycle> {
  const c = await readableCycle(db, actor, regionCode, year);
  const actions = Array.isArray(action) ? action : [action];
  if (!actions.some((a) => can(actor, a, { regionCode }))) throw forbidden('year');
  return c;
}

export async function loadInstrument(db: DbOrTx, id: string, field = 'instrument', version?: string): Promise<Instrument> {
  const instrument = await instrumentById(db, id, version);
  if (!instrument) throw invalid(field, { id: `instrumen "${id}" tidak dikenal`, en: `unknown instrument "${id}"` });
  return instrument;
}

/** The instrument version a cycle was opened with. */
export const instrumentOf = (db: DbOrTx, c: Pick<Cycle, 'instrumentId' | 'instrumentVersion'>) => loadInstrument(db, c.instrumentId, 'instrument', c.instrumentVersion);

/** Cache key of a cycle's instrument (id and version). */
export const instrumentKey = (c: Pick<Cycle, 'instrumentId' | 'instrumentVersion'>) => `${c.instrumentId}@${c.instrumentVersion}`;

export function indicatorsOf(instrument: Instrument): Map<string, InstrumentIndicator & { component: string }> {
  const out = new Map<string, InstrumentIndicator & { component: string }>();
  for (const c of instrument.components) for (const a of c.aspects) for (const i of a.indicators) out.set(i.key, { ...i, component: c.key });
  return out;
}

const STATUS_NAMES = {
  self_assessment: { id: 'penilaian mandiri', en: 'self-assessment' },
  submitted: { id: 'diajukan (validasi asesor)', en: 'submitted (assessor validation)' },
  final: { id: 'final', en: 'final' },
} as const;

function requireStatus(c: Cycle, ...allowed: Cycle['status'][]) {
  if (allowed.includes(c.status)) return;
  const now = STATUS_NAMES[c.status];
  throw new AppError(409, 'wrong_status', {
    id: `Evaluasi ini sedang berstatus ${now.id}; langkah ini tidak dapat dilakukan sekarang`,
    en: `This evaluation is in status ${now.en}; this step cannot be taken now`,
  }, 'status');
}

/** 409 naming what changed since the caller's version (indicator keys or fields of later steps). */
async function staleVersion(db: DbOrTx, c: Cycle, base: number): Promise<AppError> {
  const later = await db.select({ changed: evaluationCycleEvents.changed }).from(evaluationCycleEvents)
    .where(and(eq(evaluationCycleEvents.cycleId, c.id), gt(evaluationCycleEvents.version, base)));
  const list = [...new Set(later.flatMap((e) => e.changed))].join(', ') || '-';
  return new AppError(409, 'version_conflict', {
    id: `Evaluasi ini sudah diubah orang lain (versi ${c.version}, Anda mulai dari versi ${base}). Yang berubah: ${list}. Muat ulang lalu ulangi perubahan Anda.`,
    en: `Someone else changed this evaluation meanwhile (version ${c.version}, you started from ${base}). Changed: ${list}. Reload and apply your change again.`,
  }, 'version');
}

const snapshotOf = (c: Pick<Cycle, keyof CycleSnapshot>): CycleSnapshot => ({
  status: c.status, selfAnswers: c.selfAnswers, validation: c.validation, interviewNotes: c.interviewNotes, narrative: c.narrative,
});

/**
 * Applies a change to a cycle at `base` version in one transaction: the row (version + 1), its
 * history event and the audit entry. A concurrent write makes the conditional update miss → 409.
 */
async function commit(db: Db, ctx: Ctx, c: Cycle, base: number, action: string, changed: string[], patch: Partial<Cycle>, after?: (tx: DbOrTx) => Promise<void>) {
  if (base !== c.version) throw await staleVersion(db, c, base);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(evaluationCycles).set({ ...patch, version: c.version + 1, updatedAt: new Date() })
      .where(and(eq(evaluationCycles.id, c.id), eq(evaluationCycles.version, base))).returning();
    if (!row) throw await staleVersion(tx, (await findCycle(tx, c.regionCode, c.year)) ?? c, base);
    await tx.insert(evaluationCycleEvents).values({
      cycleId: c.id, version: row.version, action, actorId: ctx.actor?.userId ?? null, actorLabel: ctx.actor?.name ?? null, changed, snapshot: snapshotOf(row),
    });
    await after?.(tx);
    await audit(tx, { actor: ctx.actor, action: `evaluation.${action}`, entityType: 'evaluation_cycle', entityId: c.id, regionCode: c.regionCode, ip: ctx.ip, details: { year: c.year, changed: changed.slice(0, 50) } });
    return { id: row.id, year: row.year, status: row.status, version: row.version, published: row.published };
  });
}

// ── open ─────────────────────────────────────────────────────────────────────────────────

export async function openCycle(db: Db, ctx: Ctx, regionCode: string, body: unknown, opts: { illustrative?: boolean } = {}) {
  const [region] = await db.select({ code: regions.code, level: regions.level }).from(regions).where(eq(regions.code, regionCode));
  if (!region) throw notFound({ id: 'Wilayah', en: 'Region' }, 'code');
  if (!can(ctx.actor, 'evaluation.open', { regionCode })) {
    if (!can(ctx.actor, 'region.readUnpublished', { regionCode })) throw notFound({ id: 'Wilayah', en: 'Region' }, 'code');
    throw forbidden('code');
  }
  if (region.level !== 'regency') throw invalid('code', { id: 'evaluasi smart city dibuka untuk kabupaten/kota', en: 'smart city evaluations are opened for regencies and cities' });
  const input = parseInput(openInput, body);
  const instrument = await loadInstrument(db, input.instrument);
  if (await findCycle(db, regionCode, input.year)) {
    throw new AppError(409, 'exists', { id: `Evaluasi tahun ${input.year} untuk wilayah ini sudah dibuka`, en: `The ${input.year} evaluation of this region is already open` }, 'year');
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(evaluationCycles).values({
      regionCode, year: input.year, instrumentId: input.instrument, instrumentVersion: instrument.version, openedBy: ctx.actor?.userId ?? null, illustrative: opts.illustrative ?? false,
    }).returning();
    const c = row!;
    await tx.insert(evaluationCycleEvents).values({ cycleId: c.id, version: 1, action: 'open', actorId: ctx.actor?.userId ?? null, actorLabel: ctx.actor?.name ?? null, changed: ['instrument'], snapshot: snapshotOf(c) });
    await audit(tx, { actor: ctx.actor, action: 'evaluation.open', entityType: 'evaluation_cycle', entityId: c.id, regionCode, ip: ctx.ip, details: { year: c.year, instrument: c.instrumentId } });
    return { id: c.id, year: c.year, status: c.status, version: c.version, published: c.published, instrumentId: c.instrumentId };
  });
}

// ── self-assessment ──────────────────────────────────────────────────────────────────────

/** Every link must point at the region's own program, progress report or quick win. */
async function assertLinks(db: DbOrTx, regionCode: string, links: EvidenceLink[], field: string) {
  const ids = (kind: EvidenceLink['kind']) => [...new Set(links.filter((l) => l.kind === kind).map((l) => l.id))];
  const found = new Set<string>();
  const p = ids('program');
  if (p.length) for (const r of await db.select({ id: programs.id }).from(programs).where(and(inArray(programs.id, p), eq(programs.regionCode, regionCode)))) found.add(r.id);
  const r = ids('report');
  if (r.length) {
    for (const x of await db.select({ id: progressReports.id }).from(progressReports)
      .where(and(inArray(progressReports.id, r), eq(progressReports.regionCode, regionCode)))) found.add(x.id);
  }
  const q = ids('quickwin');
  if (q.length) {
    for (const x of await db.select({ id: quickWins.id }).from(quickWins).innerJoin(programs, eq(programs.id, quickWins.programId))
      .where(and(inArray(quickWins.id, q), eq(programs.regionCode, regionCode)))) found.add(x.id);
  }
  links.forEach((l, i) => {
    if (!found.has(l.id)) throw invalid(`${field}.${i}.id`, { id: `${l.kind} ${l.id} tidak ditemukan di wilayah ini`, en: `${l.kind} ${l.id} not found in this region` });
  });
}

/**
 * Applies a form's answers (indicator key → answer, or null to clear it) to the stored ones:
 * an unknown indicator or a level its scale lacks is refused naming the field; `store` checks
 * the rest of an answer and gives what is kept.
 */
async function applyAnswers<A extends { level?: number | null; metLevels?: number[] | null }, S>(
  instrument: Instrument, current: Record<string, S>, answers: Record<string, A | null>,
  store: (answer: A, field: string, key: string) => Promise<S>,
): Promise<Record<string, S>> {
  const byKey = indicatorsOf(instrument);
  const next = { ...current };
  for (const [key, a] of Object.entries(answers)) {
    const field = `answers.${key}`;
    const ind = byKey.get(key);
    if (!ind) throw invalid(field, { id: `indikator "${key}" tidak ada pada instrumen ${instrument.id}`, en: `indicator "${key}" does not exist in instrument ${instrument.id}` });
    if (a === null) {
      delete next[key];
      continue;
    }
    const problem = answerProblem(ind, a);
    if (problem) throw invalid(`${field}.${problem.field}`, problem.message);
    next[key] = await store(a, field, key);
  }
  return next;
}

export async function saveSelfAssessment(db: Db, ctx: Ctx, regionCode: string, year: number, body: unknown) {
  const c = await writableCycle(db, ctx.actor, regionCode, year, 'evaluation.selfAssess');
  const input = parseInput(selfAssessInput, body);
  requireStatus(c, 'self_assessment');
  const next = await applyAnswers(await instrumentOf(db, c), c.selfAnswers, input.answers, async (a, field) => {
    await assertUsableFiles(db, ctx.actor!, regionCode, a.files, `${field}.files`);
    await assertLinks(db, regionCode, a.links, `${field}.links`);
    return { level: a.level ?? null, metLevels: a.metLevels ?? null, justification: a.justification.trim(), files: [...new Set(a.files)], links: a.links, suggested: a.suggested ?? null };
  });
  return commit(db, ctx, c, input.version, 'selfAssess', Object.keys(input.answers), { selfAnswers: next });
}

export async function submitCycle(db: Db, ctx: Ctx, regionCode: string, year: number, body: unknown) {
  const c = await writableCycle(db, ctx.actor, regionCode, year, 'evaluation.selfAssess');
  const { version } = parseInput(versionInput, body);
  requireStatus(c, 'self_assessment');
  if (Object.keys(c.selfAnswers).length === 0) {
    throw invalid('answers', { id: 'isi penilaian mandiri sedikitnya satu indikator sebelum diajukan', en: 'answer at least one indicator before submitting' });
  }
  return commit(db, ctx, c, version, 'submit', ['status'], { status: 'submitted', submittedAt: new Date() });
}

// ── assessor validation ──────────────────────────────────────────────────────────────────

const sameLevels = (a: { level?: number | null; metLevels?: number[] | null } | undefined, b: { level?: number | null; metLevels?: number[] | null }) => {
  const norm = (x?: number[] | null) => (x ? [...x].sort((p, q) => p - q).join(',') : '');
  return (a?.level ?? null) === (b.level ?? null) && norm(a?.metLevels) === norm(b.metLevels);
};

export async function saveValidation(db: Db, ctx: Ctx, regionCode: string, year: number, body: unknown) {
  const c = await writableCycle(db, ctx.actor, regionCode, year, 'evaluation.validate');
  const input = parseInput(validateInput, body);
  requireStatus(c, 'submitted');
  const next = await applyAnswers(await instrumentOf(db, c), c.validation, input.answers, async (a, field, key) => {
    const reason = a.reason.trim();
    if (!sameLevels(c.selfAnswers[key], a) && !reason) {
      throw invalid(`${field}.reason`, { id: 'alasan wajib diisi bila level validasi berbeda dari penilaian mandiri', en: 'a reason is required where the validated level differs from the self-assessed one' });
    }
    return { level: a.level ?? null, metLevels: a.metLevels ?? null, reason };
  });
  const changed = [...Object.keys(input.answers), ...(input.interviewNotes !== undefined ? ['interviewNotes'] : [])];
  return commit(db, ctx, c, input.version, 'validate', changed, { validation: next, ...(input.interviewNotes !== undefined ? { interviewNotes: input.interviewNotes } : {}) });
}

/** Strengths, weaknesses and recommendations: the assessor or the region's coordinator/Bappeda, before finalisation. */
export async function saveNarrative(db: Db, ctx: Ctx, regionCode: string, year: number, body: unknown) {
  const c = await writableCycle(db, ctx.actor, regionCode, year, ['evaluation.validate', 'evaluation.selfAssess']);
  const input = parseInput(narrativeInput, body);
  requireStatus(c, 'submitted');
  const { version, ...narrative } = input;
  return commit(db, ctx, c, version, 'narrative', ['narrative'], { narrative });
}

/** Final and published: validated levels fill in from the self-assessment where the assessor kept them. */
export async function finalizeCycle(db: Db, ctx: Ctx, regionCode: string, year: number, body: unknown) {
  const c = await writableCycle(db, ctx.actor, regionCode, year, 'evaluation.finalize');
  const { version } = parseInput(versionInput, body);
  requireStatus(c, 'submitted');
  const validation: Record<string, ValidatedAnswer> = { ...c.validation };
  for (const [key, a] of Object.entries(c.selfAnswers)) validation[key] ??= { level: a.level ?? null, metLevels: a.metLevels ?? null, reason: '' };
  const fileIds = Object.values(c.selfAnswers).flatMap((a) => a.files);
  return commit(db, ctx, c, version, 'finalize', ['status', 'published'], { status: 'final', published: true, finalizedAt: new Date(), validation },
    (tx) => publishFiles(tx, fileIds));
}

export async function cycleHistory(db: DbOrTx, actor: Actor | null, regionCode: string, year: number) {
  const c = await readableCycle(db, actor, regionCode, year);
  if (!can(actor, 'region.readUnpublished', { regionCode })) throw forbidden('year');
  const rows = await db.select().from(evaluationCycleEvents).where(eq(evaluationCycleEvents.cycleId, c.id)).orderBy(evaluationCycleEvents.version);
  return rows.map((e) => ({ version: e.version, action: e.action, actor: e.actorLabel, at: e.at.toISOString(), changed: e.changed, status: e.snapshot.status }));
}
