import { createHash } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../core/db.ts';
import { AppError, conflict } from '../../../core/errors.ts';
import { can, type Actor } from '../../../core/policy.ts';
import { audit } from '../../accounts/audit.ts';
import { evaluationInstruments } from '../schema.ts';
import { parseInstrument, shippedInstrumentTexts } from './load.ts';
import type { Instrument } from './types.ts';

/** Canonical digest of a parsed instrument: same content → same digest, whatever the file's formatting. */
export function instrumentDigest(instrument: Instrument): string {
  const canonical = (v: unknown): unknown => Array.isArray(v) ? v.map(canonical)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  return createHash('sha256').update(JSON.stringify(canonical(instrument))).digest('hex');
}

/**
 * Instruments are national, not a region's: only the national admin imports them. (The policy
 * grants the national admin every action; no region-scoped action fits a national write.)
 */
export function assertMayImport(actor: Actor | null): void {
  if (!actor) throw new AppError(401, 'unauthenticated', { id: 'Silakan masuk terlebih dahulu', en: 'Please log in first' });
  if (!can(actor, 'evaluation.instrument', { regionCode: '' })) {
    throw new AppError(403, 'forbidden', { id: 'Hanya admin nasional yang dapat mengimpor instrumen', en: 'Only the national admin may import instruments' });
  }
}

export type ImportOutcome = { status: 'imported' | 'unchanged'; id: string; version: string; instrument: Instrument };

/**
 * Stores a validated instrument. Same id+version with the same content: nothing happens
 * ('unchanged'); with different content: 409 — versions are immutable, give the file a new version.
 */
export async function storeInstrument(db: Db, instrument: Instrument, fileText: string, actor: Actor | null, fileName = 'instrument'): Promise<ImportOutcome> {
  const digest = instrumentDigest(instrument);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ digest: evaluationInstruments.digest }).from(evaluationInstruments)
      .where(and(eq(evaluationInstruments.id, instrument.id), eq(evaluationInstruments.version, instrument.version)));
    if (existing) {
      if (existing.digest === digest) return { status: 'unchanged' as const, id: instrument.id, version: instrument.version, instrument };
      throw conflict('version', {
        id: `Instrumen ${instrument.id} versi ${instrument.version} sudah ada dengan isi berbeda (${fileName}); versi tidak dapat diubah — naikkan "version"`,
        en: `Instrument ${instrument.id} version ${instrument.version} already exists with different content (${fileName}); versions are immutable — raise "version"`,
      });
    }
    await tx.insert(evaluationInstruments).values({
      id: instrument.id, version: instrument.version, kind: instrument.kind, name: instrument.name.id, body: instrument, digest,
      source: instrument.source, fileText, importedBy: actor?.userId ?? null,
    });
    await audit(tx, {
      actor, label: actor ? undefined : 'Pilar (instrumen bawaan)', action: 'evaluation.instrument.import', entityType: 'evaluation_instrument',
      entityId: `${instrument.id}@${instrument.version}`, details: { file: fileName, digest },
    });
    return { status: 'imported' as const, id: instrument.id, version: instrument.version, instrument };
  });
}

/** Parses, validates and stores an instrument file (CLI and API). */
export async function importInstrument(db: Db, fileText: string, actor: Actor | null, fileName = 'instrument'): Promise<ImportOutcome> {
  return storeInstrument(db, parseInstrument(fileText, fileName), fileText, actor, fileName);
}

/**
 * Loads the instruments shipped in ./files (on start and seed). Idempotent and cheap when
 * nothing changed: a file whose exact text is stored already is not even parsed. A shipped
 * file changed under the same id+version is refused like any other import; refusals are
 * returned (not thrown) so that one stale file does not stop the server.
 */
export async function syncShippedInstruments(db: Db): Promise<{ imported: string[]; unchanged: string[]; refused: { file: string; error: AppError }[] }> {
  const out = { imported: [] as string[], unchanged: [] as string[], refused: [] as { file: string; error: AppError }[] };
  const stored = new Set((await db.select({ h: sql<string>`md5(${evaluationInstruments.fileText})` }).from(evaluationInstruments)).map((r) => r.h));
  for (const f of shippedInstrumentTexts()) {
    if (stored.has(createHash('md5').update(f.text, 'utf8').digest('hex'))) {
      out.unchanged.push(f.file);
      continue;
    }
    try {
      const r = await storeInstrument(db, parseInstrument(f.text, f.file), f.text, null, f.file);
      out[r.status].push(r.id);
    } catch (e) {
      if (e instanceof AppError) out.refused.push({ file: f.file, error: e });
      else throw e;
    }
  }
  return out;
}

/** One instrument: the given version, else the latest imported version of the id; null when unknown. */
export async function getInstrument(db: DbOrTx, id: string, version?: string): Promise<Instrument | null> {
  const [row] = await db.select({ body: evaluationInstruments.body }).from(evaluationInstruments)
    .where(version ? and(eq(evaluationInstruments.id, id), eq(evaluationInstruments.version, version)) : eq(evaluationInstruments.id, id))
    .orderBy(desc(evaluationInstruments.importedAt), desc(evaluationInstruments.version)).limit(1);
  return row?.body ?? null;
}

/** Every instrument id with its latest version, ordered by year then id. */
export async function listInstruments(db: DbOrTx): Promise<(Instrument & { importedAt: string })[]> {
  const rows = await db.select({ body: evaluationInstruments.body, importedAt: evaluationInstruments.importedAt }).from(evaluationInstruments)
    .orderBy(asc(evaluationInstruments.id), desc(evaluationInstruments.importedAt));
  const latest = new Map<string, Instrument & { importedAt: string }>();
  for (const r of rows) if (!latest.has(r.body.id)) latest.set(r.body.id, { ...r.body, importedAt: r.importedAt.toISOString() });
  return [...latest.values()].sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.id.localeCompare(b.id));
}

/** The file an instrument version was imported from (YAML or JSON, as given); null when unknown. */
export async function getInstrumentFile(db: DbOrTx, id: string, version?: string): Promise<{ version: string; text: string } | null> {
  const [row] = await db.select({ version: evaluationInstruments.version, text: evaluationInstruments.fileText }).from(evaluationInstruments)
    .where(version ? and(eq(evaluationInstruments.id, id), eq(evaluationInstruments.version, version)) : eq(evaluationInstruments.id, id))
    .orderBy(desc(evaluationInstruments.importedAt), desc(evaluationInstruments.version)).limit(1);
  return row ?? null;
}
