import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db.ts';
import { AppError, invalid } from '../../core/errors.ts';
import { can, type Actor } from '../../core/policy.ts';
import { audit } from '../accounts/audit.ts';
import { forbidden } from '../accounts/users.ts';
import { regions } from '../wilayah/schema.ts';
import { files } from './schema.ts';
import type { BlobStore } from './store.ts';
import { ACCEPTED, isAccepted, sniff } from './types.ts';
import { MAX_MEGAPIXELS, processImage } from './images.ts';
import { sanitiseName } from './names.ts';
import { verifyOfficeContainer } from './office.ts';

/** An evidence file as other modules and the web app see it. */
export interface FileMeta {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  /** GET it for the bytes (access-checked). */
  url: string;
  /** WebP thumbnail of an image; null for documents. */
  thumbnailUrl: string | null;
  public: boolean;
}

type FileRow = typeof files.$inferSelect;

export const toMeta = (f: FileRow): FileMeta => ({
  id: f.id, name: f.originalName, mime: f.mime, size: f.size, sha256: f.sha256,
  url: `/api/files/${f.id}`, thumbnailUrl: f.thumbnailSha256 ? `/api/files/${f.id}/thumbnail` : null, public: f.public,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** May this caller read the file? Public files: everyone; else who may read the region's unpublished data, or the uploader. */
export function readable(actor: Actor | null, f: Pick<FileRow, 'public' | 'regionCode' | 'uploadedBy'>): boolean {
  if (f.public) return true;
  if (!actor) return false;
  return can(actor, 'region.readUnpublished', { regionCode: f.regionCode }) || (!!actor.userId && actor.userId === f.uploadedBy);
}

/** The row of a file the caller may read, else undefined (unknown and forbidden look the same). */
export async function readableFile(db: DbOrTx, actor: Actor | null, id: string): Promise<FileRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const [f] = await db.select().from(files).where(eq(files.id, id));
  return f && readable(actor, f) ? f : undefined;
}

/** Files by id, in the order asked (unknown ids are skipped, repeated ids given once). */
export async function filesByIds(db: DbOrTx, ids: string[]): Promise<FileMeta[]> {
  const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
  if (!wanted.length) return [];
  const rows = await db.select().from(files).where(inArray(files.id, wanted));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return wanted.flatMap((id) => (byId.has(id) ? [toMeta(byId.get(id)!)] : []));
}

/**
 * For modules that attach evidence (reports, self-assessments): every id must be a file of
 * this region that the actor may read; otherwise a 400 naming `field`. Returns them in order.
 */
export async function assertUsableFiles(db: DbOrTx, actor: Actor, regionCode: string, ids: string[], field: string): Promise<FileMeta[]> {
  if (!Array.isArray(ids)) throw invalid(field, { id: 'harus berupa daftar id berkas', en: 'must be a list of file ids' });
  const wanted = [...new Set(ids)];
  const bad = wanted.find((id) => typeof id !== 'string' || !UUID.test(id));
  if (bad !== undefined) throw invalid(field, { id: `"${String(bad).slice(0, 60)}" bukan id berkas`, en: `"${String(bad).slice(0, 60)}" is not a file id` });
  if (!wanted.length) return [];
  const rows = await db.select().from(files).where(inArray(files.id, wanted));
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of wanted) {
    const f = byId.get(id);
    if (!f || !readable(actor, f)) throw invalid(field, { id: `berkas ${id} tidak ditemukan`, en: `file ${id} not found` });
    if (f.regionCode !== regionCode) throw invalid(field, { id: `berkas ${id} milik wilayah lain`, en: `file ${id} belongs to another region` });
  }
  return wanted.map((id) => toMeta(byId.get(id)!));
}

/** Makes files public, e.g. when the report or evaluation they support is approved/published. */
export async function publishFiles(db: DbOrTx, ids: string[]): Promise<void> {
  const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
  if (wanted.length) await db.update(files).set({ public: true }).where(inArray(files.id, wanted));
}

// ── Upload ────────────────────────────────────────────────────────────────────────────────

const FIELD = 'file';

export const ACCEPTED_LIST = 'JPEG, PNG, WebP, PDF, DOCX, XLSX, PPTX, ODT, ODS';

