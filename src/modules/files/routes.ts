import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../../core/errors.ts';
import type { RoutesPlugin } from '../../core/http.ts';
import type { Database } from '../../core/db.ts';
import { DiskBlobStore, type BlobStore } from './store.ts';
import { assertCanUpload, assertRegion, readableFile, uploadErrors, uploadFile } from './service.ts';
import { isInline } from './types.ts';
import { contentDisposition } from './names.ts';

const tags = ['files'];
const idParams = z.object({ id: z.string().max(60) });
const codeParams = z.object({ code: z.string().max(20) });
const fileMeta = z.object({
  id: z.string(), name: z.string(), mime: z.string(), size: z.number(), sha256: z.string(),
  url: z.string(), thumbnailUrl: z.string().nullable(), public: z.boolean(),
});

/** Uploaded evidence is shown in a sandbox: no scripts, no plugins, no requests, whatever the file holds. */
const FILE_CSP = "sandbox; default-src 'none'";

export const uploadMaxMb = (configured: number) => (Number.isFinite(configured) && configured > 0 ? configured : 10);

/** Evidence files: upload for a region, download and thumbnail with access checks. */
export const fileRoutes: RoutesPlugin = async (app, { database, config }) => {
  const store = new DiskBlobStore(config.filesDir);
  const maxMb = uploadMaxMb(config.uploadMaxMb);
  const db = database.db;

  // Multipart parsing exists only inside this scope, not for the rest of the API.
  await app.register(async (scoped) => {
    const scope = scoped.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: Math.floor(maxMb * 1024 * 1024), files: 1, fields: 10, parts: 12, fieldSize: 4096 } });
    scope.post('/regions/:code/files', {
      schema: {
        tags, params: codeParams, consumes: ['multipart/form-data'], response: { 201: fileMeta },
        summary: `Upload an evidence file (multipart field "file"; JPEG, PNG, WebP, PDF, DOCX, XLSX, PPTX, ODT, ODS; at most ${maxMb} MB). Coordinator, Bappeda, OPD officer of the region; assigned assessor`,
      },
    }, async (req, reply) => {
      const { code } = req.params;
      // Refuse before reading the body: who may not upload does not get to send 10 MB.
      assertCanUpload(req.actor, code);
      await assertRegion(db, code);
      const { bytes, filename } = await readUpload(req, maxMb);
      const meta = await uploadFile(db, store, req.actor, req.ip, code, { bytes, filename });
      return reply.status(201).send(meta);
    });
  });

  app.get('/files/:id', { schema: { tags, params: idParams, summary: 'The file (public, or readable by who may read the region\'s unpublished data, or its uploader; else 404)' } },
    (req, reply) => serve(database, store, req, reply, req.params.id, 'original'));
  app.get('/files/:id/thumbnail', { schema: { tags, params: idParams, summary: 'WebP thumbnail (≤ 320 px) of an image file; same access as the file' } },
    (req, reply) => serve(database, store, req, reply, req.params.id, 'thumbnail'));
};

/** The one file part "file" of a multipart request, read into memory (bounded by the size limit). */
async function readUpload(req: FastifyRequest, maxMb: number): Promise<{ bytes: Buffer; filename: string | undefined }> {
  let part;
  try {
    part = await req.file();
  } catch (e) {
    throw mapMultipartError(e, maxMb);
  }
  if (!part || part.fieldname !== 'file') throw uploadErrors.missing();
  try {
    return { bytes: await part.toBuffer(), filename: part.filename };
  } catch (e) {
    throw mapMultipartError(e, maxMb);
  }
}

function mapMultipartError(e: unknown, maxMb: number): AppError {
  const code = (e as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return uploadErrors.tooLarge(maxMb);
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return uploadErrors.missing();
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new AppError(400, 'file_parts', { id: 'Kirim satu berkas per unggahan', en: 'Send one file per upload' }, 'file');
  }
  if (e instanceof AppError) return e;
  return new AppError(400, 'file_unreadable_request', { id: 'Unggahan terputus atau rusak; coba lagi', en: 'The upload was interrupted or damaged; try again' }, 'file');
}

async function serve(database: Database, store: BlobStore, req: FastifyRequest, reply: FastifyReply, id: string, variant: 'original' | 'thumbnail') {
  const f = await readableFile(database.db, req.actor, id);
  const sha = variant === 'thumbnail' ? f?.thumbnailSha256 : f?.sha256;
  if (!f || !sha) throw notFound({ id: 'Berkas', en: 'File' }, 'id');
  const mime = variant === 'thumbnail' ? 'image/webp' : f.mime;
  const etag = `"${sha}"`;
  const notModified = req.headers['if-none-match']?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
  // The stream is opened before any header is set, so a missing blob still gets a JSON error.
  const stream = notModified ? null : await store.get(sha);
  if (!notModified && !stream) {
    req.log.error({ fileId: f.id, sha256: sha }, 'blob missing from the file store');
    throw new AppError(500, 'blob_missing', { id: 'Isi berkas tidak ditemukan di penyimpanan', en: 'The file\'s content is missing from storage' });
  }
  reply
    .header('content-type', mime)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', FILE_CSP)
    .header('content-disposition', contentDisposition(variant === 'thumbnail' || isInline(mime) ? 'inline' : 'attachment',
      variant === 'thumbnail' ? f.originalName.replace(/\.[^.]+$/, '') + '.webp' : f.originalName))
    .header('etag', etag)
    // Content never changes under an id: public files are cached for a year; unpublished ones
    // are revalidated (cheap 304) so a shared browser does not keep them for another user.
    .header('cache-control', f.public ? 'public, max-age=31536000, immutable' : 'private, no-cache');
  if (notModified) return reply.status(304).send();
  if (variant === 'original') reply.header('content-length', f.size);
  return reply.send(stream);
}
