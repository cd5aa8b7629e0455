import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { apiHarness, type Harness } from '../../../test/support/api.ts';
import { auditLog } from '../accounts/schema.ts';
import { docx, odf, odt, ooxml, pdf, phoneJpeg, png, pptx, upload, xlsx, zip } from './testing.ts';
import { assertUsableFiles, filesByIds, publishFiles } from './service.ts';
import { DiskBlobStore } from './store.ts';
import { verifyStore } from './verify.ts';
import type { Actor } from '../../core/policy.ts';
import { sessionFromToken } from '../accounts/auth.ts';

const KUKAR = '64.02';
const PASER = '64.01';
const MAX_MB = 1;
let h: Harness;
let filesDir: string;

beforeAll(async () => {
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilar-files-'));
  h = await apiHarness({ filesDir, uploadMaxMb: MAX_MB });
});
afterAll(async () => {
  await h.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

/** Every blob on disk, as paths relative to the store. */
function blobs(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p); else out.push(path.relative(filesDir, p));
    }
  };
  walk(filesDir);
  return out;
}

const hasGps = (exif: Buffer | undefined) => !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

describe('upload', () => {
  it('the web app learns the server\'s upload limit from /api/config (the field checks it before sending)', async () => {
    const r = await h.get('/api/config');
    expect(r.status).toBe(200);
    expect(r.body.uploadMaxMb).toBe(MAX_MB);
  });

  it('an OPD officer uploads a phone photo: stored upright without EXIF/GPS, with a WebP thumbnail ≤ 320 px', async () => {
    const photo = await phoneJpeg();
    const before = await sharp(photo).metadata();
    expect(before.orientation).toBe(6);
    expect(hasGps(before.exif)).toBe(true);

    const opd = await h.as('opd.kukar@demo.pilar.id');
    const r = await upload(opd, KUKAR, 'foto-lapangan.jpeg', photo, { contentType: 'image/jpeg' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: 'foto-lapangan.jpg', mime: 'image/jpeg', url: `/api/files/${r.body.id}`, thumbnailUrl: `/api/files/${r.body.id}/thumbnail`, public: false });
    expect(r.body.sha256).toMatch(/^[0-9a-f]{64}$/);

    // The stored photo itself is upright and carries no EXIF (so no GPS) either.
    const got = await opd.app.inject({ method: 'GET', url: r.body.url, headers: { cookie: opd.cookie } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.rawPayload.length).toBe(r.body.size);
    const meta = await sharp(got.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 200, 400]);
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();

    const thumb = await opd.app.inject({ method: 'GET', url: r.body.thumbnailUrl, headers: { cookie: opd.cookie } });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const t = await sharp(thumb.rawPayload).metadata();
    expect(t.format).toBe('webp');
    expect(Math.max(t.width!, t.height!)).toBeLessThanOrEqual(320);
    expect([t.width, t.height]).toEqual([160, 320]);
    expect(t.exif).toBeUndefined();
    expect(hasGps(t.exif)).toBe(false);

    const [entry] = await h.database.db.select().from(auditLog).where(eq(auditLog.entityId, r.body.id));
    expect(entry).toMatchObject({ action: 'file.upload', entityType: 'file', regionCode: KUKAR });
  });

  it('accepts PNG, PDF, DOCX, XLSX, PPTX, ODT and ODS by their content; documents get no thumbnail', async () => {
    const c = await h.as('koordinator.kukar@demo.pilar.id');
    const cases: [string, Buffer, string][] = [
      ['peta.png', await png(), 'image/png'],
      ['laporan.pdf', await pdf(), 'application/pdf'],
      ['berita-acara.docx', await docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['anggaran.xlsx', xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['notulen.odt', odt(), 'application/vnd.oasis.opendocument.text'],
      ['paparan.pptx', pptx(), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['rekap.ods', odf('spreadsheet'), 'application/vnd.oasis.opendocument.spreadsheet'],
    ];
    for (const [name, bytes, mime] of cases) {
      const r = await upload(c, KUKAR, name, bytes);
      expect(r.status, name).toBe(201);
      expect(r.body.mime).toBe(mime);
      expect(r.body.name).toBe(name);
      expect(r.body.thumbnailUrl === null).toBe(!mime.startsWith('image/'));
    }
  });

  it('trusts the bytes, not the name or Content-Type: an .exe or HTML named .jpg, a plain zip or macro workbook named .xlsx → 415', async () => {
    const c = await h.as('koordinator.kukar@demo.pilar.id');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);
    exe.writeUInt32LE(64, 0x3c);
    const html = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
    const macro = ooxml('application/vnd.ms-excel.sheet.macroEnabled.main+xml', 'xl');
    for (const [name, bytes] of [['foto.jpg', exe], ['foto.jpg', html], ['anggaran.xlsx', zip({ 'data.csv': 'a,b\n1,2\n' })], ['anggaran.xlsx', macro]] as const) {
      const r = await upload(c, KUKAR, name, bytes, { contentType: 'image/jpeg' });
      expect(r.status, name).toBe(415);
      expect(r.body.error).toMatchObject({ code: 'file_type', field: 'file' });
      expect(r.body.error.message.id).toContain('Jenis berkas tidak diterima');
      expect(r.body.error.message.en).toContain('File type not accepted');
    }
  });

  it('looks inside office containers: the declared main part must exist, no VBA macros, ODF mimetype first → else 415', async () => {
    const c = await h.as('koordinator.kukar@demo.pilar.id');
    const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
    const bad: [string, Buffer][] = [
      ['kosong.docx', ooxml(WORD, 'word', { omitPart: true })],
      ['makro.docx', ooxml(WORD, 'word', { extra: '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' })],
      ['salah.odt', zip({ 'content.xml': '<x/>', mimetype: 'application/vnd.oasis.opendocument.text' })],
    ];
    for (const [name, bytes] of bad) {
      const r = await upload(c, KUKAR, name, bytes);
      expect(r.status, name).toBe(415);
      expect(r.body.error.field).toBe('file');
    }
    const ok = await upload(c, KUKAR, 'utuh.docx', ooxml(WORD, 'word'));
    expect(ok.status).toBe(201);
  });

  it('refuses a damaged photo (415) and a decompression bomb, a small PNG of 60 megapixels (413)', async () => {
    const c = await h.as('koordinator.kukar@demo.pilar.id');
    const photo = await phoneJpeg();
    const damaged = await upload(c, KUKAR, 'rusak.jpg', photo.subarray(0, photo.length >> 1));
    expect(damaged.status).toBe(415);
    expect(damaged.body.error).toMatchObject({ code: 'file_unreadable', field: 'file', message: { id: 'Gambar rusak atau tidak dapat dibaca', en: 'The image is damaged or cannot be read' } });
    const bomb = await sharp({ create: { width: 10_000, height: 6_000, channels: 3, background: { r: 0, g: 0, b: 0 } } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(MAX_MB * 1024 * 1024);
    const r = await upload(c, KUKAR, 'peta.png', bomb);
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'image_too_large', field: 'file', message: { en: 'The image is too large: at most 50 megapixels' } });
  });

  it('refuses a file over the size limit (413), an empty file and a missing file (400), each naming "file"', async () => {
    const c = await h.as('koordinator.kukar@demo.pilar.id');
    const big = Buffer.concat([await pdf(), Buffer.alloc(MAX_MB * 1024 * 1024)]);
    const tooBig = await upload(c, KUKAR, 'besar.pdf', big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatchObject({ code: 'file_too_large', field: 'file', message: { id: `Berkas terlalu besar: paling besar ${MAX_MB} MB`, en: `The file is too large: at most ${MAX_MB} MB` } });

    const empty = await upload(c, KUKAR, 'kosong.pdf', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ code: 'file_empty', field: 'file' });

    const wrongField = await upload(c, KUKAR, 'laporan.pdf', await pdf(), { field: 'dokumen' });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error).toMatchObject({ code: 'file_missing', field: 'file' });

    const json = await c.post(`/api/regions/${KUKAR}/files`, { file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body.error.field).toBe('file');
  });

  it('who may upload: officers, editors, the assigned assessor of the region; not the council, the public, or another region', async () => {
    const bytes = await pdf('izin');
    expect((await upload(await h.as('bappeda.kukar@demo.pilar.id'), KUKAR, 'a.pdf', bytes)).status).toBe(201);
    expect((await upload(await h.as('asesor.kukar@demo.pilar.id'), KUKAR, 'a.pdf', bytes)).status).toBe(201);
    const council = await upload(await h.as('dewan.kukar@demo.pilar.id'), KUKAR, 'a.pdf', bytes);
    expect(council.status).toBe(403);
    expect((await upload(h.client(), KUKAR, 'a.pdf', bytes)).status).toBe(401);
    expect((await upload(await h.as('koordinator.paser@demo.pilar.id'), KUKAR, 'a.pdf', bytes)).status).toBe(403);
    expect((await upload(await h.as('admin@demo.pilar.id'), '99.99', 'a.pdf', bytes)).status).toBe(404);
  });

  it('the same bytes uploaded twice are two records but one blob on disk', async () => {
    const c = await h.as('koordinator.kukar@demo.pilar.id');
    const bytes = await pdf('sekali saja');
    const before = blobs().length;
    const a = await upload(c, KUKAR, 'satu.pdf', bytes);
    const b = await upload(await h.as('opd.kukar@demo.pilar.id'), KUKAR, 'dua.pdf', bytes);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).not.toBe(b.body.id);
    expect(a.body.sha256).toBe(b.body.sha256);
    expect(blobs().length).toBe(before + 1);
    const sha = a.body.sha256 as string;
    expect(blobs()).toContain(path.join(sha.slice(0, 2), sha.slice(2, 4), sha));
    expect(blobs().some((p) => p.endsWith('.tmp'))).toBe(false);
  });

  it('sanitises names: no path, no markup, no control characters, the real extension', async () => {
    const c = await h.as('koordinator.kukar@demo.pilar.id');
    const r = await upload(c, KUKAR, '../../etc/<img src=x onerror=alert(1)>\u0007\u202elaporan.html', await pdf());
    expect(r.status).toBe(201);
    expect(r.body.name).toBe('img src=x onerror=alert(1)_laporan.html.pdf');
    const dots = await upload(c, KUKAR, '..', await pdf());
    expect(dots.body.name).toBe('berkas.pdf');
    const w = await upload(c, KUKAR, 'C:\\Users\\budi\\Dokumen\\Rencana Aksi 2025 – Kecamatan Tenggarong.pdf', await pdf());
    expect(w.body.name).toBe('Rencana Aksi 2025 – Kecamatan Tenggarong.pdf');
  });
});

describe('download', () => {
  it('sends the sniffed type, nosniff, a sandboxing CSP, inline for PDF and attachment with an RFC 5987 name for documents, ETag = sha256', async () => {
    const c = await h.as('koordinator.kukar@demo.pilar.id');
    const p = await upload(c, KUKAR, 'laporan.pdf', await pdf('unduh'), { contentType: 'text/html' });
    const d = await upload(c, KUKAR, 'Berita Acara Desa Loa Kulu – final (2).docx', await docx());
    const pr = await c.get(p.body.url);
    expect(pr.status).toBe(200);
    expect(pr.headers['content-type']).toBe('application/pdf');
    expect(pr.headers['x-content-type-options']).toBe('nosniff');
    expect(pr.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(pr.headers['content-disposition']).toBe(`inline; filename="laporan.pdf"; filename*=UTF-8''laporan.pdf`);
    expect(pr.headers.etag).toBe(`"${p.body.sha256}"`);
    expect(pr.headers['cache-control']).toBe('private, no-cache');

    const dr = await c.get(d.body.url);
    expect(dr.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(dr.headers['content-disposition']).toBe(
      `attachment; filename="Berita Acara Desa Loa Kulu _ final (2).docx"; filename*=UTF-8''Berita%20Acara%20Desa%20Loa%20Kulu%20%E2%80%93%20final%20%282%29.docx`);
    expect(dr.headers['content-security-policy']).toBe("sandbox; default-src 'none'");

    const again = await c.request('GET', p.body.url, undefined, { 'if-none-match': `"${p.body.sha256}"` });
    expect(again.status).toBe(304);
    expect(await h.get(`/api/files/${p.body.id}/thumbnail`)).toMatchObject({ status: 404 });
  });

  it('a non-public file: 404 for the public and a foreign coordinator, readable by the region, its assessor and council; everyone once published', async () => {
    const opd = await h.as('opd.kukar@demo.pilar.id');
    const r = await upload(opd, KUKAR, 'foto.jpg', await phoneJpeg({ r: 10, g: 160, b: 60 }));
    const { url, thumbnailUrl, id } = r.body;
    const paser = await h.as('koordinator.paser@demo.pilar.id');
    for (const u of [url, thumbnailUrl]) {
      expect((await h.get(u)).status).toBe(404);
      expect((await paser.get(u)).status).toBe(404);
    }
    expect((await h.get('/api/files/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await h.get('/api/files/not-a-uuid')).status).toBe(404);
    for (const email of ['opd.kukar', 'koordinator.kukar', 'asesor.kukar', 'dewan.kukar', 'admin']) {
      expect((await (await h.as(`${email}@demo.pilar.id`)).get(url)).status, email).toBe(200);
    }

    await publishFiles(h.database.db, [id]);
    const pub = await h.app.inject({ method: 'GET', url });
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toBe('image/jpeg');
    expect(pub.headers['content-disposition']).toMatch(/^inline; /);
    expect(pub.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await paser.get(thumbnailUrl)).status).toBe(200);
  });
});

describe('API description', () => {
  it('the OpenAPI document lists the upload and download paths', async () => {
    const doc = await h.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/regions/{code}/files', '/api/files/{id}', '/api/files/{id}/thumbnail']));
  });
});

describe('service for other modules', () => {
  const actorOf = async (email: string): Promise<Actor> => {
    const c = await h.as(email);
    return (await sessionFromToken(h.database.db, c.cookie.slice(c.cookie.indexOf('=') + 1)))!.actor;
  };

  it('assertUsableFiles: every id a readable file of the region, else 400 naming the field; filesByIds keeps order', async () => {
    const opd = await h.as('opd.kukar@demo.pilar.id');
    const a = (await upload(opd, KUKAR, 'a.pdf', await pdf('a'))).body;
    const b = (await upload(opd, KUKAR, 'b.png', await png(30, 30))).body;
    const paserFile = (await upload(await h.as('koordinator.paser@demo.pilar.id'), PASER, 'p.pdf', await pdf('p'))).body;
    const db = h.database.db;
    const koord = await actorOf('koordinator.kukar@demo.pilar.id');

    const got = await assertUsableFiles(db, koord, KUKAR, [b.id, a.id, b.id], 'evidence');
    expect(got.map((f) => f.id)).toEqual([b.id, a.id]);
    expect(got[0]).toEqual({ id: b.id, name: 'b.png', mime: 'image/png', size: b.size, sha256: b.sha256, url: b.url, thumbnailUrl: b.thumbnailUrl, public: false });
    expect(await assertUsableFiles(db, koord, KUKAR, [], 'evidence')).toEqual([]);

    const refused = async (p: Promise<unknown>) => {
      const e = await p.then(() => null, (x: { status: number; field: string; bilingual: { id: string; en: string } }) => x);
      expect(e).toMatchObject({ status: 400, field: 'evidence' });
    };
    await refused(assertUsableFiles(db, koord, KUKAR, [paserFile.id], 'evidence'));
    await refused(assertUsableFiles(db, koord, KUKAR, ['00000000-0000-4000-8000-000000000000'], 'evidence'));
    await refused(assertUsableFiles(db, koord, KUKAR, ['../etc'], 'evidence'));
    // A coordinator of Paser cannot attach Kukar's unpublished file, even to a Kukar record.
    await refused(assertUsableFiles(db, await actorOf('koordinator.paser@demo.pilar.id'), KUKAR, [a.id], 'evidence'));

    expect((await filesByIds(db, [a.id, paserFile.id, 'nope'])).map((f) => f.name)).toEqual(['a.pdf', 'p.pdf']);
  });
});

describe('pilar files verify', () => {
  it('finds missing and damaged blobs and unreferenced ones; removes only old orphans', async () => {
    const store = new DiskBlobStore(filesDir);
    const c = await h.as('koordinator.kukar@demo.pilar.id');
    const fine = await verifyStore(h.database.db, store);
    expect(fine).toMatchObject({ missing: [], corrupt: [], temps: [] });
    expect(fine.ok).toBe(fine.referenced);

    const gone = (await upload(c, KUKAR, 'hilang.pdf', await pdf('hilang'))).body;
    const damaged = (await upload(c, KUKAR, 'rusak.pdf', await pdf('rusak'))).body;
    fs.rmSync(store.pathOf(gone.sha256));
    fs.appendFileSync(store.pathOf(damaged.sha256), 'x');
    const orphan = await store.put(Buffer.from('tidak dirujuk'));

    const r = await verifyStore(h.database.db, store);
    expect(r.missing).toEqual([gone.sha256]);
    expect(r.corrupt).toEqual([damaged.sha256]);
    expect(r.orphans).toEqual([{ sha256: orphan.sha256, bytes: orphan.size }]);
    // A fresh orphan may be an upload in flight: kept; an hour later it goes.
    expect((await verifyStore(h.database.db, store, { removeOrphans: true })).removed).toBe(0);
    expect(await store.has(orphan.sha256)).toBe(true);
    expect((await verifyStore(h.database.db, store, { removeOrphans: true, now: Date.now() + 2 * 3600_000 })).removed).toBe(1);
    expect(await store.has(orphan.sha256)).toBe(false);
    // A blob lost from the store answers 500 (and is logged), never an empty or wrong file.
    fs.rmSync(store.pathOf(damaged.sha256));
    expect((await c.get(damaged.url)).status).toBe(500);
  });
});

