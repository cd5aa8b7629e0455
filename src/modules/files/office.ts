import zlib from 'node:zlib';

/**
 * A second, stricter look at office documents after file-type named them. They are zip
 * containers; we read the zip's central directory (no full unzip, nothing written) and check:
 * - OOXML (docx/xlsx/pptx): `[Content_Types].xml` declares the main part of exactly that
 *   document kind, that part exists in the archive, and no VBA macro project is declared;
 * - OpenDocument (odt/ods): the first entry is the uncompressed `mimetype` naming that kind,
 *   and the document's `content.xml` exists.
 * Pure functions over the bytes.
 */

interface Entry { name: string; method: number; compressedSize: number; size: number; localOffset: number; flags: number }

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** [Content_Types].xml and mimetype are small; refuse to inflate more than this. */
const MAX_META_BYTES = 512 * 1024;

/** The central directory's entries in order, or null when the bytes are not a readable (non-zip64) zip. */
export function zipEntries(buf: Buffer): Entry[] | null {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) return null;
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen > buf.length) return null;
    entries.push({
      flags: buf.readUInt16LE(p + 8), method: buf.readUInt16LE(p + 10), compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24), localOffset: buf.readUInt32LE(p + 42), name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The uncompressed bytes of a small entry (stored or deflated), or null. */
function readEntry(buf: Buffer, e: Entry): Buffer | null {
  if (e.flags & 1 || e.size > MAX_META_BYTES || e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== LOCAL) return null;
  const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) return null;
  try {
    if (e.method === 0) return data;
    if (e.method === 8) return zlib.inflateRawSync(data, { maxOutputLength: MAX_META_BYTES });
  } catch { /* damaged or larger than declared */ }
  return null;
}

const OOXML_MAIN: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
};

const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)?.slice(1).find((v) => v !== undefined);

/** True when the container really is a document of the kind `mime` says (see above). */
export function verifyOfficeContainer(buf: Buffer, mime: string): boolean {
  const entries = zipEntries(buf);
  if (!entries) return false;
  const names = new Set(entries.map((e) => e.name));
  const main = OOXML_MAIN[mime];
  if (main) {
    const ct = entries.find((e) => e.name === '[Content_Types].xml');
    const xml = ct && readEntry(buf, ct)?.toString('utf8');
    if (!xml) return false;
    const overrides = [...xml.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)].map((m) => ({ part: attr(m[0], 'PartName') ?? '', type: attr(m[0], 'ContentType') ?? '' }));
    const defaults = [...xml.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)].map((m) => attr(m[0], 'ContentType') ?? '');
    if ([...overrides.map((o) => o.type), ...defaults].some((t) => /vbaProject|macroEnabled/i.test(t))) return false;
    return overrides.some((o) => o.type === main && names.has(o.part.replace(/^\//, '')));
  }
  if (mime.startsWith('application/vnd.oasis.opendocument.')) {
    const first = entries[0];
    if (!first || first.name !== 'mimetype' || first.method !== 0) return false;
    return readEntry(buf, first)?.toString('ascii').trim() === mime && names.has('content.xml');
  }
  return true;
}
