/**
 * The evaluation report as users get it: the PDF opens (mupdf), says what it should, and every
 * page rendered to PNG has ink, the charts page in colour; the DOCX is a valid Word file with
 * headings, tables and chart images. No database: data in, file out.
 */
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import * as mupdf from 'mupdf';
import sharp from 'sharp';
import { renderEvaluationDocx } from './docx.ts';
import { kukar2023Report } from './fixture.ts';
import { formatScore } from './format.ts';
import { renderEvaluationPdf } from './pdf.ts';
import type { EvaluationReportData } from './types.ts';

interface PdfView { pageCount: number; texts: string[]; doc: mupdf.Document }
function openPdf(buf: Buffer): PdfView {
  const doc = mupdf.Document.openDocument(buf, 'application/pdf');
  const pageCount = doc.countPages();
  // Whitespace collapsed: text wraps inside table cells.
  const texts = Array.from({ length: pageCount }, (_, i) => doc.loadPage(i).toStructuredText('preserve-whitespace').asText().replace(/\s+/g, ' '));
  return { pageCount, texts, doc };
}

/** Renders a page (72 dpi × scale) and counts its pixels: share not white, and colours by bucket. */
function pagePixels(doc: mupdf.Document, i: number, scale = 1) {
  const pix = doc.loadPage(i).toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
  const w = pix.getWidth(), h = pix.getHeight(), n = pix.getNumberOfComponents(), stride = pix.getStride();
  const px = pix.getPixels();
  let ink = 0;
  const buckets = new Map<string, number>();
  let blue = 0, orange = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = y * stride + x * n;
      const r = px[o]!, g = px[o + 1]!, b = px[o + 2]!;
      if (r < 235 || g < 235 || b < 235) ink++;
      const key = `${r >> 5},${g >> 5},${b >> 5}`;
      buckets.set(key, (buckets.get(key) ?? 0) + 1);
      if (r < 40 && Math.abs(g - 0x72) < 25 && Math.abs(b - 0xb2) < 25) blue++;
      if (Math.abs(r - 0xe6) < 25 && Math.abs(g - 0x9f) < 25 && b < 40) orange++;
    }
  }
  const colours = [...buckets.values()].filter((c) => c >= 30).length;
  return { inkShare: ink / (w * h), colours, blue, orange, png: () => Buffer.from(pix.asPNG()) };
}