export const uploadErrors = {
  missing: () => new AppError(400, 'file_missing', { id: 'Pilih berkas untuk diunggah (isian "file")', en: 'Choose a file to upload (field "file")' }, FIELD),
  empty: () => new AppError(400, 'file_empty', { id: 'Berkas kosong (0 bita)', en: 'The file is empty (0 bytes)' }, FIELD),
  tooLarge: (maxMb: number) => new AppError(413, 'file_too_large', { id: `Berkas terlalu besar: paling besar ${maxMb} MB`, en: `The file is too large: at most ${maxMb} MB` }, FIELD),
  type: (found?: string) => new AppError(415, 'file_type', {
    id: `Jenis berkas tidak diterima${found ? ` (${found})` : ''}; yang diterima: ${ACCEPTED_LIST}`,
    en: `File type not accepted${found ? ` (${found})` : ''}; accepted: ${ACCEPTED_LIST}`,
  }, FIELD),
  container: (ext: string) => new AppError(415, 'file_type', {
    id: `Berkas ini bukan dokumen ${ext.toUpperCase()} yang utuh (isi kemasan tidak sesuai atau berisi makro)`,
    en: `This file is not a sound ${ext.toUpperCase()} document (its container does not match, or it holds macros)`,
  }, FIELD),
  pixels: () => new AppError(413, 'image_too_large', {
    id: `Gambar terlalu besar: paling banyak ${MAX_MEGAPIXELS} megapiksel`, en: `The image is too large: at most ${MAX_MEGAPIXELS} megapixels`,
  }, FIELD),
  unreadable: () => new AppError(415, 'file_unreadable', { id: 'Gambar rusak atau tidak dapat dibaca', en: 'The image is damaged or cannot be read' }, FIELD),
};

export interface UploadInput { bytes: Uint8Array; filename: string | undefined }

/** Checks, stores and records one uploaded file for a region, audited; returns its metadata. */
export async function uploadFile(db: DbOrTx, store: BlobStore, actor: Actor | null, ip: string | null,
  regionCode: string, input: UploadInput): Promise<FileMeta> {
  assertCanUpload(actor, regionCode);
  if (!input.bytes.byteLength) throw uploadErrors.empty();
  const type = await sniff(input.bytes);
  if (!type || !isAccepted(type.mime)) throw uploadErrors.type(type?.ext);
  const mime = type.mime;
  if (!ACCEPTED[mime].image && mime !== 'application/pdf' && !verifyOfficeContainer(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), mime)) {
    throw uploadErrors.container(type.ext);
  }
  let stored = input.bytes;
  let thumbnailSha256: string | null = null;
  if (ACCEPTED[mime].image) {
    let processed: Awaited<ReturnType<typeof processImage>>;
    try {
      processed = await processImage(input.bytes, mime as 'image/jpeg');
    } catch (e) {
      throw /pixel limit/i.test((e as Error).message) ? uploadErrors.pixels() : uploadErrors.unreadable();
    }
    stored = processed.clean;
    thumbnailSha256 = (await store.put(processed.thumbnail)).sha256;
  }
  // Blobs are written before the row: a failed transaction leaves at most an unreferenced
  // blob (harmless, content-addressed), never a row without its bytes.
  const { sha256, size } = await store.put(stored);
  const name = sanitiseName(input.filename, ACCEPTED[mime].ext);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(files).values({
      sha256, size, mime, originalName: name, regionCode, uploadedBy: actor?.userId ?? null, thumbnailSha256,
    }).returning();
    await audit(tx, { actor, action: 'file.upload', entityType: 'file', entityId: row!.id, regionCode, ip, details: { name, mime, size, sha256 } });
    return toMeta(row!);
  });
}

/** 401 for the anonymous, 403 for who may not upload evidence for this region. */
export function assertCanUpload(actor: Actor | null, regionCode: string): void {
  if (!actor) throw new AppError(401, 'unauthenticated', { id: 'Silakan masuk terlebih dahulu', en: 'Please log in first' });
  if (!can(actor, 'file.upload', { regionCode })) throw forbidden();
}

/** A region code that exists (404 otherwise), for the upload URL. */
export async function assertRegion(db: DbOrTx, code: string): Promise<void> {
  const [r] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  if (!r) throw new AppError(404, 'not_found', { id: 'Wilayah tidak ditemukan', en: 'Region not found' }, 'code');
}
