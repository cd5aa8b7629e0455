/**
 * Real files and multipart requests for tests (this module's and those of modules that attach
 * evidence). Everything is built in memory with the real libraries: sharp, pdfkit, docx.
 */
import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import sharp from 'sharp';
import PDFDocument from 'pdfkit';
import { Document, Packer, Paragraph } from 'docx';
import type { Client } from '../../../test/support/api.ts';

/** A JPEG photo as a phone makes it: 400×200 pixels stored sideways (EXIF orientation 6), with camera make and GPS. */
export function phoneJpeg(color = { r: 200, g: 40, b: 40 }): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 200, channels: 3, background: color } })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'PilarPhone' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '0/1 25/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 0/1 0/1' } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export function png(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 1 } } }).png().toBuffer();
}

export function pdf(text = 'Laporan kemajuan'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(14).text(text);
    doc.end();
  });
}

export function docx(text = 'Berita acara'): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}

/** A zip archive with stored (uncompressed) entries, for container-format tests (ODT, XLSX, plain zip). */
export function zip(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const fileName = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(0, 8);
    local.writeUInt32LE(0, 10); local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26); local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0, 8); central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12); central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(centrals.length / 2, 8); end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const contentTypes = (main: string, part: string, extra = '') => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>${extra}<Override PartName="/${part}" ContentType="${main}"/></Types>`;

/**
 * A minimal OOXML package whose [Content_Types].xml declares `main` for `<dir>/main.xml`.
 * `opts.omitPart` leaves the declared part out; `opts.extra` adds raw declarations (e.g. a VBA project).
 */
export function ooxml(main: string, dir: 'xl' | 'word' | 'ppt', opts: { omitPart?: boolean; extra?: string } = {}) {
  return zip({ '[Content_Types].xml': contentTypes(main, `${dir}/main.xml`, opts.extra), ...(opts.omitPart ? { [`${dir}/other.xml`]: '<x/>' } : { [`${dir}/main.xml`]: '<x/>' }) });
}
export const xlsx = () => ooxml('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'xl');
export const pptx = () => ooxml('application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml', 'ppt');
/** An OpenDocument file: the uncompressed `mimetype` entry first, as the standard requires. */
export const odf = (kind: 'text' | 'spreadsheet') => zip({ mimetype: `application/vnd.oasis.opendocument.${kind}`, 'content.xml': '<office:document-content/>' });
export const odt = () => odf('text');

/** A multipart/form-data body with one file part (field "file" unless told). */
export function multipart(filename: string, bytes: Buffer, opts: { field?: string; contentType?: string } = {}) {
  const boundary = `----pilar${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${filename}"\r\nContent-Type: ${opts.contentType ?? 'application/octet-stream'}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads one file as the client's user; returns the reply (201 with FileMeta when accepted). */
export function upload(client: Client, regionCode: string, filename: string, bytes: Buffer, opts: { field?: string; contentType?: string } = {}) {
  const { payload, headers } = multipart(filename, bytes, opts);
  return client.request('POST', `/api/regions/${regionCode}/files`, payload, headers);
}