/** Minimal ZIP reader (central directory + stored/deflate): a DOCX must be a valid zip. */
function readZip(buf: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let e = 0; e < entries; e++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = buf.readUInt16LE(p + 10), size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header of ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    files.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const data = kukar2023Report();
const indexText = formatScore(data.index.validated);

describe('evaluation report PDF', () => {
  let pdf: Buffer;
  let view: PdfView;
  beforeAll(async () => {
    pdf = await renderEvaluationPdf(data);
    view = openPdf(pdf);
  });

  it('opens as a multi-page A4 PDF with title and language in its metadata', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(view.pageCount).toBeGreaterThanOrEqual(4);
    expect(view.doc.getMetaData('info:Title')).toBe('Laporan Hasil Evaluasi 2023 — Kabupaten Kutai Kartanegara');
    expect(view.doc.getMetaData('info:Author')).toBe('Pilar');
    const root = (view.doc as mupdf.PDFDocument).getTrailer().get('Root');
    expect(root.get('Lang').asString()).toBe('id-ID');
    const outline = view.doc.loadOutline() ?? [];
    expect(outline.map((o) => o.title)).toEqual(['1. Ringkasan', '2. Grafik', '3. Indeks per dimensi', '4. Komponen', '5. Indikator', '6. Kekuatan, kelemahan dan rekomendasi']);
    const [x0, y0, x1, y1] = view.doc.loadPage(0).getBounds();
    expect(Math.round(x1 - x0)).toBe(595); // A4 in points
    expect(Math.round(y1 - y0)).toBe(842);
  });

  it('shows region, index with the decimal comma, rank, markings and the narrative', () => {
    const all = view.texts.join('\n');
    expect(indexText).toMatch(/^\d,\d\d$/);
    expect(view.texts[0]).toContain('Kabupaten Kutai Kartanegara');
    expect(view.texts[0]).toContain(indexText);
    expect(view.texts[0]).toContain('12 dari 48 daerah');
    expect(view.texts[0]).toContain('ILUSTRATIF');
    expect(view.texts[0]).toContain('Evaluasi Gerakan Menuju Smart City 2023 Tahap II');
    for (const heading of ['Ringkasan', 'Grafik', 'Indeks per dimensi', 'Komponen', 'Indikator', 'Kekuatan', 'Kelemahan', 'Rekomendasi']) {
      expect(all).toContain(heading);
    }
    expect(all).toContain(data.narrative.strengths[0]!.slice(0, 40));
    expect(all).toContain('tanpa data dukung');
    expect(all).toContain('bobot 20%'); // chart labels are real text
    expect(all).toContain('Dua dari lima rekomendasi belum ditindaklanjuti.');
    expect(all).not.toMatch(/\b3\.36\b/); // never the English decimal point
  });

  it('numbers every page, marks every page illustrative and dates it', () => {
    view.texts.forEach((text, i) => {
      expect(text).toContain(`Halaman ${i + 1} dari ${view.pageCount}`);
      expect(text).toContain('ILUSTRATIF');
      expect(text).toContain('25 November 2026');
    });
  });

  it('breaks the indicator table across pages with its header repeated, losing no row', () => {
    const all = view.texts.join('\n');
    for (const i of data.indicators) expect(all).toContain(i.key);
    const continued = view.texts.filter((t) => t.includes('Tabel 4. Penilaian per indikator (lanjutan)'));
    expect(continued.length).toBeGreaterThanOrEqual(1);
    for (const t of continued) expect(t).toContain('Data dukung');
  });

  it('renders every page to a non-blank image, the charts in colour', async () => {
    for (let i = 0; i < view.pageCount; i++) {
      const p = pagePixels(view.doc, i);
      expect(p.inkShare, `page ${i + 1}`).toBeGreaterThan(0.01);
    }
    const chartPages = view.texts.flatMap((t, i) => (/Gambar [123]\./.test(t) ? [i] : []));
    expect(chartPages.length).toBeGreaterThanOrEqual(1);
    const charts = chartPages.map((i) => pagePixels(view.doc, i, 1.5));
    expect(Math.max(...charts.map((c) => c.colours))).toBeGreaterThanOrEqual(8);
    expect(charts.reduce((a, c) => a + c.blue, 0)).toBeGreaterThan(2000); // validated series
    expect(charts.reduce((a, c) => a + c.orange, 0)).toBeGreaterThan(2000); // self-assessment series
    // The rendered page is a real image (sharp decodes it).
    expect((await sharp(charts[0]!.png()).metadata()).format).toBe('png');
  });

  it('marks a draft on every page and leaves out ILUSTRATIF for real data', async () => {
    const draft = openPdf(await renderEvaluationPdf(kukar2023Report({ status: 'draft', illustrative: false })));
    expect(draft.texts[0]).toContain('Draf (belum final)');
    for (const t of draft.texts) {
      expect(t).toContain('DRAF');
      expect(t).not.toContain('ILUSTRATIF');
    }
  });

  it('handles a cycle not yet validated and empty narrative', async () => {
    const partial: EvaluationReportData = kukar2023Report({
      index: { self: 3.63, validated: null, previous: null, predicate: 'Baik', rank: null },
      components: data.components.map((c) => ({ ...c, validated: null })),
      dimensions: data.dimensions.map((d) => ({ ...d, validated: null, previous: null })),
      history: [],
      indicators: data.indicators.map((i) => ({ ...i, validated: null, reason: null })),
      narrative: { strengths: [], weaknesses: [], recommendations: [] },
    });
    const v = openPdf(await renderEvaluationPdf(partial));
    expect(v.texts[0]).toContain('Indeks penilaian mandiri (belum divalidasi)');
    expect(v.texts[0]).toContain('3,63');
    expect(v.texts[0]).toContain('Baik');
    const all = v.texts.join('\n');
    expect(all).toContain('Belum ada riwayat indeks');
    expect(all).toContain('Belum diisi.');
  });
});

/** An SPBE-shaped report: four domains, 47 indicators, no dimensions, a predicate. */
function spbeReport(): EvaluationReportData {
  const domains = [
    { key: 'kebijakan', name: 'Kebijakan Internal SPBE', weight: 0.13 },
    { key: 'tatakelola', name: 'Tata Kelola SPBE', weight: 0.25 },
    { key: 'manajemen', name: 'Manajemen SPBE', weight: 0.165 },
    { key: 'layanan', name: 'Layanan SPBE', weight: 0.455 },
  ];
  return kukar2023Report({
    instrument: { id: 'spbe-permenpanrb-59-2020', name: 'Evaluasi SPBE (PermenPANRB 59/2020)', ownWording: true, scaleMax: 5 },
    index: { self: 2.9, validated: 2.74, previous: 2.5, predicate: 'Baik', rank: null },
    components: domains.map((d, i) => ({ ...d, self: 2 + i * 0.4, validated: 1.9 + i * 0.35 })),
    dimensions: [],
    history: [{ year: 2022, index: 2.5, instrumentId: 'spbe-permenpanrb-59-2020' }, { year: 2023, index: 2.74, instrumentId: 'spbe-permenpanrb-59-2020' }],
    indicators: Array.from({ length: 47 }, (_, i) => ({
      key: `SPBE-${String(i + 1).padStart(2, '0')}`, name: `Indikator SPBE nomor ${i + 1} tentang kebijakan, tata kelola atau layanan`,
      component: domains[i % 4]!.key, dimension: null, self: 1 + (i % 5), validated: 1 + ((i + 4) % 5), reason: i % 3 ? null : 'Bukti belum memenuhi kriteria level yang dipilih.', evidence: i % 4 ? ['Dokumen kebijakan'] : [],
    })),
  });
}

describe('evaluation report of an instrument without dimensions (SPBE shape)', () => {
  it('leaves out the radar and the dimension table, numbers figures and tables on, keeps every indicator', async () => {
    const r = spbeReport();
    const v = openPdf(await renderEvaluationPdf(r));
    const all = v.texts.join(' ');
    expect(v.texts[0]).toContain('Predikat');
    expect(v.texts[0]).toContain('Baik');
    expect(all).toContain('Instrumen ini tidak menghitung indeks per dimensi.');
    expect(all).toContain('Gambar 2. Indeks akhir');
    expect(all).not.toContain('Gambar 3');
    expect(all).toContain('bobot 16,5%');
    expect(all).toContain('Tabel 3. Penilaian per indikator');
    for (const i of r.indicators) expect(all).toContain(i.key);
    for (let i = 0; i < v.pageCount; i++) expect(pagePixels(v.doc, i).inkShare, `page ${i + 1}`).toBeGreaterThan(0.01);
    const docx = readZip(await renderEvaluationDocx(r));
    expect([...docx.keys()].filter((k) => k.startsWith('word/media/'))).toHaveLength(2);
    expect(docx.get('word/document.xml')!.toString()).toContain('SPBE-47');
  });
});

describe('evaluation report DOCX', () => {
  let files: Map<string, Buffer>;
  beforeAll(async () => {
    files = readZip(await renderEvaluationDocx(data));
  });

  it('is a valid Word package', () => {
    expect(files.has('[Content_Types].xml')).toBe(true);
    expect(files.has('word/document.xml')).toBe(true);
    expect(files.get('[Content_Types].xml')!.toString()).toContain('wordprocessingml.document.main+xml');
    const core = files.get('docProps/core.xml')!.toString();
    expect(core).toContain('<dc:title>Laporan Hasil Evaluasi 2023 — Kabupaten Kutai Kartanegara</dc:title>');
    expect(files.get('word/styles.xml')!.toString()).toContain('w:val="id-ID"');
  });

  it('has real headings for navigation, tables with repeating header rows, and the content', () => {
    const xml = files.get('word/document.xml')!.toString();
    const headings = [...xml.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<w:t[^>]*>([^<]+)<\/w:t>/g)].map((m) => m[1]);
    expect(headings).toEqual(['1. Ringkasan', '2. Grafik', '3. Indeks per dimensi', '4. Komponen', '5. Indikator', '6. Kekuatan, kelemahan dan rekomendasi']);
    expect(xml.match(/<w:pStyle w:val="Heading2"\/>/g)).toHaveLength(3);
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(4);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(4);
    for (const text of ['Kabupaten Kutai Kartanegara', indexText, 'Kekuatan', 'Kelemahan', 'Rekomendasi', 'tanpa data dukung', 'ILUSTRATIF', data.indicators[29]!.name]) {
      expect(xml).toContain(text);
    }
    const footer = [...files.keys()].filter((k) => /^word\/footer\d*\.xml$/.test(k)).map((k) => files.get(k)!.toString()).join('');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
  });

  it('embeds the three charts as non-blank PNG images with alt text', async () => {
    const media = [...files.keys()].filter((k) => /^word\/media\/.+\.png$/.test(k));
    expect(media).toHaveLength(3);
    const xml = files.get('word/document.xml')!.toString();
    expect(xml).toContain('descr="Grafik radar 6 dimensi');
    for (const name of media) {
      const img = sharp(files.get(name)!);
      const meta = await img.metadata();
      expect(meta.format).toBe('png');
      expect(meta.width).toBeGreaterThanOrEqual(1500);
      const { data: px, info } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
      let ink = 0;
      for (let i = 0; i < px.length; i += info.channels) if (px[i]! < 235 || px[i + 1]! < 235 || px[i + 2]! < 235) ink++;
      expect(ink / (info.width * info.height)).toBeGreaterThan(0.02);
    }
  });
});
